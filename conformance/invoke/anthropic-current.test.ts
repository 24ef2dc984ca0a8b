// Claude's native Messages body as 2026 callers send it (issue 8; src/errors.evidence.md "Settled
// for issue 8"): adaptive thinking, structured output and effort in output_config, the 2026-10-21
// API version, metadata and other current keys, consecutive user turns, citations on documents.
import { ConverseCommand, InvokeModelCommand, InvokeModelWithResponseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { Ajv } from 'ajv';
import { describe, expect } from 'vitest';
import { chunks, failure, json, requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';

const t = useEmulator();
const sonnet5 = 'us.anthropic.claude-sonnet-5';
const sonnet45 = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const haiku3 = 'anthropic.claude-3-haiku-20240307-v1:0';
const VERSION = 'bedrock-2023-05-31';
const body = (extra: Record<string, unknown>, content: unknown = 'Hello') =>
  JSON.stringify({ anthropic_version: VERSION, max_tokens: 64, messages: [{ role: 'user', content }], ...extra });
const invoke = async (model: string, req: string) => json((await t.h2.send(new InvokeModelCommand({ modelId: model, body: req }))).body);
const stream = async (model: string, req: string) => chunks((await t.h2.send(new InvokeModelWithResponseStreamCommand({ modelId: model, body: req }))).body);
const refusal = async (model: string, req: string) => {
  const err = await failure(() => t.h2.send(new InvokeModelCommand({ modelId: model, body: req })));
  expect([err.name, err.$metadata.httpStatusCode]).toEqual(['ValidationException', 400]);
  return err.message as string;
};
const PERSON = {
  type: 'object',
  properties: { name: { type: 'string' }, age: { type: 'integer' } },
  required: ['name', 'age'],
  additionalProperties: false,
};
const validPerson = new Ajv().compile(PERSON);
const textOf = (msg: any) => msg.content.filter((b: any) => b.type === 'text').map((b: any) => b.text).join('');
const POLICY = 'Employees get 25 days of paid leave each year. Unused days expire in March.';
const document = { type: 'document', source: { type: 'text', media_type: 'text/plain', data: POLICY }, title: 'Leave policy', citations: { enabled: true } };
const citedQuestion = [document, { type: 'text', text: 'How many days of paid leave do employees get? Cite the policy.' }];

requireModel(sonnet5, sonnet45, haiku3);

describe('Claude native body, 2026 fields', () => {
  // Adaptive thinking: Claude 4.6+ (Anthropic's adaptive thinking docs); it thinks as enabled thinking does.
  awsIt('takes thinking {type: adaptive} and answers with a signed thinking block, then text', async () => {
    const req = body({ max_tokens: 2048, thinking: { type: 'adaptive' } }, 'What is 17 times 23? Think it through.');
    const msg = await invoke(sonnet5, req);
    expect(msg.content.at(-1).type).toBe('text');
    const thinking = msg.content.find((b: any) => b.type === 'thinking');
    if (thinking) expect(Object.keys(thinking)).toEqual(['type', 'thinking', 'signature']);
    const events = await stream(sonnet5, req);
    expect(events.at(-2).delta.stop_reason).toBe('end_turn');
  });

  emulatorIt('takes thinking {type: adaptive}: a thinking block first, streamed as thinking_delta then signature_delta', async () => {
    const req = body({ max_tokens: 2048, thinking: { type: 'adaptive' } });
    const msg = await invoke(sonnet5, req);
    expect(msg.content.map((b: any) => b.type)).toEqual(['thinking', 'text']);
    const events = await stream(sonnet5, req);
    expect(events[1].content_block).toEqual({ type: 'thinking', thinking: '', signature: '' });
    const kinds = events.filter((e) => e.index === 0 && e.type === 'content_block_delta').map((e) => e.delta.type);
    expect(kinds.at(-1)).toBe('signature_delta');
  });

  // Adaptive-only models (earendil-works/pi#6212, Sonnet 5, 2026-07; coder/coder#26691, Opus 4.8): the
  // wording was seen through ConverseStream, so only its gist is compared here.
  awsIt('refuses thinking {type: enabled} on Claude Sonnet 5, which thinks only adaptively', async () => {
    expect(await refusal(sonnet5, body({ max_tokens: 2048, thinking: { type: 'enabled', budget_tokens: 1024 } }))).toMatch(/adaptive/);
  });

  emulatorIt('refuses thinking {type: enabled} on the adaptive-only models, in the 2026 words', async () => {
    const req = body({ max_tokens: 2048, thinking: { type: 'enabled', budget_tokens: 1024 } });
    for (const model of [sonnet5, 'us.anthropic.claude-opus-4-7', 'us.anthropic.claude-opus-4-8'])
      expect(await refusal(model, req)).toBe('"thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive" and "output_config.effort" to control thinking behavior.');
    expect((await invoke('us.anthropic.claude-sonnet-4-6', req)).content[0].type).toBe('thinking');
  });

  awsIt('honours output_config.format: the answer is JSON valid against the schema; effort is taken', async () => {
    const req = body({ max_tokens: 200, output_config: { format: { type: 'json_schema', schema: PERSON }, effort: 'low' } }, 'Invent a person.');
    const msg = await invoke(sonnet5, req);
    expect(validPerson(JSON.parse(textOf(msg)))).toBe(true);
    const events = await stream(sonnet5, req);
    const streamed = events.filter((e) => e.delta?.type === 'text_delta').map((e) => e.delta.text).join('');
    expect(validPerson(JSON.parse(streamed))).toBe(true);
  });

  emulatorIt('honours output_config.format, the beta output_format, and both through Converse additionalModelRequestFields', async () => {
    for (const extra of [{ output_config: { format: { type: 'json_schema', schema: PERSON } } }, { output_format: { type: 'json_schema', schema: PERSON } }]) {
      expect(validPerson(JSON.parse(textOf(await invoke(sonnet5, body(extra)))))).toBe(true);
      const res = await t.h2.send(
        new ConverseCommand({ modelId: sonnet5, messages: [{ role: 'user', content: [{ text: 'Invent a person.' }] }], additionalModelRequestFields: extra as any }),
      );
      expect(validPerson(JSON.parse(res.output!.message!.content![0].text!))).toBe(true);
    }
  });

  // anthropics/claude-code-action#1005 (Bedrock, 2026-03); aws/agent-toolkit-for-aws model-migration.md.
  awsIt('refuses output_config.effort on Claude Sonnet 4.5 in Anthropic words', async () => {
    expect(await refusal(sonnet45, body({ output_config: { effort: 'low' } }))).toBe('output_config.effort: Extra inputs are not permitted');
  });

  // Anthropic's API version page: on Bedrock, 2026-10-21 is for Claude 4.7 and later; the legacy page
  // says the ARN-versioned models (Opus 4.6 and earlier) do not take it.
  awsIt('takes anthropic_version 2026-10-21 (what @anthropic-ai/bedrock-sdk 1.x sends) on Claude 4.7+, not on Claude 3', async () => {
    const req = JSON.stringify({ anthropic_version: '2026-10-21', max_tokens: 32, messages: [{ role: 'user', content: 'Hello' }] });
    expect((await invoke(sonnet5, req)).type).toBe('message');
    // The docs say only "a 400 error": the wording is checked by the [emulator] twin.
    expect(typeof (await refusal(haiku3, req))).toBe('string');
  });

  emulatorIt('takes anthropic_version 2026-10-21 on Claude 4.7+ only, streaming too', async () => {
    const req = JSON.stringify({ anthropic_version: '2026-10-21', max_tokens: 32, messages: [{ role: 'user', content: 'Hello' }] });
    expect((await stream('us.anthropic.claude-opus-4-8', req)).at(-1).type).toBe('message_stop');
    expect(await refusal('us.anthropic.claude-sonnet-4-6', req)).toBe('Invalid API version: 2026-10-21');
    expect(await refusal(haiku3, req)).toBe('Invalid API version: 2026-10-21');
  });

  // Claude Code sends metadata.user_id on every Bedrock call (2026); interleaved thinking is an AWS-documented flag for Claude 4 models.
  awsIt('takes metadata, and an anthropic_beta flag the model serves, in the body', async () => {
    expect((await invoke(haiku3, body({ metadata: { user_id: 'user-123' }, max_tokens: 16 }))).type).toBe('message');
    expect((await invoke(sonnet5, body({ metadata: { user_id: 'user-123' }, max_tokens: 16 }))).type).toBe('message');
    expect((await invoke(sonnet45, body({ anthropic_beta: ['interleaved-thinking-2025-05-14'], max_tokens: 16 }))).type).toBe('message');
  });

  // anthropics/claude-code#49370, #49648 (2026-04): Opus 4.7 refused every flag but interleaved thinking.
  awsIt('refuses an anthropic_beta flag the model does not serve: invalid beta flag', async () => {
    const opus47 = 'us.anthropic.claude-opus-4-7';
    await requireModel(opus47);
    expect(await refusal(opus47, body({ anthropic_beta: ['claude-code-20250219'], max_tokens: 16 }))).toBe('invalid beta flag');
  });

  emulatorIt('refuses only the flags seen refused, per model, and takes any other', async () => {
    expect(await refusal('us.anthropic.claude-opus-4-7', body({ anthropic_beta: ['claude-code-20250219'] }))).toBe('invalid beta flag');
    expect((await invoke('us.anthropic.claude-opus-4-7', body({ anthropic_beta: ['interleaved-thinking-2025-05-14'] }))).type).toBe('message');
    expect((await invoke('us.anthropic.claude-opus-4-6-v1', body({ anthropic_beta: ['claude-code-20250219'] }))).type).toBe('message');
    expect(await refusal(sonnet5, body({ anthropic_beta: ['mcp-servers-2025-12-04'] }))).toBe('invalid beta flag');
    expect((await invoke(haiku3, body({ anthropic_beta: ['some-future-flag-2027-01-01'] }))).type).toBe('message');
  });

  emulatorIt('takes keys of the current Anthropic API it does not model, still refusing model and stream', async () => {
    const req = body({ metadata: { user_id: 'u' }, service_tier: 'auto', context_management: { edits: [] }, user_profile_id: 'p', container: 'c' });
    expect((await invoke(sonnet5, req)).type).toBe('message');
    expect(await refusal(sonnet5, body({ stream: true }))).toBe(
      'Malformed input request: #: subject must not be valid against schema {"required":["messages"]}#: extraneous key [stream] is not permitted, please reformat your input and try again.',
    );
  });

  // logancyang/obsidian-copilot#2600 (2026-06, Opus 4.7/4.8), promptfoo/promptfoo#10307 (2026-08, Opus 5).
  awsIt('refuses temperature on Claude Opus 4.7 and later, at any value', async () => {
    const opus5 = 'us.anthropic.claude-opus-5';
    await requireModel(opus5);
    expect(await refusal(opus5, body({ temperature: 0.5, max_tokens: 16 }))).toBe('`temperature` is deprecated for this model.');
  });

  emulatorIt('refuses temperature on Opus 4.7+ and Sonnet 5 only, and takes temperature 1 beside thinking', async () => {
    expect(await refusal('us.anthropic.claude-opus-4-7', body({ temperature: 1 }))).toBe('`temperature` is deprecated for this model.');
    expect((await invoke('us.anthropic.claude-opus-4-8', body({ temperature: 1, max_tokens: 2048, thinking: { type: 'adaptive' } }))).type).toBe('message');
    expect((await invoke('us.anthropic.claude-opus-4-6-v1', body({ temperature: 0.5 }))).type).toBe('message');
    // Sonnet 5 too: cline/cline#12252 (2026-07) quotes its refusal through Converse, where the
    // model's own check is passed on, so its native body refuses the same (src/catalog/claude-rules.ts).
    expect(await refusal('us.anthropic.claude-sonnet-5', body({ temperature: 0.5 }))).toBe('`temperature` is deprecated for this model.');
    expect((await invoke('us.anthropic.claude-sonnet-4-6', body({ temperature: 0.5 }))).type).toBe('message');
  });

  // Anthropic's "What's new in Claude 4.8": role "system" messages right after a user turn.
  awsIt('takes a mid-conversation system message on Claude Opus 4.8', async () => {
    const opus48 = 'us.anthropic.claude-opus-4-8';
    await requireModel(opus48);
    const messages = [{ role: 'user', content: 'Name a colour.' }, { role: 'system', content: 'Answer in one word.' }];
    expect((await invoke(opus48, JSON.stringify({ anthropic_version: VERSION, max_tokens: 32, messages }))).type).toBe('message');
  });

  emulatorIt('takes system messages on Opus 4.8+ only, counting them as instructions', async () => {
    const messages = [{ role: 'user', content: 'Name a colour.' }, { role: 'system', content: 'Answer in one word.' }];
    const withSystem = await invoke('us.anthropic.claude-opus-4-8', JSON.stringify({ anthropic_version: VERSION, max_tokens: 32, messages }));
    const asTopLevel = await invoke('us.anthropic.claude-opus-4-8', JSON.stringify({ anthropic_version: VERSION, max_tokens: 32, system: 'Answer in one word.', messages: messages.slice(0, 1) }));
    expect(withSystem.usage.input_tokens).toBe(asTopLevel.usage.input_tokens);
    expect(await refusal(sonnet5, JSON.stringify({ anthropic_version: VERSION, max_tokens: 32, messages }))).toMatch(/^Malformed input request: .*#\/messages\/1\/role: system is not a valid enum value/);
  });

  // Claude 3 still refuses them (claude-code#1162, 2025-05); later models combine the turns.
  awsIt('takes consecutive user turns on Claude Sonnet 5', async () => {
    const req = JSON.stringify({ anthropic_version: VERSION, max_tokens: 32, messages: [{ role: 'user', content: 'What colour is' }, { role: 'user', content: 'the sky?' }] });
    expect((await invoke(sonnet5, req)).type).toBe('message');
  });

  emulatorIt('combines consecutive user turns into one: the same count as one turn of both', async () => {
    const two = JSON.stringify({ anthropic_version: VERSION, max_tokens: 32, messages: [{ role: 'user', content: 'What colour is' }, { role: 'user', content: 'the sky?' }] });
    const one = JSON.stringify({ anthropic_version: VERSION, max_tokens: 32, messages: [{ role: 'user', content: [{ type: 'text', text: 'What colour is' }, { type: 'text', text: 'the sky?' }] }] });
    expect((await invoke(sonnet5, two)).usage.input_tokens).toBe((await invoke(sonnet5, one)).usage.input_tokens);
  });

  awsIt('cites a text document with citations enabled: char_location citations, streamed as citations_delta', async () => {
    const req = body({ max_tokens: 300 }, citedQuestion);
    const msg = await invoke(sonnet5, req);
    const cited = msg.content.filter((b: any) => b.type === 'text' && Array.isArray(b.citations) && b.citations.length > 0);
    expect(cited.length).toBeGreaterThan(0);
    const citation = cited[0].citations[0];
    expect(citation).toMatchObject({ type: 'char_location', document_index: 0, document_title: 'Leave policy' });
    expect(POLICY).toContain(citation.cited_text.trim());
    expect(POLICY.slice(citation.start_char_index, citation.end_char_index)).toBe(citation.cited_text);
    const events = await stream(sonnet5, req);
    const deltas = events.filter((e) => e.delta?.type === 'citations_delta');
    expect(deltas.length).toBeGreaterThan(0);
    expect(deltas[0].delta.citation.type).toBe('char_location');
  });

  emulatorIt('cites a document in Anthropic wire shapes: char_location, page_location for a PDF, content_block_location', async () => {
    const msg = await invoke(sonnet5, body({}, citedQuestion));
    const end = POLICY.indexOf('.') + 1;
    expect(msg.content.at(-1)).toEqual({
      type: 'text',
      text: ` ${POLICY.slice(0, end)}`,
      citations: [{ type: 'char_location', cited_text: POLICY.slice(0, end), document_index: 0, document_title: 'Leave policy', start_char_index: 0, end_char_index: end }],
    });
    const events = await stream(sonnet5, body({}, citedQuestion));
    const start = events.find((e) => e.type === 'content_block_start' && e.content_block.citations);
    expect(start.content_block).toEqual({ type: 'text', text: '', citations: [] });
    expect(events.find((e) => e.index === start.index && e.type === 'content_block_delta').delta.type).toBe('citations_delta');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>stream\nBT (Leave is 25 days.) Tj ET\nendstream\n%%EOF').toString('base64');
    const pdfDoc = { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: pdf }, citations: { enabled: true } };
    const pdfCitation = (await invoke(sonnet5, body({}, [pdfDoc, { type: 'text', text: 'Leave?' }]))).content.at(-1).citations[0];
    expect(pdfCitation).toEqual({ type: 'page_location', cited_text: 'Leave is 25 days.', document_index: 0, document_title: null, start_page_number: 1, end_page_number: 2 });
    const custom = { type: 'document', source: { type: 'content', content: [{ type: 'text', text: 'Leave is 25 days.' }] }, citations: { enabled: true } };
    expect((await invoke(sonnet5, body({}, [custom, { type: 'text', text: 'Leave?' }]))).content.at(-1).citations[0].type).toBe('content_block_location');
  });
});
