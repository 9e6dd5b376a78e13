/**
 * Where an apostrophe fits a lost mark: English contractions (`Huawei’s`, `don’t`), French,
 * Italian and Catalan elisions (`l’heure`, `dell’anno`), by the text's language. Site scanning,
 * judging and ranking all ask here.
 */
import { Cls, classAt, garbledClassAt, garbledPairAt, isAsciiDigit, letterAt, wordCharAt } from './chars';
import type { Language } from './language';


// Then a word's end: a space or sentence punctuation (`http?s:/` is a pattern, not http’s).
const CONTRACTION = /^(?:s|t|m|d|ll|re|ve)(?=[\s.,;!?)\]"'”’…]|$)/u;
const CONTRACTION_START = 'stmdlrv';
/** The words English contracts with ’ll ’re ’d ’ve (`we’ll`, `they’re`, `I’d`, `could’ve`). */
const CONTRACTING = new Set('i you we they he she it who what there that where how why here this could would should might must'.split(' '));

/** The words English shortens before n’t (`don’t`, `isn’t`; not Friulian `Sultanât`). */
const NEGATED = new Set('don doesn didn can couldn won wouldn shan shouldn isn aren wasn weren hasn haven hadn mustn needn mightn ain daren oughtn'.split(' '));

/**
 * An English contraction: `Huawei’s` after any word; `’t` only after the words of n’t (`don’t`;
 * `produ�t` is Catalan produït); `’m` only after I; the others after the words that take them (`mani?re` is
 * French manière).
 */
export function contractionAt(text: string, start: number, end: number): boolean {
  // (The letter after first: most marks stand before a space, and this is asked at each one.)
  if (!CONTRACTION_START.includes(text[end] ?? ' ')) return false;
  const ending = CONTRACTION.exec(text.slice(end, end + 3))?.[0];
  if (ending === undefined) return false;
  const word = wordBefore(text, start);
  if (word.length === 1) return text[start - 1] === 'I' && ending !== 's' && ending !== 't';
  if (ending === 's') return word.length > 1;
  if (ending === 't') return NEGATED.has(word);
  return ending !== 'm' && CONTRACTING.has(word);
}

/** Words French, Italian and Catalan shorten before a vowel or h, with an apostrophe: `l’heure`, `qu’il`, `dell’anno`. */
const ELIDED: Partial<Record<Language, ReadonlySet<string>>> = {
  fr: new Set('c d j l m n s t qu jusqu lorsqu puisqu quoiqu presqu aujourd'.split(' ')),
  it: new Set('l d c s m t v n dell all dall nell sull coll un quest quell nessun buon bell sant tutt anch dov com'.split(' ')),
  ca: new Set('l d s n m t'.split(' ')),
};
export const ANY_ELIDED = new Set([...ELIDED.fr!, ...ELIDED.it!, ...ELIDED.ca!]);
const LONGER_ELIDED = new Set([...ANY_ELIDED].filter((w) => w.length > 1));
// (`Ã` too: the lead of a vowel garbled, `lâÃ©tude` is l’étude.)
const ELISION_NEXT = /^[aeiouyhàâäéèêëîïôöùûüÃ]/i;

const LONGEST_WORD = 40;

/**
 * The word that ends at `end` (letters only), lowercased; of a longer one, its last 40 letters,
 * all any caller compares (short words, endings): a line of letters (`xâÃxâÃ…`) has a site at
 * every third one, and walking back over all of them from each took minutes for 256 KB.
 */
export function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && end - i < LONGEST_WORD && letterAt(text, i - 1)) i--;
  return text.slice(i, end).toLowerCase();
}

/** `l?heure`, `dell?anno`: a word French, Italian or Catalan elides, then a vowel or h. */
export function elisionAt(text: string, start: number, end: number, words: ReadonlySet<string>): boolean {
  return ELISION_NEXT.test(text[end] ?? '') && words.has(wordBefore(text, start));
}

/** Shaped like an elision (`l�heure`), whatever the text's language: no sign of a lost letter. */
export function elisionShaped(text: string, start: number, end: number): boolean {
  return letterAt(text, start - 1) && elisionAt(text, start, end, ANY_ELIDED);
}

/**
 * Whether an apostrophe fits where [start, end) lost a character, in the text's language: a
 * French, Italian or Catalan elision (`l�heure`, `dell�anno`) where words elide, else an English
 * contraction (`Huawei�s`, `don�t`, `I�ll`; the word must be one: `C�t�` lost letters). Whether
 * the text's marks lost letters instead (Spanish `m�s`) is judged apart (see detect.ts).
 */
export function apostropheFits(text: string, start: number, end: number, lang: Language): boolean {
  // (After no letter only a decade: `the �90s`, English's.)
  if (!letterAt(text, start - 1)) return (lang === 'en' || lang === 'unknown') && classAt(text, start - 1) !== Cls.Digit && decadeAt(text, end);
  const elided = ELIDED[lang];
  if (elided) return elisionAt(text, start, end, elided);
  // (Language unknown: the longer elided words too; `d�a` and `n�o` are Spanish día, Portuguese não.)
  if (lang === 'unknown' && elisionAt(text, start, end, LONGER_ELIDED)) return true;
  return contractionAt(text, start, end) || (lang === 'en' && pluralPossessiveAt(text, start, end));
}

/**
 * Turkish sets an apostrophe only between a name, a figure or an abbreviation and its case ending
 * (`İstanbul’daki`, `1987’de`, `yüzde 42’si`): a capitalised word or a figure before, one to five
 * lowercase letters ending the word after. (Asked only where the text shows garbled letters:
 * Turkish and Crimean Tatar write â inside words, `İslâm`, `Kâte`.)
 */
export function turkishSuffixAt(text: string, start: number, end: number): boolean {
  // (Through letters garbled themselves: `TÃ¼rkiyeâdeki`, `Ä°stanbulâdaki`.)
  let s = start;
  for (;;) {
    if (s > 1 && garbledPairAt(text, s - 2) !== null) s -= 2;
    // (Not into an opening quote that lost its bytes, `âTÃ¼rkiye`: no word has â before a capital.)
    else if (s > 0 && (letterAt(text, s - 1) || isAsciiDigit(text.charCodeAt(s - 1))) && !(text[s - 1] === 'â' && classAt(text, s) === Cls.LatinUpper)) s--;
    else break;
  }
  const first = garbledClassAt(text, s);
  if (s === start || !(isAsciiDigit(text.charCodeAt(s)) || first === Cls.LatinUpper)) return false;
  let e = end;
  while (e < text.length && classAt(text, e) === Cls.LatinLower) e++;
  return e > end && e - end <= 5 && !wordCharAt(text, e);
}

/** A decade shortened after the mark (`’90s`): two figures and an s ending the word. */
export function decadeAt(text: string, end: number): boolean {
  return isAsciiDigit(text.charCodeAt(end)) && isAsciiDigit(text.charCodeAt(end + 1)) && text[end + 2] === 's' && !wordCharAt(text, end + 3) && text[end + 3] !== '_';
}

/**
 * An English plural's possessive before a word: `students’ choice`, `Jones’ book` (a word of four
 * letters or more ending in a lowercase s, then a space and a lowercase letter). English only, as
 * the text's words tell it (a French participle lost its last letter in `pass� une`), and not a
 * shorter word: the words of a language taken for English may end so (Danish `ogs� at`, også).
 */
function pluralPossessiveAt(text: string, start: number, end: number): boolean {
  return text[start - 1] === 's' && text[end] === ' ' && classAt(text, end + 1) === Cls.LatinLower && letterAt(text, start - 2) && letterAt(text, start - 3) && letterAt(text, start - 4);
}

/**
 * An English mark between two words where no apostrophe goes: `CEO—who`, `2019—said`, `Q1–Q3`.
 * Not a contraction, not after or before a lone letter (`O’Brien`, `d’Ivoire`, `Hawai’i`), not a
 * glottal stop between two of one vowel (`Pa’anga`, `Shi’ite`).
 */
export function joinsWords(text: string, start: number, end: number): boolean {
  if (!wordCharAt(text, start - 1) || !wordCharAt(text, end) || contractionAt(text, start, end)) return false;
  if (text[start - 1] === text[end] && 'aeiou'.includes(text[end])) return false;
  const loneBefore = letterAt(text, start - 1) && !wordCharAt(text, start - 2);
  const loneAfter = letterAt(text, end) && !wordCharAt(text, end + 1);
  return !loneBefore && !loneAfter;
}

/** Words that start a clause after an English dash (`CEO—who`, `2019—said`, `growth—and`). */
const AFTER_DASH = new Set('a an and as at but by for from he her his in including it its not of on or our said she that the their they this to we was were which while who will with'.split(' '));

/**
 * `joinsWords`, and the word after is one a clause starts with: only then a lone U+FFFD or `?`
 * between two words is a dash, not a lost letter (`Fran�ois`).
 */
export function dashBeforeWord(text: string, start: number, end: number): boolean {
  if (!joinsWords(text, start, end)) return false;
  let k = end;
  while (letterAt(text, k)) k++;
  // (Not a web address's query: `page?for=you`.)
  return AFTER_DASH.has(text.slice(end, k).toLowerCase()) && text[k] !== '=' && text[k] !== '&';
}
