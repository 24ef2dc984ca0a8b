// ApplyGuardrail, which the emulator answered "Unknown operation" before real recordings showed it
// in use (Arize-ai/openinference cassettes test_apply_guardrails*.yaml, 2026-04-09). Guardrails are
// not emulated: every guardrail lets the content through (src/operations/apply-guardrail.ts).
import { ApplyGuardrailCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { failure, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const content = [{ text: { text: 'Who is the president of USA?' } }];

describe.each([['HTTP/2'], ['HTTP/1.1']])('ApplyGuardrail over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);

  awsIt('refuses a guardrail version outside the service model pattern with Coral words', async () => {
    const err = await failure(() => client().send(new ApplyGuardrailCommand({ guardrailIdentifier: '274u1upxm897', guardrailVersion: 'v1', source: 'INPUT', content })));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe(
      "1 validation error detected: Value 'v1' at 'guardrailVersion' failed to satisfy constraint: Member must satisfy regular expression pattern: (|([1-9][0-9]{0,7})|(DRAFT))",
    );
  });

  emulatorIt('lets the content through: action NONE, one assessment naming the guardrail, the recorded key order, every character guarded', async () => {
    const res = await client().send(new ApplyGuardrailCommand({ guardrailIdentifier: '274u1upxm897', guardrailVersion: '1', source: 'INPUT', content, outputScope: 'FULL' }));
    expect(res.action).toBe('NONE');
    expect(res.actionReason).toBe('No action.');
    expect(res.outputs).toEqual([]);
    expect(res.assessments?.[0]?.appliedGuardrailDetails).toEqual({
      guardrailArn: 'arn:aws:bedrock:us-east-1:123456789012:guardrail/274u1upxm897',
      guardrailId: '274u1upxm897',
      guardrailOrigin: ['REQUEST'],
      guardrailOwnership: 'SELF',
      guardrailVersion: '1',
    });
    expect(res.guardrailCoverage?.textCharacters).toEqual({ guarded: 28, total: 28 });
    expect(res.usage?.topicPolicyUnits).toBe(0);
    const raw = await fetch(`${t.url}/guardrail/274u1upxm897/version/DRAFT/apply`, {
      method: 'POST',
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0', 'content-type': 'application/json' },
      body: JSON.stringify({ source: 'OUTPUT', content }),
    });
    expect(Object.keys(await raw.json())).toEqual(['action', 'actionReason', 'assessments', 'blockedResponse', 'guardrailCoverage', 'output', 'outputs', 'usage']);
  });
});
