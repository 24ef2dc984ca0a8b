import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { simplePdf } from '../../conformance/support/simple-pdf.js';
import { pdfPages } from './pdf-text.js';

describe('pdfPages', () => {
  const pages = [['Leave policy (2026)', 'Employees get 20 days of annual leave.'], ['Consult your manager for details.']];

  it('reads the lines of each page of an uncompressed PDF, lines ending in CRLF', () => {
    expect(pdfPages(simplePdf(pages))).toEqual(['Leave policy (2026)\r\nEmployees get 20 days of annual leave.\r\n', 'Consult your manager for details.\r\n']);
  });

  it('reads FlateDecode content streams the same way', () => {
    expect(pdfPages(simplePdf(pages, { compress: true }))).toEqual(pdfPages(simplePdf(pages)));
  });

  it('maps the glyph codes of a subset font through its ToUnicode CMap', () => {
    expect(pdfPages(simplePdf(pages, { subsetFont: true }))).toEqual(pdfPages(simplePdf(pages)));
    expect(pdfPages(simplePdf(pages, { subsetFont: true, compress: true }))).toEqual(pdfPages(simplePdf(pages)));
  });

  it('gives up on what is not a PDF or shows no text', () => {
    expect(pdfPages(new TextEncoder().encode('not a pdf'))).toBeUndefined();
    expect(pdfPages(simplePdf([[]]))).toBeUndefined();
  });

  it('does not inflate a deflate bomb past its budget: such streams count as unreadable', () => {
    // 40 streams of 8 MiB of zeros each (about 8 KB deflated): 320 MiB if inflated in full.
    const bomb = deflateSync(Buffer.alloc(8 * 1024 * 1024));
    const parts: Buffer[] = [Buffer.from('%PDF-1.4\n')];
    for (let n = 1; n <= 40; n++) parts.push(Buffer.from(`${n} 0 obj\n<< /Length ${bomb.length} /Filter /FlateDecode >>\nstream\n`), bomb, Buffer.from('\nendstream\nendobj\n'));
    const before = process.memoryUsage().arrayBuffers;
    expect(pdfPages(new Uint8Array(Buffer.concat(parts)))).toBeUndefined();
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });
});
