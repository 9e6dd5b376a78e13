/** The headline: the first title-like line near the top, past boilerplate such as "FOR IMMEDIATE RELEASE". */
import { FULL_MONTHS, MONTHS } from './dateline';
import type { OutlineHeadline } from './types';
import { cjkLength } from './cjk-speakers';

/** Lines that sit above a headline but are not one. */
const BOILERPLATE =
  /^(?:for immediate release|immediate release|press release|news release|media release|embargoed\b.*|comunicato stampa\b.*|communiqué de presse\b.*|pressemitteilung\b.*|contact:?|media contact:?|descrizione|description)$/i;
/** A line that opens with a date (a wire's time stamp above the headline): "Nov. 14, 2025 08:00 AM ET", "14 November 2025". */
const DATE_LINE = new RegExp(`^(?:(?:${MONTHS})\\.? \\d{1,2},? \\d{4}|\\d{1,2} (?:${FULL_MONTHS}) \\d{4})\\b(?![ \\t]*[–—-][ \\t]*\\p{L})`, 'u');
/** 新闻稿, 新闻发布, プレスリリース, 报道: above a Chinese or Japanese headline, no headline. */
const CJK_BOILERPLATE = /^(?:新闻稿|新闻发布|新聞稿|プレスリリース|报道|報道)/u;
/** How far into the text a headline may start. */
const SEARCH_LIMIT = 4000;

export function extractHeadline(text: string): OutlineHeadline | null {
  const limit = Math.min(text.length, SEARCH_LIMIT);
  let lineStart = 0;
  while (lineStart < limit) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const found = headlineInLine(text, lineStart, lineEnd);
    if (found) return found;
    lineStart = lineEnd + 1;
  }
  return null;
}

function headlineInLine(text: string, lineStart: number, lineEnd: number): OutlineHeadline | null {
  // Strip Markdown heading marks and emphasis around the line.
  let start = lineStart;
  let end = lineEnd;
  while (start < end && /[\s#*_>]/.test(text[start])) start++;
  while (end > start && /[\s*_]/.test(text[end - 1])) end--;
  const line = text.slice(start, end);
  if (BOILERPLATE.test(line)) return null;
  if (/@|https?:\/\/|www\./i.test(line)) return null;
  // Chinese and Japanese write no spaces: characters count, and a headline is 8 to 80 of them.
  const cjk = cjkLength(line);
  if (cjk >= 4) {
    if (line.length < 8 || line.length > 80 || /[。；：，、]$/.test(line) || CJK_BOILERPLATE.test(line)) return null;
    return { start, end, text: line };
  }
  if (line.length < 10 || line.length > 250) return null;
  const words = line.split(/\s+/);
  if (words.length < 3 || words.length > 40) return null;
  // A sentence of body text ends with a period; a headline does not.
  if (/[.;,:]$/.test(line)) return null;
  // An all-caps line ending in a dash is a dateline ("BEIJING, CHINA —").
  if (/[—–-]$/.test(line)) return null;
  // A wire's date and time line ("November 14, 2025 08:00 AM Eastern Standard Time").
  if (DATE_LINE.test(line)) return null;
  return { start, end, text: line };
}
