/**
 * Reversible mojibake: runs of characters that, encoded back with a wrong codec, give valid UTF-8.
 * Every byte is still there, so the repair is exact; the only question is whether the re-decoding
 * reads better than the text as it is (see `chars.ts`).
 */
import { type CodecInfo, NO_BYTE, doubleByteTable, singleByteTable } from './codecs';
import { Cls, charClass, weirdness } from './chars';
import { continuationCount, decodeSequence, isContinuation, secondByteOk } from './utf8';

/** One UTF-8 sequence found in the text. */
export interface Sequence {
  start: number;
  end: number;
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
}

const SPACE = 0x20;
const FFFD = 0xfffd;

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d;
}

/**
 * Reads sequences from `i` with a single-byte codec. Continuation bytes may be separated from their
 * lead by a hard line break (text wrapped inside a garbled word): the break is kept after the
 * decoded character.
 */
function singleByteRun(text: string, i: number, limit: number, table: Int16Array, absorb: boolean): { seqs: Sequence[]; decoded: string; end: number } {
  const seqs: Sequence[] = [];
  let decoded = '';
  let j = i;
  while (j < limit) {
    const b0 = table[text.charCodeAt(j)];
    const need = b0 === NO_BYTE ? -1 : continuationCount(b0);
    if (need < 0) break;
    const bytes = [b0];
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
      const b = table[code];
      const valid = (x: number) => (m === 0 ? secondByteOk(b0, x) : isContinuation(x));
      if (b !== NO_BYTE && valid(b)) {
        bytes.push(b);
        k++;
        continue;
      }
      if (absorb && code === SPACE && valid(0xa0)) {
        bytes.push(0xa0);
        absorbed = true;
        k++;
        continue;
      }
      // A lost byte: the character is gone, but the lead still shows where it was. E2 80 + lost is
      // punctuation, which the lossy ranking can name, so it is left to it.
      if (code === FFFD && !(b0 === 0xe2 && bytes[1] === 0x80)) {
        lost = true;
        k++;
        break;
      }
      if (isLineBreak(code)) {
        let e = k + 1;
        if (code === 0x0d && text.charCodeAt(e) === 0x0a) e++;
        const after = e < limit ? table[text.charCodeAt(e)] : NO_BYTE;
        if (after !== NO_BYTE && valid(after)) {
          breaks += text.slice(k, e);
          k = e;
          m--;
          continue;
        }
      }
      ok = false;
      break;
    }
    if (!ok) break;
    const piece = lost ? '\ufffd' : decodeSequence(bytes);
    seqs.push({ start: j, end: k, bytes, decoded: piece, absorbedSpace: absorbed, lost });
    decoded += piece + breaks;
    j = k;
  }
  // `voilÃ le`: a no-break space and the word space after it collapsed into one space; keep one.
  const last = seqs[seqs.length - 1];
  if (last?.absorbedSpace && last.end === j && j < limit && text.charCodeAt(j) !== SPACE) decoded += ' ';
  return { seqs, decoded, end: j };
}

/**
 * Reads a run with a double-byte (CJK) codec: the characters' two-byte codes concatenated must be
 * valid UTF-8. A trailing ASCII byte belongs to the last character (`鈥檚` is E2 80 99 73: `’s`).
 */
function doubleByteRun(text: string, i: number, limit: number, table: Int32Array): { seqs: Sequence[]; decoded: string; end: number } {
  // Bytes are read two per character and consumed as soon as they form a sequence; the run may
  // only end where no sequence is left half-read.
  const seqs: Sequence[] = [];
  let decoded = '';
  let best = { seqCount: 0, decoded: '', end: i };
  const queue: number[] = [];
  let queueStart = i; // character where the first queued byte came from
  for (let j = i; j < limit; j++) {
    const v = table[text.charCodeAt(j)];
    if (v === NO_BYTE || v < 0x100) break;
    if (queue.length === 0) queueStart = j;
    queue.push(v >> 8, v & 0xff);
    let broken = false;
    while (queue.length > 0) {
      const b0 = queue[0];
      if (b0 < 0x80) {
        decoded += String.fromCharCode(queue.shift()!);
        continue;
      }
      const need = continuationCount(b0);
      if (need < 0 || (queue.length > 1 && !secondByteOk(b0, queue[1]))) {
        broken = true;
        break;
      }
      if (queue.length < need + 1) break; // wait for the next character
      let ok = true;
      for (let m = 2; m <= need; m++) ok = ok && isContinuation(queue[m]);
      if (!ok) {
        broken = true;
        break;
      }
      const seqBytes = queue.splice(0, need + 1);
      const piece = decodeSequence(seqBytes);
      seqs.push({ start: queueStart, end: j + 1, bytes: seqBytes, decoded: piece, absorbedSpace: false, lost: false });
      decoded += piece;
      queueStart = j;
    }
    if (broken) break;
    if (queue.length === 0 && seqs.length > 0) best = { seqCount: seqs.length, decoded, end: j + 1 };
    else if (queue.length > 3) break;
  }
  return { seqs: seqs.slice(0, best.seqCount), decoded: best.decoded, end: best.end };
}

/** Precomputed per codec set: which codecs can read a char as a lead / continuation byte (bit per codec). */
export interface ScanTables {
  codecs: readonly CodecInfo[];
  singles: { codec: CodecInfo; table: Int16Array; bit: number }[];
  doubles: CodecInfo[];
  lead: Uint16Array;
  cont: Uint16Array;
}

const tablesCache = new Map<string, ScanTables>();

export function scanTables(codecs: readonly CodecInfo[]): ScanTables {
  const key = codecs.map((c) => c.name).join(',');
  let t = tablesCache.get(key);
  if (t) return t;
  const lead = new Uint16Array(65536);
  const cont = new Uint16Array(65536);
  const singles = codecs
    .filter((c) => c.kind === 'single')
    .map((codec, k) => ({ codec, table: singleByteTable(codec), bit: 1 << k }));
  for (const { table, bit } of singles) {
    for (let ch = 0x80; ch < 65536; ch++) {
      const b = table[ch];
      if (b >= 0xc2 && b <= 0xf4) lead[ch] |= bit;
      else if (b >= 0x80 && b <= 0xbf) cont[ch] |= bit;
    }
    cont[0x20] |= bit; // a space may stand for a lost no-break space
    cont[0x0a] |= bit; // a line break may split a sequence
    cont[0x0d] |= bit;
    cont[0xfffd] |= bit; // a lost byte inside a run
  }
  t = { codecs, singles, doubles: codecs.filter((c) => c.kind === 'double'), lead, cont };
  tablesCache.set(key, t);
  return t;
}

function isCjkCandidate(code: number): boolean {
  return code >= 0x2e80; // CJK, kana, Hangul and compatibility forms live above this
}

/** Finds the best run starting at `i`, trying every codec; null when no codec gives a sequence. */
export function runAt(text: string, i: number, limit: number, t: ScanTables): Run | null {
  const code = text.charCodeAt(i);
  let best: Run | null = null;
  const bits = i + 1 < limit ? t.lead[code] & t.cont[text.charCodeAt(i + 1)] : 0;
  if (bits) {
    for (const { codec, table, bit } of t.singles) {
      if (!(bits & bit)) continue;
      const r = singleByteRun(text, i, limit, table, true);
      if (r.seqs.length === 0) continue;
      if (!best || r.end > best.end) best = { start: i, end: r.end, codec, seqs: r.seqs, decoded: r.decoded, layers: [] };
    }
    if (best && best.seqs.some((s) => s.absorbedSpace) && !absorbedSpacesBelieved(text, best)) {
      const r = singleByteRun(text, i, limit, singleByteTable(best.codec), false);
      best = r.seqs.length ? { ...best, end: r.end, seqs: r.seqs, decoded: r.decoded } : null;
    }
  }
  if (!best && isCjkCandidate(code)) {
    for (const codec of t.doubles) {
      const table = doubleByteTable(codec);
      const v = table[code];
      if (v === NO_BYTE || v >> 8 < 0xe0 || v >> 8 > 0xef) continue; // CJK mojibake worth finding starts a 3-byte sequence
      const r = doubleByteRun(text, i, limit, table);
      if (r.seqs.length === 0) continue;
      if (!best || r.end > best.end) best = { start: i, end: r.end, codec, seqs: r.seqs, decoded: r.decoded, layers: [] };
    }
    if (best && !cjkRunBelievable(best)) best = null;
  }
  return best;
}

/**
 * A space standing for a lost no-break space (A0) is believed only inside a longer run (`Ð ÑƒÑ`) or
 * after a lowercase Latin letter giving a lowercase letter (`voilÃ le` → `voilà le`).
 */
function absorbedSpacesBelieved(text: string, run: Run): boolean {
  if (run.seqs.length >= 2 && run.seqs.some((s) => !s.absorbedSpace)) return true;
  const prev = run.start > 0 ? charClass(text.charCodeAt(run.start - 1)) : Cls.Space;
  const dec = charClass(run.decoded.charCodeAt(0));
  return prev === Cls.LatinLower && dec === Cls.LatinLower;
}

/**
 * Real Chinese, Japanese or Korean text sometimes happens to re-encode to valid UTF-8 for a
 * character or two. Believe a CJK-codec run when it decodes to something other than more CJK
 * (punctuation, Latin: `鈥檚` → `’s`), or when it is long and valid throughout.
 */
function cjkRunBelievable(run: Run): boolean {
  let nonCjk = 0;
  for (const ch of run.decoded) {
    const c = ch.codePointAt(0)!;
    if (!isCjkCandidate(c) && c > 0x7f) nonCjk++;
  }
  if (nonCjk > 0) return true;
  return run.end - run.start >= 6;
}

/** Windows-1252/Latin-1 lead letters whose mojibake pairs are the most common in the wild. */
const CLASSIC_LEADS = new Set(['Â', 'Ã', 'Ă']);
/** Second characters that also end words legitimately (’s, ™, ®): weak evidence at a word end. */
const WORD_END_OK = new Set(['’', '”', '‘', '›', '»', '´', '©', '™', '®', '…', '\u00a0']);

/**
 * Extra weirdness for the classic two-character forms (`Ã©`, `Â£`): the lead is a capital letter
 * glued to a symbol no capital letter is followed by in real text.
 */
export function classicPairPenalty(text: string, run: Run): number {
  let p = 0;
  for (const s of run.seqs) {
    if (s.bytes.length !== 2) continue;
    const lead = text[s.start];
    if (!CLASSIC_LEADS.has(lead)) continue;
    const second = text[s.start + 1];
    const after = text.charCodeAt(s.end);
    const letterAfter = s.end < text.length && charClass(after) >= Cls.LatinUpper && charClass(after) <= Cls.Caseless;
    if (WORD_END_OK.has(second)) {
      const before = charClass(text.charCodeAt(s.start - 1));
      const capitalWord = lead !== 'Ă' && (before === Cls.LatinUpper) && charClass(s.decoded.charCodeAt(0)) === Cls.LatinUpper;
      if (letterAfter && !(second === '’' && text[s.end] === 's')) p += 2;
      else if (second === '\u00a0' || capitalWord) p += 2;
    } else {
      p += 2;
    }
  }
  return p;
}

/** Re-decodes layered mojibake (`Ã¢â‚¬â„¢` → `â€™` → `’`) while each layer reads better. */
export function peelLayers(run: Run, t: ScanTables): Run {
  let current = run;
  for (let depth = 0; depth < 3; depth++) {
    const s = current.decoded;
    const inner = runAt(s, 0, s.length, t);
    if (!inner || inner.start !== 0 || inner.end !== s.length) break;
    if (weirdness(inner.decoded) > weirdness(s)) break;
    current = { ...current, decoded: inner.decoded, layers: [...current.layers, inner.codec] };
  }
  return current;
}
