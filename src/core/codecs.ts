/**
 * The wrong codecs the engine knows, in one place: their names, and the tables that map a character
 * back to the byte(s) it was decoded from. Tables come from iconv-lite (decoding every byte once), so
 * no character table is typed in by hand.
 */
import * as iconv from 'iconv-lite';

export interface CodecInfo {
  /** Engine name, used in settings and the CLI's `--encodings`. */
  name: string;
  /** Name for people, used in explanations. */
  label: string;
  /** iconv-lite's name for it. */
  iconvName: string;
  /** Single-byte codecs map one char to one byte; CJK codecs map most chars to two. */
  kind: 'single' | 'double';
}

/**
 * Order matters: when two codecs explain a run equally well, the earlier (more common in the wild)
 * one is named in the explanation.
 */
export const CODECS: readonly CodecInfo[] = [
  { name: 'windows-1252', label: 'Windows-1252', iconvName: 'windows-1252', kind: 'single' },
  { name: 'latin1', label: 'Latin-1 (ISO-8859-1)', iconvName: 'latin1', kind: 'single' },
  { name: 'windows-1250', label: 'Windows-1250', iconvName: 'windows-1250', kind: 'single' },
  { name: 'windows-1251', label: 'Windows-1251', iconvName: 'windows-1251', kind: 'single' },
  { name: 'windows-1253', label: 'Windows-1253', iconvName: 'windows-1253', kind: 'single' },
  { name: 'windows-1254', label: 'Windows-1254', iconvName: 'windows-1254', kind: 'single' },
  { name: 'windows-1257', label: 'Windows-1257', iconvName: 'windows-1257', kind: 'single' },
  { name: 'macroman', label: 'MacRoman', iconvName: 'macintosh', kind: 'single' },
  { name: 'cp437', label: 'CP437 (DOS)', iconvName: 'cp437', kind: 'single' },
  { name: 'koi8-r', label: 'KOI8-R', iconvName: 'koi8-r', kind: 'single' },
  { name: 'cp866', label: 'CP866 (DOS Cyrillic)', iconvName: 'cp866', kind: 'single' },
  { name: 'gbk', label: 'GBK/GB18030', iconvName: 'gbk', kind: 'double' },
  { name: 'big5', label: 'Big5', iconvName: 'big5', kind: 'double' },
  { name: 'shift_jis', label: 'Shift_JIS', iconvName: 'shift_jis', kind: 'double' },
  { name: 'euc-kr', label: 'EUC-KR', iconvName: 'euc-kr', kind: 'double' },
];

export const CODEC_NAMES: readonly string[] = CODECS.map((c) => c.name);

/**
 * ISO-8859-2, the sibling of Windows-1250: not scanned for (its readings tie with Windows-1250's
 * and would cost accuracy everywhere), but put in its place where a text proves it (see detect.ts).
 */
export const ISO_8859_2: CodecInfo = { name: 'iso-8859-2', label: 'ISO-8859-2', iconvName: 'iso-8859-2', kind: 'single' };

/**
 * ISO-8859-15 (Latin-9), Latin-1 with € Š š Ž ž Œ œ Ÿ in eight of its places: not scanned for (it
 * ties with Latin-1 nearly everywhere), but put in Latin-1's place where a text proves it.
 */
export const ISO_8859_15: CodecInfo = { name: 'iso-8859-15', label: 'Latin-9 (ISO-8859-15)', iconvName: 'iso-8859-15', kind: 'single' };

/**
 * KOI8-U, KOI8-R with Ukrainian є і ї ґ (and capitals) in eight of its box-drawing places: not
 * scanned for, but put in KOI8-R's place where a text proves it.
 */
export const KOI8_U: CodecInfo = { name: 'koi8-u', label: 'KOI8-U', iconvName: 'koi8-u', kind: 'single' };

/**
 * A Windows codepage, Latin-1 or Latin-9: the commonest wrong decodings, whose pairs are believed
 * alone (MacRoman, CP437 and the CJK codecs need company: `¬´` in a kaomoji is no mojibake).
 */
export function isEverydayCodepage(codec: CodecInfo): boolean {
  return codec.name.startsWith('windows-') || codec.name === 'latin1' || codec === ISO_8859_15;
}

export function codecByName(name: string): CodecInfo | undefined {
  return CODECS.find((c) => c.name === name) ?? [ISO_8859_2, ISO_8859_15, KOI8_U].find((c) => c.name === name);
}

/** Throws a clear error for a codec name the engine does not know (settings, CLI options). */
export function resolveCodecs(names: readonly string[] | undefined): CodecInfo[] {
  if (!names) return [...CODECS];
  return names.map((n) => {
    const c = codecByName(n.trim().toLowerCase());
    if (!c) throw new Error(`unknown encoding "${n}" (known: ${CODEC_NAMES.join(', ')})`);
    return c;
  });
}

/** No byte: the character cannot come from this codec. */
export const NO_BYTE = -1;

/**
 * Char code → byte for a single-byte codec, "sloppy": bytes the codec leaves undefined (0x81 in
 * Windows-1252, …) are taken to have come through as the C1 control of the same number, which is
 * what most real decoders emit.
 */
function buildSingleByteTable(iconvName: string): Int16Array {
  const table = new Int16Array(65536).fill(NO_BYTE);
  const all = Buffer.alloc(256);
  for (let b = 0; b < 256; b++) all[b] = b;
  const chars = iconv.decode(all, iconvName);
  // iconv-lite decodes each byte of a single-byte codec to exactly one UTF-16 unit.
  for (let b = 0; b < 256; b++) {
    const ch = chars.charCodeAt(b);
    if (ch === 0xfffd) {
      if (b >= 0x80 && b <= 0x9f) table[b] = b; // sloppy: undefined byte kept as C1 control
      continue;
    }
    if (table[ch] === NO_BYTE) table[ch] = b;
  }
  // A C1 control the codec does not produce stands for its own byte: the ISO-8859 sibling of a
  // Windows codepage passes 0x80–0x9F through (`tĹ\u0099etĂ­ho`: ř read as ISO-8859-2).
  for (let b = 0x80; b <= 0x9f; b++) if (table[b] === NO_BYTE) table[b] = b;
  return table;
}

/**
 * Whether a single-byte codec shows byte `b` as a character (Windows-1250 leaves 81 83 88 90 98
 * undefined), read from iconv-lite like the tables.
 */
export function definesByte(codec: CodecInfo, b: number): boolean {
  const key = `${codec.name}:${b}`;
  let defined = definedBytes.get(key);
  if (defined === undefined) definedBytes.set(key, (defined = iconv.decode(Buffer.from([b]), codec.iconvName) !== '\ufffd'));
  return defined;
}

const definedBytes = new Map<string, boolean>();

/**
 * Char code → two bytes (b0 << 8 | b1) for a double-byte codec, or single byte for ASCII.
 * Built by decoding every lead/trail pair once.
 */
function buildDoubleByteTable(iconvName: string, astral: Map<number, number>): Int32Array {
  const table = new Int32Array(65536).fill(NO_BYTE);
  for (let b = 0; b < 0x80; b++) table[b] = b;
  // Some bytes stand alone above 0x7F (Shift_JIS half-width katakana A1–DF).
  for (let b = 0x80; b <= 0xff; b++) {
    const s = iconv.decode(Buffer.from([b]), iconvName);
    if (s.length === 1 && s.charCodeAt(0) !== 0xfffd && s.charCodeAt(0) >= 0x80) table[s.charCodeAt(0)] = b;
  }
  // One decode per lead byte: a row of pairs separated by a newline each, so that a pair the
  // codec rejects cannot shift the ones after it.
  for (let b0 = 0x81; b0 <= 0xfe; b0++) {
    const row = Buffer.alloc((0xfe - 0x40 + 1) * 3);
    let n = 0;
    for (let b1 = 0x40; b1 <= 0xfe; b1++) {
      row[n++] = b0;
      row[n++] = b1;
      row[n++] = 0x0a;
    }
    const parts = iconv.decode(row, iconvName).split('\n');
    for (let b1 = 0x40; b1 <= 0xfe; b1++) {
      const s = parts[b1 - 0x40];
      if (s === undefined) continue;
      // Big5's Hong Kong characters lie outside the BMP (`𠀾`): a surrogate pair each.
      if (s.length === 2 && s.codePointAt(0)! > 0xffff) {
        if (!astral.has(s.codePointAt(0)!)) astral.set(s.codePointAt(0)!, (b0 << 8) | b1);
        continue;
      }
      if (s.length !== 1) continue;
      const ch = s.charCodeAt(0);
      if (ch === 0xfffd || ch < 0x80) continue;
      if (table[ch] === NO_BYTE) table[ch] = (b0 << 8) | b1;
    }
  }
  return table;
}

/**
 * Is this two-byte code in the codec's everyday repertoire (GB2312 level 1, Big5 frequent
 * characters, JIS level 1, KS X 1001 Hangul)? Mojibake lands mostly outside it, on rare characters.
 */
export function isCommonDoubleByte(codec: CodecInfo, code: number): boolean {
  const b0 = code >> 8;
  const b1 = code & 0xff;
  switch (codec.name) {
    case 'gbk':
      return b0 >= 0xb0 && b0 <= 0xd7 && b1 >= 0xa1 && b1 <= 0xfe;
    case 'big5':
      return code >= 0xa440 && code <= 0xc67e;
    case 'shift_jis':
      return code >= 0x889f && code <= 0x9872;
    case 'euc-kr':
      return b0 >= 0xb0 && b0 <= 0xc8 && b1 >= 0xa1 && b1 <= 0xfe;
    default:
      return true;
  }
}

/**
 * Whether `codec` pairs byte `b` with nothing when `after` follows it (a decoder makes `b` U+FFFD
 * and reads on from `after`); `after` -1: at the end of the text.
 */
export function pairsWithNothing(codec: CodecInfo, b: number, after: number): boolean {
  let known = unpaired.get(codec.name);
  if (!known) unpaired.set(codec.name, (known = new Int8Array(256 * 257).fill(-1)));
  const at = b * 257 + after + 1; // (after -1, the text's end, at 0)
  if (known[at] < 0) known[at] = iconv.decode(Buffer.from(after < 0 ? [b] : [b, after]), codec.iconvName).startsWith('\ufffd') ? 1 : 0;
  return known[at] === 1;
}
/** By codec: 1 where a byte pairs with nothing before another, 0 where it does, -1 not yet asked. */
const unpaired = new Map<string, Int8Array>();

/**
 * Is this CJK character everyday text in at least one of the CJK codecs' repertoires (kana, CJK
 * punctuation, fullwidth ASCII, Hangul of KS X 1001, Han of GB2312 level 1, Big5 frequent, JIS
 * level 1)? UTF-8 Japanese read as GBK decodes to such characters (`鍚嶅墠` → `名前`); real
 * Chinese that happens to re-encode to UTF-8 gives rare ones.
 */
export function isCommonCjk(c: number): boolean {
  return (commonCjk ??= commonCjkMask())[c] === 1;
}

let commonCjk: Uint8Array | undefined;
function commonCjkMask(): Uint8Array {
  const mask = new Uint8Array(65536);
  mask.fill(1, 0x3000, 0x3100);
  mask.fill(1, 0xff01, 0xff5f);
  for (const codec of CODECS) {
    if (codec.kind !== 'double') continue;
    const table = doubleByteTable(codec);
    for (let c = 0; c < 65536; c++) if (table[c] > 0xff && isCommonDoubleByte(codec, table[c])) mask[c] = 1;
  }
  return mask;
}

const singleTables = new Map<string, Int16Array>();
const doubleTables = new Map<string, Int32Array>();

export function singleByteTable(codec: CodecInfo): Int16Array {
  let t = singleTables.get(codec.name);
  if (!t) {
    t = buildSingleByteTable(codec.iconvName);
    singleTables.set(codec.name, t);
  }
  return t;
}

/** Built on first use: only documents with CJK-looking mojibake pay for it. */
export function doubleByteTable(codec: CodecInfo): Int32Array {
  let t = doubleTables.get(codec.name);
  if (!t) {
    const astral = new Map<number, number>();
    t = buildDoubleByteTable(codec.iconvName, astral);
    doubleTables.set(codec.name, t);
    astralTables.set(codec.name, astral);
  }
  return t;
}

/** Code point → two bytes for the characters outside the BMP a double-byte codec decodes to. */
export function doubleByteAstral(codec: CodecInfo): ReadonlyMap<number, number> {
  doubleByteTable(codec);
  return astralTables.get(codec.name)!;
}

const astralTables = new Map<string, Map<number, number>>();

/**
 * Windows-1252's meaning of the C1 controls U+0080–U+009F (a Latin-1 decoding of Windows-1252 text
 * leaves them behind). Undefined bytes map to "".
 */
export function windows1252ForC1(code: number): string {
  return codepageForC1('windows-1252', code);
}

/** MacRoman's meaning of the same: all letters (87 á, 92 í, 96 ñ), as old Mac text read as Latin-1 leaves them. */
export function macRomanForC1(code: number): string {
  return codepageForC1('macintosh', code);
}

const c1Maps = new Map<string, string[]>();
function codepageForC1(iconvName: string, code: number): string {
  let map = c1Maps.get(iconvName);
  if (!map) {
    const bytes = Buffer.alloc(32);
    for (let i = 0; i < 32; i++) bytes[i] = 0x80 + i;
    map = [...iconv.decode(bytes, iconvName)].map((ch) => (ch === '\ufffd' ? '' : ch));
    c1Maps.set(iconvName, map);
  }
  return map[code - 0x80] ?? '';
}
