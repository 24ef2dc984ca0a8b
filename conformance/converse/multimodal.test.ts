// Images and documents through Converse and ConverseStream: accepted where the model takes them,
// citations on Claude, and the image/document refusals and document rules
// (src/converse.evidence.md §2, §3, §4, §7; capture converse__langchain-aws__citations).
import type { ContentBlock } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect, it } from 'vitest';
import { requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { answerText, calls, user } from './helpers.js';

const t = useEmulator();
const claude = 'anthropic.claude-3-haiku-20240307-v1:0';
// A 1×1 PNG.
const PNG = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
const image = (bytes: Uint8Array = PNG): ContentBlock => ({ image: { format: 'png', source: { bytes } } });
const POLICY = 'Employees get 20 days annual leave. Consult with your manager for details.';
const doc = (name: string, text = POLICY, citations?: boolean): ContentBlock =>
  ({ document: { format: 'txt', name, source: { bytes: new TextEncoder().encode(text) }, ...(citations === undefined ? {} : { citations: { enabled: citations } }) } }) as ContentBlock;

// Under BEDROCK_TARGET=aws its tests skip, naming the model, unless ListFoundationModels lists these.
requireModel(claude);

/**
 * In a stream, each cited span of company_policy is its own block: a citation delta first, then
 * text deltas of the same index; the citation quotes the document's characters start..end
 * (converse__langchain-aws__citations).
 */
function expectCitedBlocks(events: Array<[string, any]>): void {
  const citations = events.filter(([k, v]) => k === 'contentBlockDelta' && v.delta.citation);
  expect(citations.length).toBeGreaterThan(0);
  for (const [, v] of citations) {
    const index = v.contentBlockIndex;
    const block = events.filter(([k, e]) => k === 'contentBlockDelta' && e.contentBlockIndex === index).map(([, e]) => e.delta);
    // The citation comes first in its block, then text deltas for the same index (capture).
    expect(block[0].citation).toBeDefined();
    expect(block.slice(1).length).toBeGreaterThan(0);
    expect(block.slice(1).every((d) => typeof d.text === 'string')).toBe(true);
    const { location, sourceContent, title } = block[0].citation;
    expect(title).toBe('company_policy');
    expect(location.documentChar.documentIndex).toBe(0);
    expect(sourceContent.map((s: any) => s.text).join('')).toBe(POLICY.slice(location.documentChar.start, location.documentChar.end));
  }
}

describe.each([['HTTP/2'], ['HTTP/1.1']])('images and documents over %s', (protocol) => {
  const client = () => (protocol === 'HTTP/2' ? t.h2 : t.h1);
  const { converse, stream, refusal } = calls(client);

  awsIt('takes image bytes on a vision model, counted as input', async () => {
    await requireModel('amazon.nova-lite-v1:0');
    for (const modelId of [claude, 'amazon.nova-lite-v1:0']) {
      const plain = await converse({ modelId, messages: [user('Describe it.')], inferenceConfig: { maxTokens: 256 } });
      const small = await converse({ modelId, messages: [user(image(), 'Describe it.')], inferenceConfig: { maxTokens: 256 } });
      expect(small.stopReason).toBe('end_turn');
      expect(small.usage!.inputTokens!).toBeGreaterThan(plain.usage!.inputTokens!);
      const events = await stream({ modelId, messages: [user(image(), 'Describe it.')], inferenceConfig: { maxTokens: 256 } });
      expect(events.at(-1)![1].usage.inputTokens).toBe(small.usage!.inputTokens);
    }
  });

  // vercel fixture (quoted), evidence §3; Claude 3.5 Haiku has no vision (capability table §6).
  awsIt.each([['mistral.mistral-large-2402-v1:0'], ['anthropic.claude-3-5-haiku-20241022-v1:0'], ['amazon.titan-text-express-v1'], ['meta.llama3-8b-instruct-v1:0']])(
    '%s refuses an image',
    async (modelId) => {
      await requireModel(modelId);
      expect(await refusal({ modelId, messages: [user(image(), 'Describe it.')] })).toBe(
        "This model doesn't support the image field for user messages. Remove image and try again.",
      );
    },
  );

  awsIt('takes a document without citations and answers plain text', async () => {
    const res = await converse({ modelId: claude, messages: [user(doc('policy'), 'How many days of leave?')], inferenceConfig: { maxTokens: 256 } });
    expect(res.output!.message!.content!.every((b) => typeof b.text === 'string')).toBe(true);
    const off = await converse({ modelId: claude, messages: [user(doc('policy', POLICY, false), 'How many days of leave?')], inferenceConfig: { maxTokens: 256 } });
    expect(off.output!.message!.content!.some((b) => b.citationsContent)).toBe(false);
    // The document is input.
    const bare = await converse({ modelId: claude, messages: [user('How many days of leave?')], inferenceConfig: { maxTokens: 256 } });
    expect(res.usage!.inputTokens!).toBeGreaterThan(bare.usage!.inputTokens!);
  });

  // The model of the citations capture (converse__langchain-aws__citations): nothing shows real
  // Bedrock citing on Claude 3 Haiku, a model older than Anthropic's citations feature.
  awsIt('with citations enabled, Claude answers a citationsContent block quoting the document', async () => {
    const modelId = 'us.anthropic.claude-sonnet-5';
    await requireModel(modelId);
    const res = await converse({ modelId, messages: [user(doc('company_policy', POLICY, true), 'How many days of leave?')], inferenceConfig: { maxTokens: 256 } });
    expect(res.stopReason).toBe('end_turn');
    const cited = res.output!.message!.content!.filter((b) => b.citationsContent).map((b) => b.citationsContent!);
    expect(cited.length).toBeGreaterThan(0);
    for (const block of cited) {
      expect(block.content!.map((c) => c.text).join('').length).toBeGreaterThan(0);
      for (const citation of block.citations!) {
        expect(citation.title).toBe('company_policy');
        const loc = citation.location!.documentChar!;
        expect(loc.documentIndex).toBe(0);
        expect(loc.end!).toBeGreaterThan(loc.start!);
        // The quoted source text is the document's characters start..end.
        expect(citation.sourceContent!.map((s) => s.text).join('')).toBe(POLICY.slice(loc.start, loc.end));
      }
    }
  });

  emulatorIt('in a stream, the cited span is its own block: a citation delta, then its text, no contentBlockStart', async () => {
    const events = await stream({ modelId: claude, messages: [user(doc('company_policy', POLICY, true), 'How many days of leave?')] });
    expect(events.map(([k]) => k)).not.toContain('contentBlockStart');
    expectCitedBlocks(events);
    // Same answer text as Converse, cited and uncited parts together.
    const res = await converse({ modelId: claude, messages: [user(doc('company_policy', POLICY, true), 'How many days of leave?')] });
    const converseText = res.output!.message!.content!.map((b) => b.text ?? b.citationsContent?.content?.map((c) => c.text).join('') ?? '').join('');
    const streamText = events.filter(([k, v]) => k === 'contentBlockDelta' && typeof v.delta.text === 'string').map(([, v]) => v.delta.text).join('');
    expect(streamText).toBe(converseText);
  });

  // The capture's model and request (converse__langchain-aws__citations: Claude Sonnet 5, 78 output
  // tokens); the answer's wording is the model's, the block structure is Bedrock's.
  awsIt('in a stream, each cited span is its own block: a citation delta, then its text, no contentBlockStart (capture)', async () => {
    const modelId = 'us.anthropic.claude-sonnet-5';
    await requireModel(modelId);
    const events = await stream({ modelId, messages: [user(doc('company_policy', POLICY, true), 'How many days of annual leave do employees get?')], inferenceConfig: { maxTokens: 256 } });
    const kinds = events.map(([k]) => k);
    expect(kinds[0]).toBe('messageStart');
    expect(kinds.slice(-2)).toEqual(['messageStop', 'metadata']);
    expect(kinds).not.toContain('contentBlockStart');
    expect(events.at(-2)![1].stopReason).toBe('end_turn');
    expectCitedBlocks(events);
  });

  awsIt('a document needs a text block beside it (ModelOps table, litellm log)', async () => {
    expect(await refusal({ modelId: claude, messages: [user(doc('policy'))] })).toBe(
      'A text block must be included when using documents. Add a text block and retry your request.',
    );
  });

  awsIt.each([['policy.txt'], ['two  spaces'], ['slash/name'], ['quote"d']])('refuses the document name %j (ModelOps table)', async (name) => {
    expect(await refusal({ modelId: claude, messages: [user(doc(name), 'Summarize.')] })).toBe(
      "The document file name can only contain alphanumeric characters, whitespace characters, hyphens, parentheses, and square brackets. The name can't contain more than one consecutive whitespace character. Check that the file name conforms to these restrictions and retry your request.",
    );
  });

  awsIt('accepts names with single spaces, hyphens, parentheses, brackets and underscores (langchain-aws citations capture)', async () => {
    const res = await converse({ modelId: claude, messages: [user(doc('Q3 report-(final) [v2]'), doc('company_policy', 'other text'), 'Summarize.')], inferenceConfig: { maxTokens: 256 } });
    expect(answerText(res).length).toBeGreaterThan(0);
  });

  awsIt('refuses two documents with one name (generative-ai-use-cases#1685)', async () => {
    expect(await refusal({ modelId: claude, messages: [user(doc('policy'), doc('policy', 'other'), 'Compare.')] })).toBe(
      "Messages can't contain duplicate document names.",
    );
  });

  awsIt('refuses more than 5 documents, takes 5 (generative-ai-use-cases#1685)', async () => {
    const docs = (n: number) => Array.from({ length: n }, (_, i) => doc(`doc ${i + 1}`, `Text number ${i + 1}.`));
    expect(await refusal({ modelId: claude, messages: [user(...docs(6), 'Summarize.')] })).toBe("You can't include more than 5 documents in a request.");
    const ok = await converse({ modelId: claude, messages: [user(...docs(5), 'Summarize.')], inferenceConfig: { maxTokens: 256 } });
    expect(ok.stopReason).toBe('end_turn');
  });

  // Capability table §6: Nova Micro takes no documents. Only the head of this message is quoted
  // ("an Astra model", evidence §3); the tail follows the image message's pattern.
  awsIt('Nova Micro refuses a document', async () => {
    await requireModel('amazon.nova-micro-v1:0');
    const message = await refusal({ modelId: 'amazon.nova-micro-v1:0', messages: [user(doc('policy'), 'Summarize.')] });
    expect(message.startsWith("This model doesn't support the document field for user messages")).toBe(true);
  });
});
