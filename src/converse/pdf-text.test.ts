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
});
