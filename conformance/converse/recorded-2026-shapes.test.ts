// Answer shapes that 2026 recordings of real Bedrock answers showed the emulator had wrong
// (src/converse.evidence.md §9, "Replay of 2026 recordings"): the `/delta/stop_sequence` response
// field path of Claude, the cache counts of Claude Opus 5 without cache points, and the empty text
// block gpt-oss streams open with, Nova 2's tool calls without a text preamble, the type of
// Claude's streamed tool starts, and citations by chunk and into subset-font PDFs.
import { describe, expect } from 'vitest';
import { requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { simplePdf } from '../support/simple-pdf.js';
import { calls, rawFrames, rawPost, user, weatherTool } from './helpers.js';

const t = useEmulator();
const { converse, stream } = calls(() => t.h2);
/** The payloads of a raw ConverseStream answer, as sent. */
const rawFramesOf = async (modelId: string, { modelId: _, ...body }: Record<string, any>) =>
  (await rawFrames((await rawPost(t.url, modelId, 'converse-stream', body)).bytes)).map((f) => f.body);

// The Vercel AI SDK asks every Claude answer for this path (vercel/ai#11410).
const paths = ['/delta/stop_sequence'];
const sonnet46 = 'us.anthropic.claude-sonnet-4-6';
const counter = 'anthropic.claude-3-5-haiku-20241022-v1:0';
const COUNT = 'Count from 1 to 10, separated by commas.';

describe('additionalModelResponseFieldPaths ["/delta/stop_sequence"] on Claude', () => {
  emulatorIt('answers {"delta":{"stop_sequence":…}} in the body and on messageStop, null unless a sequence stopped it', async () => {
    const miss = await converse({ modelId: sonnet46, messages: [user('Reply with exactly OK.')], additionalModelResponseFieldPaths: paths });
    expect(miss.additionalModelResponseFields).toEqual({ delta: { stop_sequence: null } });
    const events = await stream({ modelId: sonnet46, messages: [user('Reply with exactly OK.')], additionalModelResponseFieldPaths: paths });
    expect(events.at(-2)).toEqual(['messageStop', { stopReason: 'end_turn', additionalModelResponseFields: { delta: { stop_sequence: null } } }]);
    const hit = await stream({ modelId: counter, messages: [user('hi')], inferenceConfig: { stopSequences: ['canned'] }, additionalModelResponseFieldPaths: paths });
    expect(hit.at(-2)).toEqual(['messageStop', { stopReason: 'stop_sequence', additionalModelResponseFields: { delta: { stop_sequence: 'canned' } } }]);
    // `/stop_sequence` keeps its own answer beside it
    const both = await converse({ modelId: sonnet46, messages: [user('hi')], additionalModelResponseFieldPaths: ['/stop_sequence', ...paths] });
    expect(both.additionalModelResponseFields).toEqual({ stop_sequence: null, delta: { stop_sequence: null } });
  });

  awsIt('answers {"delta":{"stop_sequence":…}}: the sequence that stopped a stream, else null', async () => {
    await requireModel(counter);
    const hit = await stream({ modelId: counter, messages: [user(COUNT)], inferenceConfig: { maxTokens: 64, stopSequences: [','] }, additionalModelResponseFieldPaths: paths });
    expect(hit.at(-2)![1]).toMatchObject({ stopReason: 'stop_sequence', additionalModelResponseFields: { delta: { stop_sequence: ',' } } });
    const miss = await converse({ modelId: counter, messages: [user('Reply with exactly OK.')], inferenceConfig: { maxTokens: 16 }, additionalModelResponseFieldPaths: paths });
    expect(['end_turn', 'max_tokens']).toContain(miss.stopReason);
    expect(miss.additionalModelResponseFields).toEqual({ delta: { stop_sequence: null } });
  });
});

describe('cache counts of Claude Opus 5 without cache points', () => {
  const hi = { messages: [{ role: 'user', content: [{ text: 'Say OK' }] }], inferenceConfig: { maxTokens: 16 } };
  const keys = async (modelId: string) => Object.keys(JSON.parse(new TextDecoder().decode((await rawPost(t.url, modelId, 'converse', hi)).bytes)).usage);

  emulatorIt('Opus 5 carries all four counts at 0 (amazon-bedrock-opus-5-top-k-success), Opus 4.8 the read pair', async () => {
    expect(await keys('global.anthropic.claude-opus-5')).toEqual([
      'cacheReadInputTokenCount', 'cacheReadInputTokens', 'cacheWriteInputTokenCount', 'cacheWriteInputTokens',
      'inputTokens', 'outputTokens', 'serverToolUsage', 'totalTokens',
    ]);
    expect(await keys('us.anthropic.claude-opus-4-8')).toEqual(['cacheReadInputTokenCount', 'cacheReadInputTokens', 'inputTokens', 'outputTokens', 'serverToolUsage', 'totalTokens']);
  });

  awsIt('Opus 5 reports 0 cache reads and 0 cache writes', async () => {
    const opus5 = 'global.anthropic.claude-opus-5';
    await requireModel(opus5);
    const res = await converse({ modelId: opus5, ...hi });
    expect(res.usage).toMatchObject({ cacheReadInputTokens: 0, cacheWriteInputTokens: 0 });
  });
});

describe('gpt-oss streams', () => {
  const gptOss = 'openai.gpt-oss-120b-1:0';
  const input = { modelId: gptOss, messages: [user('Hi')], inferenceConfig: { maxTokens: 64 } };

  emulatorIt('open with an empty text block at index 0, its reasoning and answer after it (pydantic-ai cassette, 2025-10)', async () => {
    const events = await stream(input);
    expect(events.slice(0, 3)).toEqual([
      ['messageStart', { role: 'assistant' }],
      ['contentBlockDelta', { contentBlockIndex: 0, delta: { text: '' } }],
      ['contentBlockStop', { contentBlockIndex: 0 }],
    ]);
    expect(events[3]).toEqual(['contentBlockDelta', { contentBlockIndex: 1, delta: { reasoningContent: { text: expect.any(String) } } }]);
    // Converse answers have no such block: reasoning first
    const res = await converse(input);
    expect(Object.keys(res.output!.message!.content![0])).toEqual(['reasoningContent']);
  });

  awsIt('open with an empty text block at index 0', async () => {
    await requireModel(gptOss);
    const events = await stream(input);
    expect(events[1]).toEqual(['contentBlockDelta', { contentBlockIndex: 0, delta: { text: '' } }]);
    expect(events[2]).toEqual(['contentBlockStop', { contentBlockIndex: 0 }]);
  });
});

describe('Nova 2 tool calls', () => {
  // pydantic-ai's Bedrock cassettes of 2026: 34 of 34 Nova 2 Lite tool calls are toolUse blocks alone,
  // where Nova v1 writes `<thinking> …</thinking>` first (nova-micro tool_use captures).
  const nova2 = 'us.amazon.nova-2-lite-v1:0';
  const input = { modelId: nova2, messages: [user('What is the weather in Paris, in celsius?')], toolConfig: { tools: [weatherTool] }, inferenceConfig: { maxTokens: 256 } };

  emulatorIt('carry no text before the toolUse block, in Converse and ConverseStream', async () => {
    const res = await converse(input);
    expect(res.output!.message!.content!.map((b) => Object.keys(b)[0])).toEqual(['toolUse']);
    expect(res.stopReason).toBe('tool_use');
    const events = await stream(input);
    expect(events[1]).toEqual(['contentBlockStart', { contentBlockIndex: 0, start: { toolUse: { name: 'get_weather', toolUseId: expect.any(String) } } }]);
  });

  awsIt('carry no text before the toolUse block', async () => {
    await requireModel(nova2);
    const res = await converse(input);
    const kinds = res.output!.message!.content!.map((b) => Object.keys(b).find((k) => (b as any)[k] !== undefined));
    expect(res.stopReason).toBe('tool_use');
    expect(kinds[0]).toBe('toolUse');
  });
});

describe('Claude ConverseStream tool starts', () => {
  // A real Claude Sonnet 5 stream of 2026-07-09 (langchain-aws cassette test_agent_loop_streaming):
  // {"contentBlockIndex":0,"start":{"toolUse":{"name":…,"toolUseId":…,"type":"tool_use"}}}.
  const sonnet5 = 'us.anthropic.claude-sonnet-5';
  const input = { modelId: sonnet5, messages: [user('What is the weather in Paris, in celsius?')], toolConfig: { tools: [weatherTool], toolChoice: { tool: { name: 'get_weather' } } }, inferenceConfig: { maxTokens: 200 } };
  const startOf = (events: Array<[string, any]>) => events.find(([k, e]) => k === 'contentBlockStart' && e.start.toolUse)![1].start.toolUse;

  emulatorIt('carry type tool_use after the name and id', async () => {
    const frames = await rawFramesOf(sonnet5, input);
    const start = frames.find((f) => f.startsWith('{"contentBlockIndex":0,"p":'))!;
    expect(JSON.parse(start).start.toolUse).toEqual({ name: 'get_weather', toolUseId: expect.stringMatching(/^tooluse_/), type: 'tool_use' });
    expect(start).toMatch(/"start":\{"toolUse":\{"name":"get_weather","toolUseId":"tooluse_[^"]+","type":"tool_use"\}\}\}$/);
  });

  awsIt('Sonnet 5 starts a streamed client tool call typed tool_use', async () => {
    await requireModel(sonnet5);
    expect(startOf(await stream(input)).type).toBe('tool_use');
  });
});

describe('citations into documents given as content blocks, and into PDFs with subset fonts', () => {
  // A real Claude Sonnet 5 answer of 2026-07-09 (langchain-aws cassette test_citations[document1]):
  // a document of `source.content` blocks is cited by chunk, `documentChunk` {documentIndex, start,
  // end} with 0-based chunk indexes, end exclusive, and the chunk's whole text as sourceContent.
  const sonnet5 = 'us.anthropic.claude-sonnet-5';
  const chunks = ['Company leave policy: Employees get 20 days annual leave.', 'Consult with your manager for details.'];
  const chunked = {
    modelId: sonnet5,
    messages: [user({ document: { format: 'txt', name: 'company_policy', source: { content: chunks.map((text) => ({ text })) }, citations: { enabled: true } } } as any, 'How many days of annual leave do employees get?')],
    inferenceConfig: { maxTokens: 300 },
  };
  const citationsOf = (res: any) => res.output.message.content.filter((b: any) => b.citationsContent).flatMap((b: any) => b.citationsContent.citations);

  emulatorIt('a content-block document is cited by chunk, in the body and the stream', async () => {
    const [cited] = citationsOf(await converse(chunked));
    expect(cited).toEqual({ location: { documentChunk: { documentIndex: 0, start: 0, end: 1 } }, sourceContent: [{ text: chunks[0] }], title: 'company_policy' });
    const events = await stream(chunked);
    expect(events.find(([k, e]) => k === 'contentBlockDelta' && e.delta.citation)![1].delta.citation).toEqual(cited);
  });

  awsIt('a content-block document is cited by chunk: documentChunk with an exclusive end', async () => {
    await requireModel(sonnet5);
    const citations = citationsOf(await converse(chunked));
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) {
      const { documentIndex, start, end } = c.location.documentChunk;
      expect([documentIndex, end - start]).toEqual([0, 1]);
      expect(chunks).toContain(c.sourceContent[0].text);
    }
  });

  // The "Dummy PDF file" test document shows its text as glyph codes of a subset TrueType font;
  // real Bedrock cites it by page (langchain-aws cassette test_pdf_citations, 2026-07-09).
  emulatorIt('a PDF whose font maps glyph codes through ToUnicode is read and cited by page', async () => {
    const pdf = simplePdf([['Dummy PDF file']], { subsetFont: true, compress: true });
    const res = await converse({ modelId: sonnet5, messages: [user('What is the title of this document?', { document: { format: 'pdf', name: 'my-pdf', source: { bytes: pdf }, citations: { enabled: true } } } as any)], inferenceConfig: { maxTokens: 300 } });
    const [cited] = citationsOf(res);
    expect(cited.location).toEqual({ documentPage: { documentIndex: 0, start: 1, end: 2 } });
    expect(cited.sourceContent[0].text).toContain('Dummy PDF file');
  });
});

describe('Claude Sonnet 5 tool calls', () => {
  // langchain-aws cassettes test_agent_loop[v0,v1] and test_agent_loop_streaming[v0,v1] (2026-07-09):
  // with toolChoice auto, Sonnet 5 answered the toolUse block alone, four times out of four, where
  // Claude Sonnet 4.5 wrote a sentence first in 30 of 39 recorded calls (pydantic-ai cassettes, 2026).
  const sonnet5 = 'us.anthropic.claude-sonnet-5';
  const input = { modelId: sonnet5, messages: [user('What is the weather in San Francisco, CA?')], toolConfig: { tools: [weatherTool] }, inferenceConfig: { maxTokens: 256 } };

  emulatorIt('carry no text before the toolUse block; Sonnet 4.5 still writes one', async () => {
    const res = await converse(input);
    expect(res.output!.message!.content!.map((b) => Object.keys(b).find((k) => (b as any)[k] !== undefined))).toEqual(['toolUse']);
    const events = await stream(input);
    expect(events[1][0]).toBe('contentBlockStart');
    const older = await converse({ ...input, modelId: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0' });
    expect(Object.keys(older.output!.message!.content![0])).toContain('text');
  });

  awsIt('Sonnet 5 calls the tool with stop reason tool_use', async () => {
    await requireModel(sonnet5);
    const res = await converse(input);
    expect(res.stopReason).toBe('tool_use');
    expect(res.output!.message!.content!.some((b) => b.toolUse)).toBe(true);
  });
});

describe("Claude's streamed tool input", () => {
  // The Claude 3 Sonnet capture (`{"concept": ` …) and a real Claude Sonnet 5 stream of 2026-07-09
  // (langchain-aws cassette test_agent_loop_streaming: `{"locat`, `ion": "San ` …) both stream the
  // input as Claude writes JSON, with ": " and ", " separators.
  const input = (modelId: string) => ({ modelId, messages: [user('Weather in Paris, in celsius, for 3 days?')], toolConfig: { tools: [weatherTool], toolChoice: { tool: { name: 'get_weather' } } }, inferenceConfig: { maxTokens: 256 } });
  const joined = (events: Array<[string, any]>) => events.filter(([k, e]) => k === 'contentBlockDelta' && e.delta.toolUse).map(([, e]) => e.delta.toolUse.input).join('');

  emulatorIt('is spaced JSON on Claude, compact JSON on gpt-oss; both parse to the call input', async () => {
    const claude = joined(await stream(input('us.anthropic.claude-sonnet-5')));
    expect(claude).toMatch(/^\{"city": "[^"]*", "unit": "celsius"/);
    const oss = joined(await stream(input('openai.gpt-oss-120b-1:0')));
    expect(oss).toMatch(/^\{"city":"[^"]*","unit":"celsius"/);
    expect(JSON.parse(claude)).toEqual(JSON.parse(oss));
  });

  awsIt('Claude streams its tool input with ": " separators', async () => {
    const sonnet5 = 'us.anthropic.claude-sonnet-5';
    await requireModel(sonnet5);
    const text = joined(await stream(input(sonnet5)));
    expect(text).toMatch(/^\{"\w+": /);
    expect(typeof JSON.parse(text)).toBe('object');
  });
});
