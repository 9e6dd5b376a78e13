/** Paragraphs and sentences with offsets, found in one linear pass each (no backtracking regexes). */

import { byStart, lastIndexAtOrBefore } from '../search';

export interface Segment {
  start: number;
  end: number;
}

export interface Paragraph extends Segment {
  index: number;
}

/** Paragraphs are runs of text separated by blank lines; edges trimmed of whitespace. */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  // Disjoint classes inside the repetition keep this linear.
  const blank = /\n(?:[ \t\r]*\n)+/g;
  let from = 0;
  let m: RegExpExecArray | null;
  const push = (start: number, end: number): void => {
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) paragraphs.push({ start, end, index: paragraphs.length });
  };
  while ((m = blank.exec(text)) !== null) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return paragraphs;
}

/** Words before a period that do not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr prof st inc ltd co corp jr sr vs etc no nos dept gov sen rep gen col lt sgt ft mt jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k approx est fig'.split(
    ' ',
  ),
);

const CLOSERS = '"\'”’»)]';
const CJK_CLOSERS = '”’」』）》';

/**
 * Offsets where a new sentence starts inside `text[start, end)`: after . ! ? (plus closing marks)
 * and whitespace, when the next character starts a sentence and the word is no abbreviation.
 */
export function sentenceStarts(text: string, start: number, end: number): number[] {
  const starts = [start];
  for (let i = start; i < end; i++) {
    const ch = text[i];
    // Chinese and Japanese end a sentence with 。！？ and no space (closing marks may follow).
    if (ch === '。' || ch === '！' || ch === '？') {
      let k = i + 1;
      while (k < end && (CJK_CLOSERS.includes(text[k]) || /\s/.test(text[k]))) k++;
      if (k < end) {
        starts.push(k);
        i = k - 1;
      }
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < end && CLOSERS.includes(text[j])) j++;
    if (j >= end || !/\s/.test(text[j])) continue;
    let k = j;
    while (k < end && /\s/.test(text[k])) k++;
    if (k >= end) continue;
    // (Or a letter of a script without capitals: Korean, Arabic, Hebrew…)
    if (!/[\p{Lu}\p{Lo}\d"“‘'«(]/u.test(text[k])) continue;
    if (ch === '.' && isAbbreviation(text, start, i)) continue;
    starts.push(k);
    i = k - 1;
  }
  return starts;
}

function isAbbreviation(text: string, min: number, dot: number): boolean {
  let w = dot;
  while (w > min && /[\p{L}.]/u.test(text[w - 1])) w--;
  const word = text.slice(w, dot).toLowerCase();
  if (word.length === 1 && /\p{L}/u.test(word)) return true; // an initial: "J. Smith"
  return ABBREVIATIONS.has(word);
}

/** Sentences of one paragraph as segments. */
export function splitSentences(text: string, para: Segment): Segment[] {
  const starts = sentenceStarts(text, para.start, para.end);
  return starts.map((s, i) => {
    let e = i + 1 < starts.length ? starts[i + 1] : para.end;
    while (e > s && /\s/.test(text[e - 1])) e--;
    return { start: s, end: e };
  });
}

/** Index of the segment containing `offset` (segments sorted by start), or -1. */
export function findSegment<T extends Segment>(segments: readonly T[], offset: number): number {
  const found = lastIndexAtOrBefore(segments, offset, byStart);
  if (found >= 0 && offset <= segments[found].end) return found;
  return -1;
}
