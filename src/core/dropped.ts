/**
 * Characters whose last byte a decoder dropped. Windows-1252 leaves 81 8D 8F 90 9D undefined (its
 * siblings leave others), and a decoder told to ignore what it cannot read (Python's
 * `errors='ignore'`, scrapers' favourite) drops them, leaving the rest of the character alone:
 * `Ð¡ÐµÐ³Ð¾Ð´Ð½Ñ` is Сегодня whose я (D1 8F) lost its 8F, `ÏÏŒÎ»Î¿Ï‚` ρόλος (ρ, CF 81),
 * `à¦…à¦¸à§à¦Ÿ` অস্ট (্, E0 A7 8D). Where the first scan's findings show such a lead glued to
 * them, the text is read again with U+FFFD after each: a lost byte, which the engine reads as it
 * reads a strict decoder's (naming the letter where the word settles it), and the findings are put
 * back on the text itself.
 */
import { type CodecInfo, NO_BYTE, codecByName, definesByte, singleByteTable } from './codecs';
import { Cls, charClass, isLetter } from './chars';
import { explainDroppedUndefined } from './explain';
import { isLeadLetter } from './reversible';
import { byStart, firstIndexAfter, identity, lastIndexAtOrBefore, mergeByStart, wholeLines } from './search';
import { DEFAULT_MIN_CONFIDENCE, type DetectOptions, type Finding } from './types';
import { decodeSequence, isContinuation, secondByteOk } from './utf8';

/**
 * The findings of `text`: `found` as the first scan gave them, except on the lines where some
 * lead lost its byte beside them: there, those of a second scan (`scan`) of the text with U+FFFD
 * put after each such lead. (Only those lines and the text near them are read again: one such
 * lead in a long document does not double its scan, and readings elsewhere stay as they were.)
 */
export function readDroppedBytes(text: string, found: Finding[], options: DetectOptions, scan: (text: string, options: DetectOptions) => Finding[]): Finding[] {
  const at = droppedAfter(text, found);
  if (at.length === 0) return found;
  const lines = linesOf(text, at);
  if (!lines) {
    // (A range is widened to its lines again by the scan: only its end moves.)
    const range = options.range && { start: options.range.start, end: options.range.end + firstIndexAfter(at, options.range.end, identity) };
    return marksBack(text, scan(withMarks(text, at), range ? { ...options, range } : options), at);
  }
  // Lines near each other are scanned again together, as a range of a piece of the text around
  // them (as far as a scan of a range reads: marking the whole text copied all of it); only the
  // marked lines take what that gives.
  const again: Finding[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i + 1;
    while (j < lines.length && lines[j][0] - lines[j - 1][1] < JOIN_WITHIN) j++;
    const [from, to] = wholeLines(text, lines[i][0] - JOIN_WITHIN, lines[j - 1][1] + JOIN_WITHIN);
    const piece = text.slice(from, to);
    const marks = at.filter((p) => p >= from && p <= to).map((p) => p - from);
    const inPiece = (x: number) => x - from + firstIndexAfter(marks, x - from, identity);
    const range = { start: inPiece(lines[i][0]), end: inPiece(lines[j - 1][1]) };
    for (const f of marksBack(piece, scan(withMarks(piece, marks), { ...options, range }), marks)) {
      f.start += from;
      f.end += from;
      if (onLines(lines, f)) again.push(f);
    }
    i = j;
  }
  const kept = found.filter((f) => !onLines(lines, f));
  return mergeByStart(kept, again);
}

/** `text` with U+FFFD put before each of the positions `at` (in order). */
function withMarks(text: string, at: readonly number[]): string {
  let marked = '';
  let done = 0;
  for (const p of at) {
    marked += text.slice(done, p) + '\ufffd';
    done = p;
  }
  return marked + text.slice(done);
}

/** The lines (start, end) that hold the marks `at`, in order; null where they are much of the text (then it is read again whole). */
function linesOf(text: string, at: readonly number[]): [number, number][] | null {
  const lines: [number, number][] = [];
  let total = 0;
  for (const p of at) {
    const last = lines[lines.length - 1];
    if (last && p <= last[1]) continue;
    const [start, end] = wholeLines(text, p, p);
    lines.push([start, end]);
    total += end - start + JOIN_WITHIN;
    if (total > text.length / 2) return null;
  }
  return lines;
}

/** Whether `f` starts on one of `lines` (in order). */
function onLines(lines: readonly [number, number][], f: Finding): boolean {
  const k = lastIndexAtOrBefore(lines, f.start, lineStart);
  return k >= 0 && lines[k][1] >= f.start;
}
const lineStart = (line: readonly [number, number]): number => line[0];

/** Lines nearer than this are read again together (a scan of a range reads 4,000 characters around it). */
const JOIN_WITHIN = 8000;

/**
 * Where (before which character of `text`) a byte was dropped, in order: after a character's
 * bytes that lack their last one, glued to a finding of a codec that leaves such a byte undefined,
 * or a lead alone inside a word of a line with such findings (`razliÄic` is različic).
 */
function droppedAfter(text: string, found: readonly Finding[]): number[] {
  const at = new Set<number>();
  const shown = new Map<DroppingTable, boolean>();
  let searched = 0; // the text before this was searched for leads inside words
  for (let k = 0; k < found.length; k++) {
    const f = found[k];
    const table = droppingTable(f);
    if (!table) continue;
    // The codec's own characters at 80–9F in the text's findings (`â€™`, `Å¡`) show it was the
    // decoder. Without them the text may be Latin-1 whose control characters were stripped, a
    // lost byte any of 80–9F, not the few the codec leaves undefined.
    let codecShown = shown.get(table);
    if (codecShown === undefined) shown.set(table, (codecShown = found.some((g) => droppingTable(g) === table && showsHighControls(g.original, table))));
    if (!codecShown) continue;
    // Glued after it, and before it (a run of them, `ÑÑ` for сс, one after another). A lead some
    // finding holds already (a stripped letter named by its language: `Älen` is člen) is left to it.
    for (let p = f.end, m = dropAt(text, p, table); m >= 0 && !repairedAt(found, p); p = m, m = dropAt(text, p, table)) at.add(m);
    for (let end = f.start; end > 0; ) {
      const p = dropAt(text, end - 1, table) === end ? end - 1 : dropAt(text, end - 2, table) === end ? end - 2 : -1;
      if (p < 0 || repairedAt(found, p)) break;
      at.add(end);
      end = p;
    }
    // Inside words of its line, between it and the findings beside it (the text searched once).
    for (let p = f.start - 1; p >= searched && text.charCodeAt(p) !== 0x0a; p--) if (droppedInsideWord(text, p, table, found)) at.add(p + 1);
    const stop = k + 1 < found.length ? found[k + 1].start : text.length;
    let to = f.end;
    for (; to < stop && text.charCodeAt(to) !== 0x0a; to++) if (droppedInsideWord(text, to, table, found)) at.add(to + 1);
    searched = Math.max(searched, to);
  }
  return [...at].sort((a, b) => a - b);
}

/**
 * A lead where a dropped byte is believed without a finding glued to it: a capital between
 * lowercase letters (`razliÄic`), or `Ã` starting a word before a lowercase letter (`Ãlvarez`).
 */
function droppedInsideWord(text: string, p: number, table: DroppingTable, found: readonly Finding[]): boolean {
  const c = text.charCodeAt(p);
  // (Latin capitals À–ß and those of Latin Extended-A only: most of a line is none.)
  if (c < 0xc0 || c > 0x17f || charClass(text.charCodeAt(p + 1)) !== Cls.LatinLower) return false;
  const before = charClass(text.charCodeAt(p - 1));
  const inside = before === Cls.LatinLower ? charClass(c) === Cls.LatinUpper : c === 0xc3 && !isLetter(before);
  return inside && dropAt(text, p, table) === p + 1 && !repairedAt(found, p);
}

/**
 * Where the dropped byte of a sequence starting at `p` (read with `table`) goes: after a letter's
 * two-byte lead (`Ñ` is D1) or a three-byte lead and its first continuation (`à§` is E0 A7) that
 * no fitting byte follows, where the codec leaves undefined a last byte that would make a letter
 * or mark there. −1 for anything else. (E2 80, punctuation, is the lossy forms' to read.)
 */
function dropAt(text: string, p: number, table: DroppingTable): number {
  if (p < 0) return -1;
  const code = text.charCodeAt(p);
  const lead = table.bytes[code];
  if (lead === NO_BYTE || lead < 0xc2 || lead > 0xef) return -1;
  let end = p + 1;
  let key = lead;
  if (lead >= 0xe0) {
    const b1 = table.bytes[text.charCodeAt(end)];
    if (end >= text.length || b1 === NO_BYTE || !secondByteOk(lead, b1) || (lead === 0xe2 && b1 === 0x80)) return -1;
    key = (lead << 8) | b1;
    end++;
  } else if (!(isLeadLetter(code) || lead === 0xd7)) {
    return -1;
  }
  const next = text.charCodeAt(end);
  // A strict decoder's U+FFFD, the seed's `•` for an undefined byte, or `?` for one Latin-1
  // lacked: a byte replaced, not dropped, which the scan reads already.
  if (next === 0xfffd || next === 0x2022 || next === 0x3f) return -1;
  const b = end < text.length ? table.bytes[next] : NO_BYTE;
  if (b !== NO_BYTE && (lead >= 0xe0 ? isContinuation(b) : secondByteOk(lead, b))) return -1;
  return lostLetterAfter(table, key) ? end : -1;
}

interface DroppingTable {
  bytes: Int16Array;
  /** The bytes the codec leaves undefined. */
  undefinedBytes: number[];
  /** By lead (or lead and first continuation): whether an undefined last byte makes a letter or mark. */
  letters: Map<number, boolean>;
}

function lostLetterAfter(table: DroppingTable, key: number): boolean {
  let letter = table.letters.get(key);
  if (letter === undefined) {
    const start = key > 0xff ? [key >> 8, key & 0xff] : [key];
    letter = table.undefinedBytes.some((b) => /[\p{L}\p{M}]/u.test(decodeSequence([...start, b])));
    table.letters.set(key, letter);
  }
  return letter;
}

const droppingTables = new Map<string, DroppingTable | null>();

/** Whether `s` holds a character `table`'s codec puts at 80–9F (Windows-1252's € ‚ ƒ … ™ š), `•` aside. */
function showsHighControls(s: string, table: DroppingTable): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const b = table.bytes[c];
    if (b >= 0x80 && b <= 0x9f && c !== 0x2022) return true; // (`•` may be the seed's mark for an undefined byte)
  }
  return false;
}

/**
 * The table of the codec that garbled `f`, when it is one codec that leaves some bytes undefined.
 * (Latin-1 defines every byte, but reads A0–FF as Windows-1252 does: a run the scan named Latin-1
 * may have been Windows-1252, and is read so.)
 */
function droppingTable(f: Finding): DroppingTable | null {
  if (f.kind !== 'reversible' || f.wrongCodecs === undefined) return null;
  // (Findings share their codec lists: the last one asked about answers most.)
  if (f.wrongCodecs === lastCodecs) return lastTable;
  const name = f.wrongCodecs.length !== 1 ? '' : f.wrongCodecs[0] === 'latin1' ? 'windows-1252' : f.wrongCodecs[0];
  let table = droppingTables.get(name);
  if (table === undefined) droppingTables.set(name, (table = name ? buildDroppingTable(codecByName(name)) : null));
  lastCodecs = f.wrongCodecs;
  lastTable = table;
  return table;
}
let lastCodecs: readonly string[] | undefined;
let lastTable: DroppingTable | null = null;

function buildDroppingTable(codec: CodecInfo | undefined): DroppingTable | null {
  if (!codec || codec.kind !== 'single') return null;
  const undefinedBytes: number[] = [];
  for (let b = 0x80; b <= 0xbf; b++) if (!definesByte(codec, b)) undefinedBytes.push(b);
  return undefinedBytes.length ? { bytes: singleByteTable(codec), undefinedBytes, letters: new Map() } : null;
}

/**
 * Whether a finding of `found` (in text order) that a repair applies holds position `p`. A lead
 * alone read as a stripped letter too unsure to apply (`razliÄic`, any of 80–9F lost) is read
 * again as a dropped byte, which leaves far fewer letters (č, ā, ď, Đ, ĝ after C4).
 */
function repairedAt(found: readonly Finding[], p: number): boolean {
  const k = lastIndexAtOrBefore(found, p, byStart);
  return k >= 0 && found[k].end > p && !(found[k].end - found[k].start === 1 && found[k].kind === 'lossy' && found[k].confidence < DEFAULT_MIN_CONFIDENCE);
}

/**
 * Findings of the marked text put back on `text`: positions moved back past the U+FFFD put in
 * before them, and a finding that holds one told so. One that starts at a mark read it without
 * its lead (a lone U+FFFD): nothing of `text`, dropped.
 */
function marksBack(text: string, findings: Finding[], at: readonly number[]): Finding[] {
  const explained = new Map<string, string>();
  let kept = 0;
  for (const f of findings) {
    // Marks before the start (each moved the text one on), then before the end.
    const before = marksBefore(at, f.start);
    if (before < at.length && at[before] + before === f.start) continue;
    const within = marksBefore(at, f.end) - before;
    f.start -= before;
    f.end -= before + within;
    findings[kept++] = f;
    if (within === 0) continue;
    f.original = text.slice(f.start, f.end);
    f.explanation = explained.get(f.explanation) ?? explained.set(f.explanation, explainDroppedUndefined(f.explanation)).get(f.explanation)!;
  }
  findings.length = kept;
  return findings;
}

/** How many marks went in before position `m` of the marked text (mark k stands at at[k] + k). */
function marksBefore(at: readonly number[], m: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at[mid] + mid < m) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
