// Helpers shared by the test files. The clients come from target.ts (useTarget; useEmulator is its
// old name, kept so that callers read unchanged): the default JS client (HTTP/2, exactly as users get
// it), the same client forced onto HTTP/1.1, and the control-plane client.

export { credentials, requireModel, useLoggedTarget, useTarget, useTarget as useEmulator, type TestTarget } from './target.js';
const decoder = new TextDecoder();

/** The JSON of an InvokeModel response body. */
export const json = (bytes: Uint8Array | undefined): any => JSON.parse(decoder.decode(bytes));

/** Collects the decoded native chunks of an InvokeModelWithResponseStream response. */
export async function chunks(stream: AsyncIterable<any> | undefined): Promise<any[]> {
  const out: any[] = [];
  for await (const event of stream ?? []) {
    if (!event.chunk) throw new Error(`unexpected stream event ${JSON.stringify(Object.keys(event))}`);
    out.push(json(event.chunk.bytes));
  }
  return out;
}

/** Runs `fn` and returns the error it throws (fails if it does not throw). */
export async function failure(fn: () => Promise<unknown>): Promise<any> {
  try {
    await fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}
