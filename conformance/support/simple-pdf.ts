// A minimal, valid PDF written here for tests: one page per entry of `pages`, each line of text
// shown with Tj in Helvetica, content streams stored plain or FlateDecode-compressed. With
// `subsetFont`, the lines are shown as glyph codes of a subset font mapped back to text by its
// ToUnicode CMap, as office tools write PDFs (the "Dummy PDF file" test document).
import { deflateSync } from 'node:zlib';

export function simplePdf(pages: string[][], options: { compress?: boolean; subsetFont?: boolean } = {}): Uint8Array {
  const objects: Array<string | Buffer> = [];
  const add = (body: string | Buffer) => objects.push(body) && objects.length;
  const catalog = add('');
  const pageTree = add('');
  // Glyph codes 1, 2, … in order of first use, one byte each.
  const glyphs = new Map<string, number>();
  for (const ch of pages.flat().join('')) if (!glyphs.has(ch)) glyphs.set(ch, glyphs.size + 1);
  const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, '0');
  const cmap = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapType 2 def\n1 begincodespacerange\n<00> <FF>\nendcodespacerange\n${glyphs.size} beginbfchar\n${[...glyphs].map(([ch, code]) => `<${hex(code, 2)}> <${hex(ch.charCodeAt(0), 4)}>`).join('\n')}\nendbfchar\nendcmap\nend end\n`;
  const toUnicode = options.subsetFont ? add(`<< /Length ${cmap.length} >>\nstream\n${cmap}\nendstream`) : 0;
  const font = add(options.subsetFont ? `<< /Type /Font /Subtype /TrueType /BaseFont /BAAAAA+Arial-BoldMT /ToUnicode ${toUnicode} 0 R >>` : '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  const kids: number[] = [];
  for (const lines of pages) {
    const escaped = lines.map((l) => l.replace(/[\\()]/g, (c) => `\\${c}`));
    const shown = options.subsetFont ? lines.map((l) => `<${[...l].map((ch) => hex(glyphs.get(ch)!, 2)).join('')}>`) : escaped.map((l) => `(${l})`);
    const ops = `BT /F1 12 Tf 72 720 Td 14 TL ${shown.map((l, i) => (i === 0 ? `${l} Tj` : `T* ${l} Tj`)).join(' ')} ET`;
    const data = options.compress ? deflateSync(Buffer.from(ops, 'latin1')) : Buffer.from(ops, 'latin1');
    const filter = options.compress ? ' /Filter /FlateDecode' : '';
    const content = add(Buffer.concat([Buffer.from(`<< /Length ${data.length}${filter} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]));
    kids.push(add(`<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pageTree} 0 R >>`;
  objects[pageTree - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0].length;
  objects.forEach((body, i) => {
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(at);
    parts.push(chunk);
    at += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}
