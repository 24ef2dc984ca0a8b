// The one place a stream of encoded events becomes an HTTP body: frames go out in order, and any
// failure while producing them (or a fault scripted after N events) becomes an exception frame
// instead of a torn connection (SPEC.md §7.2). Scripted timing and cuts (issue 9) are decided here
// too, as Pause and Cut parts the Node handler carries out (emulator/node-handler.ts).
import { asBedrockError, type BedrockError } from '../errors.js';
import type { BodyPart, Cut } from '../http/reply.js';
import type { Drop, Pacing } from '../responder/types.js';
import { exceptionFrame, type loadCodec } from './frames.js';
import { StreamSchedule } from './pacing.js';
import { STREAM_EVENTS_LIMIT } from '../journal.js';
import { currentRequest } from '../responder/request-scope.js';

type Codec = Awaited<ReturnType<typeof loadCodec>>;

/** A scripted failure: `error` goes out after `events` frames (or after the last one). */
export interface StreamFailure {
  events: number;
  error: BedrockError;
}

/** One encoded event and the tokens of generated text it carries (src/stream/pacing.ts textTokens). */
export interface Frame {
  bytes: Uint8Array;
  tokens: number;
}

export interface StreamScript {
  failure?: StreamFailure;
  /** Paced from `start` (the `now()` the request arrived). */
  pacing?: Pacing;
  start?: number;
  drop?: Drop;
}

const CUT: Cut = { cut: true };

/** The `:event-type` (or `exception:<:exception-type>`) of an encoded frame: its string headers, read
 * from the prelude (total length, headers length, CRC), for the journal's list of stream events. */
export function frameEventName(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = Math.min(bytes.length, 12 + view.getUint32(4));
  const headers: Record<string, string> = {};
  for (let at = 12; at < end; ) {
    const nameLength = bytes[at];
    const name = Buffer.from(bytes.subarray(at + 1, at + 1 + nameLength)).toString('utf8');
    at += 1 + nameLength;
    if (bytes[at] !== 7) break; // only string headers are needed, and they come first
    const length = view.getUint16(at + 1);
    headers[name] = Buffer.from(bytes.subarray(at + 3, at + 3 + length)).toString('utf8');
    at += 3 + length;
  }
  return headers[':message-type'] === 'exception' ? `exception:${headers[':exception-type']}` : (headers[':event-type'] ?? 'event');
}

/** The frames of a stream body, produced lazily as the Node handler writes them (with backpressure).
 * The events sent are noted in the request's journal entry (captured now: the body is written later,
 * outside the request's scope). */
export function eventStreamBody(codec: Codec, frames: Iterable<Frame>, script: StreamScript = {}): Generator<BodyPart> {
  const scope = currentRequest();
  const events: string[] | undefined = scope ? (scope.streamEvents = []) : undefined;
  const note = (name: string) => {
    if (events && events.length < STREAM_EVENTS_LIMIT) events.push(name);
  };
  return frameParts(codec, frames, script, note);
}

function* frameParts(codec: Codec, frames: Iterable<Frame>, script: StreamScript, note: (name: string) => void): Generator<BodyPart> {
  const { failure } = script;
  // A drop that names no point cuts before the first event.
  const drop = script.drop && script.drop.afterBytes === undefined && script.drop.afterEvents === undefined ? { afterEvents: 0 } : script.drop;
  const schedule = script.pacing ? new StreamSchedule(script.pacing, script.start ?? 0) : undefined;
  let n = 0;
  let sent = 0;
  try {
    for (const frame of frames) {
      if (failure && n === failure.events && !(drop?.afterEvents !== undefined && drop.afterEvents <= n)) throw failure.error;
      if (drop?.afterEvents !== undefined && n >= drop.afterEvents) { note('cut'); return yield CUT; }
      if (schedule) yield { until: schedule.next(frame.tokens) };
      if (drop?.afterBytes !== undefined && sent + frame.bytes.length >= drop.afterBytes) {
        yield frame.bytes.subarray(0, Math.max(0, drop.afterBytes - sent));
        { note('cut'); return yield CUT; }
      }
      yield frame.bytes;
      note(frameEventName(frame.bytes));
      sent += frame.bytes.length;
      n++;
    }
    // A cut or fault scripted past the last event still happens, after it (a cut first: no exception frame).
    if (drop) { note('cut'); return yield CUT; }
    if (failure) throw failure.error;
  } catch (err) {
    const frame = exceptionFrame(codec, asBedrockError(err));
    yield frame;
    note(frameEventName(frame));
  }
}
