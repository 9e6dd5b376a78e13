import * as iconv from 'iconv-lite';

/** Wrong codecs the corruption test garbles with. `windows-1252-sloppy` is implemented here. */
export const SINGLE_BYTE_CODECS = [
  'windows-1252',
  'windows-1252-sloppy',
  'latin1',
  'windows-1250',
  'windows-1251',
  'windows-1253',
  'windows-1254',
  'windows-1257',
  'macintosh',
  'cp437',
  'koi8-r',
] as const;
export const CJK_CODECS = ['gbk', 'big5', 'shift_jis', 'euc-kr'] as const;

/** Bytes Windows-1252 leaves undefined; sloppy decoders (browsers, Python's ftfy) keep them as C1 controls. */
const CP1252_UNDEFINED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function decodeSloppy1252(bytes: Buffer): string {
  let out = '';
  for (const b of bytes) {
    out += CP1252_UNDEFINED.has(b) ? String.fromCharCode(b) : iconv.decode(Buffer.from([b]), 'windows-1252');
  }
  return out;
}

function encodeSloppy1252(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (CP1252_UNDEFINED.has(c)) bytes.push(c);
    else bytes.push(...iconv.encode(ch, 'windows-1252'));
  }
  return Buffer.from(bytes);
}

/** Decodes `bytes` as `codec` (iconv-lite name, or `windows-1252-sloppy`). */
export function decodeAs(bytes: Buffer, codec: string): string {
  return codec === 'windows-1252-sloppy' ? decodeSloppy1252(bytes) : iconv.decode(bytes, codec);
}

export function encodeAs(text: string, codec: string): Buffer {
  return codec === 'windows-1252-sloppy' ? encodeSloppy1252(text) : iconv.encode(text, codec);
}

/**
 * `line` as UTF-8 bytes misread as `codec`, or null when that decoding lost a byte (re-encoding
 * does not give the same bytes back): such a line is not reversible mojibake and does not count.
 */
export function garble(line: string, codec: string): string | null {
  const bytes = Buffer.from(line, 'utf8');
  const garbled = decodeAs(bytes, codec);
  if (garbled.includes('\uFFFD') && !line.includes('\uFFFD')) return null;
  return encodeAs(garbled, codec).equals(bytes) ? garbled : null;
}

/**
 * The seed's lossy form: UTF-8 read as Windows-1252, then forced into Latin-1 with `?` for what
 * Latin-1 lacks — every byte 0x80–0x9F becomes `?` (`’` E2 80 99 → `â€™` → `â??`).
 */
export function garbleLossy(line: string): string {
  let out = '';
  for (const b of Buffer.from(line, 'utf8')) out += b >= 0x80 && b <= 0x9f ? '?' : String.fromCharCode(b);
  return out;
}

/**
 * The sample release's own pipeline: UTF-8 read as Windows-1252, the bytes it leaves undefined
 * shown as `•`, the rest of what Latin-1 lacks forced to `?` (`”` → `â?•`, `’` → `â??`).
 */
export function seedPipeline(clean: string): string {
  return iconv.decode(Buffer.from(clean, 'utf8'), 'windows-1252').replace(/[^\x00-\xff\ufffd]/g, '?').replace(/\ufffd/g, '•');
}

/** UTF-8 read as Latin-1, its C1 control characters stripped afterwards (scraped text). */
export function strippedOfControls(clean: string): string {
  return iconv.decode(Buffer.from(clean, 'utf8'), 'latin1').replace(/[\x80-\x9f]/g, '');
}

/**
 * UTF-8 read as `codec` by a decoder told to ignore what it cannot read (Python's
 * `errors='ignore'`): the bytes the codec leaves undefined are dropped (`я`, D1 8F → `Ñ`).
 */
export function droppingUndefined(clean: string, codec = 'windows-1252'): string {
  return iconv.decode(Buffer.from(clean.replace(/\ufffd/g, ''), 'utf8'), codec).replace(/\ufffd/g, '');
}

/** `got` is `truth` but for U+FFFD where a character was lost: nothing else differs. */
export function rightButForLost(got: string, truth: string): boolean {
  const g = [...got];
  const t = [...truth];
  return g.length === t.length && g.every((ch, i) => ch === t[i] || ch === '\ufffd');
}

/** UTF-8 read as Windows-1252 twice, the first pass making U+FFFD of the bytes it leaves undefined. */
export function readTwice(clean: string): string {
  return iconv.decode(iconv.encode(iconv.decode(Buffer.from(clean, 'utf8'), 'windows-1252'), 'utf8'), 'windows-1252');
}
