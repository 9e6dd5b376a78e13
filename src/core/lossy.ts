/**
 * Lossy mojibake: sequences where some bytes were already replaced (`?`, U+FFFD) or altered (the
 * lead `â` folded to `a`). The bytes left say "E2 80 xx, some punctuation"; `rank.ts` says which.
 */
import { ANY_ELIDED, apostropheFits, contractionAt, dashBeforeWord, decadeAt, elisionAt, turkishSuffixAt, wordBefore } from './apostrophe';
import { Cls, charClass, classAt, garbledClassAt, garbledPairAt, isAsciiDigit, isAsciiLetter, isAsciiLower, isLetter, letterAt, rarity } from './chars';
import { isLostCyrillic } from './cyrillic';
import { CODECS, type CodecInfo, NO_BYTE, codecByName, definesByte, doubleByteAstral, doubleByteTable, singleByteTable } from './codecs';
import { continuationCount, decodeSequence, isContinuation, isTwoByteLead, secondByteOk } from './utf8';
import { GERMAN_CAPITAL_BEFORE, LOST_LATIN1_CAPITALS, LOST_LATIN1_WORDS, capitalBefore, LOST_LETTERS_BY_LEAD, LOST_SECOND_BYTE, type Language, lostLetterScript } from './language';

export type LossyForm =
  /** `â??` / `a??`: E2 80 xx read as Windows-1252, forced into Latin-1: € and the third char → `?`. */
  | 'two-marks'
  /** `â?•`, `a? •`: the closing double quote (E2 80 9D), whose 9D came out as a bullet. */
  | 'bullet-tail'
  /** `â?` / `â€` / `鈥?` with the third byte gone: most often 9D, the closing double quote. */
  | 'third-lost'
  /** `â?¦` `â?¢` `â?¬`: only the middle byte lost; the last one still tells the character. */
  | 'middle-lost'
  /** A lone U+FFFD where an apostrophe or quote stood. */
  | 'replacement'
  /** A lone `?` between a word and a contraction or elision (`don?t`, `Huawei?s`, `l?heure`). */
  | 'question-apostrophe'
  /** A lone `?` where a quote or dash stood (`?Open innovation,? he said`, `2019?2024`). */
  | 'question-mark'
  /** `Ã?` inside a word: C3 80–9F (a capital with an accent, or ß) whose second byte became `?`. */
  | 'latin1-letter'
  /** `Ä?`, `Å?`: a Latin Extended-A letter (č, ł, ř, ő…) whose second byte (80–9F) became `?`. */
  | 'lost-second-byte'
  /** `â¤ï¸`: a symbol or emoji whose byte Windows-1252 leaves undefined (9D, 8F…) was dropped. */
  | 'dropped-byte'
  /**
   * `â` alone (`Itâs`, `âOpen innovation,â he said`): E2 80 xx whose last two bytes were dropped,
   * as C1 controls after a Latin-1 reading or as characters Latin-1 lacks after a Windows-1252 one.
   */
  | 'lead-alone'
  /** `â¦` `â¢` `â¬`: the same pipelines dropped only the middle byte (see MIDDLE_LOST). */
  | 'middle-dropped'
  /** `â€"`: – or — (E2 80 93/94) read as Windows-1252 (`â€“`, `â€”`), whose curly quote was then straightened. */
  | 'straightened-dash'
  /** `β€�`, `鈥�`: E2 80 read by a codec that could not read the third byte (see UNDEFINED_THIRD). */
  | 'undefined-third'
  /** `��䏭`: E2 80 unreadable in Big5 or EUC-KR, the third byte paired with the next (see leadLostPunctuation). */
  | 'lead-lost'
  /** `���`: the same with the third byte unpaired, so lost too: only the position tells the mark. */
  | 'lead-lost-mark'
  /** `Ñ?`, `Ð?`: a Cyrillic letter (р–я, А–П…) whose second byte became `?` (see cyrillic.ts). */
  | 'lost-cyrillic'
  /** `Ï?`, `×?`, `Ù?`: a letter of another two-byte script (Greek, Hebrew, Arabic…) whose second byte became `?`. */
  | 'lost-letter'
  /**
   * `SpoleÄnost`, `EvropÄ,`, `Ãber`, `WeiÃ`: a letter's lead alone, its second byte (80–9F) dropped
   * as a C1 control after a Latin-1 reading (or as undefined in Windows-1252).
   */
  | 'stripped-letter';

/** Every form, for tables indexed by number. */
export const LOSSY_FORMS: readonly LossyForm[] = ['two-marks', 'bullet-tail', 'third-lost', 'middle-lost', 'replacement', 'question-apostrophe', 'latin1-letter', 'lost-second-byte', 'dropped-byte', 'question-mark', 'undefined-third', 'lead-lost', 'lead-lost-mark', 'lost-cyrillic', 'lost-letter', 'straightened-dash', 'lead-alone', 'middle-dropped', 'stripped-letter'];

export interface LossySite {
  start: number;
  end: number;
  form: LossyForm;
  /** The lead `â` was folded to ASCII `a`: weaker evidence on its own. */
  folded: boolean;
  /** Strong enough to count as evidence that the document went through a lossy pipeline. */
  strong: boolean;
}

const A_CIRC = 0xe2; // â
const A_TILDE = 0xc3; // Ã
const QMARK = 0x3f;
const GBK_E2_80 = 0x9225; // 鈥: E2 80 read as GBK

function digitAt(text: string, i: number): boolean {
  return classAt(text, i) === Cls.Digit;
}
function spaceOrEdge(text: string, i: number): boolean {
  return classAt(text, i) === Cls.Space;
}

/** Whether what ends at `i` may open a quotation or an aside: `“ „ « ‘ " ' (`, or a garbled one, `â??`. */
function openingEndsAt(text: string, i: number): boolean {
  return '“„«‘"\'('.includes(text[i]) || (text[i] === '?' && text[i - 1] === '?' && (text[i - 2] === 'â' || text[i - 2] === 'a'));
}

/**
 * The lossy site that starts at a `?` (position `q`), if any, written into `into` (the scan reuses
 * one object: a line of `â??` has hundreds of thousands of sites).
 */
export function siteAtQuestionMark(text: string, q: number, into: LossySite): LossySite | null {
  const lead = text.charCodeAt(q - 1);
  // The commonest `?` by far ends a question after a word of ASCII letters (`is it? the`, `why??`,
  // `now?` at a line's end): no garbled form has that shape, and the only site it may be is a close
  // after a word (the last test of questionMarkMisplaced). Clean prose asks this at every `?`.
  const next = text.charCodeAt(q + 1);
  // Inside a run of `?` (`why???`, a line of them): no form has a `?` on both sides.
  if (lead === QMARK && next === QMARK) return null;
  if (isAsciiLetter(lead) && lead !== 0x61 && !(next >= 0x80) && !isAsciiLetter(next) && !isAsciiDigit(next)) {
    return questionMarkMisplaced(text, q) ? siteInto(into, q, q + 1, 'question-mark', false, false) : null;
  }
  const isLead = lead === A_CIRC || lead === 0x61; // â or a
  const folded = lead === 0x61;
  if (isLead) {
    const start = q - 1;
    if (next === QMARK) {
      // `a??` needs a word glued to it (or figures: `555a??0142`), else it is just "a" and two question marks.
      const glued = letterAt(text, start - 1) || letterAt(text, q + 2) || (digitAt(text, start - 1) && digitAt(text, q + 2));
      if (folded && !glued && !spaceOrEdge(text, q + 2)) return null;
      return siteInto(into, start, q + 2, 'two-marks', folded, !folded || glued);
    }
    if (text[q + 1] === '•') return siteInto(into, start, q + 2, 'bullet-tail', folded, true);
    if (text[q + 1] === ' ' && text[q + 2] === '•') return siteInto(into, start, q + 3, 'bullet-tail', folded, true);
    // (Folded, only the tails nothing else puts after `a?`: `quotesa?¦` is quotes…, `5a?°` may be 5a? and a degree.)
    if (MIDDLE_LOST_TAILS.includes(text[q + 1]) && !(folded && !FOLDED_MIDDLE_LOST_TAILS.includes(text[q + 1]))) {
      return siteInto(into, start, q + 2, 'middle-lost', folded, true);
    }
    if (!folded && figureSignAt(text, start, q + 2)) return siteInto(into, start, q + 2, 'middle-lost', false, true);
    if (spaceOrEdge(text, q + 1) && !(folded && letterAt(text, start - 1))) {
      // `a? said`: too common in plain writing to stand on its own; needs evidence around it.
      return siteInto(into, start, q + 1, 'third-lost', folded, false);
    }
    // An `a` ending a word is also just a letter: `Nokia?s` is Nokia’s.
    if (!folded) return null;
  }
  // `Ð¿Ñ?Ð¸Ð²ÐµÑ?`: Cyrillic, whose р–я and А–П lost their second byte; judged with the word's other letters.
  if (isLostCyrillic(text, q - 1)) return siteInto(into, q - 1, q + 1, 'lost-cyrillic', false, false);
  // `Î±Ï?Ï?Ï?`, `×©×?×?×?`: the same in other two-byte scripts, beside another garbled letter of the script.
  if (LOST_LETTERS_BY_LEAD[lead] && (garbledLetterOf(text, q - 3, lead) || garbledLetterOf(text, q + 1, lead))) {
    return siteInto(into, q - 1, q + 1, 'lost-letter', false, false);
  }
  // `StraÃ?e`, `Ã?BER`: Windows-1252 reads C3 80–9F as Ã + € ‚ ƒ … and Latin-1 has none of those.
  // (After another such letter too: `INFORMAÃ?Ã?O` is INFORMAÇÃO.)
  // (After a garbled letter too: `mÃ¤Ã?ig` is mäßig.)
  const before = garbledClassBefore(text, q - 1);
  // (Or starting a word after an elision or an opening quote, lost too: `lâ??Ã?lysÃ©e` is l’Élysée.)
  const afterMark = "'’".includes(text[q - 2]) || /^[âa]\?\?$/.test(text.slice(q - 4, q - 1));
  const afterLetter = isLetter(before) || spaceOrEdge(text, q - 2) || afterMark || (text.charCodeAt(q - 2) === QMARK && text.charCodeAt(q - 3) === A_TILDE);
  // (Ending a word after a lowercase letter too: `weiÃ?` is weiß, the only lowercase letter there.)
  const wordEndAfterLower = before === Cls.LatinLower && !letterAt(text, q + 1) && !digitAt(text, q + 1);
  // (After a figure, before a space or figure: × in `10Ã? faster`, `2Ã?3`.)
  const times = digitAt(text, q - 2) && (digitAt(text, q + 1) || text[q + 1] === ' ');
  if (lead === A_TILDE && ((afterLetter && letterAt(text, q + 1)) || times || wordEndAfterLower)) {
    return siteInto(into, q - 1, q + 1, 'latin1-letter', false, false);
  }
  // `Ã? chaque`: a capital alone as a word (French À, Italian È), maybe opening a quotation
  // (`“Ã? una giornata`, `â??Ã? una`); weak, the language decides.
  if (lead === A_TILDE && (spaceOrEdge(text, q - 2) || openingEndsAt(text, q - 2)) && text[q + 1] === ' ' && letterAt(text, q + 2)) {
    return siteInto(into, q - 1, q + 1, 'latin1-letter', false, false);
  }
  // `nÄ?j`, `Å?ekl`, `dziÅ?,`: the lead of a Latin Extended-A letter (Ä Å È: see LOST_SECOND_BYTE)
  // inside or at the edge of a word. Not after a capital before a non-letter: Swedish `PÅ?` is på
  // and a question mark. Inside a word it is strong; at an edge it needs the pipeline's other signs.
  // (After another such letter too: Romanian `faÈ?Ä?` is față.)
  const letterBefore = letterAt(text, q - 2) || lostSecondByteAt(text, q - 3) !== '';
  if (LOST_SECOND_LEADS.includes(lead) && (letterBefore || letterAt(text, q + 1))) {
    const capitalBefore = classAt(text, q - 2) === Cls.LatinUpper;
    const inside = letterBefore && letterAt(text, q + 1);
    if (!(capitalBefore && !letterAt(text, q + 1))) return siteInto(into, q - 1, q + 1, 'lost-second-byte', false, inside);
  }
  // (`I?m`, `l?heure`: see contractionAt and elisionAt.)
  if (q >= 1 && letterAt(text, q - 1) && (contractionAt(text, q, q + 1) || elisionAt(text, q, q + 1, ANY_ELIDED)) && wordStartsCleanly(text, q - 1)) {
    return siteInto(into, q, q + 1, 'question-apostrophe', false, false);
  }
  // Where no question mark stands: before a word after a space (`?Open`), after punctuation
  // (`innovation,? he`, `innovation, ? said`), between spaces (`STAMPA ? CONTENUTO`), between
  // figures (`2019?2024`); and after a word before a lowercase one (`Inventions? award`), which
  // only an open quotation makes a close. Weak: believed only where the text's other `?` are sure
  // apostrophes (see detect.ts).
  if (questionMarkMisplaced(text, q)) return siteInto(into, q, q + 1, 'question-mark', false, false);
  return null;
}

/** Leads of Latin Extended-A letters whose second byte the pipeline made `?` (see LOST_SECOND_BYTE): Ä Å È. */
const LOST_SECOND_LEADS = [0xc4, 0xc5, 0xc8];

/** The lead (Ä Å È) of a letter at `i` whose second byte was made `?`, or '' for none. */
function lostSecondByteAt(text: string, i: number): string {
  return i >= 0 && text.charCodeAt(i + 1) === QMARK && LOST_SECOND_LEADS.includes(text.charCodeAt(i)) ? text[i] : '';
}

/**
 * How many characters the letter at `i` that lost its second byte takes: 2 where that byte was
 * made `?` (`Ä?`), 1 where it was dropped (`Ä` before a letter, see siteOfStrippedLetter), else 0.
 */
function lostLetterLength(text: string, i: number): number {
  if (i < 0 || !LOST_SECOND_LEADS.includes(text.charCodeAt(i))) return 0;
  const next = text.charCodeAt(i + 1);
  if (next === QMARK) return 2;
  return isContinuation(next) || next === 0x2022 || next === 0xfffd ? 0 : 1;
}

/** The lead of a letter that lost its second byte, ending at `end` (`Ä?` or a lone `Ä`), or ''. */
function lostLetterBefore(text: string, end: number): string {
  if (lostSecondByteAt(text, end - 2)) return text[end - 2];
  return end >= 1 && LOST_SECOND_LEADS.includes(text.charCodeAt(end - 1)) ? text[end - 1] : '';
}

/** A letter of the script of `lead` garbled the same way at `i`: a lead of the script, then A0–BF or `?`. */
function garbledLetterOf(text: string, i: number, lead: number): boolean {
  const { first, last } = lostLetterScript(lead);
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  return c >= first && c <= last && (next === QMARK || (next >= 0xa0 && next <= 0xbf));
}

/** Whether the `?` at `q` stands where no question mark goes (see siteAtQuestionMark). */
export function questionMarkMisplaced(text: string, q: number): boolean {
  const before = text.charCodeAt(q - 1);
  if (dashBeforeWord(text, q, q + 1)) return true; // `CEO?who`, `2019?said`
  const afterSpace = q === 0 || spaceOrEdge(text, q - 1);
  const endsHere = q + 1 >= text.length || spaceOrEdge(text, q + 1);
  if (afterSpace) return letterAt(text, q + 1) || endsHere || decadeAt(text, q + 1); // `?90s`
  if (before === 0x2c || before === 0x2e) return endsHere;
  if (digitAt(text, q - 1)) return digitAt(text, q + 1);
  return letterAt(text, q - 1) && text[q + 1] === ' ' && classAt(text, q + 2) === Cls.LatinLower;
}

/**
 * The word before `?` starts after a space, a line start or a quote (not `%bB?s`, a format
 * string), or after a `?` after a space: the opening quote lost too (`?We?re ready`).
 */
function wordStartsCleanly(text: string, last: number): boolean {
  let i = last;
  while (i >= 0 && letterAt(text, i)) i--;
  // (Or a link's text, `[Here?s`, or a compound's last part, `third-party?s`.)
  return i < 0 || spaceOrEdge(text, i) || '"“‘([\''.includes(text[i]) || (text[i] === '-' && letterAt(text, i - 1)) || (text.charCodeAt(i) === QMARK && spaceOrEdge(text, i - 1));
}

/** The lossy site at a non-ASCII character (`â€` cut short, `鈥?`, lone `�`), if any, written into `into`. */
export function siteAtSpecial(text: string, i: number, into: LossySite): LossySite | null {
  const code = text.charCodeAt(i);
  if (code === A_CIRC && text[i + 1] === '€') {
    const after = text[i + 2];
    // Windows-1252 shows the dashes' third bytes 93 and 94 as “ and ”, which a later step made `"`.
    if (after === '"') return siteInto(into, i, i + 3, 'straightened-dash', false, true);
    const swallow = after === '?' || after === '\ufffd' ? 1 : 0;
    return siteInto(into, i, i + 2 + swallow, 'third-lost', false, true);
  }
  if (code === A_CIRC) {
    // `â¦` `â¢` `â¬`: only the middle byte dropped (… • ™ €), not ❦ ❢ with an undefined byte lost.
    if (MIDDLE_LOST_TAILS.includes(text[i + 1]) || figureSignAt(text, i, i + 2)) return siteInto(into, i, i + 2, 'middle-dropped', false, true);
    // Before ASCII (not `â?`, judged at the `?`) or at the end: both other bytes gone. Or before
    // a letter garbled too, whole (`lâÃ©tude`) or its lead alone (`âÃsta`): no text spells that.
    const next = text.charCodeAt(i + 1);
    const garbledAfter = isStrippedLead(next) && (isAsciiLower(text.charCodeAt(i + 2)) || (text.charCodeAt(i + 2) >= 0xa0 && text.charCodeAt(i + 2) <= 0xbf));
    if (!(next < 0x80 && next !== QMARK) && !garbledAfter) return null;
    return siteInto(into, i, i + 1, 'lead-alone', false, false);
  }
  if (code === GBK_E2_80 && (text[i + 1] === '?' || text[i + 1] === '\ufffd')) {
    return siteInto(into, i, i + 2, 'undefined-third', false, true);
  }
  if (code === 0xfffd && text.charCodeAt(i + 1) === 0xfffd && text.charCodeAt(i - 1) !== 0xfffd) {
    const paired = leadLostPunctuation(text, i);
    if (paired) return siteInto(into, i, i + paired.length, 'lead-lost', false, true);
    if (text.charCodeAt(i + 2) === 0xfffd && !(text.charCodeAt(i + 3) >= 0x80)) return siteInto(into, i, i + 3, 'lead-lost-mark', false, false);
    // Two before a figure (`��85m`): a sign of two bytes, each made U+FFFD (see lostSignBefore).
    if (text.charCodeAt(i + 2) !== 0xfffd && digitAt(text, i + 2) && !letterAt(text, i - 1) && !digitAt(text, i - 1)) return siteInto(into, i, i + 2, 'lead-lost-mark', false, false);
  }
  // (One U+FFFD after the lead: `窶���` is no mark lost.)
  if (code === 0xfffd && text.charCodeAt(i + 1) !== 0xfffd) {
    const lead = undefinedThirdBefore(text, i);
    return lead ? siteInto(into, i - lead.lead.length, i + 1, 'undefined-third', false, true) : siteInto(into, i, i + 1, 'replacement', false, false);
  }
  return null;
}

/**
 * E2 80 (the start of ’ “ ” – — …) as codecs other than Windows-1252 show it, where the third
 * byte came out as U+FFFD: undefined there (Windows-1253 has no 9C or 9D, Windows-1257 no 9C,
 * Windows-1251 no 98), or, in GBK and Shift_JIS, unpaired with the byte after it.
 */
const UNDEFINED_THIRD: readonly { lead: string; codec: string }[] = [
  { lead: '鈥', codec: 'gbk' },
  { lead: '窶', codec: 'shift_jis' },
  { lead: 'β€', codec: 'windows-1253' },
  { lead: 'ā€', codec: 'windows-1257' },
  { lead: 'вЂ', codec: 'windows-1251' },
];

/** The codec whose E2 80 ends at `i` (before its U+FFFD or `?`), if any. */
export function undefinedThirdBefore(text: string, i: number): { lead: string; codec: string } | undefined {
  for (const u of UNDEFINED_THIRD) if (text.startsWith(u.lead, i - u.lead.length)) return u;
  return undefined;
}

/** Marks that text glues to the letter after them (`’s`, `“Open`, `„Soubor`, `—and`): the only ones that pair so. */
const GLUED_MARKS = '’‘“”„‚–—…';

/** Codecs that cannot read E2 80 at all: each byte becomes U+FFFD. */
const NO_E2_80 = ['big5', 'euc-kr'];

/**
 * `��䏭` (Big5) and `��셲` (EUC-KR) are `’s`: those codecs cannot read E2 80 (two U+FFFD) and
 * paired the third byte with the next, an ASCII letter, into one character. The punctuation with
 * that letter, the codec, and how many UTF-16 units the form takes; null when it is not one.
 */
export function leadLostPunctuation(text: string, i: number): { replacement: string; codec: string; length: number } | null {
  // (Such pairs are Hangul or rare ideographs; an en dash after two U+FFFD is just that.)
  const cp = text.codePointAt(i + 2);
  if (cp === undefined || cp < 0x2e80) return null;
  for (const name of NO_E2_80) {
    const codec = codecByName(name);
    if (!codec) continue;
    const v = cp > 0xffff ? (doubleByteAstral(codec).get(cp) ?? NO_BYTE) : doubleByteTable(codec)[cp];
    if (v <= 0xff) continue;
    const third = v >> 8;
    const next = v & 0xff;
    if (third < 0x80 || third > 0xbf || next >= 0x80) continue;
    const mark = decodeSequence([0xe2, 0x80, third]);
    if (GLUED_MARKS.includes(mark)) return { replacement: mark + String.fromCharCode(next), codec: name, length: cp > 0xffff ? 4 : 3 };
  }
  return null;
}

/**
 * `Ã¢â‚¬Â` with nothing after its `Â` (or `?`, `�`): the closing quote ” garbled twice, its last
 * byte 9D (undefined in Windows-1252) lost on the second pass (`Ã¢Â€Â` where the first pass was
 * Latin-1); `Ã¢â‚¬â€` the same of —. Read as
 * one, with `?` or `�` swallowed like `â€?`; `Ã¢â‚¬Â\u009d` (kept) and `Ã¢â‚¬Â¦` (…) are whole
 * runs, not this.
 */
export function siteOfTwiceLostThird(text: string, i: number, into: LossySite): LossySite | null {
  const form = TWICE_FORMS.find((f) => text.startsWith(f, i));
  if (!form) return null;
  const after = text.charCodeAt(i + form.length);
  // A continuation: the byte is there (`Ã¢â‚¬Â¦` is …; `Ã¢â‚¬â€œ` is – read twice, its 93 as “ then œ).
  if (continuationShownAt(text, i + form.length)) return null;
  const swallow = after === 0x3f || after === 0xfffd ? 1 : 0;
  return siteInto(into, i, i + form.length + swallow, 'third-lost', false, true);
}
/**
 * Whether a `â€` cut short (no byte after it, see siteAtSpecial) closes the quotation opened before
 * `from`: it is the next mark on the line, within a quotation's reach (a line of them asks at
 * each), but for apostrophes whole between letters. A whole mark first closed it (German `â€œ`).
 */
export function thirdLostAhead(text: string, from: number): boolean {
  let scanned = from; // no line break before this
  for (let i = text.indexOf('â€', from); i >= 0 && i - from < QUOTATION_REACH; i = text.indexOf('â€', i + 2)) {
    for (; scanned < i; scanned++) if (text.charCodeAt(scanned) === 0x0a) return false;
    if (!continuationShownAt(text, i + 2)) return true;
    if (!(letterAt(text, i - 1) && letterAt(text, i + 3))) return false;
  }
  return false;
}

/** How far ahead a quotation's close is looked for on its line: a long line of marks is not read again from each. */
export const QUOTATION_REACH = 1000;

/** A UTF-8 continuation byte (80–BF) at `i`, as Latin-1 shows it or as Windows-1252 does (`œ` is 9C). */
function continuationShownAt(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  return isContinuation(code) || isContinuation(singleByteTable(CODECS[0])[code]);
}

/** Leads whose letter's second byte may have been dropped (see siteOfStrippedLetter): Ã Ä Å È. */
function isStrippedLead(code: number): boolean {
  return code === 0xc3 || code === 0xc4 || code === 0xc5 || code === 0xc8;
}

/**
 * A letter's lead alone where its second byte was dropped (LossyForm 'stripped-letter'), written
 * into `into`: between lowercase letters (`SpoleÄnost`, `pÅÃ­tomnost`) or ending a word after one
 * (`EvropÄ,`, `WeiÃ`), where no clean text has such a capital; or starting a word before
 * lowercase letters (`Äeských`, `Ãber`), which clean text has too (`Äpfel`, `Åsa`), so it counts
 * only beside the others (see strippedLetterShown). Not `Ã` between lowercase letters (ß or í,
 * see detect.ts), nor a lead before `?`, `•` or U+FFFD, the other pipelines' forms.
 */
export function siteOfStrippedLetter(text: string, i: number, into: LossySite): LossySite | null {
  const lead = text.charCodeAt(i);
  if (!isStrippedLead(lead)) return null;
  const next = text.charCodeAt(i + 1);
  // (Quickly: no letter on either side, as in a line of `Ã `; or another pipeline's form, or a
  // letter garbled whole, `Ã¬`.)
  if ((next < 0x41 && text.charCodeAt(i - 1) < 0x41) || next === QMARK || next === 0x2022 || next === 0xfffd || isContinuation(next)) return null;
  // (Two in a row at most, `obecnoÅÄ`: a line of them is no word.)
  const leadAt = (k: number) => isStrippedLead(text.charCodeAt(k));
  if ((leadAt(i - 1) && (leadAt(i + 1) || leadAt(i - 2))) || (leadAt(i + 1) && leadAt(i + 2))) return null;
  // (A lone `â` before it is a mark that lost its bytes too, `âÃsta` “Ésta, not a letter; another
  // lost letter beside it, `obecnoÅÄ`, counts as a lowercase one.)
  const before = strippedPairBefore(text, i) ? Cls.LatinLower : garbledClassBefore(text, i);
  const after = before === Cls.LatinLower && lostLetterLength(text, i + 1) ? Cls.LatinLower : garbledClassAt(text, i + 1);
  if (before === Cls.LatinLower) {
    // (`Ã` between plain lowercase letters is the soft-hyphen rule's, see detect.ts.)
    const plainAround = isAsciiLower(text.charCodeAt(i - 1)) && isAsciiLower(next);
    if (after === Cls.LatinLower) return lead === A_TILDE && plainAround ? null : siteInto(into, i, i + 1, 'stripped-letter', false, false);
    return isLetter(after) || digitAt(text, i + 1) ? null : siteInto(into, i, i + 1, 'stripped-letter', false, false);
  }
  if (!isLetter(before) && !digitAt(text, i - 1) && after === Cls.LatinLower) return siteInto(into, i, i + 1, 'stripped-letter', false, false);
  // In a word of capitals (`MÃNCHEN`) only where the same word near shows the letter (see twinLetter).
  return strippedInCapitals(text, i) ? siteInto(into, i, i + 1, 'stripped-letter', false, false) : null;
}

/**
 * The second of two leads that lost their bytes (`obecnoÅÄ`): the first after a lowercase letter
 * (not `JÄRJESTELMÄÄ`, Finnish capitals, nor `[ÅÅ]`, Swedish for a year's digits).
 */
function strippedPairBefore(text: string, i: number): boolean {
  return lostLetterBefore(text, i) !== '' && lostLetterLength(text, i - 1) === 1 && garbledClassBefore(text, i - 1) === Cls.LatinLower;
}

/** A lone `Ã` at `i` in a word of capitals (`MÃNCHEN`): a capital letter beside it, no lowercase one. */
export function strippedInCapitals(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== A_TILDE) return false;
  const before = garbledClassBefore(text, i);
  const after = garbledClassAt(text, i + 1);
  return before !== Cls.LatinLower && after !== Cls.LatinLower && (before === Cls.LatinUpper || after === Cls.LatinUpper);
}

/** Whether a 'stripped-letter' site stands where no clean text has that capital (see siteOfStrippedLetter). */
export function strippedLetterShown(text: string, site: LossySite): boolean {
  return garbledClassBefore(text, site.start) === Cls.LatinLower || strippedPairBefore(text, site.start);
}

/** E2 80 read as Windows-1252 (`â€`), that UTF-8 read again, and the lead C2 of the lost byte. */
const TWICE_E2_80 = 'Ã¢â‚¬Â';
/** The same read as Latin-1 first (E2 80 as `â` and a C1 control), then as Windows-1252: `Ã¢Â€Â`. */
const TWICE_E2_80_THROUGH_LATIN1 = 'Ã¢Â€Â';
/**
 * `â€”` (— read as Windows-1252) read again: its ” is E2 80 9D, and the 9D was lost on the second
 * pass. Only — (E2 80 94) gives a ” there: certain.
 */
export const TWICE_DASH = 'Ã¢â‚¬â€';
const TWICE_FORMS = [TWICE_E2_80, TWICE_E2_80_THROUGH_LATIN1, TWICE_DASH];

/**
 * A three- or four-byte sequence read as Windows-1252 that lacks one continuation byte (`â¤`,
 * `ï¸`, `ðŸ‘`): the decoder dropped a byte the codepage leaves undefined, rather than keep it as a
 * C1 control. Written into `into` when at least one symbol or emoji fits (see droppedByteCandidates).
 */
export function siteOfDroppedByte(text: string, i: number, into: LossySite): LossySite | null {
  const table = singleByteTable(CODECS[0]);
  const lead = table[text.charCodeAt(i)];
  const need = lead >= 0xe2 && lead <= 0xf4 ? continuationCount(lead) : 0;
  if (need < 2) return null;
  let k = 0;
  while (k < need && isContinuation(table[text.charCodeAt(i + 1 + k)])) k++;
  if (k !== need - 1 || (lead === 0xe2 && table[text.charCodeAt(i + 1)] === 0x80)) return null; // `â€` is third-lost
  return droppedByteCandidates(text, i, i + 1 + k).candidates.length ? siteInto(into, i, i + 1 + k, 'dropped-byte', false, true) : null;
}

/**
 * Bytes Windows-1252 leaves undefined: a decoder that drops what it cannot show loses them. In the
 * order their emoji are common (8D: 😍 👍, 8F: 🙏 👏, 81: 😁, 9D: 😝, 90: 😐).
 */
const DROPPABLE = [0x8d, 0x8f, 0x81, 0x9d, 0x90];

/**
 * What the `dropped-byte` site [start, end) can have been: each undefined byte put back at each place, kept where
 * it gives a symbol or emoji; the commoner blocks first (dingbats and pictographs before technical
 * signs), the emoji variation selector only after a symbol. `sure`: one pictograph fits.
 */
export function droppedByteCandidates(text: string, start: number, end: number): { candidates: string[]; sure: boolean } {
  const table = singleByteTable(CODECS[0]);
  const present: number[] = [];
  for (let j = start; j < end; j++) present.push(table[text.charCodeAt(j)]);
  const found: { ch: string; tier: number }[] = [];
  // The last place first: `ðŸ‘` is rather 👍 (F0 9F 91 8D) than 🍑 (F0 9F 8D 91).
  for (let at = present.length; at >= 1; at--) {
    for (const d of DROPPABLE) {
      const bytes = [...present.slice(0, at), d, ...present.slice(at)];
      if (!secondByteOk(bytes[0], bytes[1]) || !bytes.slice(1).every(isContinuation)) continue;
      const ch = decodeSequence(bytes);
      const tier = symbolTier(ch.codePointAt(0)!, text.charCodeAt(start - 1));
      if (tier > 0 && !found.some((f) => f.ch === ch)) found.push({ ch, tier });
    }
  }
  found.sort((a, b) => a.tier - b.tier); // stable: within a tier, the order found
  const sure = found.length > 0 && found[0].tier === 1 && (found.length === 1 || found[1].tier > 1);
  return { candidates: found.map((f) => f.ch), sure };
}

/** 1: dingbats, pictographs, emoji; 2: technical signs, arrows; 0: not what mojibake of prose holds. */
function symbolTier(cp: number, before: number): number {
  if (cp === 0xfe0f) return before > 0x20 && !isLetter(charClass(before)) && !(before >= 0x30 && before <= 0x39) ? 1 : 0; // after a symbol
  if ((cp >= 0x2600 && cp < 0x27c0) || (cp >= 0x1f300 && cp < 0x1fb00) || cp === 0x2b50 || cp === 0x2b55) return 1;
  if ((cp >= 0x2300 && cp < 0x2400) || (cp >= 0x2b00 && cp < 0x2c00) || (cp >= 0x1f000 && cp < 0x1f300)) return 2;
  return 0;
}

/** `into`, holding the site given. */
function siteInto(into: LossySite, start: number, end: number, form: LossyForm, folded: boolean, strong: boolean): LossySite {
  into.start = start;
  into.end = end;
  into.form = form;
  into.folded = folded;
  into.strong = strong;
  return into;
}

/**
 * The last byte of E2 8x yy, shown in Latin-1, and what it stood for with the middle byte lost:
 * mostly General Punctuation (E2 80 yy). ¢ (A2) is • (E2 80 A2) or ™ (E2 84 A2); ¬ (AC) is €;
 * ¯ (AF) the narrow no-break space French sets inside « » and before : ; ! ?.
 */
const MIDDLE_LOST: Readonly<Record<string, readonly string[]>> = { '¦': ['…'], '¬': ['€'], '°': ['‰'], '²': ['′'], '³': ['″'], '¹': ['‹'], 'º': ['›'], '¡': ['‡'], '¯': ['\u202f'] };
const MIDDLE_LOST_TAILS = ['¢', ...Object.keys(MIDDLE_LOST)];
const FOLDED_MIDDLE_LOST_TAILS = ['¢', '¦', '¬'];

/**
 * Signs that stand beside figures, by the last byte of their UTF-8: the currency signs (E2 82 yy:
 * `â?¹1,299` is ₹1,299, `500 â?½` 500 ₽) and ≤ ≥ (E2 89 A4/A5). There, E2 80 yy with that last
 * byte is a bracket (‹ ›) or a control no figure carries. ¦ is ₦ only glued before a figure: it
 * is … anywhere else.
 */
const FIGURE_SIGNS: Readonly<Record<string, string>> = { '¹': '₹', 'º': '₺', '½': '₽', '©': '₩', 'ª': '₪', '«': '₫', '±': '₱', '´': '₴', 'µ': '₵', '¸': '₸', '¼': '₼', '¾': '₾', '¿': '₿', '¨': '₨', '¦': '₦', '¤': '≤', '¥': '≥' };

/**
 * What a sign whose bytes each became U+FFFD (UTF-8 read as ASCII) was, glued before a figure:
 * two bytes `£` (C2 A3), or `¥ § ±`; three `€` (E2 82 AC), or another currency sign. Null when
 * no figure follows or a word or figure stands before it.
 */
export function lostSignBefore(text: string, start: number, end: number): string[] | null {
  if (!digitAt(text, end) || letterAt(text, start - 1) || digitAt(text, start - 1)) return null;
  return end - start === 2 ? ['£', '¥', '§', '±'] : end - start === 3 ? ['€', '₹', '₩', '₽', '₺', '₱'] : null;
}

/** The sign beside a figure the site from `start` to `end` (`â?¹`, `â¹`) stood for, if it is one. */
function figureSignAt(text: string, start: number, end: number): string | undefined {
  const sign = FIGURE_SIGNS[text[end - 1]];
  if (!sign) return undefined;
  // (One space between is usual: `₹ 5 crore`, `500 ₽`, `x ≥ 5`.)
  const figureAfter = digitAt(text, end) || (text[end] === ' ' && digitAt(text, end + 1));
  if (sign === '₦') return figureAfter && text[end] !== ' ' && !letterAt(text, start - 1) && !digitAt(text, start - 1) ? sign : undefined;
  const figureBefore = digitAt(text, start - 1) || (text[start - 1] === ' ' && digitAt(text, start - 2));
  return figureAfter || figureBefore ? sign : undefined;
}

/** The letters a `lost-letter` site may be, best first; built once per lead and shared by its findings (read-only). */
export function lostLetterChoices(lead: number): { best: string; alternatives: string[] } {
  let choices = lostLetterCache.get(lead);
  if (!choices) {
    const [best, ...rest] = LOST_LETTERS_BY_LEAD[lead];
    choices = { best, alternatives: Object.freeze(rest.slice(0, 7)) as string[] };
    lostLetterCache.set(lead, choices);
  }
  return choices;
}
const lostLetterCache = new Map<number, { best: string; alternatives: string[] }>();

/** What the middle-lost forms stood for: the surviving last byte decides. */
export function middleLostCandidates(text: string, site: LossySite): string[] {
  const sign = figureSignAt(text, site.start, site.end);
  const known = MIDDLE_LOST[text[site.end - 1]];
  if (sign) return known ? [sign, ...known] : [sign];
  if (known) return [...known];
  // ¢ (A2): E2 80 A2 is •, E2 84 A2 is ™. Glued to a word it is a trademark sign.
  return letterAt(text, site.start - 1) ? ['™', '•'] : ['•', '™'];
}

/**
 * What `Ã?` stood for, best first, and how sure that is. Between lowercase letters or ending a
 * word after one only ß (C3 9F) fits, between digits only ×. A capital is ranked by the text's language and, where a word's
 * start or end settles it, picked: French words start with É (`Ã?tats` is États) and have È
 * before a consonant and a final E (`PARAMÃ?TRE`), Czech ones start with Ú, German ones with Ü
 * before `b`, Ö before `f`, Ä before `n` (see GERMAN_CAPITAL_BEFORE); Spanish capitals end `-IÓN` and `-GÚN`. Alone as a
 * word it is French `À` or Italian `È`. Elsewhere the language's commonest is repaired where it
 * is most of them, else only reported. Null: nothing fits.
 */
export function latin1LetterCandidates(text: string, site: LossySite, lang: Language, twins: Map<string, string | undefined>): { best: string; alternatives: string[]; confidence: number; wordEnd?: boolean } | null {
  const lowerBefore = garbledClassBefore(text, site.start) === Cls.LatinLower;
  if (lowerBefore && garbledClassAt(text, site.end) === Cls.LatinLower) return { best: 'ß', alternatives: NONE, confidence: 0.8 };
  // Ending a word: ß too, unless that `?` is a question mark after a garbled `Ã` (see judgeSite).
  if (lowerBefore && !letterAt(text, site.end)) return { best: 'ß', alternatives: NONE, confidence: 0.75, wordEnd: true };
  // After a figure, the one symbol among C3 80–9F: × (C3 97), as in `2Ã?3` and `10Ã? faster`.
  if (classAt(text, site.start - 1) === Cls.Digit && (classAt(text, site.end) === Cls.Digit || text[site.end] === ' ')) return { best: '×', alternatives: NONE, confidence: 0.8 };
  // The same word near, with the letter whole in lowercase (`MÃ?NCHEN` and `MÃ¼nchen`).
  const twin = twinLetter(text, site.start, site.end, twins);
  if (twin) return { best: twin, alternatives: CAPITALS.filter((c) => c !== twin), confidence: 0.8 };
  if (!letterAt(text, site.start - 1) && !letterAt(text, site.end)) {
    const word = LOST_LATIN1_WORDS[lang];
    return word ? { best: word, alternatives: CAPITALS.filter((c) => c !== word), confidence: 0.7 } : null;
  }
  const known = LOST_LATIN1_CAPITALS[lang];
  if (!known) return { best: CAPITALS[0], alternatives: OTHER_CAPITALS, confidence: 0.45 };
  const settled = capitalByWord(text, site, lang);
  const ranked = [...new Set([...(settled ?? ''), ...known.letters, ...CAPITALS])];
  const confidence = settled || known.letters.length === 1 ? 0.6 : known.clear ? 0.5 : 0.45;
  return { best: ranked[0], alternatives: ranked.slice(1), confidence };
}

/** How far from a lost capital its word's twin is looked for (see twinLetter): a long release. */
const TWIN_REACH = 20_000;

/**
 * The capital a lost letter of C3 (`Ã?`, `Ã•`, `Ã�` at [start, end)) was, where the same word
 * stands near it with that letter whole in the other case: a dateline's `MÃ?NCHEN` and the body's
 * `MÃ¼nchen` (ü, so Ü), `ESPAÃ?A` and `EspaÃ±a`, `SÃ?O` and `sÃ£o`. The word may hold ASCII
 * letters and other garbled or lost letters (matched by their lead, or by any letter); undefined
 * when no twin, or twins that disagree.
 */
export function twinLetter(text: string, start: number, end: number, memo: Map<string, string | undefined>): string | undefined {
  // (A word has an ASCII letter right beside the site: not a line of `Ã?`.)
  if (text.charCodeAt(start) !== A_TILDE || !(isAsciiLetter(text.charCodeAt(start - 1)) || isAsciiLetter(text.charCodeAt(end)))) return undefined;
  // The word around the site, as a pattern: its ASCII letters in either case, any letter's lead
  // with whatever follows it, and the site as a lowercase letter of C3 (A0–BF).
  let from = start;
  while (from > start - 30 && (isAsciiLetter(text.charCodeAt(from - 1)) || (from >= 2 && isTwoByteLead(text.charCodeAt(from - 2)) && !isAsciiLetter(text.charCodeAt(from - 1))))) from -= isAsciiLetter(text.charCodeAt(from - 1)) ? 1 : 2;
  let to = end;
  while (to < end + 30 && (isAsciiLetter(text.charCodeAt(to)) || (isTwoByteLead(text.charCodeAt(to)) && to + 1 < text.length))) to += isAsciiLetter(text.charCodeAt(to)) ? 1 : 2;
  if (to - from < 4) return undefined;
  let pattern = '';
  let ascii = 0;
  for (let i = from; i < to; ) {
    if (i === start) {
      pattern += 'Ã([\u00a0-\u00bf])';
      i = end;
    } else if (isAsciiLetter(text.charCodeAt(i))) {
      pattern += text[i++];
      ascii++;
    } else {
      // (Or any one letter: a capital word's `Ä°` is İ, whose lowercase twin is a plain i.)
      pattern += `(?:${text[i]}.|\\p{L})`;
      i += 2;
    }
  }
  if (ascii < 2) return undefined; // (a word, not a line of `Ã?`)
  // Searched once per word and stretch of text (`memo`, one per scan): a stretch is TWIN_REACH
  // long, and the search covers it and one either side, the same whatever part is scanned.
  const stretch = Math.floor(start / TWIN_REACH);
  const key = `${stretch}:${pattern}`;
  if (memo.has(key)) return memo.get(key);
  const lo = Math.max(0, (stretch - 1) * TWIN_REACH);
  const window = text.slice(lo, Math.min(text.length, (stretch + 2) * TWIN_REACH));
  // Only the word in the other case: its letter whole (the word itself has it lost, so never matches).
  let found: string | undefined;
  for (const m of window.matchAll(new RegExp(`(?<![\\p{L}])${pattern}(?![\\p{L}])`, 'giu'))) {
    const letter = decodeSequence([A_TILDE, m[1].charCodeAt(0)]);
    if (charClass(letter.charCodeAt(0)) !== Cls.LatinLower) continue;
    if (found !== undefined && found !== letter.toUpperCase()) {
      found = undefined;
      break;
    }
    found = letter.toUpperCase();
  }
  memo.set(key, found);
  return found;
}

/** The capital a word's own letters settle (see latin1LetterCandidates), if any. */
function capitalByWord(text: string, site: LossySite, lang: Language): string | undefined {
  // (After a mark that lost its other bytes, `âÃsta`, too: “Ésta.)
  const wordStart = !letterAt(text, site.start - 1) || !isLetter(garbledClassBefore(text, site.start));
  const next = text.slice(site.end, site.end + 3).toLowerCase();
  if (lang === 'fr' && wordStart && classAt(text, site.end) === Cls.LatinLower) return 'É';
  if (lang === 'de' && wordStart && GERMAN_CAPITAL_BEFORE[next[0]]) return GERMAN_CAPITAL_BEFORE[next[0]];
  if (lang === 'cs' && wordStart && classAt(text, site.end) === Cls.LatinLower) return 'Ú'; // `Úplný`, `Úložiště`
  if (lang === 'fr' && /^[A-Z]{1,2}ES?(?![\p{L}])/u.test(text.slice(site.end, site.end + 4))) return 'È'; // PARAMÈTRE, SYSTÈMES
  if (lang === 'pt') {
    // SÃO, NÃO, INFORMAÇÃO: Ã before a final O, Ç before it (`Ã?Ã?O`), Õ before a final ES (AÇÕES).
    if (/^O(?![\p{L}])/u.test(text.slice(site.end, site.end + 2))) return 'Ã';
    if (/^ES(?![\p{L}])/u.test(text.slice(site.end, site.end + 3))) return 'Õ';
    if (/^Ã\?(?:O|ES)(?![\p{L}])/u.test(text.slice(site.end, site.end + 5))) return 'Ç';
  }
  // Elsewhere, the letter after it, where the language's words settle it (`Ã?sta` is Ésta, `Ã?elik` Çelik).
  if (wordStart) {
    const letterAfter = garbledLetterAt(text, site.end);
    const capital = letterAfter === undefined ? undefined : capitalBefore(lang, letterAfter);
    if (capital) return capital;
  }
  if (lang === 'es' && text[site.end] === 'N' && !letterAt(text, site.end + 1)) {
    const before = text.slice(Math.max(0, site.start - 2), site.start);
    if (/[CSXGN]I$/.test(before)) return 'Ó'; // INFORMACIÓN, VERSIÓN, UNIÓN (not TAMBIÉN)
    if (before.endsWith('G')) return 'Ú'; // SEGÚN, ALGÚN
  }
  return undefined;
}

/**
 * The letters a `lost-second-byte` site can have been, best first, in the case its word asks for
 * (a capital in an all-capital word, or starting a sentence before lowercase letters); `known`:
 * the language is known and has the lead among its letters. Null when no letter fits.
 */
export function lostSecondByteCandidates(text: string, site: LossySite, lang: Language, undefinedApart = false, droppedUndefined = false): { best: string; alternatives: string[]; known: boolean } | null {
  const table = LOST_SECOND_BYTE[text[site.start]];
  const letters = table[lang] ?? table.unknown;
  if (!letters) return null; // `È?` is read only in Romanian
  const known = lang in table && lang !== 'unknown';
  // (A lost letter beside it, `częÅ?Ä?`, is taken for a lowercase one: its case is lost with it.)
  const before = lostLetterBefore(text, site.start) ? Cls.LatinLower : classAt(text, site.start - 1);
  const after = lostLetterLength(text, site.end) ? Cls.LatinLower : garbledClassAt(text, site.end);
  // After `.`, `!`, `:` or a lone `?` (not the `??` of a garbled quote mark), or at a line's start.
  // (Not after the `?` of a lost letter, `această` being `aceastÄ?`.)
  const sentenceStart = site.start === 0 || /(?:^|[^?â\u00c2-\u00df][.!?:]\s+|[.!:]\s+|\n\s*)$/.test(text.slice(Math.max(0, site.start - 4), site.start));
  // (After a capital, before a lowercase letter: the word is no capital word, `Aşağıda`.)
  const capital = (before === Cls.LatinUpper && after !== Cls.LatinLower) || (!isLetter(before) && after === Cls.LatinLower && (sentenceStart || inNameRun(text, site.start, site.end))) || (!isLetter(before) && after === Cls.LatinUpper);
  const first = likeliestHere(text, site, lang, letters);
  const fitting = first && letters.includes(first) ? first + letters.replace(first, '') : letters;
  // Where the bytes Windows-1252 leaves undefined came out apart (`Ä•` or `Ä�` is č, C4 8D), `Ä?`
  // is none of them (but may be Č, C4 8C).
  // (`droppedUndefined`: the text shows Windows-1252's own characters, so the byte a lone lead
  // lost was one it leaves undefined.)
  const shown = (c: string) => {
    const defined = definesByte(WINDOWS_1252, 0x80 | (c.charCodeAt(0) & 0x3f));
    return (!undefinedApart || defined) && (!droppedUndefined || !defined);
  };
  // Starting a word where the likeliest lowercase letter would have come out apart (`Ä•asto` is
  // často), `Ä?` is its capital (`Ä?eskÃ¡` is Česká), not a letter that starts no word (ě).
  const startsWord = !isLetter(garbledClassBefore(text, site.start)) && !lostLetterBefore(text, site.start);
  const asCapital = capital || (!shown(fitting[0]) && startsWord && after === Cls.LatinLower && shown(fitting[0].toUpperCase()));
  const all = [...(asCapital ? fitting.toUpperCase() : fitting)].filter(shown);
  if (all.length === 0) return null;
  return { best: all[0], alternatives: all.slice(1), known };
}

/**
 * A word starting at `start` (its first letter lost at [start, end)) that is part of a name: after
 * a capitalised word that does not start a sentence or line (`Ioana Ä?tefÄ?nescu`, `Zeynep
 * Å?ahin`), or before a capitalised word that ends at a comma or full stop (`Å?ukasz WiÅ?niewski,`).
 * Not a word of one or two letters (Romanian `Stallman È?i David`: și).
 */
function inNameRun(text: string, start: number, end: number): boolean {
  let e = end;
  while (e < text.length && (isLetter(garbledClassAt(text, e)) || text[e] === '?')) e++;
  if (e - end < 2 || text[start - 1] !== ' ') return false;
  // A first name before its surname and the comma or full stop after it (`Å?ukasz WiÅ?niewski,`).
  if (text[e] === ' ' && capitalAt(text, e + 1) && /^[\p{Ll}\u00a0-\u00ff?]{2,}[,.]/u.test(text.slice(e + 2, e + 40))) return true;
  const m = /(^|[\s(])(\p{Lu}[\p{Ll}\u00a0-\u00ff?]+) $/u.exec(text.slice(Math.max(0, start - 40), start));
  if (!m) return false;
  // (Capitalised by its place: at a line's start, or after a sentence's end. A lead whose letter
  // was lost too, `Å?u` of `şu` or `Åíkáme` of `říkáme` stripped, is no capital.)
  const wordStart = start - 1 - m[2].length;
  if (!capitalAt(text, wordStart)) return false;
  const lead = text.slice(Math.max(0, wordStart - 3), wordStart);
  return !(wordStart === 0 || /(?:^|\n)[ \t]*$/.test(text.slice(Math.max(0, wordStart - 10), wordStart)) || /[.!?]["”’»]?\s+$/.test(lead));
}

/** A capital at `i`, read through a garbled pair; a lead whose second byte was lost (`Å?`, `Å` stripped) is none known. */
function capitalAt(text: string, i: number): boolean {
  if (isTwoByteLead(text.charCodeAt(i)) && !isContinuation(text.charCodeAt(i + 1))) return false;
  return garbledClassAt(text, i) === Cls.LatinUpper;
}

/** The codepage whose undefined bytes (81 8D 8F 90 9D) the seed's pipeline shows apart. */
const WINDOWS_1252 = codecByName('windows-1252')!;

const VOWEL = /[aeiouyáéíóúýůąę]/i;

/** The lowercase letter at `i`, read through a garbled pair (`Ã§` is ç), or undefined. */
function garbledLetterAt(text: string, i: number): string | undefined {
  const letter = garbledPairAt(text, i) ?? text[i];
  return letter !== undefined && charClass(letter.charCodeAt(0)) === Cls.LatinLower ? letter : undefined;
}

/**
 * The class of the letter that ends at `end`, read through a garbled pair (`mÃ¤` ends in ä, lowercase, not in ¤). A lone `â`
 * before a letter's lead is a mark that lost its bytes (`âÃsta` is “Ésta), no letter.
 */
function garbledClassBefore(text: string, end: number): Cls {
  if (text.charCodeAt(end - 1) === A_CIRC && isTwoByteLead(text.charCodeAt(end))) return Cls.Punct;
  const pair = garbledPairAt(text, end - 2);
  return pair === null ? classAt(text, end - 1) : charClass(pair.charCodeAt(0));
}

/**
 * Where the letters around settle it: Czech ě only follows a consonant (`Společnost` has č after
 * e); Polish ł comes before a vowel (`ogłosiła`), ś before c, m, n, l, w (`jesteśmy`, `dziś`
 * apart), ę ends `się`, ą follows j (`mają`) or s alone (`są`), ć ends a verb after a vowel (`być`).
 */
function likeliestHere(text: string, site: LossySite, lang: Language, letters: string): string | undefined {
  const before = text.slice(Math.max(0, site.start - 2), site.start).toLowerCase();
  const next = text[site.end] ?? '';
  const wordEnd = !isLetter(classAt(text, site.end));
  // (Nor does ě start a word: `Ä?len` is člen.)
  if (letters.includes('ě') && (VOWEL.test(before.slice(-1)) || !isLetter(classAt(text, site.start - 1)))) return letters.replace('ě', '')[0];
  // Romanian ș and ț (C8 99, C8 9B), as the corpus counts the letters around (94% right there): ș
  // before t (`ște`) and starting a word (`și`); ț before ă (itself `Ä?` here) and ending a word in
  // i (`sînteți`, `toți`; not `își`, `căruși`, `deși`, `ieși`); else ț after a, n, p, c, r, u, ă, b, o
  // (`ață`, `ință`, `opțiune`, `acțiune`) and after i before i (`poziție`), and ș after i, e (`ieșire`).
  if (lang === 'ro' && text[site.start] === 'È') {
    const prev = before.endsWith('ä?') ? 'ă' : before.slice(-1);
    const lowerNext = next.toLowerCase();
    if (lowerNext === 't' || !letterAt(text, site.start - 1) || /^(?:^|[^\p{L}])a$/u.test(before) && lowerNext === 'a' && !letterAt(text, site.end + 1)) return 'ș'; // (`așa`)
    if (lowerNext === 'ă' || text.startsWith('Ä?', site.end)) return 'ț';
    if (lowerNext === 'i' && !letterAt(text, site.end + 1)) return prev === 'î' || prev === 'u' || /^(?:de|ie)$/.test(wordBefore(text, site.start)) ? 'ș' : 'ț';
    // (`-iție`, `-iții`, `-ițional`: ț; the corpus's many `fișier` are the one common word with ș.)
    if (prev === 'i' && lowerNext === 'i') return wordBefore(text, site.start).endsWith('fi') ? 'ș' : 'ț';
    if (/[anpcruăbo]/.test(prev)) return 'ț';
    return undefined;
  }
  if (lang !== 'pl') return undefined;
  // Polish, as the corpus counts the letters around each: ł before a vowel or n (ś in `ośn`, `aśn`, `iśn`), ś before c, l, ć,
  // w, r, m (`jeśli`, `ściana`), but ń in `ańc`, `eńs`; ń ending a word after e (`dzień`), ś after
  // o (`coś`); ą before c, z, g, ć, ż (`robiąc`) but ę in `więcej`, `ręczny`; ę before d, p, t, ś, k, b, s
  // (`będzie`, `często`) but ą in `ząd`, `ląd`; at a word's end ć after a, y, ś (`być`, `jeść`), ę
  // after t, b, k and in `się`, ą in `-cią`, ć after another i (`mówić`), else ą (`mają`, `są`).
  const prev = before.slice(-1);
  // Two lost letters in a row, as the corpus counts them: `ść` ends a word (`całość`), `łą` starts
  // one part (`połączenie`), `ęś` (`część`), `ąć` (`zacząć`).
  const lostNextLength = lostLetterLength(text, site.end);
  const lostNext = lostNextLength ? text[site.end] : '';
  const lostPrev = lostLetterBefore(text, site.start);
  const lostNextEndsWord = lostNext && !letterAt(text, site.end + lostNextLength);
  if (text[site.start] === 'Å' && lostNext === 'Ä') return lostNextEndsWord ? 'ś' : 'ł';
  if (text[site.start] === 'Å' && lostPrev === 'Ä') return 'ś';
  if (text[site.start] === 'Ä' && lostPrev && wordEnd) return 'ć';
  if (text[site.start] === 'Ä' && lostNext) return lostNext === 'Å' ? 'ę' : lostNextEndsWord ? 'ą' : undefined;
  if (text[site.start] === 'Å') {
    if (next === 'n' && /[oai]/.test(prev)) return 'ś'; // (`rośnie`, `właśnie`, `Wiśniewski`)
    if (VOWEL.test(next) || next === 'n') return 'ł';
    if ((next === 'c' && prev === 'a') || (next === 's' && prev === 'e')) return 'ń'; // (`łańcuch`, `bezpieczeństwo`)
    if (/[cćlwrm]/i.test(next)) return 'ś';
    // (ś ends the pronouns and adverbs: `coś`, `ktoś`, `dziś`, `jakiś`.)
    if (wordEnd) return prev === 'e' ? 'ń' : prev === 'o' || before === 'zi' || before === 'ki' ? 'ś' : 'ł';
    return undefined;
  }
  if (text[site.start] === 'Ä') {
    // (After i by the letter before it: `się`, `-cią` (`całością`), else an infinitive, `mówić`.)
    if (wordEnd && prev === 'i') return /[sr]i$/.test(before) ? 'ę' : before === 'ci' ? 'ą' : 'ć';
    if (wordEnd) return /[ayś]/.test(prev) ? 'ć' : /[tbk]/.test(prev) ? 'ę' : 'ą';
    // (ę inside a word, `więcej`, `ręczny`, and in `więc`; a participle ends in ąc, `robiąc`.)
    if (next === 'c' && /[ir]/.test(prev)) return letterAt(text, site.end + 1) || wordBefore(text, site.start) === 'wi' ? 'ę' : 'ą';
    if (/[czgćż]/i.test(next)) return 'ą';
    if (/[dt]/i.test(next) && /[zl]/.test(prev)) return 'ą'; // (`urządzenie`, `wyglądać`)
    if (/[dptśkbs]/i.test(next)) return 'ę';
  }
  return undefined;
}

const CAPITALS = [...'ÉÜÖÄÑÇÀÈÓÍÁÚÊÔÅØÒÌÎÏËÛÙÃÕÆÝÞÐ'];
// Shared between findings (read-only), like the ranked alternatives.
const OTHER_CAPITALS = Object.freeze(CAPITALS.slice(1)) as string[];
const NONE = Object.freeze([] as string[]) as string[];

/**
 * Languages that write â (French `âge`, Portuguese `câmara`, Romanian `când`, Turkish `hâlâ`, and
 * an unknown one may be Vietnamese `âm`): there a bare mark at a word's edge may be a letter, so
 * it is no quote. Elsewhere (`âWir sind stolzâ` is German „…“) it may be.
 */
export const WRITES_A_CIRCUMFLEX: ReadonlySet<Language> = new Set(['fr', 'pt', 'ro', 'tr', 'unknown']);

/**
 * Whether judgeBareMark (detect.ts) may read the lone `â` at [start, end) in a language that
 * writes â as anything: as an apostrophe or a dash only. Asked first, as it is cheap.
 */
export function bareMarkMayBeRead(text: string, start: number, end: number, lang: Language, marksShown: () => boolean): boolean {
  if (!WRITES_A_CIRCUMFLEX.has(lang) || bareMarkDash(text, start, end) !== null) return true;
  // (A quote's shape, only where the text's bare marks are marks: not in Vietnamese, full of â.)
  return bareMarkApostrophe(text, start, end, lang) || bareMarkElision(text, start, end, lang) || (bareMarkQuote(text, start, end, lang) && marksShown());
}

/**
 * Where no word of those languages has its â: starting a word before a capital (`âEstamos`),
 * after a sentence's punctuation, or ending a word before punctuation or a space (`Brasilâ,`), but
 * in Turkish (`hâlâ`).
 */
export function bareMarkQuote(text: string, start: number, end: number, lang: Language): boolean {
  // (After a sentence's last punctuation too: `estratégia.â` closes a quotation.)
  if (!letterAt(text, start - 1)) return classAt(text, end) === Cls.LatinUpper || ('.,;:!?'.includes(text[start - 1] ?? ' ') && !letterAt(text, end) && !digitAt(text, end));
  return lang !== 'tr' && !letterAt(text, end) && !digitAt(text, end);
}

/**
 * Bare marks: sites that say "a mark of E2 80 xx" and nothing more, a lone `â` (LossyForm
 * 'lead-alone') or `���` where each unreadable byte became one U+FFFD. Read by position where
 * no language writes such a thing: a dash between figures (`2019â2020`), or between spaces or
 * line breaks among ASCII (`word â word`, `CHINA â` ending a line, alone on a line): 'sure';
 * 'figure' where a figure stands beyond the space (`Germany â 12 February`), which a table of
 * codes also has (`E2 â LATIN SMALL LETTER A`): believed where the text has other such marks.
 */
export function bareMarkDash(text: string, start: number, end: number): 'sure' | 'figure' | null {
  if (classAt(text, start - 1) === Cls.Digit && classAt(text, end) === Cls.Digit) return 'sure';
  // (Not tab-separated: a table's cell.)
  const gap = (i: number) => i < 0 || i >= text.length || text[i] === ' ' || text[i] === '\n' || text[i] === '\r';
  if (!gap(start - 1) || !gap(end)) return null;
  // (ASCII, the edge, or another such mark: `CHINA â` then `â 14 November` on the next line.)
  const plain = (c: number) => !(c >= 0x80) || c === A_CIRC || c === 0xfffd;
  const before = text.charCodeAt(start - 2);
  const after = text.charCodeAt(end + 1);
  if (!plain(before) || !plain(after)) return null;
  return isAsciiDigit(before) || isAsciiDigit(after) ? 'figure' : 'sure';
}

/**
 * An apostrophe at a bare mark: an English contraction (no word of any language ends so), a
 * plural's possessive or a decade. Not an elision: Vietnamese `Tây`, `câu` have that shape.
 */
export function bareMarkApostrophe(text: string, start: number, end: number, lang: Language): boolean {
  return letterAt(text, start - 1) ? contractionAt(text, start, end) || (lang === 'en' && apostropheFits(text, start, end, lang)) : apostropheFits(text, start, end, lang);
}

/** An elision of the text's language at a bare mark (`Lâentreprise`): read as one only beside other bare marks. */
export function bareMarkElision(text: string, start: number, end: number, lang: Language): boolean {
  return letterAt(text, start - 1) && apostropheFits(text, start, end, lang);
}

/**
 * The text's bare marks of one form: how many stand where a mark goes, how many between letters
 * where no apostrophe or dash does (Vietnamese `Tây`, Friulian `Stât`; `���` a letter of three
 * bytes). Those are letters, and where they are more than one in four (one `château` among
 * English quotes is let be) so may the others be.
 */
export function bareMarks(text: string, sites: SiteList, keep: Uint8Array, lang: Language, form: LossyForm): { marks: number; letters: number } {
  const site: LossySite = { start: 0, end: 0, form: 'two-marks', folded: false, strong: false };
  let marks = 0;
  let letters = 0;
  for (let k = 0; k < sites.length; k++) {
    if (!keep[k] || sites.read(k, site).form !== form) continue;
    const inside = letterAt(text, site.start - 1) && letterAt(text, site.end);
    // (A Turkish name's case ending, `İstanbulâdaki`, counts neither way: see judgeSite.)
    if (inside && lang === 'tr' && turkishSuffixAt(text, site.start, site.end)) continue;
    // (An elision's shape counts as a mark here.)
    if (inside && !bareMarkApostrophe(text, site.start, site.end, lang) && !bareMarkElision(text, site.start, site.end, lang) && !dashBeforeWord(text, site.start, site.end)) letters++;
    else marks++;
  }
  return { marks, letters };
}

/** Each form's place in LOSSY_FORMS (a lookup, not an `indexOf` along the list per site). */
const FORM_INDEX = new Map(LOSSY_FORMS.map((form, k) => [form, k]));

/**
 * Sites in scan order, packed three numbers each (start, end, form and flags). A line of nothing
 * but `â??` holds hundreds of thousands; kept alive as objects until they are judged, they cost
 * more than the judging (the garbage collector copies every survivor).
 */
export class SiteList {
  private data = new Int32Array(96);
  length = 0;

  push(site: LossySite): void {
    if (3 * this.length + 3 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const k = 3 * this.length++;
    this.data[k] = site.start;
    this.data[k + 1] = site.end;
    this.data[k + 2] = (FORM_INDEX.get(site.form)! << 2) | (site.folded ? 2 : 0) | (site.strong ? 1 : 0);
  }

  start(k: number): number {
    return this.data[3 * k];
  }

  end(k: number): number {
    return this.data[3 * k + 1];
  }

  /** Site `k` written into `into`: one object reused for every site, nothing allocated. */
  read(k: number, into: LossySite): LossySite {
    const flags = this.data[3 * k + 2];
    into.start = this.data[3 * k];
    into.end = this.data[3 * k + 1];
    into.form = LOSSY_FORMS[flags >> 2];
    into.folded = (flags & 2) !== 0;
    into.strong = (flags & 1) !== 0;
    return into;
  }

  strong(k: number): boolean {
    return (this.data[3 * k + 2] & 1) !== 0;
  }

  /** Adds the sites of `other`, both in order by start, keeping the order. */
  mergeIn(other: SiteList): void {
    if (other.length === 0) return;
    const a = this.data;
    const b = other.data;
    const merged = new Int32Array(3 * (this.length + other.length));
    let i = 0;
    let j = 0;
    for (let k = 0; k < merged.length; k += 3) {
      const fromA = j >= 3 * other.length || (i < 3 * this.length && a[i] <= b[j]);
      const src = fromA ? a : b;
      const at = fromA ? i : j;
      merged[k] = src[at];
      merged[k + 1] = src[at + 1];
      merged[k + 2] = src[at + 2];
      if (fromA) i += 3;
      else j += 3;
    }
    this.data = merged;
    this.length += other.length;
  }

  /** Whether the starts increase (the scan finds sites in order, so they always should). */
  inOrder(): boolean {
    for (let k = 1; k < this.length; k++) if (this.start(k) < this.start(k - 1)) return false;
    return true;
  }

  /** Sorts by start (stable): only a safeguard, since `inOrder` should always hold. */
  sortByStart(): void {
    const all = Array.from({ length: this.length }, (_, k) => this.read(k, { start: 0, end: 0, form: 'two-marks', folded: false, strong: false }));
    all.sort((a, b) => a.start - b.start);
    this.length = 0;
    for (const site of all) this.push(site);
  }
}

/**
 * The letters a two-byte sequence can have been when `codec` left its second byte undefined, so
 * that a decoder made it U+FFFD (`Ã�` in Windows-1252 is Á, Í, Ï, Ð or Ý: C3 81, 8D, 8F, 90, 9D),
 * in the case the word asks for, the language's likeliest first (see LOST_SECOND_BYTE and
 * LOST_LATIN1_CAPITALS). `known`: the language ranked the first. Built per codec and lead.
 */
export function undefinedSecondByteLetters(codec: CodecInfo, lead: number, lower: boolean, lang: Language): { letters: string[]; known: boolean } {
  const key = `${codec.name}:${lead}`;
  let all = undefinedSeconds.get(key);
  if (!all) {
    all = [];
    // (Only letters in use: C6 83 is ƃ, which no text lost.)
    for (let b = 0x80; b <= 0xbf; b++) if (!definesByte(codec, b) && rarity(((lead & 0x1f) << 6) | (b & 0x3f)) < 2) all.push(decodeSequence([lead, b]));
    undefinedSeconds.set(key, all);
  }
  const fitting = all.filter((c) => (c.toLowerCase() === c) === lower);
  // Compared in lowercase: one table lists lowercase letters, the other capitals.
  const own = ((LOST_SECOND_BYTE[String.fromCharCode(lead)]?.[lang] ?? '') + (LOST_LATIN1_CAPITALS[lang]?.letters ?? '')).toLowerCase();
  const order = own + COMMON_ORDER.toLowerCase();
  const rank = (c: string) => {
    const k = order.indexOf(c.toLowerCase());
    return k < 0 ? Infinity : k;
  };
  const letters = [...fitting].sort((a, b) => rank(a) - rank(b));
  // (LOST_SECOND_BYTE's `unknown` row orders by use everywhere; it knows no language.)
  return { letters, known: lang !== 'unknown' && letters.length > 0 && own.includes(letters[0].toLowerCase()) };
}
const undefinedSeconds = new Map<string, string[]>();
/** Latin-1 capitals by how widely they are used (Á of Spanish, Portuguese, Hungarian, Czech first). */
const COMMON_ORDER = 'ÁÉÍÓÚÑÜÖÄÇÀÈÂÊÔÝÐÏÅØÆÌÒÙÎÛËÃÕÞ';
