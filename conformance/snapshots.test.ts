// The contract snapshot mechanism itself (support/snapshots.ts): a deliberately wrong snapshot,
// written to a temporary folder through CONTRACT_SNAPSHOTS_DIR, makes the comparison name the
// differing paths; the right one makes it silent.
import { BedrockRuntimeClient, InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { contractOf } from './replay/compare.js';
import { chunks, credentials, useTarget } from './support/emulator.js';
import { emulatorDescribe } from './support/markers.js';
import { attachSnapshots, contractToJson, diffWithSnapshot, readSnapshotFile, takeAnswers, writeSnapshotEntries } from './support/snapshots.js';

const t = useTarget();

emulatorDescribe('contract snapshots', () => {
  let dir: string;
  let previous: string | undefined;
  let client: BedrockRuntimeClient;
  beforeAll(() => {
    previous = process.env.CONTRACT_SNAPSHOTS_DIR;
    dir = mkdtempSync(join(tmpdir(), 'snapshots-'));
    process.env.CONTRACT_SNAPSHOTS_DIR = dir;
    client = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: t.url, credentials, maxAttempts: 1 });
    attachSnapshots(client, true);
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.CONTRACT_SNAPSHOTS_DIR;
    else process.env.CONTRACT_SNAPSHOTS_DIR = previous;
    rmSync(dir, { recursive: true, force: true });
    client?.destroy();
  });

  const body = JSON.stringify({ inputText: 'hi', textGenerationConfig: { maxTokenCount: 5 } });

  it('reports the differing paths of a wrong snapshot, and nothing for a right one', async () => {
    await client.send(new InvokeModelCommand({ modelId: 'amazon.titan-text-express-v1', body }));
    const answers = await takeAnswers();
    expect(answers).toHaveLength(1);
    const right = contractToJson(contractOf(answers[0]!));
    const wrong = structuredClone(right);
    wrong.status = 400;
    wrong.headers['x-amzn-errortype'] = 'ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/';
    wrong.json!.types['$.results[].tokenCounts'] = wrong.json!.types['$.results[].tokenCount']!;
    delete wrong.json!.types['$.results[].tokenCount'];
    writeSnapshotEntries('mechanism', { right: { source: 'test', answers: [right] }, wrong: { source: 'test', answers: [wrong, right] } });

    const file = readSnapshotFile('mechanism');
    expect(diffWithSnapshot('right', file.right!, answers)).toEqual([]);
    const differences = diffWithSnapshot('wrong', file.wrong!, answers);
    expect(differences).toEqual([
      'answers: the snapshot has 2, the test received 1',
      expect.stringMatching(/^#1 status: real 400, emulator 200/),
      "#1 header x-amzn-errortype: missing from the emulator's answer (real: ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/)",
      "#1 body $.results[].tokenCounts: missing from the emulator's answer (real: {integer})",
      "#1 body $.results[].tokenCount: not in the real answer (emulator: {integer})",
    ]);
  });

  it('observes an event stream as the SDK reads it, without changing what the SDK gets', async () => {
    const res = await client.send(new InvokeModelWithResponseStreamCommand({ modelId: 'amazon.titan-text-express-v1', body }));
    const events = await chunks(res.body);
    expect(events).toHaveLength(1);
    const [answer] = await takeAnswers();
    const stream = contractToJson(contractOf(answer!)).stream!;
    expect(stream.incomplete).toBeUndefined();
    expect(stream.kinds).toEqual([`{${Object.keys(events[0]).sort().join(',')}}`]);
  });
});
