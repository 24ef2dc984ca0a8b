// Model identifiers, transport and the errors a client can cause, through real clients and raw
// HTTP/1.1 (SPEC.md §3, §4, §8; REAL_ERROR_MESSAGES.md).
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect } from 'vitest';
import { chunks, failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const fixtures = mkdtempSync(join(tmpdir(), 'bedrock-emulator-faults-'));
// Scripted failures for two models, through the fixtures folder as users would write them.
writeFileSync(join(fixtures, 'amazon.titan-text-lite-v1.json'), JSON.stringify({ text: 'unused', fault: { name: 'ThrottlingException', message: 'Too many requests, please wait before trying again.' } }));
writeFileSync(join(fixtures, 'amazon.titan-tg1-large.json'), JSON.stringify({ text: 'unused', fault: { name: 'ModelStreamErrorException', message: 'The system encountered an unexpected error during processing. Try your request again.', fields: { originalStatusCode: 500, originalMessage: 'boom' }, afterEvents: 0 } }));

const t = useEmulator({ fixtures, customModelId: 'amazon.titan-text-express-v1' });
const body = JSON.stringify({ inputText: 'hello', textGenerationConfig: { maxTokenCount: 8 } });
const AUTH = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=abc';

async function raw(path: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const res = await fetch(`${t.url}${path}`, { method: 'POST', ...init, headers: { authorization: AUTH, 'content-type': 'application/json', ...(init.headers ?? {}) } });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel('amazon.titan-text-express-v1', 'us.anthropic.claude-3-7-sonnet-20250219-v1:0');

describe('model identifiers', () => {
  const accepts = async (_: string, modelId: string) => {
    const isClaude = modelId.includes('claude');
    const payload = isClaude ? JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }) : body;
    for (const [, client] of t.clients) {
      const res = await client.send(new InvokeModelCommand({ modelId, body: payload }));
      expect(res.$metadata.httpStatusCode).toBe(200);
    }
  };
  awsIt.each([
    ['a base id', 'amazon.titan-text-express-v1'],
    ['a foundation-model ARN', 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1'],
    ['a cross-region profile id', 'us.anthropic.claude-3-7-sonnet-20250219-v1:0'],
  ])('accepts %s', accepts);
  // ARNs of the example account 123456789012, and the emulator's --custom-model for the last two.
  emulatorIt.each([
    ['a profile ARN', 'arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-20250219-v1:0'],
    ['an application-inference-profile ARN', 'arn:aws:bedrock:us-east-1:123456789012:application-inference-profile/abcdef012345'],
    ['a provisioned-model ARN', 'arn:aws:bedrock:us-east-1:123456789012:provisioned-model/abcdef012345'],
  ])('accepts %s of the example account', accepts);

  emulatorIt('accepts a raw colon in the path as well as %3A', async () => {
    const claude = JSON.stringify({ anthropic_version: 'bedrock-2023-05-31', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] });
    for (const id of ['us.anthropic.claude-3-7-sonnet-20250219-v1:0', 'us.anthropic.claude-3-7-sonnet-20250219-v1%3A0']) {
      const res = await raw(`/model/${id}/invoke`, { body: claude });
      expect(res.status, id).toBe(200);
    }
  });

  awsIt('refuses an unknown id with the provided-model-identifier message', async () => {
    for (const [, client] of t.clients) {
      const err = await failure(() => client.send(new InvokeModelCommand({ modelId: 'amazon.titan-text-nonexistent-v9', body })));
      expect(err.name).toBe('ValidationException');
      expect(err.message).toBe('The provided model identifier is invalid.');
      expect(err.$metadata.httpStatusCode).toBe(400);
    }
  });

  awsIt('refuses a profile the model does not have', async () => {
    const err = await failure(() => t.h2.send(new InvokeModelCommand({ modelId: 'eu.amazon.titan-text-express-v1', body })));
    expect(err.message).toBe('The provided model identifier is invalid.');
  });

  awsIt('refuses a bare id of a profile-only model with the on-demand message', async () => {
    await requireModel('anthropic.claude-3-7-sonnet-20250219-v1:0');
    const err = await failure(() => t.h2.send(new InvokeModelCommand({ modelId: 'anthropic.claude-3-7-sonnet-20250219-v1:0', body })));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe(
      'Invocation of model ID anthropic.claude-3-7-sonnet-20250219-v1:0 with on-demand throughput isn\u2019t supported. Retry your request with the ID or ARN of an inference profile that contains this model.',
    );
  });

  awsIt('refuses an id outside the modelId pattern with coral\'s constraint message', async () => {
    const err = await failure(() => t.h1.send(new InvokeModelCommand({ modelId: 'not a model', body })));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toMatch(/^1 validation error detected: Value 'not a model' at 'modelId' failed to satisfy constraint: Member must satisfy regular expression pattern: \(arn:aws/);
  });
});

describe('request errors', () => {
  emulatorIt('refuses a request with no Authorization header as the front end does', async () => {
    const res = await fetch(`${t.url}/model/amazon.titan-text-express-v1/invoke`, { method: 'POST', body });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('AccessDeniedException:http://internal.amazon.com/coral/com.amazon.coral.service/');
    expect(await res.text()).toBe('{"Message":"Authorization header is missing"}');
  });

  emulatorIt('answers an unknown route and a wrong method with Unknown operation', async () => {
    for (const [path, method] of [['/nope', 'POST'], ['/model/amazon.titan-text-express-v1/invoke', 'GET'], ['/model/amazon.titan-text-express-v1/invoke/extra', 'POST']]) {
      const res = await raw(path, { method, body: method === 'GET' ? undefined : body });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.headers.get('x-amzn-errortype')).toBe('ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/');
      expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.parse(res.body)).toEqual({ message: 'Unknown operation' });
    }
  });

  awsIt('refuses a body that is not JSON', async () => {
    for (const [, client] of t.clients) {
      const err = await failure(() => client.send(new InvokeModelCommand({ modelId: 'amazon.titan-text-express-v1', body: '{ Malformed Request Body' })));
      expect(err.message).toBe('Malformed input request, please reformat your input and try again.');
    }
  });

  awsIt('refuses an unsupported content type and accept', async () => {
    let err = await failure(() => t.h2.send(new InvokeModelCommand({ modelId: 'amazon.titan-text-express-v1', body, contentType: 'text/plain' })));
    expect(err.message).toBe('The provided Content Type is invalid or not supported for this model');
    err = await failure(() => t.h2.send(new InvokeModelCommand({ modelId: 'amazon.titan-text-express-v1', body, accept: 'text/html' })));
    expect(err.message).toBe('The provided Accept Type is invalid or not supported for this model');
  });

  awsIt('refuses a body over 25,000,000 bytes, and keeps serving', async () => {
    const big = new Uint8Array(25_000_001).fill(32);
    for (const [, client] of t.clients) {
      const err = await failure(() => client.send(new InvokeModelCommand({ modelId: 'amazon.titan-text-express-v1', body: big })));
      expect(err.name).toBe('ValidationException');
      expect(err.message).toBe("1 validation error detected: Value at 'body' failed to satisfy constraint: Member must have length less than or equal to 25000000");
      const ok = await client.send(new InvokeModelCommand({ modelId: 'amazon.titan-text-express-v1', body }));
      expect(json(ok.body).results).toHaveLength(1);
    }
  });

  emulatorIt('keeps concurrent requests apart when some of them are bad', async () => {
    const ask = (client: typeof t.h1, text: string) =>
      client.send(new InvokeModelCommand({ modelId: 'amazon.titan-text-express-v1', body: JSON.stringify({ inputText: text }) })).then((r) => json(r.body));
    // Each prompt alone first, then all at once with bad requests in between: same answers.
    const prompts = Array.from({ length: 40 }, (_, i) => 'word '.repeat(i + 1));
    const alone: any[] = [];
    for (const p of prompts) alone.push(await ask(t.h1, p));
    const calls = prompts.map((p, i) => {
      const client = i % 2 ? t.h1 : t.h2;
      if (i % 3 === 0) return failure(() => client.send(new InvokeModelCommand({ modelId: 'amazon.titan-text-express-v1', body: '{bad' }))).then((e) => e.name);
      return ask(client, p);
    });
    const together = await Promise.all(calls);
    together.forEach((r, i) => expect(r).toEqual(i % 3 === 0 ? 'ValidationException' : alone[i]));
    expect(new Set(alone.map((a) => a.inputTextTokenCount)).size).toBe(40);
  });
});

describe('request errors, concurrently', () => {
  // The AWS part of the test above: bad requests among good ones, all in flight at once, each
  // answered for itself. Real answers differ from call to call, so only their kinds are compared.
  awsIt('keeps concurrent requests apart when some of them are bad', async () => {
    const calls = Array.from({ length: 9 }, (_, i) => {
      const client = i % 2 ? t.h1 : t.h2;
      if (i % 3 === 0) return failure(() => client.send(new InvokeModelCommand({ modelId: 'amazon.titan-text-express-v1', body: '{bad' }))).then((e) => e.name);
      return client.send(new InvokeModelCommand({ modelId: 'amazon.titan-text-express-v1', body })).then((r) => typeof json(r.body).results[0].outputText);
    });
    const together = await Promise.all(calls);
    together.forEach((r, i) => expect(r).toBe(i % 3 === 0 ? 'ValidationException' : 'string'));
  });
});

describe('scripted faults', () => {
  emulatorIt('fails InvokeModel with the scripted error', async () => {
    const err = await failure(() => t.h2.send(new InvokeModelCommand({ modelId: 'amazon.titan-text-lite-v1', body })));
    expect(err.name).toBe('ThrottlingException');
    expect(err.$metadata.httpStatusCode).toBe(429);
  });

  emulatorIt('sends a failure after the stream opened as an exception frame', async () => {
    for (const [, client] of t.clients) {
      // The JS SDK reads the first frame inside send(), so a fault before the first event
      // surfaces there; a later one surfaces while iterating.
      const err = await failure(async () => chunks((await client.send(new InvokeModelWithResponseStreamCommand({ modelId: 'amazon.titan-tg1-large', body }))).body));
      expect(err.name).toBe('ModelStreamErrorException');
      expect(err.message).toBe('The system encountered an unexpected error during processing. Try your request again.');
      expect(err.originalStatusCode).toBe(500);
    }
  });
});

describe('context window', () => {
  awsIt('refuses a prompt longer than the model takes', async () => {
    // Titan Text Express takes 8k tokens; 40,000 words are far past that.
    const inputText = 'word '.repeat(40_000);
    for (const [, client] of t.clients) {
      const err = await failure(() => client.send(new InvokeModelCommand({ modelId: 'amazon.titan-text-express-v1', body: JSON.stringify({ inputText }) })));
      expect(err.name).toBe('ValidationException');
      expect(err.message).toBe('Input is too long for requested model.');
    }
  });
});
