// The one place a stream of encoded events becomes an HTTP body: frames go out in order, and any
// failure while producing them (or a fault scripted after N events) becomes an exception frame
// instead of a torn connection (SPEC.md §7.2).
import { asBedrockError, type BedrockError } from '../errors.js';
import { exceptionFrame, type loadCodec } from './frames.js';

type Codec = Awaited<ReturnType<typeof loadCodec>>;

/** A scripted failure: `error` goes out after `events` frames (or after the last one). */
export interface StreamFailure {
  events: number;
  error: BedrockError;
}

/** The frames of a stream body, produced lazily as the Node handler writes them (with backpressure). */
export function* eventStreamBody(codec: Codec, frames: Iterable<Uint8Array>, failure?: StreamFailure): Generator<Uint8Array> {
  let n = 0;
  try {
    for (const frame of frames) {
      if (failure && n === failure.events) throw failure.error;
      yield frame;
      n++;
    }
    // A fault scripted past the last event still fires, after it.
    if (failure) throw failure.error;
  } catch (err) {
    yield exceptionFrame(codec, asBedrockError(err));
  }
}
