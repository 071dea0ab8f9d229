import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF printed by Chromium, enough to check what a printed page says (headers, "Pagina 1
 * van 2"): its compressed streams inflated, the fonts' ToUnicode maps read, and the text-showing
 * operators (Tj, TJ) decoded with them. Not a general PDF parser: Chromium writes two-byte glyph ids.
 */
export function pdfText(pdf: Buffer): { pages: number; text: string } {
  const raw = pdf.toString('latin1');
  const streams = [...raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)].map((m) => {
    try {
      return inflateSync(Buffer.from(m[1], 'latin1')).toString('latin1');
    } catch {
      return ''; // an image or an uncompressed stream: no text in it
    }
  });
  const glyphs = new Map<string, string>();
  const char = (hex: string, offset = 0) => String.fromCodePoint(parseInt(hex, 16) + offset);
  for (const s of streams) {
    for (const [, block] of s.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const [, glyph, unicode] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
        glyphs.set(glyph.toLowerCase(), char(unicode));
    for (const [, block] of s.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const [, from, to, unicode] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
        for (let g = parseInt(from, 16); g <= parseInt(to, 16); g++)
          glyphs.set(g.toString(16).padStart(from.length, '0'), char(unicode, g - parseInt(from, 16)));
  }
  const words: string[] = [];
  for (const s of streams)
    for (const m of s.matchAll(/<([0-9a-fA-F]+)>\s*Tj|\[([^\]]*)\]\s*TJ/g)) {
      const hexes = m[1] ? [m[1]] : [...m[2].matchAll(/<([0-9a-fA-F]+)>/g)].map((h) => h[1]);
      words.push(hexes.map((h) => (h.match(/.{4}/g) ?? []).map((g) => glyphs.get(g.toLowerCase()) ?? '?').join('')).join(''));
    }
  return { pages: (raw.match(/\/Type\s*\/Page[^s]/g) ?? []).length, text: words.join(' ') };
}
