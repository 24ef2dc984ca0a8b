// The one place a stream of encoded events becomes an HTTP body: frames go out in order, and any
// failure while producing them (or a fault scripted after N events) becomes an exception frame
// instead of a torn connection (SPEC.md §7.2). Scripted timing and cuts (issue 9) are decided here
// too, as Pause and Cut parts the Node handler carries out (emulator/node-handler.ts).
import { asBedrockError, type BedrockError } from '../errors.js';
import type { BodyPart, Cut } from '../http/reply.js';
import type { Drop, Pacing } from '../responder/types.js';
import { exceptionFrame, type loadCodec } from './frames.js';
import { StreamSchedule } from './pacing.js';

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

/** The frames of a stream body, produced lazily as the Node handler writes them (with backpressure). */
export function* eventStreamBody(codec: Codec, frames: Iterable<Frame>, script: StreamScript = {}): Generator<BodyPart> {
  const { failure } = script;
  // A drop that names no point cuts before the first event.
  const drop = script.drop && script.drop.afterBytes === undefined && script.drop.afterEvents === undefined ? { afterEvents: 0 } : script.drop;
  const schedule = script.pacing ? new StreamSchedule(script.pacing, script.start ?? 0) : undefined;
  let n = 0;
  let sent = 0;
  try {
    for (const frame of frames) {
      if (failure && n === failure.events && !(drop?.afterEvents !== undefined && drop.afterEvents <= n)) throw failure.error;
      if (drop?.afterEvents !== undefined && n >= drop.afterEvents) return yield CUT;
      if (schedule) yield { until: schedule.next(frame.tokens) };
      if (drop?.afterBytes !== undefined && sent + frame.bytes.length >= drop.afterBytes) {
        yield frame.bytes.subarray(0, Math.max(0, drop.afterBytes - sent));
        return yield CUT;
      }
      yield frame.bytes;
      sent += frame.bytes.length;
      n++;
    }
    // A cut or fault scripted past the last event still happens, after it (a cut first: no exception frame).
    if (drop) return yield CUT;
    if (failure) throw failure.error;
  } catch (err) {
    yield exceptionFrame(codec, asBedrockError(err));
  }
}
