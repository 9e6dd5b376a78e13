/**
 * Ranking of candidates where the bytes cannot tell `’ “ ” ‘ – —` apart (they differ only in the
 * byte that was lost). Context decides: between letters an apostrophe, before a word an opening
 * quote, after a word a closing quote, between spaces a dash. One function serves every lossy form
 * (`â??`, `a??`, `â€�`, `鈥?`, a lone `�`).
 */
import { decadeAt, joinsWords } from './apostrophe';
import { Cls, classAt, isLetter } from './chars';
import { QUOTE_STYLES, type QuoteStyle } from './language';
import { thirdLostAhead } from './lossy';
import { isTwoByteLead } from './utf8';

export type Position = 'inside-word' | 'opening' | 'closing' | 'dash' | 'digits' | 'unclear' | 'joined' | 'loose-dash';
/** Every position, for memo tables indexed by number. */
export const POSITIONS: readonly Position[] = ['inside-word', 'opening', 'closing', 'dash', 'digits', 'unclear', 'joined', 'loose-dash'];

const OPENERS = new Set(['(', '[', '{', '«', '‹', '“', '‘', '"', "'", '—', '–', '-', '/']);
const CLOSING_PUNCT = new Set(['.', ',', '!', '?', ';', ':', ')', ']', '…']);

/** Where a garbled site at [start, end) stands in its sentence. */
export function positionOf(text: string, start: number, end: number): Position {
  const p = classAt(text, start - 1);
  const n = classAt(text, end);
  const prevCh = text[start - 1] ?? '';
  const nextCh = text[end] ?? '';
  // A letter garbled before it (`ylpeitÃ¤â??`) ends a word as much as a plain one.
  const prevWordy = isLetter(p) || p === Cls.Digit || garbledLetterEndsAt(text, start);
  const nextWordy = isLetter(n) || n === Cls.Digit;
  // A decade shortened (`’90s`): an apostrophe, though it stands where an opening quote would.
  if ((p === Cls.Space || OPENERS.has(prevCh)) && decadeAt(text, end)) return 'inside-word';
  // And `rock ’n’ roll`: a lone n between two marks.
  if (p === Cls.Space && nextCh === 'n' && LONE_N_AFTER.test(text.slice(end, end + 6))) return 'inside-word';
  if (prevCh === 'n' && n === Cls.Space && LONE_N_BEFORE.test(text.slice(Math.max(0, start - 6), start))) return 'inside-word';
  // A range (`1990–2000`, `10a–16a`): a digit follows. (`1990’s` keeps its apostrophe: a letter follows.)
  if (prevWordy && n === Cls.Digit) return 'digits';
  if (prevWordy && nextWordy) return 'inside-word';
  const prevOpen = p === Cls.Space || OPENERS.has(prevCh);
  const nextOpen = n === Cls.Space || CLOSING_PUNCT.has(nextCh);
  if (p === Cls.Space && nextOpen) return 'dash';
  // Before anything that starts a quotation (a word, `$5`, `%s`, `(`, `-v`, `<file>`, `.NET`), not before `)` or `,`.
  if (prevOpen && n !== Cls.Space && nextCh !== '' && !CLOSING_PUNCT.has(nextCh)) return 'opening';
  if ((prevWordy || CLOSING_PUNCT.has(prevCh) || p === Cls.OtherSymbol) && nextOpen) return 'closing';
  return 'unclear';
}

const LONE_N_AFTER = /^n(?:â\?\?|a\?\?|â€|[?\ufffd’])\s/;
const LONE_N_BEFORE = /\s(?:â\?\?|a\?\?|â€|[?\ufffd‘’])n$/;

/** `Ã¤`, `Ã©`: a Latin-1 lead (C2–DF) and a continuation shown as a Latin-1 sign, just before `at`. */
function garbledLetterEndsAt(text: string, at: number): boolean {
  const last = text.charCodeAt(at - 1);
  const lead = text.charCodeAt(at - 2);
  return last >= 0xa0 && last <= 0xbf && isTwoByteLead(lead);
}

/**
 * Whether a quotation is open at a position, tracked forward through the text (positions are
 * asked in increasing order): literal “ ” and " marks, marks that repairs of reversible mojibake
 * put there (`decoded`: `鈥淭op` is “Top), the marks repaired lossy sites gave (`repaired`, see
 * markRepaired), reset at each blank line. A single quotation opened inside a double one
 * (`“He told me ‘no’ twice”`) is the second level. Linear over the whole document.
 */
export class QuoteState {
  private depth: QuoteDepth = 0;
  private nextRepaired = 0;
  private nextDecoded = 0;
  private nextRelevant: number;
  private readonly opener: number;
  private readonly closer: number;

  constructor(
    private readonly text: string,
    start: number,
    /** Marks repaired lossy sites gave, in increasing order (appended as sites are judged): position, mark, … */
    private readonly repaired: readonly number[],
    /** The text's quotation marks (`„…“` in German): which literal marks open and close. */
    readonly style: QuoteStyle = QUOTE_STYLES[0],
    /** Quote marks that repairs of reversible runs give, by position (increasing): position, mark, … */
    private readonly decoded: readonly number[] = [],
  ) {
    RELEVANT.lastIndex = start;
    this.nextRelevant = RELEVANT.exec(text)?.index ?? Infinity;
    this.opener = style.open.charCodeAt(0);
    this.closer = style.close.charCodeAt(0);
    while (this.nextDecoded < decoded.length && decoded[this.nextDecoded] < start) this.nextDecoded += 2;
  }

  /** 0: no quotation open at `at`; 1: one is; 2: a single one inside it too. */
  depthAt(at: number): QuoteDepth {
    const text = this.text;
    // Jump from one quote mark or line break to the next instead of walking every character; the
    // next one found is remembered, so text without any is searched once, not once per site.
    while (this.nextRelevant < at) {
      const index = this.nextRelevant;
      this.applyBefore(index);
      RELEVANT.lastIndex = index + 1;
      this.nextRelevant = RELEVANT.exec(text)?.index ?? Infinity;
      const ch = text.charCodeAt(index);
      if (ch === 0x0a) {
        if (isBlankLineAfter(text, index)) this.depth = 0;
      } else if (!(ch === 0x22 && text.charCodeAt(index - 1) === 0x20ac && text.charCodeAt(index - 2) === 0xe2)) {
        // (Not the `"` of a dash garbled and straightened, `â€"`: see the form straightened-dash.)
        this.mark(ch);
      }
    }
    this.applyBefore(at);
    return this.depth;
  }

  /** The repaired and decoded marks before `at`, in order. */
  private applyBefore(at: number): void {
    const { repaired, decoded } = this;
    for (;;) {
      const site = this.nextRepaired < repaired.length ? repaired[this.nextRepaired] : Infinity;
      const mark = this.nextDecoded < decoded.length ? decoded[this.nextDecoded] : Infinity;
      if (Math.min(site, mark) >= at) return;
      if (site <= mark) {
        this.markRepaired(repaired[this.nextRepaired + 1]);
        this.nextRepaired += 2;
      } else {
        this.mark(decoded[this.nextDecoded + 1]);
        this.nextDecoded += 2;
      }
    }
  }

  /**
   * A repaired lossy site's mark: as a literal one, and `‘` opens a quotation within an English
   * one (`“He told me ‘no’ twice”`), `’` closes it. Where one mark opens and closes (Finnish and
   * Swedish `”…”`) a guessed one only opens: its place, not a count, says which it was.
   */
  private markRepaired(ch: number): void {
    if (ch === 0x2018) {
      if (this.depth === 1 && this.opener === 0x201c) this.depth = 2;
    } else if (ch === 0x2019) {
      if (this.depth === 2) this.depth = 1;
    } else if (ch === this.opener && ch === this.closer) {
      this.depth = this.depth || 1;
    } else {
      this.mark(ch);
    }
  }

  private mark(ch: number): void {
    if (ch === 0x22 || (ch === this.opener && ch === this.closer)) {
      this.depth = this.depth ? 0 : 1;
    } else if (ch === this.opener) {
      this.depth = 1;
    } else if (ch === this.closer) {
      this.depth = 0;
    }
  }
}

/** How deep in quotations a position is (see QuoteState). */
export type QuoteDepth = 0 | 1 | 2;

const RELEVANT = /[“”„"\n]/g;

function isBlankLineAfter(text: string, i: number): boolean {
  let k = i + 1;
  while (text[k] === ' ' || text[k] === '\t' || text[k] === '\r') k++;
  return text[k] === '\n';
}

export interface Ranked {
  best: string;
  alternatives: string[];
  position: Position;
  /** How sure the context makes the first choice. */
  certainty: number;
}

// „ (E2 80 9E, German, Czech, Polish…) loses the same bytes: offered last, as English text is the
// commoner case.
export const PUNCTUATION_MARKS: readonly string[] = ['’', '“', '”', '‘', '–', '—', '„'];

/** `first` in its order (a repeat dropped), then the rest of `pool`. */
export function order(first: string[], pool: readonly string[] = PUNCTUATION_MARKS): string[] {
  const out: string[] = [];
  for (const c of [...first, ...pool]) if (!out.includes(c)) out.push(c);
  return out;
}

/**
 * Ranks the punctuation a lost E2 80 xx sequence stood for.
 * `thirdByteLost`: the sequence ended early (`â€` + nothing, `a? said`): the byte that vanishes in
 * Windows-1252 is 9D, the closing double quote, so ” comes first.
 */
export function rankPunctuation(text: string, start: number, end: number, depth: QuoteDepth, thirdByteLost: boolean, style: QuoteStyle = QUOTE_STYLES[0], english = false): Ranked {
  let position = positionOf(text, start, end);
  if (english) position = englishDash(text, start, end, position, depth);
  // Few distinct answers: build each once and share it (the arrays are read-only). The key is a
  // small number, not a string: a line of `â??` asks hundreds of thousands of times.
  const afterPunct = CLOSING_PUNCT.has(text[start - 1] ?? '');
  // Between spaces after punctuation (`innovation, � said`): where a quotation's last words end.
  const afterPunctSpace = position === 'dash' && CLOSING_PUNCT.has(text[start - 2] ?? '');
  // An opening cut short with a close cut short after it on its line: one pair of the same mark (”…”).
  const lostPair = thirdByteLost && position === 'opening' && thirdLostAhead(text, end);
  const key = (((POSITIONS.indexOf(position) * 3 + depth) * 8 + (thirdByteLost ? 4 : 0) + (afterPunct ? 2 : 0) + (afterPunctSpace ? 1 : 0)) * 2 + (lostPair ? 1 : 0)) * QUOTE_STYLES.length + style.id;
  return (rankedMemo[key] ??= rankFor(position, depth, thirdByteLost, afterPunct || afterPunctSpace, style, lostPair));
}

const rankedMemo: (Ranked | undefined)[] = [];

/**
 * Where English sets a dash that the position alone does not show: between words without spaces
 * (`CEO—who`; `Q1–Q3` and `2014–present`, ranges, as between figures), after a bracket or markup
 * glued to the next word (`(NYSE: X)—the`), and glued to a word before a space and a lowercase
 * one outside any quotation (`the module– it`; not a plural's possessive, `students’ choice`).
 */
function englishDash(text: string, start: number, end: number, position: Position, depth: QuoteDepth): Position {
  if (position === 'inside-word' && joinsWords(text, start, end)) {
    return /^\p{L}*\d/u.test(text.slice(end, end + 12)) || (classAt(text, start - 1) === Cls.Digit && RANGE_ENDS.test(text.slice(end, end + 8))) ? 'digits' : 'joined';
  }
  if (position === 'unclear' && GLUED_BEFORE_DASH.includes(text[start - 1] ?? '') && classAt(text, end) === Cls.LatinLower) return 'joined';
  if (position === 'closing' && depth === 0 && isLetter(classAt(text, start - 1)) && text[start - 1] !== 's' && text[end] === ' ' && classAt(text, end + 1) === Cls.LatinLower && !MARKED_WORD.test(text.slice(Math.max(0, start - 24), start))) return 'loose-dash';
  return position;
}
/** A word with a mark inside it already (`K’iche’`, a glottal stop, ends with another). */
const MARKED_WORD = /[’'?\ufffd]\p{L}+$/u;
const RANGE_ENDS = /^(?:present|now|today|date)\b/;
const GLUED_BEFORE_DASH = ')]`_*';

function rankFor(position: Position, depth: QuoteDepth, thirdByteLost: boolean, afterPunct: boolean, style: QuoteStyle, lostPair: boolean): Ranked {
  const quoteOpen = depth > 0;
  if (thirdByteLost && position === 'inside-word') {
    // (`Huaweiâ€s`: ” is the one a decoder drops, 9D being undefined, but no ” goes between letters;
    // ™ of ’ was stripped.)
    return { best: '’', alternatives: order(['’', '”']).slice(1), position, certainty: 0.6 };
  }
  if (thirdByteLost && position === 'opening' && style.open === '„' && (!lostPair || style.close === '”')) {
    // Before a word in a language that opens with „ (E2 80 9E): Windows-1254 leaves its 9E
    // undefined as Windows-1252 does 9D, and ” seldom opens there (it closes Polish „…”, both lost).
    return { best: '„', alternatives: order(['„', '”', '“']).slice(1), position, certainty: 0.6 };
  }
  if (thirdByteLost && position === 'opening' && style.open === '“' && !lostPair) {
    // Before a word, where ” seldom stands: ‘, whose 98 Windows-1250 (and 1251, 1253) leaves undefined.
    return { best: '‘', alternatives: order(['‘', '”', '“']).slice(1), position, certainty: 0.6 };
  }
  if (thirdByteLost) {
    const certainty = position === 'closing' || quoteOpen || afterPunct ? 0.85 : 0.6;
    return { best: '”', alternatives: order(['”', '“', '’']).slice(1), position, certainty };
  }
  let ranked: string[];
  let certainty: number;
  switch (position) {
    case 'inside-word':
      ranked = order(['’', '‘']);
      certainty = 0.95;
      break;
    case 'digits':
      ranked = order(['–', '—', '’']);
      certainty = 0.8;
      break;
    case 'joined':
      ranked = order(['—', '’', '–']);
      certainty = 0.6;
      break;
    case 'loose-dash':
      // (Typed so, it is mostly the en dash a keyboard gives.)
      ranked = order(['–', '’', '—']);
      certainty = 0.55;
      break;
    case 'opening':
      // Inside an English-style quotation, a quotation within it: `“He told me ‘no’ twice”`.
      ranked = depth === 1 && style.open === '“' ? order(['‘', style.open, '—']) : order([style.open, '‘', '—']);
      certainty = depth === 1 ? 0.7 : 0.85;
      break;
    case 'dash':
      // Inside a quotation, after its last words' punctuation (`innovation, � said`), it closes it.
      ranked = quoteOpen && afterPunct ? order([style.close, style.dash, '—', '–']) : order([style.dash, '—', '–']);
      certainty = quoteOpen && afterPunct ? 0.6 : 0.75;
      break;
    case 'closing': {
      // The inner quotation closes first.
      ranked = depth === 2 ? order(['’', style.close]) : quoteOpen || afterPunct ? order([style.close, '’']) : order(['’', style.close]);
      certainty = quoteOpen ? 0.85 : 0.7;
      break;
    }
    default:
      // Inside a quotation a mark with no clear place most likely closes it.
      ranked = depth === 2 ? order(['’', style.close, '—']) : quoteOpen ? order([style.close, '’', '“', '—']) : order(['’', style.close, style.open, '—']);
      certainty = 0.5;
  }
  return { best: ranked[0], alternatives: ranked.slice(1), position, certainty };
}
