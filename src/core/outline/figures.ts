/**
 * Figures: money with currency and scale (US$630 million, £4.2m), counts with what they count
 * (6,600 published … applications), percentages and multiples (nearly three times), each with a
 * short label and its sentence. Years, dates, ordinals (6th), model names (5G, Fortune Global 500),
 * list numbers and contact numbers are not figures.
 */
import type { OutlineFigure } from './types';
import { splitSentences, type Paragraph, type Segment } from './segments';

type FigureKind = 'money' | 'count' | 'percent' | 'multiple';

interface Found {
  kind: FigureKind;
  start: number;
  end: number;
  value: string;
}

const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g;
const CURRENCY_BEFORE = /(?:\b(?:US|USD|AU|A|C|CA|HK|NZ|S|NT|R|RMB)\s?)?\\?[$£€¥₹]\s?$|\b(?:USD|EUR|GBP|RMB|CNY|JPY|CHF|INR)\s?$/;
const SCALE_AFTER = /^\s?(?:million|billion|trillion|thousand|mn|bn|tn|m|b|k)\b/i;
const CURRENCY_AFTER = /^\s?(?:dollars|euros|pounds|yuan|yen|rupees|francs|USD|EUR|GBP|RMB|CNY|JPY|CHF)\b/;
const PERCENT_AFTER = /^\s?(?:%|per ?cent\b|percent\b)(?:age points\b)?/i;
const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre';
const MONTH_AFTER = new RegExp(`^\\s*(?:${MONTHS})\\b`, 'i');
const DATE_BEFORE_YEAR = new RegExp(`(?:\\b(?:${MONTHS})\\.?\\s+(?:\\d{1,2},?\\s+)?|\\d{1,2}\\s*(?:${MONTHS})\\.?,?\\s+)$`, 'i');
const MONTH_BEFORE = new RegExp(`\\b(?:${MONTHS})\\.?\\s*$`, 'i');
const QUALIFIERS = new Set(
  'about nearly almost over some more around approximately roughly only just up under another than least'.split(' '),
);
const WORD_NUMBERS = 'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|fifty|a hundred';
// "nearly three times the amount", "2.5 times as many", "threefold".
const MULTIPLE = new RegExp(
  `\\b(?:(?:nearly|almost|about|around|roughly|more than|over|some|up to|at least)\\s+)?(?:${WORD_NUMBERS}|\\d+(?:\\.\\d+)?)\\s+times\\s+(?=(?:the|as|more|higher|larger|bigger|greater|that|what|its|their)\\b)|\\b(?:${WORD_NUMBERS}|\\d+)[- ]?fold\\b`,
  'gi',
);

/** Words that end the noun phrase after a figure. */
const NP_STOP = new Set(
  `is are was were be been being has have had will would can could may might should must do does did
   in at on by from since during with than as across over under into onto through after before while
   which that who whose where when and or but per each this these those it its their our his her
   also compared versus vs up down more less about around nearly almost`.split(/\s+/),
);
const CONNECTORS = new Set(['of', 'to', 'for']);
const VERBS = new Set(
  `is are was were be been has have had grew grow grows rose rise rises fell fall falls reached reach
   reaches exceeded exceed exceeds totalled totaled total totals increased increase increases
   decreased decrease decreases climbed jumped dropped hit topped doubled stood stands came amounted
   generated earned paid raised received published submitted won employs employed serves served
   expects expected plans planned will would could can may might should must cut cuts saved saves spent spend invested
   invests attracted recorded reported delivered sold sells handled handles carried carries replaced
   installed opened built created backed funded secured gathered drew draws attended made makes
   account accounts accounted represent represents represented`.split(/\s+/),
);
const RELATIVES = new Set(['that', 'which', 'who', 'whose', 'where']);
/** Nouns after a percentage that take an "in" phrase: "a 15% rise in bookings". */
const CHANGE_NOUNS = /^(?:increase|rise|growth|drop|decline|fall|cut|reduction|jump|gain|share)$/i;

export function extractFigures(
  text: string,
  paragraphs: readonly Paragraph[],
  excluded: readonly Segment[],
): OutlineFigure[] {
  const figures: OutlineFigure[] = [];
  const skip = new SpanSet(excluded);
  for (const para of paragraphs) {
    if (skip.covers(para.start, para.end)) continue;
    const sentences = splitSentences(text, para);
    let paragraphYear = '';
    sentences.forEach((sentence, si) => {
      const framing = framingYear(text, sentence);
      if (si === 0 || framing) paragraphYear = framing || paragraphYear;
      let previousEnd = -1;
      let previousLabel = '';
      const found = findInSentence(text, sentence, skip);
      const sentenceYear = found.length ? yearIn(text, sentence) : '';
      for (const f of found) {
        const year = f.kind === 'multiple' ? sentenceYear : sentenceYear || paragraphYear;
        // "revenue of $1.2B, up 24%": an empty label shares the previous figure's.
        const label = labelFor(text, sentence, f, previousEnd) || previousLabel;
        previousEnd = f.end;
        previousLabel = label;
        figures.push({
          start: f.start,
          end: f.end,
          value: f.value,
          label: year && !label.includes(year) ? (label ? `${label}, ${year}` : year) : label,
          sentence: sentenceAround(text, sentence, f),
        });
      }
    });
  }
  return figures;
}

/** Longest sentence text kept with a figure; a longer one is cut to a window around the figure. */
const MAX_SENTENCE = 600;

function sentenceAround(text: string, sentence: Segment, f: Found): string {
  let start = sentence.start;
  let end = sentence.end;
  if (end - start > MAX_SENTENCE) {
    start = Math.max(sentence.start, f.start - MAX_SENTENCE / 2);
    end = Math.min(sentence.end, f.end + MAX_SENTENCE / 2);
  }
  const s = text.slice(start, end).replace(/\s+/g, ' ');
  return (start > sentence.start ? '…' : '') + s + (end < sentence.end ? '…' : '');
}

/** Sorted spans with overlap queries in O(log n): contacts can be many in a long file. */
class SpanSet {
  private readonly spans: Segment[];
  constructor(spans: readonly Segment[]) {
    this.spans = [...spans].sort((a, b) => a.start - b.start);
  }
  /** The last span starting before `end`. */
  private lastBefore(end: number): Segment | undefined {
    let lo = 0;
    let hi = this.spans.length - 1;
    let found: Segment | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid].start < end) {
        found = this.spans[mid];
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }
  overlaps(start: number, end: number): boolean {
    const s = this.lastBefore(end);
    return s !== undefined && s.end > start;
  }
  covers(start: number, end: number): boolean {
    const s = this.lastBefore(start + 1);
    return s !== undefined && s.start <= start && end <= s.end;
  }
}

function findInSentence(text: string, sentence: Segment, skip: SpanSet): Found[] {
  const s = text.slice(sentence.start, sentence.end);
  const multiples: Found[] = [];
  for (const m of s.matchAll(MULTIPLE)) {
    const start = sentence.start + m.index;
    const value = m[0].trim();
    multiples.push({ kind: 'multiple', start, end: start + value.length, value });
  }
  const taken = new SpanSet(multiples);
  const found: Found[] = [...multiples];
  for (const m of s.matchAll(NUMBER)) {
    const start = sentence.start + m.index;
    const f = classifyNumber(text, sentence, start, m[0]);
    if (!f || taken.overlaps(f.start, f.end) || skip.overlaps(f.start, f.end)) continue;
    found.push(f);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Reads what surrounds a number; null when it is no figure (year, date, ordinal, name, list number). */
function classifyNumber(text: string, sentence: Segment, start: number, digits: string): Found | null {
  const end = start + digits.length;
  const prev = start > 0 ? text[start - 1] : ' ';
  if (/[\p{L}\p{N}.]/u.test(prev) || prev === '#' || prev === '-' && /[\p{L}]/u.test(text[start - 2] ?? '')) return null;
  const after = text.slice(end, end + 30);
  const before = text.slice(Math.max(sentence.start, start - 30), start);
  // Phone and code fragments (1-800-555-0199), fractions and dates (24/7, 10/28), "No. 1".
  if (/^[-/]\d/.test(after) || /\d[-/]$/.test(before) || /\bNo\.?\s*$/i.test(before)) return null;
  const currency = CURRENCY_BEFORE.exec(before);
  const scale = SCALE_AFTER.exec(after);
  const scaleLength = scale ? scale[0].length : 0;
  const afterScale = after.slice(scaleLength);
  // Glued letters make a name or ordinal: 5G, 6th, 4K (but £4.2m and 3bn are scales).
  if (/^[\p{L}]/u.test(after) && !(scale && /^\S/.test(after) && (currency || /^(?:m|bn|k|mn)\b/i.test(after)))) {
    return null;
  }
  // A bare "b" is a scale only for money ("$1.2B").
  if (scale && /^\s?b$/i.test(scale[0]) && !currency) {
    return null;
  }
  if (/^:\d/.test(after) || /^\.\d/.test(after)) return null; // times, version numbers
  if (/^-\p{L}/u.test(after)) return null; // compound adjectives: "10-year program", "24-hour" 
  if (MONTH_AFTER.test(after) || MONTH_BEFORE.test(before)) return null; // dates
  const percent = PERCENT_AFTER.exec(afterScale);
  if (!currency && !percent && !scale && /^(?:1[89]|2[01])\d\d$/.test(digits)) return null; // a year
  // A number right after a capitalised word is part of a name ("Fortune Global 500", "Windows 11").
  const word = /(\p{L}+)\s+$/u.exec(before);
  if (word && !currency && /^\p{Lu}/u.test(word[1]) && !QUALIFIERS.has(word[1].toLowerCase())) {
    const wordStart = start - word[0].length;
    if (wordStart > sentence.start) return null;
  }
  // List numbers at a line start: "1. Comunicati".
  if (/(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, start - 10), start)) && /^[.)]\s/.test(after)) return null;

  const valueStart = currency ? start - currency[0].length : start;
  if (currency) {
    return { kind: 'money', start: valueStart, end: end + scaleLength, value: clean(text, valueStart, end + scaleLength) };
  }
  const currencyAfter = CURRENCY_AFTER.exec(afterScale);
  if (currencyAfter) {
    const e = end + scaleLength + currencyAfter[0].length;
    return { kind: 'money', start, end: e, value: clean(text, start, e) };
  }
  if (percent) {
    const e = end + scaleLength + percent[0].length;
    return { kind: 'percent', start, end: e, value: clean(text, start, e) };
  }
  // "20+ years": the plus belongs to the value.
  const plus = afterScale.startsWith('+') ? 1 : 0;
  return { kind: 'count', start, end: end + scaleLength + plus, value: clean(text, start, end + scaleLength + plus) };
}

/** The value as people read it: Markdown escapes ("US\$630") dropped, spaces single. */
function clean(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/\\([$%*_])/g, '$1').replace(/\s+/g, ' ');
}

interface Word {
  start: number;
  end: number;
  word: string;
}

function wordsIn(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  // Scan a slice: a search running past `end` would make many calls quadratic.
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(/\([^()\n]{1,40}\)|[\p{L}\p{N}$£€][\p{L}\p{N}'’\-.$]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)) {
    out.push({ start: start + m.index, end: start + m.index + m[0].length, word: m[0] });
  }
  return out;
}

/** How far before or after a figure its label words are looked for. */
const CLAUSE_WINDOW = 300;
const DETERMINERS = new Set('the a an their its our his her this that these those'.split(' '));
/** "a year", "per month", "each day" after a figure. */
const RATE = /^\s+(?:a|an|per|each|every)\s+(?:year|month|week|day|hour|person|household|home)\b/i;
/** Small words a clause label need not start or end with. */
const EDGE_WORDS = new Set(
  `the a an its their our and or but also then meanwhile in addition however today by of to at about
   approximately around roughly nearly almost some over more than less up down only just another is
   are was were be been being came come comes now currently already still then between we i you they he
   she it`.split(/\s+/),
);
const PRONOUN_SUBJECTS = /^(?:we|i|it|they|he|she|you|this|that)$/i;

/** The noun phrase right after a figure: "published Patent Cooperation Treaty (PCT) applications". */
function nounPhraseAfter(text: string, from: number, sentence: Segment, allowIn: boolean): string {
  const words = wordsIn(text, from, Math.min(sentence.end, from + CLAUSE_WINDOW));
  const picked: Word[] = [];
  const last = (): string => (picked.length ? picked[picked.length - 1].word.toLowerCase() : '');
  for (let i = 0; i < words.length && picked.length < 9; i++) {
    const w = words[i];
    const gap = text.slice(picked.length ? picked[picked.length - 1].end : from, w.start);
    if (/[,.;:!?—–"“”‘’]/.test(gap.replace(/^['’]s?/, ''))) break;
    const lower = w.word.toLowerCase();
    const connector =
      CONNECTORS.has(lower) || (allowIn && lower === 'in' && picked.length > 0 && CHANGE_NOUNS.test(last()));
    if (connector) {
      const next = words[i + 1];
      if (!next || (NP_STOP.has(next.word.toLowerCase()) && !DETERMINERS.has(next.word.toLowerCase()))) break;
      if (/^\d/.test(next.word)) break;
      if (picked.length === 0 && lower !== 'of') break;
      picked.push(w);
      continue;
    }
    if (DETERMINERS.has(lower)) {
      if (!CONNECTORS.has(last()) && last() !== 'in') break;
      picked.push(w);
      continue;
    }
    if (NP_STOP.has(lower) || /^(?:1[89]|2[01])\d\d$/.test(lower)) break; // years end it too
    // A participle after the noun starts a new clause: "a $240 million bond approved by voters".
    if (picked.length > 0 && /ed$/.test(lower) && !CONNECTORS.has(last())) break;
    picked.push(w);
  }
  while (picked.length && (CONNECTORS.has(last()) || DETERMINERS.has(last()))) picked.pop();
  let np = picked.map((w) => w.word).join(' ');
  const endOfNp = picked.length ? picked[picked.length - 1].end : from;
  const rate = RATE.exec(text.slice(endOfNp, Math.min(sentence.end, endOfNp + CLAUSE_WINDOW)));
  if (rate && np) np += ' ' + rate[0].trim();
  return np;
}

/** The subject of the clause a figure sits in: "Huawei’s patent licensing revenue" in "…revenue was US$630 million". */
function subjectBefore(text: string, sentence: Segment, figureStart: number): string {
  const clauseStart = clauseStartBefore(text, sentence, figureStart);
  const words = wordsIn(text, clauseStart, figureStart);
  const subject: string[] = [];
  let verb = false;
  for (const w of words) {
    if (VERBS.has(w.word.toLowerCase())) {
      verb = true;
      break;
    }
    subject.push(w.word);
  }
  if (!verb) return '';
  const trimmed = trimEdges(subject);
  const rel = trimmed.findIndex((w) => RELATIVES.has(w.toLowerCase()));
  const cut = (rel > 0 ? trimmed.slice(0, rel) : trimmed).slice(0, 8).join(' ');
  return PRONOUN_SUBJECTS.test(cut) ? '' : cut;
}

/** Where the clause holding `at` starts: after a comma, semicolon, dash, or "said (that)". */
function clauseStartBefore(text: string, sentence: Segment, at: number): number {
  // Labels are short: a clause is looked for in the last few hundred characters only.
  const from = Math.max(sentence.start, at - CLAUSE_WINDOW);
  const lead = text.slice(from, at);
  let clauseStart = from;
  const re = /(?:[,;:—–]\s+|[“”"‘]\s*)(?:and\s+|but\s+|while\s+)?|\b(?:said|says)\s+(?:that\s+)?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(lead)) !== null) {
    if (m.index + m[0].length < lead.length) clauseStart = from + m.index + m[0].length;
  }
  return clauseStart;
}

/** Drops determiners, openers, qualifiers and a leading possessive ("Huawei’s") from both ends. */
function trimEdges(words: readonly string[]): string[] {
  let a = 0;
  let b = words.length;
  while (a < b && EDGE_WORDS.has(words[a].toLowerCase())) a++;
  if (b - a > 1 && /['’]s$/.test(words[a])) a++;
  while (b > a && EDGE_WORDS.has(words[b - 1].toLowerCase())) b--;
  return words.slice(a, b);
}

/**
 * A label from the words before a figure, for "bills by 30%" or "revenue was US$630 million":
 * the clause up to the figure, or after "and" when a previous figure shares the clause.
 */
function clauseLabel(text: string, sentence: Segment, f: Found, previousEnd: number): string {
  const clauseStart = clauseStartBefore(text, sentence, f.start);
  if (previousEnd > clauseStart) {
    const between = text.slice(previousEnd, f.start);
    const conj = /\b(?:and|or|while|but)\s+(?![\s\S]*\b(?:and|or|while|but)\s)/i.exec(between);
    if (conj) {
      const words = trimEdges(wordsIn(text, previousEnd + conj.index + conj[0].length, f.start).map((w) => w.word));
      if (words.length) return words.slice(-8).join(' ');
    }
  }
  const end = previousEnd > clauseStart ? firstFigureWordBefore(text, clauseStart, previousEnd) : f.start;
  const words = trimEdges(wordsIn(text, clauseStart, end).map((w) => w.word).filter((w) => !/^[$£€\d]/.test(w)));
  return words.slice(-8).join(' ');
}

/** The start of the earlier figure in the clause, so a shared clause stops before it. */
function firstFigureWordBefore(text: string, clauseStart: number, previousEnd: number): number {
  const m = /\\?[$£€¥]?\d/.exec(text.slice(clauseStart, previousEnd));
  return m ? clauseStart + m.index : previousEnd;
}

function labelFor(text: string, sentence: Segment, f: Found, previousEnd: number): string {
  if (f.kind === 'multiple') {
    const subject = subjectBefore(text, sentence, f.start);
    const rest = text.slice(f.end, Math.min(sentence.end, f.end + CLAUSE_WINDOW)).replace(/^\s*(?:the|as)\s+/i, '').replace(/[.!?”"]+$/, '');
    const object = rest.split(/\s+/).filter(Boolean).slice(0, 6).join(' ').replace(/[,;]$/, '');
    return subject ? `${subject} vs. ${object}` : object;
  }
  let np = nounPhraseAfter(text, f.end, sentence, f.kind === 'percent');
  if (/^(?:year|quarter|month)(?: (?:over|on) (?:year|quarter|month))?$/i.test(np)) np = ''; // "up 24% year over year"
  if (/^of\s/i.test(np)) np = trimEdges(np.slice(3).split(' ')).join(' ');
  if (f.kind === 'count') {
    const subject = subjectBefore(text, sentence, f.start);
    if (np && !np.includes(' ') && subject && subject.toLowerCase() !== np.toLowerCase()) return `${np} (${subject})`;
    return np || clauseLabel(text, sentence, f, previousEnd);
  }
  if (np) return np;
  let label = clauseLabel(text, sentence, f, previousEnd);
  if (f.kind === 'money') {
    // "£52m from the Warm Homes Fund", "£420 a year on heating", "$18.5 million under budget".
    let at = f.end;
    const extra: string[] = [];
    const rate = RATE.exec(text.slice(at, Math.min(sentence.end, at + CLAUSE_WINDOW)));
    if (rate) {
      extra.push(rate[0].trim());
      at += rate[0].length;
    }
    const tail = /^\s+(in|for|on|from|under|over)\s+(?:the\s+)?/i.exec(text.slice(at, Math.min(sentence.end, at + CLAUSE_WINDOW)));
    if (tail) {
      const what = nounPhraseAfter(text, at + tail[0].length - 1, sentence, false);
      if (what) extra.push(`${tail[1].toLowerCase()} ${what}`);
    }
    // A rate reads apart from the clause: "flat should save, a year on heating".
    if (extra.length) label = rate ? `${label}, ${extra.join(' ')}` : `${label} ${extra.join(' ')}`;
  }
  return label.trim();
}

/** The year a sentence speaks about: "in 2024", "by the end of 2024" (not "since 2014"). */
function yearIn(text: string, sentence: Segment): string {
  const s = text.slice(sentence.start, sentence.end);
  for (const m of s.matchAll(/\b((?:18|19|20|21)\d\d)\b/g)) {
    const before = s.slice(Math.max(0, m.index - 8), m.index);
    if (/\b(?:since|until|from|before|after|on|than|over|versus|vs\.?|with)\s+$/i.test(before)) continue;
    if (/\b(?:founded|established|formed|incorporated|launched|built)\s+(?:in\s+)?$/i.test(s.slice(Math.max(0, m.index - 20), m.index))) {
      continue; // a founding year is history, not the figure's year
    }
    if (DATE_BEFORE_YEAR.test(s.slice(Math.max(0, m.index - 16), m.index))) continue; // "March 4, 2025" is a date
    if (/[$£€\\]\s?$/.test(before) || /^\s?(?:%|,\d)/.test(s.slice(m.index + 4))) continue;
    return m[1];
  }
  return '';
}

/** A year that frames the rest of the paragraph: a sentence opening "In 2024," or "By the end of 2024,". */
function framingYear(text: string, sentence: Segment): string {
  const m = /^(?:in|by|during|throughout|for|by the end of|at the end of)\s+((?:18|19|20|21)\d\d)\b/i.exec(
    text.slice(sentence.start, Math.min(sentence.end, sentence.start + 40)),
  );
  return m ? m[1] : '';
}
