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
    // The model's own conversation rules, as Converse applies them (a leading assistant turn on Claude 3.7+).
    tokens = conversationTokens(templated(toConversation(input.converse, entry.maxOutputTokens, false, traits), entry.family, entry.modelId, true));
  } else if (input.invokeModel) {
    // The family reads the native body as InvokeModel would; its conversation is what counts.
    let body: unknown;
    try {
      body = JSON.parse(Buffer.from(String(input.invokeModel.body), 'base64').toString('utf8'));
    } catch {
      throw Errors.malformedJson();
    }
    checkCountedTools(body);
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

// Server tools, which Anthropic runs itself: CountTokens' Claude schema knows only the client tool
// tags and refuses these (pydantic-ai cassette, 2026-06-25, `web_search_20250305` on Claude Sonnet 4;
// src/refusals.evidence.md N06). Only the server tools are refused: other tags outside the recorded
// list (`computer_…`, newer editor versions) have no sighting either way, so they pass.
const SERVER_TOOL = /^(web_search|web_fetch|code_execution)_\d{8}$/;

function checkCountedTools(body: unknown): void {
  const tools = (body as { tools?: unknown })?.tools;
  if (!Array.isArray(tools)) return;
  tools.forEach((tool, i) => {
    const type = (tool as { type?: unknown })?.type;
    if (typeof type === 'string' && SERVER_TOOL.test(type)) throw ConverseErrors.countTokensToolTag(i, type);
  });
}
