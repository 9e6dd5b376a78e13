/**
 * The dateline: a place in capitals at a line start ("BEIJING, CHINA —", "PORTLAND, Ore.,",
 * "LONDON,") and the first date after it, which may sit a line or two later; or a wire's place
 * without a date ("SEATTLE--(BUSINESS WIRE)--"), dated by the line above it if it has one.
 */
import type { OutlineDateline } from './types';

export const FULL_MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
export const MONTHS = `${FULL_MONTHS}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec`;
/**
 * The months of the other languages a release comes in, as a date writes them (Polish, Czech,
 * Romanian, Russian and Ukrainian in the genitive: `14 listopada 2025`, `14 ноября 2025 г.`).
 * Matched in any case.
 */
export const OTHER_MONTHS = [
  'Januar Februar März Mai Juni Juli Oktober Dezember', // German (April, August, September, November as English)
  'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
  'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre',
  'gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre',
  'janeiro fevereiro março maio junho julho setembro outubro novembro dezembro',
  'januari februari maart mei augustus oktober',
  'stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia',
  'ledna února března dubna května června července srpna září října listopadu prosince',
  'ianuarie februarie martie aprilie iunie iulie septembrie octombrie noiembrie decembrie',
  'Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık',
  'января февраля марта апреля мая июня июля августа сентября октября ноября декабря', // Russian
  'січня лютого березня квітня травня червня липня серпня вересня жовтня грудня', // Ukrainian (листопада as Polish)
]
  .join(' ')
  .split(' ')
  .join('|');
// "14 November 2025", "14November 2025", "March 4, 2025", "Nov. 14, 2025", and "14. November 2025",
// "14 de noviembre de 2025", "14 listopada 2025".
const DAY_MONTH = `(\\d{1,2})\\.?\\s*(?:de\\s+)?(${MONTHS}|${OTHER_MONTHS})\\.?,?\\s+(?:de\\s+)?(\\d{4})`;
const DATE = new RegExp(`\\b(?:${DAY_MONTH}|(${MONTHS})\\.?\\s+(\\d{1,2}),?\\s+(\\d{4}))\\b`, 'giu');
// A capitalised place at a line start, then a comma, dash or "(": the first word all capitals.
const PLACE = /^[ \t*_]*(\p{Lu}[\p{Lu}'’.-]+(?:[ \t]+[\p{Lu}'’.-]+){0,3})(?=[ \t]*[,—–(-])/gmu;
/** How far into the text a dateline may be, and how far after the place its date may be. */
const SEARCH_LIMIT = 5000;
const DATE_WINDOW = 300;

export function extractDateline(text: string): OutlineDateline | null {
  const head = text.slice(0, SEARCH_LIMIT + DATE_WINDOW);
  return capitalsDateline(head) ?? titleCaseDateline(head) ?? wireDateline(head) ?? cjkDateline(head);
}

// Chinese, Japanese and Korean: a place at a line start and a date written 2025年11月14日 (Korean
// 2025년 11월 14일), either first: "中国深圳，2025年11月14日——", "（2025年11月14日，中国深圳）".
const CJK_DATE = '\\d{4}[ \\t]*[年년][ \\t]*\\d{1,2}[ \\t]*[月월][ \\t]*\\d{1,2}[ \\t]*[日일]';
const CJK_PLACE = '[\\p{Script=Han}\\p{Script=Hangul}\\p{Script=Katakana}]{2,12}';
const CJK_DATELINE = new RegExp(`^[ \\t*_【\\[（(]*(?:(${CJK_PLACE})[ \\t]*[，,、]?[ \\t]*(${CJK_DATE})|(${CJK_DATE})[ \\t]*[，,、][ \\t]*(${CJK_PLACE}))`, 'mu');

function cjkDateline(head: string): OutlineDateline | null {
  const m = CJK_DATELINE.exec(head);
  if (!m || m.index >= SEARCH_LIMIT) return null;
  const place = m[1] ?? m[4];
  const date = m[2] ?? m[3];
  const start = m.index + m[0].indexOf(m[1] ? place : date);
  return { start, end: m.index + m[0].length, place, date: date.replace(/[ \t]+/g, ' ') };
}

// Business Wire's dateline holds no date: "SEATTLE--(BUSINESS WIRE)--", "AUSTIN, Texas--(BUSINESS WIRE)--".
const WIRE_PLACE = /^[ \t*_]*(\p{Lu}[\p{Lu} .'’-]*(?:,[ \t]*\p{Lu}[\p{L} .'’]*)?)[ \t]*--[ \t]*\((?:BUSINESS WIRE|Business Wire)\)[ \t]*--/mu;

/** The wire's place, and the date written above it (the wire's own line), or none. */
function wireDateline(head: string): OutlineDateline | null {
  const m = WIRE_PLACE.exec(head);
  if (!m || m.index >= SEARCH_LIMIT) return null;
  const start = m.index + m[0].indexOf(m[1]);
  DATE.lastIndex = 0;
  const date = DATE.exec(head);
  const before = date && date.index < start ? date : null;
  return { start, end: start + m[1].length, place: m[1].trim(), date: before ? dateAsWritten(head, before) : '' };
}

// A place in title case at a line start, maybe a region after a comma, then a comma or dash and
// the date right after it: "Hamburg, Germany – 12 February 2026 –", "Espoo, Finland, March 3, 2026".
const TITLE_PLACE = /^[ \t*_]*(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2}(?:,[ \t]*\p{Lu}[\p{L}.]*(?:[ \t]\p{Lu}[\p{L}.]*){0,2})?)[ \t]*[,—–-][ \t]*/gmu;
/** Words a line may start with before a date that are no place. */
const NOT_PLACES = new Set(
  `today yesterday updated posted published issued released date dated embargoed embargo for from on as of by
  monday tuesday wednesday thursday friday saturday sunday ${MONTHS.toLowerCase().replace(/\|/g, ' ')}`.split(/\s+/),
);

/** Title case ("Hamburg, Germany – 12 February 2026"): believed only with the date right after it. */
function titleCaseDateline(head: string): OutlineDateline | null {
  for (const m of head.matchAll(TITLE_PLACE)) {
    if (m.index >= SEARCH_LIMIT) break;
    if (NOT_PLACES.has(m[1].split(/[ ,-]/)[0].toLowerCase())) continue;
    const at = m.index + m[0].length;
    DATE.lastIndex = at;
    const date = DATE.exec(head);
    if (!date || date.index !== at) continue;
    const start = m.index + m[0].indexOf(m[1]);
    return { start, end: date.index + date[0].length, place: m[1], date: dateAsWritten(head, date) };
  }
  return null;
}

function capitalsDateline(head: string): OutlineDateline | null {
  const places: Array<{ start: number; end: number }> = [];
  for (const m of head.matchAll(PLACE)) {
    if (m.index >= SEARCH_LIMIT) break;
    const start = m.index + m[0].length - m[1].length;
    places.push({ start, end: extendPlace(head, start + m[1].length) });
  }
  // The date closest after a place belongs to the nearest place before it. (matchAll starts where
  // the shared regex's lastIndex was left by an earlier call's exec: from the start, always.)
  DATE.lastIndex = 0;
  for (const m of head.matchAll(DATE)) {
    const candidates = places.filter((p) => p.end <= m.index && m.index - p.end <= DATE_WINDOW);
    if (candidates.length === 0) continue;
    const place = candidates[candidates.length - 1];
    return {
      start: place.start,
      end: m.index + m[0].length,
      place: head.slice(place.start, place.end),
      date: dateAsWritten(head, m),
    };
  }
  return null;
}

/** A date as written, spacing normalised: "14November 2025" -> "14 November 2025", "Nov. 14, 2025" kept. */
function dateAsWritten(text: string, m: RegExpExecArray | RegExpMatchArray): string {
  const at = m.index ?? 0;
  const dot = (month: string): string => (text[at + m[0].indexOf(month) + month.length] === '.' ? month + '.' : month);
  return m[1] ? `${m[1]} ${dot(m[2])} ${m[3]}` : `${dot(m[4])} ${m[5]}, ${m[6]}`;
}

/** Adds ", CHINA" or ", Ore." after the city: comma parts that are neither dates nor sentences. */
function extendPlace(text: string, end: number): number {
  const part = /^,[ \t]*(\p{Lu}[\p{L}.'’-]*(?:[ \t]\p{Lu}[\p{L}.'’-]*){0,2})/u;
  for (let i = 0; i < 2; i++) {
    const m = part.exec(text.slice(end, end + 60));
    if (!m || new RegExp(`^(?:${MONTHS})\\b`).test(m[1])) break;
    // A region: all capitals ("CHINA"), an abbreviation ("Ore.", "Calif.") or one word ("Texas").
    if (!/^[\p{Lu} .'’-]+$/u.test(m[1]) && !/^\p{Lu}\p{Ll}{1,4}\.$/u.test(m[1]) && !/^\p{Lu}\p{Ll}+$/u.test(m[1])) break;
    end += m[0].length;
  }
  return end;
}
