// Starts an emulator for a test file and hands out real SDK clients pointed at it: the default
// JS client (HTTP/2, exactly as users get it) and the same client forced onto HTTP/1.1.
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../emulator/index.js';

export const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

export interface TestTarget {
  url: string;
  /** The default client: HTTP/2 with prior knowledge. */
  h2: BedrockRuntimeClient;
  /** The same client over HTTP/1.1, as boto3 and the CLI speak. */
  h1: BedrockRuntimeClient;
  /** The control-plane client (`bedrock`), pointed at the same port. */
  bedrock: BedrockClient;
  /** Both, for tests that must hold on either protocol. */
  clients: Array<[string, BedrockRuntimeClient]>;
}

/** Registers beforeAll/afterAll hooks; read the fields inside tests. */
export function useEmulator(options: EmulatorOptions = {}): TestTarget {
  let emulator: RunningEmulator | undefined;
  const target = { clients: [] } as unknown as TestTarget;
  beforeAll(async () => {
    emulator = await startEmulator(options);
    const common = { region: 'us-east-1', endpoint: emulator.url, credentials, maxAttempts: 1 };
    target.url = emulator.url;
    target.h2 = new BedrockRuntimeClient(common);
    target.h1 = new BedrockRuntimeClient({ ...common, requestHandler: new NodeHttpHandler() });
    target.bedrock = new BedrockClient(common);
    target.clients.push(['HTTP/2', target.h2], ['HTTP/1.1', target.h1]);
  });
  afterAll(async () => {
    target.h2?.destroy();
    target.h1?.destroy();
    target.bedrock?.destroy();
    await emulator?.close();
  });
  return target;
}

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
