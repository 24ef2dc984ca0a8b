// InvokeModel refusal rules settled for issue 8 on the branch `rules` (src/refusals.evidence.md):
// Accept header lists (T09), unknown keys in Titan Text and Mistral bodies with Mistral's
// response_format honoured (S21, S25), Cohere Embed v4's documented request (S30), Nova 2's
// reasoningConfig and replayed reasoning (S14, S17), Claude 3.5 output limits through InvokeModel.
import { InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { Ajv } from 'ajv';
import { describe, expect } from 'vitest';
import { chunks, failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const titan = 'amazon.titan-text-express-v1';
const mistral7b = 'mistral.mistral-7b-instruct-v0:2';
const mistralLarge = 'mistral.mistral-large-2407-v1:0';
const embedV3 = 'cohere.embed-english-v3';
const embedV4 = 'cohere.embed-v4:0';
const nova2 = 'us.amazon.nova-2-lite-v1:0';
const nova = 'amazon.nova-lite-v1:0';
const haiku35 = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const titanBody = JSON.stringify({ inputText: 'Say hi.', textGenerationConfig: { maxTokenCount: 10 } });
const BAD_ACCEPT = 'The provided Accept Type is invalid or not supported for this model';
const PERSON = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } }, required: ['name', 'age'], additionalProperties: false };
// A 1×1 PNG, as a data URI (the Embed v4 page's image_url form).
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(titan, nova);

describe.each([['HTTP/2'], ['HTTP/1.1']])('InvokeModel rules settled on branch rules, over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const invoke = async (modelId: string, body: unknown, extra: Record<string, string> = {}) =>
    json((await client().send(new InvokeModelCommand({ modelId, body: JSON.stringify(body), ...extra }))).body);

  // T09: no sighting either way for a list; any range covering JSON is enough.
  awsIt.each([['application/json, text/plain, */*'], ['text/html;q=0.9, */*;q=0.8'], ['application/*']])(
    'takes Accept %j (a list or parameters, covering JSON)',
    async (accept) => {
      const res = await client().send(new InvokeModelCommand({ modelId: titan, body: titanBody, accept }));
      expect(res.$metadata.httpStatusCode).toBe(200);
      expect(json(res.body).results).toHaveLength(1);
    },
  );

  awsIt('still refuses an Accept that names only other types', async () => {
    const err = await failure(() => client().send(new InvokeModelCommand({ modelId: titan, body: titanBody, accept: 'text/html, text/plain;q=0.9' })));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe(BAD_ACCEPT);
  });

  awsIt('takes an X-Amzn-Bedrock-Accept list on InvokeModelWithResponseStream', async () => {
    const res = await client().send(new InvokeModelWithResponseStreamCommand({ modelId: titan, body: titanBody, accept: 'application/json, */*;q=0.5' }));
    const events = await chunks(res.body);
    expect(events.at(-1).completionReason).toBeDefined();
  });

  // S21: no refusal of an unknown key is on record for Titan Text.
  awsIt('Titan Text takes unknown keys at the top level and in textGenerationConfig', async () => {
    const body = await invoke(titan, { inputText: 'Say hi.', requestId: 'r-1', textGenerationConfig: { maxTokenCount: 10, seed: 7 } });
    expect(body.results[0].outputText).toEqual(expect.any(String));
    expect(body.inputTextTokenCount).toBeGreaterThan(0);
  });

  // S24/S25: Mistral's own keys pass; response_format is what AWS documents for open-weight models.
  awsIt('Mistral 7B takes random_seed and safe_prompt beside its documented keys', async () => {
    await requireModel(mistral7b);
    const body = await invoke(mistral7b, { prompt: '<s>[INST] Say hi. [/INST]', max_tokens: 10, random_seed: 42, safe_prompt: false });
    expect(body.outputs[0].stop_reason).toMatch(/^(stop|length)$/);
  });

  awsIt('Mistral Large takes stop, random_seed, safe_prompt and response_format json_schema', async () => {
    await requireModel(mistralLarge);
    const body = await invoke(mistralLarge, {
      messages: [{ role: 'user', content: 'Give a person as JSON.' }],
      max_tokens: 100,
      stop: ['###'],
      random_seed: 1,
      safe_prompt: false,
      response_format: { type: 'json_schema', json_schema: { name: 'person', schema: PERSON, strict: true } },
    });
    expect(body.choices[0].message.content).toEqual(expect.any(String));
  });

  emulatorIt('Mistral chat and text answer JSON valid against the response_format schema', async () => {
    const valid = new Ajv().compile(PERSON);
    const chat = await invoke(mistralLarge, { messages: [{ role: 'user', content: 'A person.' }], response_format: { type: 'json_schema', json_schema: { name: 'p', schema: PERSON } } });
    expect(valid(JSON.parse(chat.choices[0].message.content)), JSON.stringify(valid.errors)).toBe(true);
    const text = await invoke(mistral7b, { prompt: '<s>[INST] A person. [/INST]', response_format: { type: 'json_schema', json_schema: { schema: PERSON } } });
    expect(valid(JSON.parse(text.outputs[0].text))).toBe(true);
    const object = await invoke(mistralLarge, { messages: [{ role: 'user', content: 'JSON.' }], response_format: { type: 'json_object' } });
    expect(typeof JSON.parse(object.choices[0].message.content)).toBe('object');
  });

  emulatorIt('the other open-weight chat bodies honour response_format too (gpt-oss after its reasoning, Jamba, Palmyra)', async () => {
    const valid = new Ajv().compile(PERSON);
    const response_format = { type: 'json_schema', json_schema: { name: 'person', schema: PERSON } };
    const messages = [{ role: 'user', content: 'A person.' }];
    const oss = await invoke('openai.gpt-oss-20b-1:0', { messages, response_format, max_completion_tokens: 500 });
    expect(valid(JSON.parse(oss.choices[0].message.content.replace(/^<reasoning>[\s\S]*<\/reasoning>/, '')))).toBe(true);
    const jamba = await invoke('ai21.jamba-1-5-mini-v1:0', { messages, response_format });
    expect(valid(JSON.parse(jamba.choices[0].message.content))).toBe(true);
    const palmyra = await invoke('us.writer.palmyra-x5-v1:0', { messages, response_format });
    expect(valid(JSON.parse(palmyra.choices[0].message.content))).toBe(true);
  });

  // S30: the AWS Embed v4 page's request.
  awsIt('Embed v4 takes inputs (text and image_url parts), max_tokens, truncate RIGHT, output_dimension and embedding_types', async () => {
    await requireModel(embedV4);
    const body = await invoke(embedV4, {
      input_type: 'search_document',
      inputs: [{ content: [{ type: 'text', text: 'A red pixel' }, { type: 'image_url', image_url: PNG }] }, { content: [{ type: 'text', text: 'Just text' }] }],
      max_tokens: 128000,
      truncate: 'RIGHT',
      output_dimension: 256,
      embedding_types: ['float', 'int8'],
    });
    expect(body.response_type).toBe('embeddings_by_type');
    expect(body.embeddings.float).toHaveLength(2);
    expect(body.embeddings.float[0]).toHaveLength(256);
    expect(body.embeddings.int8[1]).toHaveLength(256);
  });

  awsIt('Embed v4 takes a text longer than 2048 characters and truncate LEFT', async () => {
    await requireModel(embedV4);
    const body = await invoke(embedV4, { input_type: 'search_query', texts: ['lorem ipsum '.repeat(300)], truncate: 'LEFT' });
    expect(body.embeddings.float).toHaveLength(1);
  });

  awsIt('Embed v3 keeps refusing a text longer than 2048 characters', async () => {
    await requireModel(embedV3);
    const err = await failure(() => invoke(embedV3, { input_type: 'search_query', texts: ['x'.repeat(2049)] }));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe('Malformed input request: #/texts/0: expected maxLength: 2048, actual: 2049, please reformat your input and try again.');
  });

  awsIt('Embed v4 refuses a body it cannot read in its own words, not everit\'s (vercel/ai fixture, 2026)', async () => {
    await requireModel(embedV4);
    const err = await failure(() => invoke(embedV4, { inputText: 'hello' }));
    expect(err.name).toBe('ValidationException');
    expect(err.message).toBe('Malformed request. Please check your parameter/values and try again.');
  });

  emulatorIt('Embed v4 takes an unknown key beside a valid body; v3 keeps refusing it in everit words', async () => {
    const body = await invoke(embedV4, { input_type: 'search_query', texts: ['hi'], request_tag: 'x' });
    expect(body.embeddings.float).toHaveLength(1);
    const err = await failure(() => invoke(embedV3, { input_type: 'search_query', texts: ['hi'], request_tag: 'x' }));
    expect(err.message).toBe('Malformed input request: #: extraneous key [request_tag] is not permitted, please reformat your input and try again.');
  });

  emulatorIt('Embed v4 embeds each input as a whole: same parts, same vector; other parts, another', async () => {
    const inputs = [{ content: [{ type: 'text', text: 'a' }, { type: 'image_url', image_url: PNG }] }, { content: [{ type: 'text', text: 'a' }, { type: 'image_url', image_url: PNG }] }, { content: [{ type: 'text', text: 'a' }] }];
    const body = await invoke(embedV4, { input_type: 'clustering', inputs });
    expect(body.embeddings.float[0]).toEqual(body.embeddings.float[1]);
    expect(body.embeddings.float[0]).not.toEqual(body.embeddings.float[2]);
  });

  // S14/S17: Nova 2's reasoningConfig is a top-level InvokeModel parameter (Nova 2 user guide). Its
  // reasoning is output and takes no budget: the first answer must reach its text, so 2000 (the
  // recorded high-effort answer spent 2,980 tokens on "ok", vercel/ai fixture
  // amazon-bedrock-nova-2-high-reasoning-success); the second may stop at its limit, so 512.
  awsIt('Nova 2 takes reasoningConfig, answers reasoningContent before its text, and takes it back in history', async () => {
    await requireModel(nova2);
    const ask = { role: 'user', content: [{ text: 'What is 2 + 2? One word.' }] };
    const first = await invoke(nova2, { messages: [ask], reasoningConfig: { type: 'enabled', maxReasoningEffort: 'low' }, inferenceConfig: { maxTokens: 2000 } });
    const content = first.output.message.content;
    expect(content[0].reasoningContent.reasoningText.text).toEqual(expect.any(String));
    expect(content.some((b: any) => typeof b.text === 'string')).toBe(true);
    const next = await invoke(nova2, {
      messages: [ask, { role: 'assistant', content }, { role: 'user', content: [{ text: 'And 3 + 3?' }] }],
      reasoningConfig: { type: 'enabled', maxReasoningEffort: 'low' },
      inferenceConfig: { maxTokens: 512 },
    });
    expect(next.stopReason).toMatch(/^(end_turn|max_tokens)$/);
  });

  emulatorIt('Nova 2 redacts its reasoning as Nova 2 Lite does; Nova v1 refuses an enabled reasoningConfig in the model\'s words', async () => {
    const body = await invoke(nova2, { messages: [{ role: 'user', content: [{ text: 'Hi' }] }], reasoningConfig: { type: 'enabled', maxReasoningEffort: 'medium' } });
    expect(body.output.message.content[0]).toEqual({ reasoningContent: { reasoningText: { text: '[REDACTED].' } } });
    const plain = await invoke(nova2, { messages: [{ role: 'user', content: [{ text: 'Hi' }] }], reasoningConfig: { type: 'disabled' } });
    expect(plain.output.message.content.some((b: any) => b.reasoningContent)).toBe(false);
    const res = await client().send(new InvokeModelWithResponseStreamCommand({ modelId: nova2, body: JSON.stringify({ messages: [{ role: 'user', content: [{ text: 'Hi' }] }], reasoningConfig: { type: 'enabled' } }) }));
    const events = await chunks(res.body);
    expect(events[1].contentBlockDelta.delta.reasoningContent.text).toBe('[REDACTED].');
    const err = await failure(() => invoke(nova, { messages: [{ role: 'user', content: [{ text: 'Hi' }] }], reasoningConfig: { type: 'enabled' } }));
    expect(err.message).toBe('Malformed input request: the provided reasoning config value is invalid, please reformat your input and try again.');
  });

  // InvokeModel takes 8192 on Claude 3.5 (anthropics/anthropic-sdk-python#665: no error); Converse
  // refuses above 4096 (conformance/converse/model-fields-2026.test.ts). The limit is the point; a
  // one-word answer is asked for.
  awsIt('Claude 3.5 Haiku takes max_tokens 8192 through InvokeModel', async () => {
    await requireModel(haiku35);
    const body = await invoke(haiku35, { anthropic_version: 'bedrock-2023-05-31', max_tokens: 8192, messages: [{ role: 'user', content: 'Say hi in one word.' }] });
    expect(body.stop_reason).toBe('end_turn');
  });
});

describe('raw HTTP Accept lists', () => {
  emulatorIt('answers JSON to the header axios-style clients send', async () => {
    const res = await fetch(`${t.url}/model/${titan}/invoke`, {
      method: 'POST',
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0', 'content-type': 'application/json', accept: 'application/json, text/plain, */*' },
      body: titanBody,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect((await res.json()).results).toHaveLength(1);
    const refused = await fetch(`${t.url}/model/${titan}/invoke`, {
      method: 'POST',
      headers: { authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=0', 'content-type': 'application/json', accept: 'image/png,text/html' },
      body: titanBody,
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ message: BAD_ACCEPT });
  });
});
