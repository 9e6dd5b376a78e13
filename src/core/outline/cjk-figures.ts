/**
 * Figures of Chinese, Japanese and Korean releases, written with no space between the digits and
 * their words (`1797亿元人民币`, `6億3,000万米ドル`, `1797억 위안`), and their labels, taken from the
 * clause before them with its verbs and particles cut (`华为研发投入达到` is 华为研发投入) or from
 * what a count counts after it (`15万件以上の有効な特許`, `15만 건 이상의 유효 특허`).
 */
import type { Found } from './figure-labels';
import type { Segment } from './segments';
import { cjkLength, isCjkChar } from './cjk-speakers';

const CJK_SCALE = /^(?:万亿|亿|億|兆|千万|百万|万|千)/u;
const CJK_CURRENCY = /^(?:元人民币|人民币|美元|欧元|日元|港元|英镑|韩元|元|円|米ドル|ドル|ユーロ)/u;
/** A scale followed by more digits and a smaller scale: `6億3,000万` (Japanese and Chinese write amounts so). */
const CJK_MORE = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:千万|百万|万|千)/u;
/** Counters: what a count is of (件 items, 家 companies, 名 people…), or 多/余 (more than). */
const CJK_COUNTER = /^(?:件|个|家|名|人|台|项|次|款|座|所|位|种|条|份|户|辆|套|张|篇|余|多|社|以上)/u;

/**
 * A figure written the Chinese or Japanese way, digits glued to the characters around them:
 * `1797亿元人民币`, `6.3亿美元`, `15万件`, `20.8%`; null for a date or anything else glued so
 * (`2025年`, `11月`); undefined where the number stands apart from such characters.
 */
export function cjkFigure(text: string, start: number, end: number): Found | null | undefined {
  const after = text.slice(end, end + 12);
  if (!isCjkChar(text[start - 1] ?? '') && !isCjkChar(after[0] ?? '')) return undefined;
  if (/[\d.]/.test(text[start - 1] ?? '')) return null;
  let scale = CJK_SCALE.exec(after)?.[0] ?? '';
  const more = scale ? CJK_MORE.exec(text.slice(end + scale.length, end + scale.length + 12))?.[0] : undefined;
  if (more) scale += more;
  const rest = text.slice(end + scale.length, end + scale.length + 12);
  const currency = CJK_CURRENCY.exec(rest)?.[0];
  const percent = /^[%％]/.exec(rest)?.[0];
  const counter = CJK_COUNTER.exec(rest)?.[0];
  const tail = currency ?? percent ?? counter ?? '';
  if (!tail && !scale) return null;
  const e = end + scale.length + tail.length;
  return { kind: currency ? 'money' : percent ? 'percent' : 'count', start, end: e, value: text.slice(start, e) };
}

const HANGUL = /\p{Script=Hangul}/u;
const KO_SCALE = /^(?:조|억|만|천)(?:[ ]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:억|만|천))*/u;
// (A particle or copula may follow glued: `위안으로`, `달러였습니다`, `건을`.)
const KO_AFTER = '(?![\\p{L}])|(?=으로|로|을|를|이|가|은|는|의|에|였|이다|입니다|씩)';
const KO_CURRENCY = new RegExp(`^[ ]?(?:원|달러|위안|유로|엔|파운드)(?:${KO_AFTER})`, 'u');
const KO_COUNTER = new RegExp(`^[ ]?(?:건|개국|개|명|대|곳|가지)(?:${KO_AFTER})`, 'u');

/**
 * A figure written the Korean way: a scale glued to the digits (`1797억`, `6억 3000만`), then a
 * currency or counter a space apart (`1797억 위안`, `15만 건`); null for a date (`2025년`, `11월`)
 * or anything else glued so; undefined where no Hangul is glued to it.
 */
export function koreanFigure(text: string, start: number, end: number): Found | null | undefined {
  if (!HANGUL.test(text[end] ?? '')) return undefined;
  const scale = KO_SCALE.exec(text.slice(end, end + 24))?.[0] ?? '';
  if (!scale) return null;
  const rest = text.slice(end + scale.length, end + scale.length + 8);
  const currency = KO_CURRENCY.exec(rest)?.[0];
  const tail = currency ?? KO_COUNTER.exec(rest)?.[0] ?? '';
  const e = end + scale.length + tail.length;
  return { kind: currency ? 'money' : 'count', start, end: e, value: text.slice(start, e) };
}

/** Where a Chinese or Japanese clause starts: after its punctuation. */
const CJK_CLAUSE_END = /[，。；：、！？“”「」（）\n]/u;
/** Verbs and qualifiers between a Chinese subject and its figure (`研发投入达到`, `收入约为`). */
const CJK_LINKS = /(?:达到|超过|约为|高达|累计|共计|总计|共有|持有|增长|下降|为|是|约|約|达|近|逾|超|共)+$/u;
/** Japanese particles between a subject and its figure (`投資は`, `全世界で`). */
const JA_PARTICLES = /[はがをでにもの]$/u;
/** What a Japanese count counts: `15万件以上の有効な特許` (the noun after の, up to its particle). */
const JA_COUNTED = /^(?:以上|超|余|近く)?の([^、。をがはにでと「」]{1,20})/u;

/** A period a Chinese sentence opens with: `过去十年，`, `近五年，`, `三年来，`. */
export function cjkPeriod(text: string, sentence: Segment): string {
  return CJK_PERIOD.exec(text.slice(sentence.start, Math.min(sentence.end, sentence.start + 12)))?.[1] ?? '';
}
const CJK_PERIOD = /^((?:过去|近)[一二三四五六七八九十两\d]+年|[一二三四五六七八九十两\d]+年来)[，,]/u;

/**
 * A Chinese or Japanese figure's label: its clause before it, the verb and qualifiers that lead
 * to the figure dropped (`华为研发投入达到1797亿元` is 华为研发投入; `占全年收入的20.8%` 全年收入).
 */
function cjkLabel(text: string, sentence: Segment, f: Found): string {
  let from = f.start;
  while (from > sentence.start && f.start - from < 60 && !CJK_CLAUSE_END.test(text[from - 1])) from--;
  if (f.kind === 'count') {
    const counted = JA_COUNTED.exec(text.slice(f.end, Math.min(sentence.end, f.end + 30)));
    if (counted) return counted[1];
  }
  // (A character the repair could not name, `超�`, is dropped: it stood between the words and the figure.)
  let label = text.slice(from, f.start).trim().replace(/\ufffd+$/u, '');
  for (let before = ''; before !== label; ) {
    before = label;
    label = label.replace(CJK_LINKS, '').replace(/的$/u, '').replace(/^占/u, '').replace(JA_PARTICLES, '');
  }
  const period = cjkPeriod(text, sentence);
  return period && label ? `${label}, ${period}` : label;
}

/** Korean particles that end a subject or object (`투자는`, `매출의`, `특허를`, `위안으로`). */
const KO_PARTICLE = /(?:에서|으로|은|는|이|가|을|를|의|로|에)$/u;
/** Words between a Korean subject and its figure: about, in all, more than. */
const KO_QUALIFIERS = new Set(['약', '총', '모두', '무려', '약간', '이상']);

/**
 * A Korean figure's label: what it counts after `이상의`/`의` (`15만 건 이상의 유효 특허를` is 유효 특허),
 * else the words before it in its clause, a year and qualifiers dropped, particles cut.
 */
function koreanLabel(text: string, sentence: Segment, f: Found, previousEnd: number, window: number): string {
  if (f.kind === 'count') {
    const counted = /^[ ]?(?:이상의|의)[ ]+([\p{Script=Hangul}\w]+(?:[ ][\p{Script=Hangul}\w]+)?)/u.exec(text.slice(f.end, Math.min(sentence.end, f.end + 40)));
    if (counted) return counted[1].replace(KO_PARTICLE, '');
  }
  let from = Math.max(sentence.start, previousEnd, f.start - window);
  const lead = text.slice(from, f.start);
  const cut = Math.max(...[',', ':', ';', '“', '”', '"'].map((mark) => lead.lastIndexOf(mark)));
  if (cut >= 0) from += cut + 1;
  const words = text.slice(from, f.start).trim().split(/\s+/).filter(Boolean);
  while (words.length && (/^\d+년$/u.test(words[0]) || /^(?:으로|로)$/u.test(words[0]) || KO_PARTICLE.test(words[0]) && words[0].length <= 2)) words.shift();
  while (words.length && KO_QUALIFIERS.has(words[words.length - 1])) words.pop();
  if (words.length) words[words.length - 1] = words[words.length - 1].replace(KO_PARTICLE, '');
  return words.filter(Boolean).slice(-6).join(' ');
}

/** The label of a figure written the Chinese, Japanese or Korean way, or null for any other; `window`: how far back its clause is read. */
export function cjkLabelFor(text: string, sentence: Segment, f: Found, previousEnd: number, window: number): string | null {
  // (Glued to such characters, `1797亿元`, `的20.8%`; Korean: Hangul in the value, or after a per cent.)
  if (cjkLength(f.value) > 0 || isCjkChar(text[f.start - 1] ?? '')) return cjkLabel(text, sentence, f);
  if (HANGUL.test(f.value) || (HANGUL.test(text.slice(f.end, f.end + 1)) && /[%]$/.test(f.value))) return koreanLabel(text, sentence, f, previousEnd, window);
  return null;
}
