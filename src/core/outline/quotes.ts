/**
 * Finds quoted passages: curly and straight, double and single marks, and quotes that run over
 * several paragraphs American-style (no closing mark at the paragraph end, the opening mark
 * repeated at the start of the next paragraph). One left-to-right pass over the paragraphs.
 */
import type { Paragraph, Segment } from './segments';

export type QuoteFamily = 'double' | 'single';

export interface RawQuote {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark (or the paragraph end when the closing mark is missing). */
  end: number;
  /** The quoted words of each paragraph the quote spans, marks excluded. */
  parts: Segment[];
  family: QuoteFamily;
  firstParagraph: number;
  lastParagraph: number;
  /** False when the quote ran to the paragraph end without a closing mark. */
  closed: boolean;
}

/** Characters after which a straight mark opens a quote. */
const BEFORE_OPENER = /[\s([{—–\-/:;：，。；（]/;

function isLetterOrDigit(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
}

/** Whether the mark at `i` opens a quote (returns its family) in plain running text. */
function openerAt(text: string, i: number, para: Segment): QuoteFamily | null {
  const ch = text[i];
  const before = i > para.start ? text[i - 1] : ' ';
  const after = i + 1 < para.end ? text[i + 1] : ' ';
  // (French sets a space inside « », often a no-break one.)
  if (ch === '«') return /[\s\u00a0\u202f]/.test(after) && !/\p{L}/u.test(text[i + 2] ?? '') ? null : 'double';
  if (ch === '“' || ch === '„') return /\s/.test(after) ? null : 'double';
  if (ch === '「' || ch === '『') return 'double'; // Japanese and traditional Chinese
  if (ch === '"') return BEFORE_OPENER.test(before) && !/\s/.test(after) ? 'double' : null;
  if (ch === '‘') return !isLetterOrDigit(before) && !/\s/.test(after) ? 'single' : null;
  // A straight apostrophe opens only before a letter and after a space ("'tis" is rare in releases).
  // '90s, '24: an elided year, not a quote.
  if (ch === "'") return BEFORE_OPENER.test(before) && /\p{L}/u.test(after) ? 'single' : null;
  return null;
}

/**
 * Whether the mark at `i` closes an open quote of `family` opened by `opener`. German and Czech
 * close `„` with `“` (Polish with `”`); a `“` is no closer after any other opener (a nested or
 * repeated one).
 */
function closerAt(text: string, i: number, para: Segment, family: QuoteFamily, opener: string): boolean {
  const ch = text[i];
  const after = i + 1 < para.end ? text[i + 1] : ' ';
  if (family === 'double') {
    if (opener === '「' || opener === '『') return ch === (opener === '「' ? '」' : '』');
    if (ch === '”' || ch === '»') return true;
    if (ch === '“') return opener === '„';
    if (ch === '"') return i > para.start && !/\s/.test(text[i - 1]) ? true : !isLetterOrDigit(after);
    return false;
  }
  // Single quotes: ’ and ' are also apostrophes ("it’s"), so they close only before a non-letter.
  if (ch === '’' || ch === "'") return i > para.start && !/\s/.test(text[i - 1]) && !isLetterOrDigit(after);
  return false;
}

function continuesInNext(text: string, next: Paragraph | undefined, family: QuoteFamily): boolean {
  if (!next) return false;
  const ch = text[next.start];
  return family === 'double' ? ch === '“' || ch === '"' || ch === '«' || ch === '「' : ch === '‘' || ch === "'";
}

/** All quoted passages, in text order, never overlapping. */
export function findQuotes(text: string, paragraphs: readonly Paragraph[]): RawQuote[] {
  const quotes: RawQuote[] = [];
  let p = 0;
  // After one unterminated single quote, no later single mark in that paragraph can close either
  // (closing depends only on the mark's surroundings): skipping them keeps the scan linear.
  let noSingleCloserIn = -1;
  let i = paragraphs.length > 0 ? paragraphs[0].start : 0;
  while (p < paragraphs.length) {
    const para = paragraphs[p];
    if (i < para.start) i = para.start;
    if (i >= para.end) {
      p++;
      continue;
    }
    const family = openerAt(text, i, para);
    if (!family || (family === 'single' && noSingleCloserIn === p)) {
      i++;
      continue;
    }
    const quote = readQuote(text, paragraphs, p, i, family);
    if (quote) {
      quotes.push(quote);
      p = quote.lastParagraph;
      i = quote.end;
    } else {
      // An unterminated single quote was an apostrophe after all: skip past it.
      noSingleCloserIn = p;
      i++;
    }
  }
  return quotes;
}

/** Reads the quote opened at `open` in paragraph `p`; null for an unterminated single quote. */
function readQuote(
  text: string,
  paragraphs: readonly Paragraph[],
  p: number,
  open: number,
  family: QuoteFamily,
): RawQuote | null {
  const parts: Segment[] = [];
  let partStart = open + 1;
  let q = p;
  for (;;) {
    const para = paragraphs[q];
    for (let j = partStart; j < para.end; j++) {
      if (closerAt(text, j, para, family, text[open])) {
        parts.push({ start: partStart, end: j });
        return { start: open, end: j + 1, parts, family, firstParagraph: p, lastParagraph: q, closed: true };
      }
    }
    parts.push({ start: partStart, end: para.end });
    if (continuesInNext(text, paragraphs[q + 1], family)) {
      q++;
      partStart = paragraphs[q].start + 1;
      continue;
    }
    // Missing closing mark. A single mark was most likely an apostrophe; a double mark still
    // opens a quote that runs to the paragraph end.
    if (family === 'single' && q === p) return null;
    return { start: open, end: para.end, parts, family, firstParagraph: p, lastParagraph: q, closed: false };
  }
}

/** The quoted words, paragraphs joined by a space, trimmed of spaces and a trailing comma. */
export function quoteText(text: string, quote: RawQuote): string {
  return quote.parts
    .map((part) => text.slice(part.start, part.end).trim())
    .join(' ')
    .replace(/\s*[,，]$/, '')
    .trim();
}
