/**
 * Reversible mojibake: runs of characters that, encoded back with a wrong codec, give valid UTF-8.
 * Every byte is still there, so the repair is exact; the only question is whether the re-decoding
 * reads better than the text as it is (see `chars.ts`).
 */
import { CODECS, type CodecInfo, ISO_8859_15, NO_BYTE, codecByName, isEverydayCodepage, doubleByteAstral, doubleByteTable, isCommonDoubleByte, singleByteTable, windows1252ForC1 } from './codecs';
import { Cls, charClass, classAt, isCjkCandidate, isLetter as isLetterCls, isPrintableAscii, isUpper as isUpperCls, misplacedLetters, orthographiesOf, rarity, weirdness, wordCharAt } from './chars';
import { Belief, cjkRunBelief } from './cjk';
import { continuationCount, decodeSequence, isContinuation, secondByteOk } from './utf8';
import type { TokenMemo } from './tokenMemo';

/** One UTF-8 sequence found in the text. */
export interface Sequence {
  /** Where it lies, in characters from the start of its run: a replayed word shares its runs' sequences (see movedRun). */
  from: number;
  to: number;
  bytes: number[];
  decoded: string;
  /** A plain space stood where the byte A0 (no-break space) was: a later step "normalised" it. */
  absorbedSpace: boolean;
  /** The sequence lost its last byte(s) to U+FFFD. */
  lost: boolean;
}

/** A contiguous run of sequences decoded with one codec. */
export interface Run {
  start: number;
  end: number;
  codec: CodecInfo;
  seqs: Sequence[];
  /** The run decoded (line breaks inside it kept). */
  decoded: string;
  /** Further codecs peeled off when the decoded text was itself mojibake, innermost last. */
  layers: CodecInfo[];
  /** Decodes to a rare letter on its own: never a finding, but evidence against its neighbours. */
  hopeless: boolean;
  /** Bits of the single-byte codecs that read exactly these bytes (see `ScanTables.singles`). */
  sameBits: number;
  /** Another codec read it differently but as well, and only the codecs' order chose. */
  tieByOrder?: boolean;
  /** For any tie: codec bit and orthographies of each reading, flat (see `preferredByOrthography`). */
  tieVotes?: number[];
  /**
   * A CJK-codec run convincing by itself: a whole word of another script decoded (`泻邪薪邪写邪` →
   * `канада`), or a Latin character alone in Latin prose.
   */
  convincing?: boolean;
  /** A CJK-codec run that is a short word of another script (`薪邪` → `на`): needs garbled neighbours. */
  needsCompany?: boolean;
  /** The recorded word it was found in, or replayed from (see `tokenMemo.ts`). */
  memo?: TokenMemo;
  /** Peeling found an inner `â€�` and read it as ” (see peelLayers): not all of it is certain. */
  inferred?: boolean;
}

const SPACE = 0x20;
const QMARK = 0x3f;
const FFFD = 0xfffd;

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

/** Hard-wrapped text splits the common sequences (Ã©, Â°, â€™) at worst: only those are joined across a break. */
const WRAP_LEADS = new Set([0xc2, 0xc3, 0xe2]);

/**
 * Leads whose lost continuation is still worth marking: Latin letters (`Ã`, `Ä`, `Ă`) that start
 * UTF-8 mojibake, and `×` (D7), Hebrew's lead (`×�` is א or ם, whose 90 and 9D Windows-1252 leaves undefined).
 */
function LOST_LEADS(code: number): boolean {
  const c = charClass(code);
  return code >= 0xc0 && (c === Cls.LatinUpper || c === Cls.LatinLower || code === 0xd7);
}

/**
 * CP866 puts lowercase р–я at UTF-8's leads E0–EF and а–п at continuation bytes A0–AF, so plain
 * Cyrillic (`только`) reads as UTF-8 there. Its real mojibake has a box-drawing lead (`╨Я`, `╤А`)
 * or, after a letter lead, a capital or box drawing (`тАФ` is —, `ф╕н` is 中): a lowercase
 * letter after a lowercase one is text.
 */
function plainCyrillicPair(lead: number, next: number): boolean {
  return lead >= 0x0430 && lead <= 0x045f && next >= 0x0430 && next <= 0x045f;
}
let cp866: Int16Array | undefined;
function cp866Table(): Int16Array {
  return (cp866 ??= singleByteTable(codecByName('cp866')!));
}

/**
 * Can byte `b` be continuation number `m` (0-based) after lead `b0`? Surrogates encoded one by one
 * (CESU-8: `í ½í¸\u008d` is 😍) are let in here; a run that leaves one unpaired is dropped.
 */
function fits(b0: number, m: number, b: number): boolean {
  return m === 0 ? secondByteOk(b0, b) || (b0 === 0xed && b >= 0xa0 && b <= 0xbf) : isContinuation(b);
}

/**
 * Is this lead glyph a letter (Ã, Å, Ă, Г, Ξ…) rather than a symbol (MacRoman √ “ »)? A plain range
 * test: it runs for every candidate sequence.
 */
export function isLeadLetter(code: number): boolean {
  return code >= 0xc0 && code < 0x2000 && code !== 0xd7 && code !== 0xf7;
}

function hasLoneSurrogate(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      return true;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return true;
  }
  return false;
}

interface RunRead {
  seqs: Sequence[];
  decoded: string;
  end: number;
  /** Number of sequences read. */
  count: number;
  /** A hash of the bytes read: equal for two codecs that read the same bytes (the same repair). */
  hash: number;
  /** Whether a space was taken for a lost no-break space. */
  absorbedAny: boolean;
  /** The code point of a first two-byte sequence, else -1. */
  firstCp: number;
}

/** A sequence's bytes and what they decode to, shared by every sequence with those bytes (read-only). */
interface SeqValue {
  bytes: number[];
  decoded: string;
}

/**
 * Values of sequences of up to three bytes (a small number: the key must stay a small integer),
 * by bytes and lost flag. A text holds few distinct sequences, and an array and a string for each
 * occurrence were most of what the scan allocated. Bounded; dropping entries changes no result.
 */
const seqValues = new Map<number, SeqValue>();

/** The value of lead `b0` and `got` continuation bytes (`lost`: the rest of the sequence was lost). */
function seqValue(got: number, b0: number, b1: number, b2: number, b3: number, lost: boolean): SeqValue {
  if (got > 2) return newSeqValue([b0, b1, b2, b3], lost); // four bytes: rare, and too many for the key
  const key = (lost ? 1 << 26 : 0) | (got << 24) | (b0 << 16) | (got > 0 ? b1 << 8 : 0) | (got > 1 ? b2 : 0);
  let value = seqValues.get(key);
  if (!value) {
    if (seqValues.size >= 20000) seqValues.clear();
    value = newSeqValue(got === 0 ? [b0] : got === 1 ? [b0, b1] : [b0, b1, b2], lost);
    seqValues.set(key, value);
  }
  return value;
}

function newSeqValue(bytes: number[], lost: boolean): SeqValue {
  return { bytes: Object.freeze(bytes) as number[], decoded: lost ? '\ufffd' : decodeSequence(bytes) };
}

const NO_SEQS: Sequence[] = [];

/** Lost no-break spaces one run may take (see singleByteRun). */
const MAX_ABSORBED = 8;

/** What `runAt` reads into, one for measuring and one for building: no object per call. */
const MEASURED: RunRead = { seqs: NO_SEQS, decoded: '', end: 0, count: 0, hash: 0, absorbedAny: false, firstCp: -1 };
const BUILT: RunRead = { ...MEASURED };

/**
 * Sequences of the run being built, the first `built` of them; copied out at its end, in an array
 * of exactly their number. (Not emptied by `length = 0`, which would drop its storage each time.)
 */
const building: Sequence[] = [];
let built = 0;

/**
 * Reads sequences from `i` with a single-byte codec into `into`. With `build` false it only
 * measures (no allocation), which is what most codecs tried at a position need. Continuation bytes
 * may be separated from their lead by a hard line break (text wrapped inside a garbled word): the
 * break is kept after the decoded character.
 */
function singleByteRun(text: string, i: number, limit: number, table: Int16Array, absorb: boolean, build: boolean, into: RunRead): RunRead {
  into.seqs = NO_SEQS;
  into.decoded = '';
  into.end = 0;
  into.count = 0;
  into.hash = 0;
  into.absorbedAny = false;
  into.firstCp = -1;
  // Quick rejection: most candidates fail at their second byte.
  const first = table[text.charCodeAt(i)];
  if (i + 1 >= limit) return into;
  const code1 = text.charCodeAt(i + 1);
  const second = table[code1];
  if (!(second !== NO_BYTE && fits(first, 0, second)) && !(absorb && code1 === SPACE) && code1 !== FFFD && !isLineBreak(code1)) return into;
  built = 0;
  let decoded = '';
  let count = 0;
  let hash = 0;
  let absorbedAny = false;
  let lastAbsorbed = false;
  let absorbedCount = 0;
  let firstCp = -1;
  let j = i;
  while (j < limit) {
    const b0 = table[text.charCodeAt(j)];
    const need = b0 === NO_BYTE ? -1 : continuationCount(b0);
    if (need < 0) break;
    let got = 0; // continuation bytes read
    let b1 = -1;
    let b2 = -1;
    let b3 = -1;
    let k = j + 1;
    let absorbed = false;
    let lost = false;
    let breaks = '';
    let ok = true;
    for (let m = 0; m < need; m++) {
      if (k >= limit) {
        ok = false;
        break;
      }
      const code = text.charCodeAt(k);
      let b = table[code];
      if (m === 0 && table === cp866Table() && plainCyrillicPair(text.charCodeAt(j), code)) {
        ok = false;
        break;
      }
      if (b !== NO_BYTE && fits(b0, m, b)) {
        k++;
      } else if (absorb && code === SPACE && fits(b0, m, 0xa0) && isLeadLetter(text.charCodeAt(j))) {
        // Only after a letter (`Ã ` is à): after a quote mark (MacRoman “ is D2) a space is a space.
        b = 0xa0;
        absorbed = true;
        k++;
      } else if (code === FFFD && LOST_LEADS(text.charCodeAt(j)) && !(b0 === 0xe2 && b1 === 0x80)) {
        // A lost byte: the character is gone, but the lead still shows where it was. E2 80 + lost
        // is punctuation, which the lossy ranking can name, so it is left to it. A lost middle
        // byte leaves the character's last one after it (`å�Ž` is 华, E5 8D 8E): no sequence
        // starts with a continuation byte, so it is this one's, not garbage left beside it.
        lost = true;
        k++;
        for (let r = m + 1; r < need && k < limit && isContinuation(table[text.charCodeAt(k)]); r++) k++;
        break;
      } else if (isLineBreak(code) && !absorbed && WRAP_LEADS.has(b0) && table === singleByteTable(CODECS[0])) {
        let e = k + 1;
        if (code === 0x0d && text.charCodeAt(e) === 0x0a) e++;
        const after = e < limit ? table[text.charCodeAt(e)] : NO_BYTE;
        if (after === NO_BYTE || !fits(b0, m, after)) {
          ok = false;
          break;
        }
        if (build) breaks += text.slice(k, e);
        k = e;
        m--;
        continue;
      } else {
        ok = false;
        break;
      }
      if (m === 0) b1 = b;
      else if (m === 1) b2 = b;
      else b3 = b;
      got++;
      hash = (hash * 31 + b) | 0;
    }
    // Two lost no-break spaces in a row (`Ã Ã `) are no text; stopping here also keeps a line of
    // them from being read again from every position (quadratic time). So is a run that took more
    // than a few word spaces for lost ones (`Ð½Ñ Ð½Ñ …`: Ñ with a space is Ѡ, D1 A0): read from
    // every position to the line's end and then not believed, such a line took minutes.
    if (!ok || (absorbed && (lastAbsorbed || absorbedCount === MAX_ABSORBED))) break;
    if (absorbed) absorbedCount++;
    hash = (hash * 31 + b0 + (lost ? 7 : 0)) | 0;
    if (count === 0) firstCp = need === 1 && !lost ? ((b0 & 0x1f) << 6) | (b1 & 0x3f) : -1;
    count++;
    absorbedAny ||= absorbed;
    lastAbsorbed = absorbed;
    if (build) {
      const value = seqValue(got, b0, b1, b2, b3, lost);
      building[built++] = { from: j - i, to: k - i, bytes: value.bytes, decoded: value.decoded, absorbedSpace: absorbed, lost };
      decoded += value.decoded + breaks;
    }
    j = k;
  }
  // `voilÃ le`: a no-break space and the word space after it collapsed into one space; keep one —
  // unless the letter starts the next word (`Å veices` → `Šveices`) or is Portuguese `às`.
  // (Not before punctuation: `cittÃ .` is città. with its no-break space made plain.)
  if (build && lastAbsorbed && j < limit && text.charCodeAt(j) !== SPACE && wordCharAt(text, j)) {
    const capital = charClass(decoded.charCodeAt(decoded.length - 1)) === Cls.LatinUpper;
    // Portuguese `às` (a space must follow the s) and `àquele`, `àquilo`…
    const joined = (text[j] === 's' && text[j + 1] === ' ') || /^qu[ei]l/.test(text.slice(j, j + 4));
    if (!capital && !joined) decoded += ' ';
  }
  if (build) into.seqs = building.slice(0, built);
  into.decoded = decoded;
  into.end = j;
  into.count = count;
  into.hash = hash;
  into.absorbedAny = absorbedAny;
  into.firstCp = firstCp;
  return into;
}

/**
 * Codecs whose table leaves few pairs out (GBK fills nearly every pair of bytes; Shift_JIS leaves
 * gaps in a few rows): a U+FFFD in their reading is one lost byte. Big5 and EUC-KR cannot pair a
 * lead with any of 80–A0, so their readings of UTF-8 are full of U+FFFD: there one is believed
 * only where it ends a line's last character.
 */
const FEW_GAPS = new Set(['gbk', 'gb18030', 'shift_jis']);

/**
 * Reads a run with a double-byte (CJK) codec: the characters' two-byte codes concatenated must be
 * valid UTF-8. A trailing ASCII byte belongs to the last character (`鈥檚` is E2 80 99 73: `’s`).
 */
function doubleByteRun(text: string, i: number, limit: number, table: Int32Array, astral: ReadonlyMap<number, number>, fewGaps: boolean): { seqs: Sequence[]; decoded: string; end: number } {
  // Bytes are read two per character and consumed as soon as they form a sequence; the run may
  // only end where no sequence is left half-read.
  const seqs: Sequence[] = [];
  let decoded = '';
  let bestCount = 0; // the longest run so far that ends on a character boundary
  let bestDecoded = '';
  let bestEnd = i;
  let queued = 0; // bytes in `pending`
  let unknown = 0; // bits of the pending bytes a U+FFFD stood for
  let lastDecoded = -1; // the last code unit of `decoded` (kept apart: reading it off a growing string flattens it each time)
  let queueStart = i; // character where the first queued byte came from
  let width = 1; // UTF-16 units of the character at j
  for (let j = i; j < limit; j += width) {
    let v = table[text.charCodeAt(j)];
    width = 1;
    if (v === NO_BYTE && astral.size > 0 && j + 1 < limit) {
      const pair = astral.get(text.codePointAt(j)!); // a surrogate pair: one character, two units
      if (pair !== undefined) {
        v = pair;
        width = 2;
      }
    }
    if (v === NO_BYTE || v < 0x80) {
      // A byte the codec could pair with nothing after it (a line break, a space, a byte its
      // table leaves out), which a decoder made U+FFFD: where a sequence was under way after
      // Chinese, Japanese or Korean, one of its bytes. Kept as unknown, and the run reads on
      // (Shift_JIS `繝弱�吶�ｼ` is ノ, then ベ and ー each with a byte lost; GBK's `鏈€�` 术 and 。
      // whose last byte met the line break). After Latin text a lost mark is the lossy forms' to
      // read (`„iba stiahnuť“`).
      if (text.charCodeAt(j) !== FFFD || !lostByteFits(queued) || !(isCjkText(lastDecoded) || lastDecoded === FFFD)) break;
      if (!fewGaps && (queued !== continuationCount(pending[0]) || (j + 1 < limit && table[text.charCodeAt(j + 1)] >= 0x80))) break;
      pending[queued] = queued === 1 && pending[0] === 0xe0 ? 0xa0 : queued === 1 && pending[0] === 0xf0 ? 0x90 : 0x80;
      unknown |= 1 << queued;
      queued++;
    } else {
      if (queued === 0) queueStart = j;
      if (v > 0xff) {
        pending[queued++] = v >> 8;
        pending[queued++] = v & 0xff;
      } else {
        pending[queued++] = v;
      }
    }
    let broken = false;
    while (queued > 0) {
      const b0 = pending[0];
      if (b0 < 0x80) {
        decoded += String.fromCharCode(b0);
        lastDecoded = b0;
        queued = dropPending(1, queued);
        continue;
      }
      const need = continuationCount(b0);
      if (need < 0 || (queued > 1 && !secondByteOk(b0, pending[1]))) {
        broken = true;
        break;
      }
      if (queued < need + 1) break; // wait for the next character
      let ok = true;
      for (let m = 2; m <= need; m++) ok = ok && isContinuation(pending[m]);
      if (!ok) {
        broken = true;
        break;
      }
      const lost = (unknown & ((1 << (need + 1)) - 1)) !== 0;
      const value = lost ? seqValue(0, pending[0], 0, 0, 0, true) : seqValue(need, pending[0], pending[1], pending[2], pending[3], false);
      queued = dropPending(need + 1, queued);
      unknown >>>= need + 1;
      seqs.push({ from: queueStart - i, to: j + width - i, bytes: value.bytes, decoded: value.decoded, absorbedSpace: false, lost });
      decoded += value.decoded;
      lastDecoded = value.decoded.charCodeAt(value.decoded.length - 1);
      queueStart = j;
    }
    if (broken) break;
    if (queued === 0 && seqs.length > 0) {
      bestCount = seqs.length;
      bestDecoded = decoded;
      bestEnd = j + width;
    } else if (queued > 3) {
      break;
    }
  }
  seqs.length = bestCount;
  return { seqs, decoded: bestDecoded, end: bestEnd };
}

/**
 * Bytes `doubleByteRun` has read but not yet consumed: at most three left over plus two new ones.
 * One buffer for every call (called once per CJK character that may start mojibake).
 */
const pending = new Int32Array(8);

/** Chinese, Japanese or Korean, or their punctuation: what a lost last byte may follow (see doubleByteRun). */
function isCjkText(c: number): boolean {
  return (c >= 0x3000 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xff00 && c <= 0xffef);
}

/** Whether the `queued` pending bytes are a sequence begun and not yet whole (a lead and its continuations so far): a lost byte may be its next. */
function lostByteFits(queued: number): boolean {
  if (queued === 0) return false;
  const need = continuationCount(pending[0]);
  if (need < 1 || queued > need || (queued > 1 && !secondByteOk(pending[0], pending[1]))) return false;
  for (let m = 2; m < queued; m++) if (!isContinuation(pending[m])) return false;
  return true;
}

/** Removes the first `n` of `queued` pending bytes; returns how many are left. */
function dropPending(n: number, queued: number): number {
  pending.copyWithin(0, n, queued);
  return queued - n;
}

/** Precomputed per codec set: which codecs can read a char as a lead / continuation byte (bit per codec). */
export interface ScanTables {
  codecs: readonly CodecInfo[];
  singles: { codec: CodecInfo; table: Int16Array; bit: number }[];
  doubles: CodecInfo[];
  /** Tables of `doubles`, filled on first use. */
  doubleTables: (Int32Array | undefined)[];
  /** Bit per double-byte codec: can this char start a UTF-8 sequence there? Built on first use. */
  cjkStart?: Uint8Array;
  /** The bits of `cjkStart` where the char is outside the codec's everyday repertoire. */
  cjkRare?: Uint8Array;
  lead: Uint16Array;
  cont: Uint16Array;
  /** Bits of `lead` where the byte needs two or more continuation bytes (E0–F4). */
  leadLong: Uint16Array;
  /** Bits of `lead` where a line break may split the sequence (see `singleByteRun`). */
  leadWrap: Uint16Array;
  /** The most continuation bytes any single-byte codec reads after this character as a lead. */
  reach: Uint8Array;
  /** Bits of Windows-1252 and Latin-1 among `singles`. */
  western: number;
  /** The bit of CP866 among `singles`, or 0 (see plainCyrillicPair). */
  cp866: number;
}

const tablesCache = new Map<string, ScanTables>();

export function scanTables(codecs: readonly CodecInfo[]): ScanTables {
  const key = codecs.map((c) => c.name).join(',');
  let t = tablesCache.get(key);
  if (t) return t;
  const lead = new Uint16Array(65536);
  const cont = new Uint16Array(65536);
  const leadLong = new Uint16Array(65536);
  const leadWrap = new Uint16Array(65536);
  const reach = new Uint8Array(65536);
  const singles = codecs
    .filter((c) => c.kind === 'single')
    .map((codec, k) => ({ codec, table: singleByteTable(codec), bit: 1 << k }));
  for (const { table, bit } of singles) {
    const wraps = table === singleByteTable(CODECS[0]);
    for (let ch = 0x80; ch < 65536; ch++) {
      const b = table[ch];
      if (b >= 0xc2 && b <= 0xf4) {
        lead[ch] |= bit;
        reach[ch] = Math.max(reach[ch], continuationCount(b));
      }
      else if (b >= 0x80 && b <= 0xbf) cont[ch] |= bit;
      if (b >= 0xe0 && b <= 0xf4) leadLong[ch] |= bit;
      if (wraps && WRAP_LEADS.has(b)) leadWrap[ch] |= bit;
    }
    cont[0x20] |= bit; // a space may stand for a lost no-break space
    cont[0x0a] |= bit; // a line break may split a sequence
    cont[0x0d] |= bit;
    cont[0xfffd] |= bit; // a lost byte inside a run
  }
  const doubles = codecs.filter((c) => c.kind === 'double');
  const western = singles.filter((s) => isWestern(s.codec)).reduce((bits, s) => bits | s.bit, 0);
  const cp866 = singles.find((s) => s.codec.name === 'cp866')?.bit ?? 0;
  t = { codecs, singles, doubles, doubleTables: doubles.map(() => undefined), lead, cont, leadLong, leadWrap, reach, western, cp866 };
  tablesCache.set(key, t);
  return t;
}

/**
 * The lowest character a CJK codec can give for the lead of a UTF-8 sequence: the CJK blocks, and
 * Big5's symbols below them (Vietnamese `ư`, C6 B0, is `⑹`).
 */
const CJK_CODEC_CHARS = 0x2000;

/**
 * Whether `runAt` could find anything at `i`: a table test that lets the scan pass over most
 * non-ASCII characters of clean text without calling it. Never false where `runAt` would find a
 * run (it mirrors the first checks of `singleByteRun` and the CJK skip in `runAt`); often true
 * where it finds none.
 */
export function mayStartRun(text: string, i: number, t: ScanTables): boolean {
  const code = text.charCodeAt(i);
  return singleCandidates(text, i, t) !== 0 || (code >= CJK_CODEC_CHARS && cjkWorthTrying(text, i, t));
}

/** Bits of the single-byte codecs that may read a first whole sequence at `i` (see `singleByteRun`). */
function singleCandidates(text: string, i: number, t: ScanTables): number {
  const code = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  let bits = t.lead[code] & t.cont[next];
  if (bits === 0) return 0;
  if (bits & t.cp866 && plainCyrillicPair(code, next)) bits &= ~t.cp866;
  if (bits === 0) return 0;
  // A space can only be a lost no-break space, believed after a lowercase letter, before one, or
  // inside a longer run (see `loneAbsorbedBelieved`): a line of `Ã Ã Ã` needs no closer look.
  if (next === SPACE && !absorbedSpaceMayCount(text, i, t)) return 0;
  // Only Windows-1252 joins a sequence across a line break, and only after C2, C3 or E2.
  if (isLineBreak(next)) return bits & t.leadWrap[code];
  // A lost byte ends the sequence early; a lead needing one continuation is complete here.
  const long = bits & t.leadLong[code];
  if (long === 0 || next === FFFD) return bits;
  // E0–F4 need a second continuation: the character after next must be able to be one.
  return (bits & ~long) | (long & t.cont[text.charCodeAt(i + 2)]);
}

/** Whether a space after the lead at `i` may be a lost no-break space that `runAt` would believe. */
function absorbedSpaceMayCount(text: string, i: number, t: ScanTables): boolean {
  const lower = (k: number) => classAt(text, k) === Cls.LatinLower;
  if (lower(i - 1) || lower(i + 2) || lower(i + 3)) return true;
  // (`Ã  Boulogne`, `Ã  2027`: à and its own space, see loneAbsorbedBelieved.)
  if (text.charCodeAt(i) === 0xc3 && text.charCodeAt(i + 2) === SPACE && wordCharAt(text, i + 3)) return true;
  // The run goes on after the space with a sequence that is not one more lost no-break space.
  const after = text.charCodeAt(i + 3);
  return after !== SPACE && (t.lead[text.charCodeAt(i + 2)] & t.cont[after]) !== 0;
}

/**
 * Whether some CJK codec would read on from `i`: the skip at the start of `runAt`'s CJK loop, for
 * all of them at once. Keep the two in step: this may say yes more often than that skip (here it
 * also does at the start of a CJK stretch), never less.
 */
function cjkWorthTrying(text: string, i: number, t: ScanTables): boolean {
  const code = text.charCodeAt(i);
  if (cjkStartOf(t)[code] === 0) return false;
  if (t.cjkRare![code] !== 0 || !isCjkCandidate(text.charCodeAt(i - 1))) return true;
  return isPrintableAscii(text.charCodeAt(i - 1)) || isPrintableAscii(text.charCodeAt(i + 1)) || isPrintableAscii(text.charCodeAt(i + 2));
}

/** Bits of the double-byte codecs in which a char can start a UTF-8 sequence (built on first use). */
export function cjkStartOf(t: ScanTables): Uint8Array {
  return (t.cjkStart ??= cjkStartMask(t));
}

function cjkStartMask(t: ScanTables): Uint8Array {
  const mask = new Uint8Array(65536);
  const rare = new Uint8Array(65536);
  t.doubles.forEach((codec, d) => {
    const table = (t.doubleTables[d] ??= doubleByteTable(codec));
    for (let ch = 0x80; ch < 65536; ch++) {
      const v = table[ch];
      if (v === NO_BYTE) continue;
      const lead = v > 0xff ? v >> 8 : v;
      if (lead < 0xc2 || lead > 0xf4 || (v > 0xff && !secondByteOk(lead, v & 0xff))) continue;
      mask[ch] |= 1 << d;
      if (v > 0xff && !isCommonDoubleByte(codec, v)) rare[ch] |= 1 << d;
    }
  });
  t.cjkRare = rare;
  return mask;
}

/**
 * Weirdness for choosing between codecs that explain the same characters; on a tie the Latin-1
 * letters (UTF-8 C3 xx, the commonest there is) win over rarer Latin (`Ć´`: ô, not ƴ).
 */
function tieWeirdness(text: string, start: number, end: number, decoded: string): number {
  let latin1 = 0;
  for (let k = 0; k < decoded.length; k++) {
    const c = decoded.charCodeAt(k);
    if (c >= 0xc0 && c <= 0xff) latin1++;
  }
  // Judged with a neighbour on each side: `uÄ¨e` is `uče` (Windows-1257), not `uĨe`.
  const inContext = text.slice(Math.max(0, start - 1), start) + decoded + text.slice(end, end + 1);
  return weirdness(inContext) + misplacedLetters(inContext) - latin1 / (decoded.length + 1);
}

/**
 * A run with every field set from the start: fields added later would each give the object a
 * new shape and a separate store for them. `layers` is shared until peeled (read-only).
 */
function newRun(start: number, end: number, codec: CodecInfo, seqs: Sequence[], decoded: string, hopeless: boolean): Run {
  return { start, end, codec, seqs, decoded, layers: NO_LAYERS, hopeless, sameBits: 0, tieByOrder: false, tieVotes: undefined, convincing: false, needsCompany: false, memo: undefined, inferred: false };
}
const NO_LAYERS = Object.freeze([] as CodecInfo[]) as CodecInfo[];

/** `r` found again `delta` characters further on (see `tokenMemo.ts`). */
export function movedRun(r: Run, delta: number): Run {
  const moved = newRun(r.start + delta, r.end + delta, r.codec, r.seqs, r.decoded, false);
  moved.layers = r.layers;
  moved.sameBits = r.sameBits;
  moved.memo = r.memo;
  moved.inferred = r.inferred;
  return moved;
}

/**
 * Finds the best run starting at `i`, trying every codec; null when no codec gives a sequence.
 * `possible`: bits of the single-byte codecs that explain every run so far (the text was garbled
 * by one of them, consistently); on a tie they win.
 */
export function runAt(text: string, i: number, limit: number, t: ScanTables, possible = 0, spoken = 0, inner = false): Run | null {
  const code = text.charCodeAt(i);
  let best: Run | null = null;
  let bestWeird = -1; // weirdness of best.decoded, computed only when a rival run ties
  let bestTier = Belief.None; // for CJK-codec runs
  const bits = i + 1 < limit ? t.lead[code] & t.cont[text.charCodeAt(i + 1)] : 0;
  if (bits) {
    let bestHash = 0;
    let bestBit = 0;
    let sameBits = 0; // codecs that read exactly the best run's bytes
    let tieByOrder = false; // two readings as good as each other, and nothing to choose by
    let tieVotes: number[] | undefined;
    let hopeless: { codec: CodecInfo; end: number } | null = null;
    // Only the codecs whose bits are set, lowest (first in order) first.
    for (let rest = bits; rest !== 0; rest &= rest - 1) {
      const { codec, table, bit } = t.singles[31 - Math.clz32(rest & -rest)];
      let m = singleByteRun(text, i, limit, table, true, false, MEASURED);
      if (m.count === 0 || (best && m.end < best.end)) continue;
      // A lone pair decoding to a rare letter (`’é` is Armenian Վ in MacRoman) never reads better:
      // it is only remembered as evidence against its neighbours, without building it.
      if (!inner && m.count === 1 && m.firstCp >= 0 && !m.absorbedAny && rareAlone(text, i, m.firstCp, (bit & t.western) !== 0)) {
        if (!hopeless || m.end > hopeless.end) hopeless = { codec, end: m.end };
        continue;
      }
      // Same bytes as the best so far: the same repair; only the name may change, to a codec that
      // explains the earlier runs too.
      if (best && m.end === best.end && m.hash === bestHash) {
        sameBits |= bit;
        if ((bit & possible) && !(bestBit & possible)) {
          best.codec = codec;
          bestBit = bit;
        }
        continue;
      }
      // A lone letter with a lost no-break space (`Ã `) is judged before anything is built.
      let absorb = true;
      if (m.count === 1 && m.absorbedAny && m.firstCp >= 0 && !loneAbsorbedBelieved(text, i, m.end, m.firstCp, true)) {
        absorb = false;
        m = singleByteRun(text, i, limit, table, false, false, MEASURED);
        if (m.count === 0 || (best && m.end < best.end)) continue;
      }
      let r = singleByteRun(text, i, limit, table, absorb, true, BUILT);
      // A space read as a lost no-break space must be believed, else the run stops before it.
      if (r.absorbedAny && !absorbedSpacesBelieved(text, i, r.seqs, r.decoded)) {
        r = singleByteRun(text, i, limit, table, false, true, BUILT);
        m = r;
      }
      if (r.count === 0 || (best && r.end < best.end) || hasLoneSurrogate(r.decoded)) continue;
      // Equally long runs under two codecs (Ć§ is ç in Windows-1257, Ƨ in Windows-1250): the one
      // that reads better wins.
      if (best && r.end === best.end && r.hash !== bestHash) {
        if (bestWeird < 0) bestWeird = tieWeirdness(text, i, best.end, best.decoded);
        const w = tieWeirdness(text, i, r.end, r.decoded);
        if (w > bestWeird) continue;
        if (w === bestWeird) {
          // Still equal: the reading in the language of the earlier words, then the codec that
          // explains the earlier runs too; else the order decided.
          const rivalSpeaks = (orthographiesOf(r.decoded) & spoken) !== 0;
          const bestSpeaks = (orthographiesOf(best.decoded) & spoken) !== 0;
          const rivalPossible = (bit & possible) !== 0;
          const bestPossible = (bestBit & possible) !== 0;
          const rivalWins = rivalSpeaks !== bestSpeaks ? rivalSpeaks : rivalPossible && !bestPossible;
          if (rivalSpeaks === bestSpeaks && rivalPossible === bestPossible) tieByOrder = true;
          // Every tie votes, however settled: what an order-settled tie started may be wrong.
          (tieVotes ??= []).push(bestBit, orthographiesOf(best.decoded), bit, orthographiesOf(r.decoded));
          if (!rivalWins) continue;
        }
        bestWeird = w;
      } else {
        bestWeird = -1;
      }
      best = newRun(i, r.end, codec, r.seqs, r.decoded, false);
      bestHash = m.hash;
      bestBit = bit;
      sameBits = bit;
    }
    if (best) {
      best.sameBits = sameBits;
      best.tieByOrder = tieByOrder;
      best.tieVotes = tieVotes;
    }
    if (!best && hopeless) return newRun(i, hopeless.end, hopeless.codec, NO_SEQS, '', true);
  }
  // A lone pair decoding to a rare letter (`’é` is Armenian Վ in MacRoman) never reads better:
  // drop it here, before the costlier judgement in context.
  if (!inner && best && best.seqs.length === 1 && best.seqs[0].bytes.length === 2 && rareAlone(text, i, best.decoded.charCodeAt(0), isWestern(best.codec))) {
    best.hopeless = true;
    return best;
  }
  // Nor does one CJK character from MacRoman or CP437 between the `?` of lossy mojibake
  // (`Ã?Â¢â?¬` holds MacRoman 墉): there it is a piece of the other garbling.
  const besideQuestionMark = best !== null && (text.charCodeAt(best.start - 1) === QMARK || text.charCodeAt(best.end) === QMARK);
  if (!inner && best && besideQuestionMark && best.seqs.length === 1 && !isEverydayCodepage(best.codec) && isCjkCandidate(best.decoded.charCodeAt(0))) {
    best.hopeless = true;
    return best;
  }
  if (!best && code >= CJK_CODEC_CHARS && cjkStartOf(t)[code] !== 0) {
    // Mojibake of Latin text or punctuation sits next to ASCII (`f眉hrt`, `Huawei鈥檚`), or starts
    // with a character outside the everyday repertoire; real CJK prose is neither, and skipping it
    // here keeps it fast.
    const startBits = cjkStartOf(t)[code];
    const asciiBeside = startBits !== 0 && (isPrintableAscii(text.charCodeAt(i - 1)) || isPrintableAscii(text.charCodeAt(i + 1)));
    const stretchStart = !isCjkCandidate(text.charCodeAt(i - 1));
    for (let d = 0; startBits !== 0 && d < t.doubles.length; d++) {
      if (!(startBits & (1 << d))) continue;
      const codec = t.doubles[d];
      const table = t.doubleTables[d]!;
      const v = table[code];
      // …or starts a stretch of them (`薪邪蟹胁邪` for `назва`): one try per stretch, not per character.
      if (!asciiBeside && !stretchStart && (v <= 0xff || isCommonDoubleByte(codec, v)) && !isPrintableAscii(text.charCodeAt(i + 2))) continue;
      const r = doubleByteRun(text, i, limit, table, doubleByteAstral(codec), FEW_GAPS.has(codec.name));
      if (r.seqs.length === 0 || (best && r.end < best.end)) continue;
      const run = newRun(i, r.end, codec, r.seqs, r.decoded, false);
      // Equally long readings: the more believable (`摹` is ġ in GBK, a lone ٹ in EUC-KR), then
      // the one that reads better.
      const tier = cjkRunBelief(text, run);
      if (best && r.end === best.end) {
        if (tier < bestTier) continue;
        if (tier === bestTier) {
          if (bestWeird < 0) bestWeird = weirdness(best.decoded);
          const w = weirdness(r.decoded);
          if (w >= bestWeird) continue;
          bestWeird = w;
        } else {
          bestWeird = -1;
        }
      } else {
        bestWeird = -1;
      }
      best = run;
      bestTier = tier;
    }
    if (bestTier === Belief.None) best = null;
  }
  return best;
}

/**
 * Whether a lone pair read at `i` as `cp` is a rare character on its own, which never reads better
 * (`’é` is Armenian Վ in MacRoman): not a combining mark on its letter (see marksBase), nor, in a
 * Windows-1252 or Latin-1 reading (`western`), a C1 control Windows-1252 has a character for
 * (`Â’` is ’ that went through Latin-1; see peelLayers).
 */
function rareAlone(text: string, i: number, cp: number, western: boolean): boolean {
  return rarity(cp) >= 2 && !marksBase(text, i, cp) && !(western && windows1252ForC1(cp) !== '');
}

/**
 * Whether combining mark `cp`, read at `i`, marks the character before it: text in decomposed form
 * (NFD, as macOS file names are) writes é as e + U+0301, garbled `eÌ\u0081`; and `$Ì¶6Ì¶3Ì¶` is
 * struck through with U+0336. Only the marks such text uses, after a plain letter (the stroke after
 * any character): `Ì…` (U+0305) and `Ì’` (U+0312) are more likely Italian `COSÌ…`, `COSÌ’`.
 */
function marksBase(text: string, i: number, cp: number): boolean {
  if (cp === 0x336) return i > 0 && classAt(text, i - 1) !== Cls.Space;
  const base = text.charCodeAt(i - 1);
  return NFD_MARKS.has(cp) && ((base >= 0x41 && base <= 0x5a) || (base >= 0x61 && base <= 0x7a));
}
const NFD_MARKS = new Set([0x300, 0x301, 0x302, 0x303, 0x304, 0x306, 0x307, 0x308, 0x309, 0x30a, 0x30b, 0x30c, 0x31b, 0x323, 0x326, 0x327, 0x328]);

/**
 * A space standing for a lost no-break space (A0) is believed only inside a longer run (`Ð ÑƒÑ`) or
 * after a lowercase Latin letter giving a lowercase letter (`voilÃ le` → `voilà le`).
 */
function absorbedSpacesBelieved(text: string, start: number, seqs: readonly Sequence[], decoded: string): boolean {
  // The letter must be an ordinary one: `Ä ` would be Ġ, `Ç ` Ǡ.
  if (seqs.some((s) => s.absorbedSpace && rarity(s.decoded.charCodeAt(0)) > 0)) return false;
  // A space that would end a run as the last byte of a three-byte character is the space it looks
  // like (`Ã\u0082Â© 2024` is `Â©` layered, not MacRoman `̂婠`): lost no-break spaces sit inside runs.
  const last = seqs[seqs.length - 1];
  if (last.absorbedSpace && last.bytes.length >= 3 && text.charCodeAt(start + last.to - 1) === SPACE) return false;
  // Nor is `â€ ` the dagger † (E2 80 A0) anywhere in a run: it is ” cut short before a space (`â€ â€“`).
  if (seqs.some((s) => s.absorbedSpace && s.bytes[0] === 0xe2 && s.bytes[1] === 0x80 && s.bytes[2] === 0xa0)) return false;
  if (seqs.length >= 2 && seqs.some((s) => !s.absorbedSpace)) return true;
  return loneAbsorbedBelieved(text, start, start + seqs[seqs.length - 1].to, decoded.charCodeAt(0), seqs.length === 1);
}

/**
 * The same for a run whose first letter `cp` came with a lost no-break space: after a lowercase
 * Latin letter, a lowercase letter; at a word start before a lowercase word, `à` or a capital
 * (`lone`: the run is that one letter). Needs no sequences built, so a line of `Ã ` is cheap.
 */
function loneAbsorbedBelieved(text: string, start: number, end: number, cp: number, lone: boolean): boolean {
  const prevCode = start > 0 ? text.charCodeAt(start - 1) : 0x20;
  const prev = charClass(prevCode);
  const dec = charClass(cp);
  if (prev === Cls.LatinLower && dec === Cls.LatinLower) return true;
  // A word of its own before a lowercase word: French/Portuguese `à` (`Ã perturber`, `Ã l’`), or a
  // capital that starts the next word (`Å veices` is Šveices).
  const wordStart = prev === Cls.Space || "'’\"“«(".includes(String.fromCharCode(prevCode));
  const nextLower = classAt(text, end) === Cls.LatinLower;
  if (!wordStart || !lone) return false;
  // (`Ã  la`: à's own space after the lost no-break space, A0, that became a plain one; before a
  // name or a figure too, `Ã  Boulogne`, `Ã  2027`.)
  if (!nextLower) return cp === 0xe0 && text.charCodeAt(end) === SPACE && wordCharAt(text, end + 1);
  return cp === 0xe0 || dec === Cls.LatinUpper;
}

/** Characters as a set of their codes: the checks below read codes, as `text[i]` allocates a string above U+00FF. */
function codeSet(chars: string): ReadonlySet<number> {
  return new Set([...chars].map((ch) => ch.charCodeAt(0)));
}

const QUOTE_MARKS = codeSet('“”„‘’‚«»‹›');

/** Second characters that also end words legitimately (’s, ™, ®): weak evidence at a word end. */
const WORD_END_OK = codeSet('’”‘›»´©™®…');
/** Dashes and quotes: how a word may end where ‰ † ‡ ˆ ƒ may not. */
const DASH_OR_QUOTE = codeSet('–—•“„‚‹');
const RIGHT_QUOTE = 0x2019;

/**
 * Extra weirdness for the commonest pairs: UTF-8 C2 xx and C3 xx (Latin-1 symbols and letters,
 * the bulk of Western mojibake) shown as a lead glyph glued to a symbol (`Ã©`, `Â£`, `√º`, `├⌐`),
 * and any capital Latin-1 letter glued to a no-break space, soft hyphen or a Windows-1252 letter
 * (`Å\u00a0`, `Åž`, `ÄŒ`).
 */
export function classicPairPenalty(text: string, run: Run): number {
  let p = 0;
  for (const s of run.seqs) {
    const at = run.start + s.from;
    const end = run.start + s.to;
    if (s.bytes.length === 3) {
      p += tripletPenalty(text, at, s);
      continue;
    }
    if (s.bytes.length !== 2) continue;
    const second = text.charCodeAt(at + 1);
    const secondIsLetter = isLetterCls(classAt(text, at + 1));
    const letterAfter = isLetterCls(classAt(text, end));
    const letterBefore = isLetterCls(classAt(text, at - 1));
    const b0 = s.bytes[0]; // (indexed: destructuring a frozen array takes the slow iterator path)
    const b1 = s.bytes[1];
    if ((b1 === 0xa0 && !s.absorbedSpace) || b1 === 0xad) {
      p += 2; // a letter glued to a no-break space or soft hyphen
    } else if (b0 === 0xc2 || b0 === 0xc3) {
      if (secondIsLetter && b1 >= 0xa0) {
        const upperPair = isUpperCls(classAt(text, at)) && isUpperCls(classAt(text, at + 1));
        const latinLead = classAt(text, at) === Cls.LatinUpper;
        // `ĆØ`, `ĂĄ`, `ГЁ`: two capitals that spell a lowercase Latin-1 letter; `Âż`: a capital and a
        // letter that spell a symbol.
        if (b0 === 0xc3 && (letterAfter || letterBefore)) p += 1;
        else if (b0 === 0xc3 && upperPair && charClass(s.decoded.charCodeAt(0)) === Cls.LatinLower) p += 1;
        else if (b0 === 0xc2 && latinLead && !isLetterCls(charClass(s.decoded.charCodeAt(0)))) p += 1;
      } else if (WORD_END_OK.has(second) && !letterAfter) {
        // `Ã’s`, `AHÅ™`: a quote or trade mark ending a word is also plain spelling. But a capital
        // word ending in Ã™ (`OÃ™`) is Ù, and Â never ends a word.
        const capitalWord = classAt(text, at - 1) === Cls.LatinUpper && charClass(s.decoded.charCodeAt(0)) === Cls.LatinUpper;
        if (b0 === 0xc2 || (capitalWord && text.charCodeAt(at) === 0xc3)) p += 2; // Ã
      } else if (!(second === RIGHT_QUOTE && text.charCodeAt(end) === 0x73) && !(QUOTE_MARKS.has(second) && classAt(text, at) !== Cls.LatinUpper && !letterAfter)) {
        // (A Cyrillic or Greek word ending before a quote mark is spelling: `„Г“` in Serbian.)
        p += 2;
      }
    } else if (isUpperCls(classAt(text, at))) {
      // A capital glued to a Windows-codepage letter or mid-word symbol from 80–9F (`Åž`, `ĹŤ`, `Ä‰i`).
      // (Windows-1251 has real Serbian and Macedonian letters there: Њ, Ђ, Ћ.)
      const cyrillicLetter = secondIsLetter && run.codec.name === 'windows-1251';
      if (b1 < 0xa0 && !cyrillicLetter && second !== RIGHT_QUOTE && (letterAfter || secondIsLetter)) p += 2;
      else if (!secondIsLetter && !WORD_END_OK.has(second) && letterAfter) p += 1;
      // A capital ending on ‰ † ‡ ˆ „ ƒ (`Ä‰.`): not how words end; dashes and quotes are.
      else if (b1 < 0xa0 && !secondIsLetter && !WORD_END_OK.has(second) && !DASH_OR_QUOTE.has(second)) p += 1;
    }
  }
  return p;
}

/**
 * Three-character forms: a lead glued to two symbols is how UTF-8 punctuation and symbols look
 * read as Windows-1252 (`â€™`, `â™«`, `âœ”`), and `ï¿½` is U+FFFD itself garbled.
 */
function tripletPenalty(text: string, at: number, s: Sequence): number {
  if (s.to - s.from !== 3 || s.absorbedSpace) return 0;
  if (s.bytes[0] === 0xef && s.bytes[1] === 0xbf && s.bytes[2] === 0xbd) return 3;
  if (!isSymbolAt(text, at + 1) || !isSymbolAt(text, at + 2)) return 0;
  return text.charCodeAt(at) === 0xe2 ? 2 : 1; // â
}

function isSymbolAt(text: string, i: number): boolean {
  return !isLetterCls(classAt(text, i)) && classAt(text, i) !== Cls.Space;
}

/** Re-decodes layered mojibake (`Ã¢â‚¬â„¢` → `â€™` → `’`) while each layer reads better. */
export function peelLayers(run: Run, t: ScanTables, before = '', after = ''): Run {
  let current = run;
  for (let depth = 0; depth < 3; depth++) {
    const s = current.decoded;
    // The whole of an outer layer's decoding is UTF-8 again: a rare character (a combining mark,
    // `ÃŒÂ\u0081` → `Ì\u0081` → U+0301) is no reason to doubt it, as it would be in running text.
    // Ties are read with the run's neighbours in the text, which a recorded word holds too
    // (`mÃ…Â¯Ã…Â¾eme`: `Å¯` is ů in `může`, not Esperanto ŝ, though ů never starts a word).
    const inner = runAt(before + s + after, before.length, before.length + s.length, t, 0, 0, true);
    if (!inner || inner.hopeless || inner.start !== before.length || inner.end !== before.length + s.length) break;
    if (weirdness(inner.decoded) > weirdness(s)) break;
    // One ideograph is no CJK codec's mojibake (`ä¸º` is 为, not GBK's reading of Ϊ): its bytes
    // read as UTF-8 only by chance; `鈥檚` (’s) takes several.
    if (inner.codec.kind === 'double' && s.length < 2) break;
    // KOI8-R shows UTF-8's continuation bytes as box drawing (but ё, Ё): a decoding of Cyrillic
    // letters alone (`её`) is Russian, not KOI8-R mojibake of `ţ`.
    if (inner.codec.name === 'koi8-r' && !/[^\p{L}]/u.test(s)) break;
    // A byte the outer layer lost (its U+FFFD) is no byte of an inner one: `š�` (š, then č whose
    // second byte was lost) is not Windows-1257's F0 with three bytes lost after it.
    if (inner.seqs.some((q) => q.lost)) break;
    current = { ...current, decoded: inner.decoded, layers: [...current.layers, inner.codec] };
  }
  // `Ã¢â‚¬ï¿½` is `â€�` read again: ” whose 9D (undefined in Windows-1252) the first decoder made
  // U+FFFD, as `â€�` alone is read (see lossy.ts).
  if (current.decoded.includes(LOST_CLOSE)) current = { ...current, decoded: current.decoded.replaceAll(LOST_CLOSE, '”'), inferred: true };
  // C1 controls left where Windows-1252 has characters: that text was read as Latin-1 first
  // (`ItÂ’s`: ’ is 92 there, U+0092 in Latin-1, C2 92 in UTF-8).
  const c1 = /[\u0080-\u009f]/g;
  if (isWestern(current.codec) && c1.test(current.decoded)) {
    let unmapped = false;
    const decoded = current.decoded.replace(c1, (ch) => windows1252ForC1(ch.charCodeAt(0)) || ((unmapped = true), ch));
    if (!unmapped) current = { ...current, decoded, layers: [...current.layers, LATIN1] };
  }
  return current;
}
const LATIN1 = codecByName('latin1')!;
const LOST_CLOSE = 'â€\ufffd';

/** Windows-1252 or Latin-1: the codecs of that round trip (Windows-1251 `В’` is Belarusian `В’ена`). */
function isWestern(codec: CodecInfo): boolean {
  return codec === CODECS[0] || codec === LATIN1 || codec === ISO_8859_15;
}
