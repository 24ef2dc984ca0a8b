// Turns plain JSON events into application/vnd.amazon.eventstream frames (SPEC.md §7), using
// @smithy/eventstream-codec for the binary layout and CRCs. Loaded lazily: the codec pulls in
// @smithy/core, which would otherwise cost ~60 ms of start-up for every user.
import type { BedrockError } from '../errors.js';

type Codec = { encode(message: { headers: Record<string, { type: 'string'; value: string }>; body: Uint8Array }): Uint8Array };
let codec: Promise<Codec> | undefined;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function loadCodec(): Promise<Codec> {
  codec ??= import('@smithy/eventstream-codec').then(
    ({ EventStreamCodec }) => new EventStreamCodec((b: Uint8Array) => decoder.decode(b), (s: string) => encoder.encode(s)),
  );
  return codec;
}

// Real payloads carry `"p"`: a prefix of this alphabet of varying length (FORMATS.md §0,
// "Event-stream framing"; lengths 2..61 observed). Clients ignore it.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** Padding for the n-th frame of a stream: deterministic, spread over the observed lengths. */
export function padding(n: number): string {
  return ALPHABET.slice(0, 2 + ((n * 37 + 11) % 60));
}

const header = (value: string) => ({ type: 'string' as const, value });

/** An event frame; header order as on the wire: :event-type, :content-type, :message-type. */
export function eventFrame(c: Codec, eventType: string, payload: unknown): Uint8Array {
  return c.encode({
    headers: { ':event-type': header(eventType), ':content-type': header('application/json'), ':message-type': header('event') },
    body: encoder.encode(JSON.stringify(payload)),
  });
}

/** InvokeModelWithResponseStream's `chunk` event: `{"bytes": base64(native JSON), "p": …}`. */
export function chunkFrame(c: Codec, nativeEvent: unknown, n: number): Uint8Array {
  const bytes = Buffer.from(JSON.stringify(nativeEvent)).toString('base64');
  return eventFrame(c, 'chunk', { bytes, p: padding(n) });
}

/** A modeled exception inside a stream: `:exception-type` is the union member, lowerCamel (SPEC.md §7.2). */
export function exceptionFrame(c: Codec, err: BedrockError): Uint8Array {
  const member = err.name.charAt(0).toLowerCase() + err.name.slice(1);
  return c.encode({
    headers: { ':exception-type': header(member), ':content-type': header('application/json'), ':message-type': header('exception') },
    body: encoder.encode(JSON.stringify({ message: err.message, ...err.fields })),
  });
}
