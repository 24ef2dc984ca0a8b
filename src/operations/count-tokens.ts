// CountTokens: POST /model/{modelId}/count-tokens with `{input: {converse: …}}` or
// `{input: {invokeModel: {body}}}` (SPEC.md §6). Counts with the same estimate usage reports:
// a converse input counts as Converse would, an invokeModel body as the model's family reads it.
import type { Context } from 'hono';
import { checkConstraints } from '../converse/coral.js';
import { COUNT_TOKENS_REQUEST } from '../converse/converse-shapes.js';
import { toConversation } from '../converse/conversation.js';
import { ConverseErrors, Errors } from '../errors.js';
import { familyFor } from '../families/index.js';
import { templated } from '../responder/chat-template.js';
import { conversationTokens } from '../responder/tokens.js';
import type { Conversation } from '../responder/types.js';
import { jsonReply, type HttpReply } from '../http/reply.js';
import type { Runtime } from '../runtime.js';
import { converseModel, readJson } from './prepare-converse.js';

export const countTokens = (runtime: Runtime) => async (c: Context): Promise<HttpReply> => {
  const { entry, traits, viaProfile } = converseModel(c, runtime, false);
  // Only base model ids count: profile ids are refused like unsupported models (evidence §5).
  if (!traits.countTokens || viaProfile) throw ConverseErrors.countTokensUnsupported();
  const request = await readJson(c);
  checkConstraints(COUNT_TOKENS_REQUEST, request);
  const input = request.input ?? {};
  let tokens: number;
  if (input.converse) {
    const blocks = [...(input.converse.messages ?? [])].flatMap((m: any) => m.content ?? []);
    if (blocks.some((b: any) => b.document)) throw ConverseErrors.countTokensDocument();
    tokens = conversationTokens(templated(toConversation(input.converse, entry.maxOutputTokens, false), entry.family, entry.modelId, true));
  } else if (input.invokeModel) {
    // The family reads the native body as InvokeModel would; its conversation is what counts.
    let body: unknown;
    try {
      body = JSON.parse(Buffer.from(String(input.invokeModel.body), 'base64').toString('utf8'));
    } catch {
      throw Errors.malformedJson();
    }
    const family = await familyFor(entry.family);
    let seen: Conversation | undefined;
    const ctx = { model: entry, requestId: c.get('requestId') as string, respond: (conv: Conversation) => ((seen = conv), runtime.respond(conv, entry.modelId)) };
    family.invoke(family.parse(body, ctx), ctx);
    tokens = seen ? conversationTokens(templated(seen, entry.family, entry.modelId, false)) : 0;
  } else {
    throw ConverseErrors.countTokensInputRequired();
  }
  return jsonReply(200, { inputTokens: tokens }, c.get('requestId'));
};
