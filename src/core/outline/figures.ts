/**
 * Figures: money with currency and scale (US$630 million, £4.2m), counts with what they count
 * (6,600 published … applications), percentages and multiples (nearly three times), each with a
 * short label and its sentence. Years, dates, ordinals (6th), model names (5G, Fortune Global 500),
 * list numbers and contact numbers are not figures.
 */
import type { OutlineFigure } from './types';
import { labelFor, type Found } from './figure-labels';
import { cjkFigure, cjkPeriod, koreanFigure } from './cjk-figures';
import { splitSentences, type Paragraph, type Segment } from './segments';
import { MONTHS as ENGLISH_MONTHS, OTHER_MONTHS } from './dateline';

// (Also grouped by spaces as French, Polish and Czech write them, `207 000`, `1 000 000`, and with
// a decimal comma, as most of Europe does: `179,7`, `20,8 %`, `1 234,5` — one or two decimals, so
// that `1,234` stays a thousand.)
const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d,.])|\d+,\d{1,2}(?!\d)|\d+(?:\.\d+)?/g;
const CURRENCY_BEFORE = /(?:\b(?:US|USD|AU|A|C|CA|HK|NZ|S|NT|R|RMB)\s?)?\\?[$£€¥₹]\s?$|\b(?:USD|EUR|GBP|RMB|CNY|JPY|CHF|INR)\s?$/;
// (And the scales, currencies and per cent of the other languages the dateline knows.)
const SCALE_AFTER =
  /^\s?(?:million|billion|trillion|thousand|mn|bn|tn|m|b|k|Millionen|Milliarden|millions|milliards|millones|milioni|miliardi|milhões|bilhões|milionów|miliardów|milionů|miliard|milioane|miliarde|miljoen|miljard|milyon|milyar|млрд|млн|трлн|тыс\.|миллиардов|миллиарда|миллиард|миллионов|миллиона|миллион|тысяч|тысячи)(?![\p{L}])/iu;
const CURRENCY_AFTER = /^\s?(?:de\s+|d[’']\s?)?(?:dollars|euros?|pounds|yuan|yen|rupees|francs|USD|EUR|GBP|RMB|CNY|JPY|CHF|Euro|złotych|zł|korun|Kč|lei|dolarów|dólares|dollari|долларов США|долларов|доллара|юаней|юаня|рублей|рубля|руб\.|евро|гривень|гривен|грн)(?![\p{L}])/u;
const PERCENT_AFTER = /^\s?(?:%|per ?cent\b|percent\b|Prozent(?![\p{L}])|pour cent\b|por ciento\b|per cento\b|por cento\b|procent|procento|procenta|процентов|процента|процент(?![\p{L}]))(?:age points\b)?/iu;
// Months in every language the dateline knows (see dateline.ts): a figure beside one is a date.
const MONTHS = `${ENGLISH_MONTHS}|${OTHER_MONTHS}`;
// (`14. November`, `14 de noviembre`: a day's dot, Spanish and Portuguese `de`.)
const MONTH_AFTER = new RegExp(`^\\.?\\s*(?:de\\s+)?(?:${MONTHS})(?![\\p{L}])`, 'iu');
const DATE_BEFORE_YEAR = new RegExp(`(?:(?<![\\p{L}])(?:${MONTHS})\\.?\\s+(?:de\\s+)?(?:\\d{1,2},?\\s+)?|\\d{1,2}\\.?\\s*(?:de\\s+)?(?:${MONTHS})\\.?,?\\s+(?:de\\s+)?)$`, 'iu');
const MONTH_BEFORE = new RegExp(`(?<![\\p{L}])(?:${MONTHS})\\.?\\s*$`, 'iu');
const QUALIFIERS = new Set(
  'about nearly almost over some more around approximately roughly only just up under another than least'.split(' '),
);
const WORD_NUMBERS = 'two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|fifty|a hundred';
// "nearly three times the amount", "2.5 times as many", "threefold", "grew 2.5x" (not 4x4, 1920x1080).
const MULTIPLE = new RegExp(
  `\\b(?:(?:nearly|almost|about|around|roughly|more than|over|some|up to|at least)\\s+)?(?:${WORD_NUMBERS}|\\d+(?:\\.\\d+)?)\\s+times\\s+(?=(?:the|as|more|higher|larger|bigger|greater|that|what|its|their)\\b)|\\b(?:${WORD_NUMBERS}|\\d+)[- ]?fold\\b|\\b\\d+(?:\\.\\d+)?x(?![A-Za-z0-9])`,
  'gi',
);


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
      let firstLabel = ''; // the sentence's main clause: what a change after a comma measures
      const found = findInSentence(text, sentence, skip);
      const sentenceYear = found.length ? yearIn(text, sentence) : '';
      for (const f of found) {
        // (A sentence of its own period, `过去十年，…`: the paragraph's year is not its year; the label says it.)
        const year = f.kind === 'multiple' ? sentenceYear : sentenceYear || (cjkPeriod(text, sentence) ? '' : paragraphYear);
        // "revenue of $1.2B, up 24% from a year earlier": the change of the first figure's; any
        // other empty label shares the previous figure's.
        const label = labelFor(text, sentence, f, previousEnd, firstLabel) || previousLabel;
        firstLabel ||= label;
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
  let lastEnd = -1; // (a number inside the figure before it, `3,000` of `6億3,000万`, is no figure of its own)
  for (const m of s.matchAll(NUMBER)) {
    const start = sentence.start + m.index;
    if (start < lastEnd) continue;
    const f = classifyNumber(text, sentence, start, m[0]);
    if (!f || taken.overlaps(f.start, f.end) || skip.overlaps(f.start, f.end)) continue;
    found.push(f);
    lastEnd = f.end;
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Reads what surrounds a number; null when it is no figure (year, date, ordinal, name, list number). */
function classifyNumber(text: string, sentence: Segment, start: number, digits: string): Found | null {
  const end = start + digits.length;
  const cjk = cjkFigure(text, start, end) ?? koreanFigure(text, start, end);
  if (cjk !== undefined) return cjk;
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
  const m = /^(?:(?:in|by|during|throughout|for|by the end of|at the end of|в|за)\s+((?:18|19|20|21)\d\d)\b|((?:18|19|20|21)\d\d)(?:年[，,、]|년[ ,]))/i.exec(
    text.slice(sentence.start, Math.min(sentence.end, sentence.start + 40)),
  );
  return m ? m[1] ?? m[2] : '';
}
