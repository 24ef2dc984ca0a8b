// Citations into PDF documents (Converse): a cited passage of a PDF is located by page,
// `documentPage` {documentIndex, start, end} with pages numbered from 1 and `end` exclusive, as the
// recorded answer of Claude citing a PDF has it (vercel/ai amazon-bedrock-document-citations, 2026).
// The emulator reads the text of simple PDFs (src/converse/pdf-text.ts); the test PDFs are made
// by conformance/support/simple-pdf.ts.
import { ConverseCommand, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { describe, expect } from 'vitest';
import { requireModel, useEmulator } from '../support/emulator.js';
import { awsIt, emulatorIt } from '../support/markers.js';
import { simplePdf } from '../support/simple-pdf.js';
import { collect } from './helpers.js';

const t = useEmulator();
const modelId = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
const pages = [
  ['Company leave policy.', 'Employees get 20 days of annual leave.'],
  ['Parental leave.', 'Parents get 16 weeks of paid parental leave.'],
];
const ask = (pdf: Uint8Array, question: string) => ({
  modelId,
  messages: [{ role: 'user' as const, content: [{ document: { format: 'pdf' as const, name: 'policy', source: { bytes: pdf }, citations: { enabled: true } } }, { text: question }] }],
  inferenceConfig: { maxTokens: 300 },
});

const citationsOf = (content: any[]) => content.filter((b) => b.citationsContent).flatMap((b) => b.citationsContent.citations);

describe('citations into PDF documents', () => {
  awsIt('locates every cited passage of a PDF by page, numbered from 1, end exclusive', async () => {
    await requireModel(modelId);
    const res = await t.h2.send(new ConverseCommand(ask(simplePdf(pages), 'How many days of annual leave do employees get? Cite the document.')));
    const citations = citationsOf(res.output!.message!.content!);
    expect(citations.length).toBeGreaterThan(0);
    for (const c of citations) {
      const page = c.location.documentPage;
      expect(page.documentIndex).toBe(0);
      expect(page.start).toBeGreaterThanOrEqual(1);
      expect(page.end).toBe(page.start + 1);
      expect(c.sourceContent[0].text.length).toBeGreaterThan(0);
    }
  });

  emulatorIt('quotes page 1 of an uncompressed or FlateDecode PDF, in the body and the stream', async () => {
    for (const pdf of [simplePdf(pages), simplePdf(pages, { compress: true })]) {
      const res = await t.h2.send(new ConverseCommand(ask(pdf, 'Cite the policy.')));
      const [citation] = citationsOf(res.output!.message!.content!);
      expect(citation).toEqual({ location: { documentPage: { documentIndex: 0, start: 1, end: 2 } }, sourceContent: [{ text: 'Company leave policy.' }], title: 'policy' });
      const events = await collect((await t.h1.send(new ConverseStreamCommand(ask(pdf, 'Cite the policy.')))).stream);
      const streamed = events.find(([kind, e]) => kind === 'contentBlockDelta' && e.delta.citation)![1].delta.citation;
      expect(streamed).toEqual(citation);
    }
  });

  emulatorIt('a PDF it cannot read is answered without citations, never refused', async () => {
    const unreadable = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    const res = await t.h2.send(new ConverseCommand(ask(unreadable, 'Cite the policy.')));
    expect(res.stopReason).toBe('end_turn');
    expect(citationsOf(res.output!.message!.content!)).toEqual([]);
  });
});
