/**
 * Characters a CJK codec's reading lost a byte of (see doubleByteRun in reversible.ts): the
 * decoder could pair that byte with nothing after it and made it U+FFFD, which leaves only the
 * bytes that pair with nothing there. Shift_JIS pairs nearly every lead with every byte but the
 * gaps of a few rows (83 99 is none, so ベ, E3 83 99, lost its 83 before 99): among those bytes,
 * the one that gives a character of the script around it (a katakana letter among katakana) is
 * named. GBK can pair no lead with a line break, a space or a digit: there any byte may have been
 * lost, and only punctuation ending a line is named (E3 80 is 。, E2 80 after a full stop ”; in
 * Japanese, which wraps its lines after 、 as often, a paragraph).
 */
import { type CodecInfo, codecByName, doubleByteTable, isCommonCjk, pairsWithNothing } from './codecs';
import { continuationCount, decodeSequence, secondByteOk } from './utf8';
import { LOST_NOTE, explainLostBytes } from './explain';
import type { Finding } from './types';
import { type LostLettersNaming, applyNaming, spliceAt } from './lostLetters';

/** A byte a U+FFFD stood for. */
const UNKNOWN = -2;
/** The text ended after the lost byte (see pairsWithNothing). */
const END = -1;

/** What a finding's lost bytes became: each one's character named or not, and the choices. */
interface LostChar {
  /** Index into the repair. */
  at: number;
  /** The sequence's bytes, UNKNOWN where lost. */
  bytes: number[];
  /** The characters the bytes that pair with nothing there give, best first. */
  choices: string[];
  /** The one named, or '' where the choices leave it open. */
  named: string;
  /** What named it: the script around it, the only choice in use, or where a line or quotation ends. */
  how: 'script' | 'in-use' | 'line-end' | 'close' | '';
}

/**
 * Names what it can of the characters `f` (a CJK codec's reading) lost a byte of, and offers the
 * choices of the rest; changes `f` in place, as the other namings do. Whether it changed `f`.
 */
export function nameLostBytes(text: string, f: Finding): boolean {
  const codec = codecByName(f.wrongCodecs?.[0] ?? '');
  if (!codec || codec.kind !== 'double' || !f.original.includes('\ufffd') || !f.replacement.includes('\ufffd')) return false;
  const next = nextByte(text, f.end, codec);
  // (A garbled document repeats its lines' endings: each reading with what follows it, once.)
  const key = `${codec.name}\u0000${f.original}\u0000${next}\u0000${text.slice(f.end, f.end + 12)}`;
  let naming = namings.get(key);
  if (naming === undefined) {
    naming = lostBytesNaming(text, f, codec, next);
    if (namings.size > 5000) namings.clear();
    namings.set(key, naming);
  }
  return applyNaming(f, naming);
}
const namings = new Map<string, LostLettersNaming | null>();

function lostBytesNaming(text: string, f: Finding, codec: CodecInfo, next: number): LostLettersNaming | null {
  const stream = bytesOf(f.original, codec);
  if (!stream) return null;
  // Walk the UTF-8 sequences as the run did: the repair again, with the lost characters apart.
  let out = '';
  const lost: LostChar[] = [];
  for (let k = 0; k < stream.length; ) {
    const b0 = stream[k];
    if (b0 === UNKNOWN) return null; // (a lost lead: no run keeps one)
    if (b0 < 0x80) {
      out += String.fromCharCode(b0);
      k++;
      continue;
    }
    const need = continuationCount(b0);
    const bytes = stream.slice(k, k + need + 1);
    if (need < 1 || bytes.length < need + 1) return null;
    const gap = bytes.indexOf(UNKNOWN);
    if (gap < 0) {
      out += decodeSequence(bytes);
    } else {
      lost.push({ at: out.length, bytes, choices: gap === bytes.lastIndexOf(UNKNOWN) ? choicesFor(codec, bytes, gap, k + gap + 1 < stream.length ? stream[k + gap + 1] : next) : [], named: '', how: '' });
      out += '\ufffd';
    }
    k += need + 1;
  }
  // (The run's repair, with U+FFFD where characters were lost: read alike, or left alone.)
  if (out !== f.replacement || lost.length === 0) return null;
  // (Chinese ends its lines with 。, GBK's U+FFFD there being any byte; Japanese wraps its lines
  // after 、 as often, so for Shift_JIS only a paragraph's end says 。.)
  const chinese = codec.name === 'gbk' || codec.name === 'gb18030';
  const ends = chinese ? /^[ \t]*(?:\r?\n|$)/ : /^[ \t]*(?:\r?\n[ \t]*\r?\n|\r?\n?[ \t]*$)/;
  const lineEnd = ends.test(text.slice(f.end, f.end + 12));
  for (const c of lost) nameOne(out, c, lineEnd && c.at === out.length - 1);
  const withNamed = (pick: (c: LostChar) => string) => spliceAt(out, lost.map((c) => [c.at, pick(c)] as const));
  const named = lost.filter((c) => c.named);
  const replacement = withNamed((c) => c.named || '\ufffd');
  // Alternatives: the open characters' choices first, then the named ones' others, one at a
  // time, only characters in use (not Hangul jamo or kanbun marks).
  const alternatives: string[] = [];
  for (const c of [...lost.filter((d) => !d.named), ...named]) {
    for (const other of c.choices) {
      if (alternatives.length >= 6) break;
      if (other !== c.named && inUse(other)) alternatives.push(withNamed((d) => (d === c ? other : d.named || '\ufffd')));
    }
  }
  if (named.length === 0 && alternatives.length === 0) return null;
  const rest = f.explanation.endsWith(LOST_NOTE) ? f.explanation.slice(0, -LOST_NOTE.length) : f.explanation;
  return { replacement, alternatives, confidence: named.length ? 0.6 : 1, explanation: explainLostBytes(rest, codec, lost) };
}

/** The bytes the codec's characters stood for, UNKNOWN for each U+FFFD; null where a character is not the codec's. */
function bytesOf(original: string, codec: CodecInfo): number[] | null {
  const table = doubleByteTable(codec);
  const bytes: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    if (c === 0xfffd) {
      bytes.push(UNKNOWN);
      continue;
    }
    const v = table[c];
    if (v === undefined || v < 0) return null;
    if (v > 0xff) bytes.push(v >> 8, v & 0xff);
    else bytes.push(v);
  }
  return bytes;
}

/** The first byte of what follows the finding (the decoder read it after the lost byte), END at the text's end, or UNKNOWN. */
function nextByte(text: string, end: number, codec: CodecInfo): number {
  if (end >= text.length) return END;
  const c = text.charCodeAt(end);
  if (c < 0x80) return c;
  const v = doubleByteTable(codec)[c];
  return v === undefined || v < 0 ? UNKNOWN : v > 0xff ? v >> 8 : v;
}

/** The characters the sequence can have been: its lost byte one that pairs with nothing before `after`. */
function choicesFor(codec: CodecInfo, bytes: readonly number[], gap: number, after: number): string[] {
  if (after === UNKNOWN) return [];
  // (A garbled document loses the same bytes before the same ones again, every line's 。: read once.)
  const key = `${codec.name}:${bytes.join(' ')}:${after}`;
  let choices = choicesMemo.get(key);
  if (choices) return choices;
  choices = [];
  for (let b = 0x80; b <= 0xbf; b++) {
    if (gap === 1 && !secondByteOk(bytes[0], b)) continue;
    if (!pairsWithNothing(codec, b, after)) continue;
    const whole = bytes.slice();
    whole[gap] = b;
    choices.push(decodeSequence(whole));
  }
  if (choicesMemo.size > 5000) choicesMemo.clear();
  choicesMemo.set(key, choices);
  return choices;
}
/** Choices by codec, bytes (UNKNOWN where lost) and the byte after; read-only (see inOrder for a reordered copy). */
const choicesMemo = new Map<string, string[]>();

/** `choices` with the marks of `ending` first, once per list and ending (both read-only). */
function inOrder(choices: string[], ending: readonly string[]): string[] {
  let byEnding = ordered.get(choices);
  if (!byEnding) ordered.set(choices, (byEnding = new Map()));
  let list = byEnding.get(ending);
  if (!list) byEnding.set(ending, (list = [...choices].sort((x, y) => rank(ending, x) - rank(ending, y))));
  return list;
}
const ordered = new WeakMap<string[], Map<readonly string[], string[]>>();

/**
 * Names `c` where the text lets one of its choices stand: the only one of the script around it (a
 * katakana letter among katakana, common Chinese among Chinese), else the only one in use at all
 * (の, where the others are Hangul jamo and kanbun marks), or at a line's end (a paragraph's, in
 * Japanese) the full stop (E3 80) and after one the closing quote (E2 80). Left open where that
 * leaves more than one.
 */
function nameOne(out: string, c: LostChar, atLineEnd: boolean): void {
  if (c.choices.length === 0) return;
  const before = neighbour(out, c.at, -1);
  const after = neighbour(out, c.at, 1);
  const letters = c.choices.filter((ch) => scriptClass(ch.charCodeAt(0)) !== 0);
  const fitting = letters.filter((ch) => scriptClass(ch.charCodeAt(0)) === scriptClass(before) || scriptClass(ch.charCodeAt(0)) === scriptClass(after));
  // (At a line's end, the marks that end lines first among the choices offered.)
  if (atLineEnd) c.choices = inOrder(c.choices, LINE_ENDS);
  if (fitting.length === 1 || (fitting.length === 0 && letters.length === 1)) {
    c.named = fitting[0] ?? letters[0];
    c.how = fitting.length === 1 ? 'script' : 'in-use';
    return;
  }
  const ending = atLineEnd && c.bytes[0] === 0xe3 && c.bytes[1] === 0x80 ? LINE_ENDS : c.bytes[0] === 0xe2 && c.bytes[1] === 0x80 && (atLineEnd || '。！？'.includes(String.fromCharCode(before))) ? CLOSES : null;
  if (!ending || !c.choices.includes(ending[0])) return;
  // (The marks that end a line or close after a full stop first among the alternatives too.)
  c.choices = inOrder(c.choices, ending);
  c.named = ending[0];
  c.how = ending === LINE_ENDS ? 'line-end' : 'close';
}
/** E3 80 xx ending a line, likeliest first; E2 80 xx after a full stop. */
const LINE_ENDS = ['。', '」', '』', '》', '】', '、'];
const CLOSES = ['”', '’', '…', '—'];
const rank = (list: readonly string[], ch: string) => {
  const k = list.indexOf(ch);
  return k < 0 ? list.length : k;
};

function neighbour(out: string, at: number, step: number): number {
  for (let i = at + step; i >= 0 && i < out.length; i += step) if (out.charCodeAt(i) !== 0xfffd) return out.charCodeAt(i);
  return 0;
}

/** A choice worth offering: a letter of those scripts or CJK punctuation. */
function inUse(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return scriptClass(c) !== 0 || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff01 && c <= 0xff5e) || (c >= 0x2010 && c <= 0x2027);
}

/** 1 katakana (and ー), 2 hiragana, 3 common Chinese characters, 4 Hangul; 0 anything else (゠ and ・ too). */
function scriptClass(c: number): number {
  if (c >= 0x30a1 && c <= 0x30fe && c !== 0x30fb) return 1;
  if (c >= 0x3040 && c <= 0x309f) return 2;
  if (c >= 0x4e00 && c <= 0x9fff) return isCommonCjk(c) ? 3 : 0;
  if (c >= 0xac00 && c <= 0xd7a3) return 4;
  return 0;
}
