// What InvokeModel and InvokeModelWithResponseStream share before they answer: resolve the model,
// check the media types, read and parse the body, and let the family validate it. Every failure
// here is answered as a plain JSON error, before any stream opens (FORMATS.md §0).
import type { Context } from 'hono';
import { resolveModel } from '../catalog/resolve.js';
import { Errors } from '../errors.js';
import type { Family, InvokeContext } from '../families/family.js';
import { familyFor } from '../families/index.js';
import { readRequestBody } from '../http/body.js';
import { callerRegion } from '../http/region.js';
import { templated } from '../responder/chat-template.js';
import { limitToWindow, windowStop } from './context-window.js';
import { conversationTokens } from '../responder/tokens.js';
import type { Conversation, Reply } from '../responder/types.js';
import type { Runtime } from '../runtime.js';

export interface Invocation {
  family: Family;
  ctx: InvokeContext;
  request: unknown;
  /** The reply the responder gave, once the family has asked for it (carries any scripted fault). */
  reply(): Reply | undefined;
}

// The JS SDK sends `application/octet-stream` when the caller gives no contentType (SPEC.md §2,
// notes), and Bedrock accepts it, as it does a missing header. Parameters are not tolerated:
// `application/json; charset=utf-8` is refused too (src/errors.evidence.md §5: a test "found against the
// live endpoint").
const ACCEPTED_TYPES = new Set(['', 'application/json', 'application/octet-stream']);
const mediaType = (value: string | undefined) => (value ?? '').trim().toLowerCase();
// Accept as HTTP clients write it: a list of ranges with parameters (`application/json, text/plain, */*`
// is what axios-style clients send, `*/*;q=0.8` what browsers add). No sighting either way for a list
// (src/refusals.evidence.md T09), so any range that covers JSON is enough; a header that names only
// other types keeps the refusal quoted for "an odd Accept" (T08).
const JSON_RANGES = new Set(['application/json', 'application/*', '*/*']);
function acceptsJson(header: string | undefined): boolean {
  const ranges = mediaType(header).split(',').map((range) => range.split(';')[0].trim());
  return ranges.every((range) => range === '') || ranges.some((range) => JSON_RANGES.has(range));
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw Errors.malformedJson();
  }
}

/** `streaming`: the caller is InvokeModelWithResponseStream, whose refusal of a model that cannot
 * stream comes before the body is looked at. */
export async function prepareInvocation(c: Context, runtime: Runtime, streaming: boolean): Promise<Invocation> {
  const requestId = c.get('requestId') as string;
  const modelId = c.req.param('modelId') ?? '';
  c.set('modelId', modelId);
  const { entry } = resolveModel(modelId, runtime.settings.customModelId, true, callerRegion(c.req.header('authorization'), runtime.settings.region));
  if (streaming && !entry.streaming) throw Errors.streamingNotSupported();
  const acceptHeader = streaming ? 'x-amzn-bedrock-accept' : 'accept';
  if (!ACCEPTED_TYPES.has(mediaType(c.req.header('content-type')))) throw Errors.unsupportedContentType();
  if (!acceptsJson(c.req.header(acceptHeader))) throw Errors.unsupportedAccept();
  const family = await familyFor(entry.family);
  const body = parseJson(await readRequestBody(c));
  let last: Reply | undefined;
  const respond = (asked: Conversation) => {
    // Counted with the model's chat template, as Bedrock bills it (src/responder/chat-template.ts).
    const conv = templated(asked, entry.family, entry.modelId, false);
    if (conversationTokens(conv) > entry.contextWindow) throw Errors.inputTooLong();
    const window = limitToWindow(conv, entry);
    return (last = windowStop(runtime.respond(window.conv, entry.modelId), window.bound));
  };
  const ctx: InvokeContext = { model: entry, requestId, respond, modelIdAsCalled: modelId };
  return { family, ctx, request: family.parse(body, ctx), reply: () => last };
}
