/**
 * Character classes and the "weirdness" measure that decides whether a re-decoding reads better
 * than the text as it is. Mojibake is recognisable because it puts symbols inside words, mixes
 * scripts and cases inside a word, and leaves control characters; clean text in any language does not.
 */
import { continuationCount, decodeSequence, isContinuation } from './utf8';

export const enum Cls {
  Unknown = 0,
  Space,
  LatinUpper,
  LatinLower,
  OtherUpper,
  OtherLower,
  Caseless, // letters without case: CJK, Hebrew, Arabic, Thai, Indic…
  Mark, // combining marks
  ModLetter, // modifier letters (Lm)
  Digit,
  OtherNumber, // ² ½ …
  MathCurrency, // Sm, Sc
  ModSymbol, // Sk: ¨ ´ ¸ ¯ ˆ ˜ ˇ
  OtherSymbol, // So: © ® ° ¦ ™ box drawing
  Punct,
  Control,
  Unassigned, // unassigned, private use, surrogates, noncharacters
}

const classCache = new Uint8Array(65536);

const RE = {
  space: /^\s$/u,
  lu: /^[\p{Lu}\p{Lt}]$/u,
  ll: /^\p{Ll}$/u,
  lo: /^\p{Lo}$/u,
  lm: /^\p{Lm}$/u,
  latin: /^\p{Script=Latin}$/u,
  mark: /^\p{M}$/u,
  nd: /^\p{Nd}$/u,
  n: /^\p{N}$/u,
  smsc: /^[\p{Sm}\p{Sc}]$/u,
  sk: /^\p{Sk}$/u,
  so: /^\p{So}$/u,
  p: /^\p{P}$/u,
  cc: /^\p{Cc}$/u,
  bad: /^[\p{Cn}\p{Co}\p{Cs}]$/u,
};

function computeClass(code: number): Cls {
  if (code >= 0xd800 && code <= 0xdfff) return Cls.Unassigned;
  const ch = String.fromCharCode(code);
  if (RE.space.test(ch)) return Cls.Space;
  if (RE.cc.test(ch)) return Cls.Control;
  if (RE.lu.test(ch)) return RE.latin.test(ch) ? Cls.LatinUpper : Cls.OtherUpper;
  if (RE.ll.test(ch)) return RE.latin.test(ch) || code === 0xb5 ? Cls.LatinLower : Cls.OtherLower;
  if (RE.lo.test(ch)) return code === 0xaa || code === 0xba ? Cls.LatinLower : Cls.Caseless;
  if (RE.lm.test(ch)) return Cls.ModLetter;
  if (RE.mark.test(ch)) return Cls.Mark;
  if (RE.nd.test(ch)) return Cls.Digit;
  if (RE.n.test(ch)) return Cls.OtherNumber;
  if (RE.smsc.test(ch)) return Cls.MathCurrency;
  if (RE.sk.test(ch)) return Cls.ModSymbol;
  if (RE.so.test(ch)) return Cls.OtherSymbol;
  if (RE.p.test(ch)) return Cls.Punct;
  if (RE.bad.test(ch)) return Cls.Unassigned;
  return Cls.OtherSymbol; // format characters and the like
}

export function charClass(code: number): Cls {
  if (code > 0xffff) return Cls.Caseless; // astral: emoji, historic scripts, rare CJK — never judged here
  let c = classCache[code];
  if (c === Cls.Unknown) {
    c = computeClass(code);
    classCache[code] = c;
  }
  return c as Cls;
}

/** The class of the character at `i`; outside the text counts as white space (a text edge is a word edge). */
export function classAt(text: string, i: number): Cls {
  return i >= 0 && i < text.length ? charClass(text.charCodeAt(i)) : Cls.Space;
}

export function isLetter(c: Cls): boolean {
  return c >= Cls.LatinUpper && c <= Cls.Caseless;
}
/** A letter at `i` (outside the text: none). */
export function letterAt(text: string, i: number): boolean {
  return isLetter(classAt(text, i));
}
/** A letter or a figure at `i` (outside the text: neither). */
export function wordCharAt(text: string, i: number): boolean {
  const c = classAt(text, i);
  return isLetter(c) || c === Cls.Digit;
}
/** The character a garbled pair at `i` stands for (`Ã§` is ç: a two-byte lead and a continuation byte read as Latin-1), or null where no pair starts there. */
export function garbledPairAt(text: string, i: number): string | null {
  return continuationCount(text.charCodeAt(i)) === 1 && isContinuation(text.charCodeAt(i + 1)) ? decodeSequence([text.charCodeAt(i), text.charCodeAt(i + 1)]) : null;
}
/** The class of the letter at `i`, read through a garbled pair (`Ã­` is í, lowercase, not Ã). */
export function garbledClassAt(text: string, i: number): Cls {
  const pair = garbledPairAt(text, i);
  return pair === null ? classAt(text, i) : charClass(pair.charCodeAt(0));
}
export function isUpper(c: Cls): boolean {
  return c === Cls.LatinUpper || c === Cls.OtherUpper;
}
export function isLower(c: Cls): boolean {
  return c === Cls.LatinLower || c === Cls.OtherLower;
}
export function isLatin(c: Cls): boolean {
  return c === Cls.LatinUpper || c === Cls.LatinLower;
}
function isSymbolish(c: Cls): boolean {
  return c === Cls.MathCurrency || c === Cls.ModSymbol || c === Cls.OtherSymbol || c === Cls.OtherNumber;
}

/**
 * `scriptOf` and `rarity` of each UTF-16 unit, worked out on first use and then read from a table
 * (like the classes): the weirdness count asks for every character, and the range tests took a
 * good part of its time. Filling the tables up front costs more than most texts need.
 */
const NO_SCRIPT_YET = 0xffff;
const NO_RARITY_YET = 0xff;
const SCRIPTS = new Uint16Array(65536).fill(NO_SCRIPT_YET);
const RARITIES = new Uint8Array(65536).fill(NO_RARITY_YET);

/** Rough script of a letter, to notice two scripts glued inside one word. */
export function scriptOf(code: number): number {
  if (!(code >= 0 && code <= 0xffff)) return scriptRange(code);
  const known = SCRIPTS[code];
  return known !== NO_SCRIPT_YET ? known : (SCRIPTS[code] = scriptRange(code));
}

function scriptRange(code: number): number {
  if (code < 0x250) return 1; // Latin (and Latin-1)
  if (code < 0x370) return code < 0x2b0 ? 1 : 0; // IPA counts as Latin; modifiers none
  if (code < 0x400) return 2; // Greek
  if (code < 0x530) return 3; // Cyrillic
  if (code < 0x590) return 4; // Armenian
  if (code < 0x600) return 5; // Hebrew
  if (code < 0x700) return 6; // Arabic
  if (code >= 0x900 && code < 0xe00) return 7 + ((code - 0x900) >> 7); // Indic blocks, Thai
  if (code >= 0xe00 && code < 0xe80) return 20; // Thai
  if (code >= 0x1200 && code < 0x13a0) return 21; // Ethiopic (two blocks of 256)
  if (code >= 0x1400 && code < 0x1680) return 22; // Canadian syllabics
  if (code >= 0x1e00 && code < 0x1f00) return 1; // Latin Extended Additional
  if (code >= 0x1f00 && code < 0x2000) return 2; // Greek Extended
  if (code >= 0x3040 && code < 0x3100) return 30; // kana (mixes with Han)
  if (code >= 0x3400 && code < 0xa000) return 30; // Han
  if (code >= 0xac00 && code < 0xd7b0) return 31; // Hangul
  if (code >= 0xf900 && code < 0xfb00) return 30;
  return 40 + (code >> 8);
}

/**
 * Letters that real text almost never uses but single mojibake pairs decode to: they make a
 * re-decoding less believable. (Archaic, phonetic or very rare letters.)
 */
export function rarity(code: number): number {
  if (!(code >= 0 && code <= 0xffff)) return rarityRange(code);
  const known = RARITIES[code];
  return known !== NO_RARITY_YET ? known : (RARITIES[code] = rarityRange(code));
}

function rarityRange(code: number): number {
  if (code >= 0x80 && code < 0xa0) return 4; // C1 controls
  if (code === 0x17f) return 4; // long s: archaic, but `┼┐` decodes to it
  if (code >= 0x100 && code < 0x180) return RARE_LATIN_EXT_A.get(code) ?? 0;
  if (code >= 0x180 && code < 0x370 && COMMON_LATIN_EXT_B.has(code)) return 0;
  if (code >= 0x180 && code < 0x250) return 2;
  if (code >= 0x250 && code < 0x2b0) return 3; // IPA
  if (code >= 0x2b0 && code < 0x370) return 3; // modifier letters, combining marks on their own
  if (code >= 0x370 && code < 0x386) return 3; // archaic Greek, tonos on its own
  if (code >= 0x3e2 && code < 0x400) return 3; // Coptic in the Greek block, archaic letters
  if (code >= 0x460 && code < 0x490) return 3; // historic Cyrillic
  if (code >= 0x4c0 && code < 0x530) return 2; // rare Cyrillic
  if (code >= 0x530 && code < 0x590) return 1; // Armenian (և alone is the word "and")
  if (code >= 0x590 && code < 0x5d0) return 3; // Hebrew points
  if (code >= 0x5eb && code < 0x600) return 2;
  if (code === 0x60c || code === 0x61b || code === 0x61f) return 0; // Arabic comma, semicolon, question mark
  if (code >= 0x600 && code < 0x621) return 2; // Arabic signs
  if (code >= 0x64b && code < 0x670) return 2; // Arabic marks
  if (code >= 0x700 && code < 0x800) return 3; // Syriac, Thaana, NKo
  if (code >= 0x800 && code < 0x900) return 3;
  if (code >= 0x1d00 && code < 0x1dc0) return 5; // phonetic extensions (ᴴ from `á´´`)
  if (code >= 0x2c60 && code < 0x2c80) return 3; // Latin Extended-C
  if (code >= 0xa720 && code < 0xa800) return 3; // Latin Extended-D
  if (code >= 0x1800 && code < 0x1900) return 3; // Mongolian
  if (code >= 0x1a00 && code < 0x1d00) return 3; // Buginese, Tai Tham, Balinese, combining ext…
  if (code >= 0x2c00 && code < 0x2e00) return 3; // Glagolitic, Coptic, Tifinagh, Ethiopic ext.
  if (code >= 0x2e00 && code < 0x2e80) return 2; // supplemental punctuation
  if (code >= 0x3400 && code < 0x4dc0) return 3; // CJK Extension A: rare ideographs
  if (code >= 0x4dc0 && code < 0x4e00) return 3; // hexagram symbols
  if (code >= 0xa000 && code < 0xac00) return 3; // Yi, Lisu, Vai…
  if (code >= 0xd7b0 && code < 0xd800) return 3;
  if (code >= 0xe000 && code < 0xf900) return 4; // private use
  if (code === 0xfffd) return 1;
  return 0;
}

// Latin Extended-A letters that are rare in living orthographies (weight 2) or used by a few
// (weight 1: Maltese, Latvian, transliterations with breves).
const RARE_LATIN_EXT_A = new Map<number, number>([
  [0x120, 2], [0x121, 1], [0x122, 2], [0x123, 2], [0x126, 1], [0x127, 1], [0x128, 1], [0x168, 1],
  [0x12c, 1], [0x12d, 1], [0x114, 1], [0x115, 1], [0x14e, 1], [0x14f, 1], [0x132, 2], [0x133, 2],
  [0x138, 2], [0x13f, 2], [0x140, 2], [0x149, 2], [0x166, 2], [0x167, 2],
  [0x10a, 1], [0x10b, 1],
]);
// Latin Extended-B and IPA letters of living orthographies (Vietnamese, Romanian, pinyin,
// Azerbaijani ə, African languages ɛ ɔ ɗ ɓ, Hawaiian/Uzbek ʻ ʼ).
const COMMON_LATIN_EXT_B = new Set([
  0x1a0, 0x1a1, 0x1af, 0x1b0, 0x218, 0x219, 0x21a, 0x21b, 0x1cd, 0x1ce, 0x1cf, 0x1d0, 0x1d1, 0x1d2,
  0x1d3, 0x1d4, 0x18f, 0x259, 0x1dd, 0x25b, 0x254, 0x257, 0x253, 0x272, 0x186, 0x190, 0x189, 0x18a,
  0x181, 0x2bb, 0x2bc, 0x263, 0x194, 0x1b3, 0x1b4, 0x198, 0x199,
]);

function SCRIPT_RARITY_ONCE(code: number): boolean {
  return (code >= 0x531 && code < 0x590) || (code >= 0x700 && code < 0x800);
}

/** Symbols that do touch letters in real text: ° ™ ® © ² ³ ¹ µ ‰ € £ ¥ $ ¢ ½ ¼ ¾ × ÷. */
const GLUE_OK = new Set([0xb0, 0x2122, 0xae, 0xa9, 0xb2, 0xb3, 0xb9, 0xb5, 0x2030, 0x20ac, 0xa3, 0xa5, 0xa2, 0xbd, 0xbc, 0xbe, 0xd7, 0xf7, 0x2032, 0x2033]);

/** Common in-word punctuation that is not a sign of mojibake between letters. */
function isWordJoiner(code: number): boolean {
  return (
    code === 0x27 || code === 0x2d || code === 0x2e || code === 0x2019 || code === 0xb7 || code === 0x2010 ||
    code === 0x2011 || code === 0x5f || code === 0x26 || code === 0x2f || code === 0x40 || code === 0x3a
  );
}

/**
 * How strange a piece of text looks, counted over adjacent pairs. Applied to the same window
 * before and after a re-decoding; the difference is the evidence.
 */
export function weirdness(s: string): number {
  let w = 0;
  let prev = -1;
  let prevCls = Cls.Space;
  let upperRun = 0; // uppercase letters in a row inside the current word
  let upperNonAscii = false; // …and whether one of them is not ASCII
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    let c = charClass(code);
    // A surrogate pair is one astral character: emoji and symbols (a symbol), rare CJK (a letter),
    // anything else (historic scripts, unassigned planes) as weird as an unassigned character.
    if (code >= 0xd800 && code <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      const cp = ((code - 0xd800) << 10) + (s.charCodeAt(i + 1) - 0xdc00) + 0x10000;
      c = cp >= 0x1f000 && cp < 0x1fb00 ? Cls.OtherSymbol : cp >= 0x20000 && cp < 0x31350 ? Cls.Caseless : Cls.Unassigned;
      i++;
    }
    // A rare script's letter costs once per word, not per letter: a whole Armenian or Thaana word
    // decoded is believable, a lone such letter in Latin text is not.
    const r = rarity(code);
    if (r > 0 && !(SCRIPT_RARITY_ONCE(code) && prev >= 0 && scriptOf(prev) === scriptOf(code))) w += r;
    if (c === Cls.Control && code >= 0x80) w += 3;
    else if (c === Cls.Unassigned) w += 3;
    else if (c === Cls.ModSymbol && code > 0x7f) w += 1;
    if (prev >= 0) {
      const pc: Cls = prevCls;
      if (c === Cls.Mark && !(isLetter(pc) || pc === Cls.Mark)) w += 2;
      if (isLetter(pc) && isLetter(c)) {
        const ps = scriptOf(prev);
        const cs = scriptOf(code);
        // Greek letters do sit inside Latin words in science (`IL2Rγc`, `μm`): a lighter penalty.
        if (ps !== cs && (prev > 0x7f || code > 0x7f)) w += (ps === 1 && cs === 2) || (ps === 2 && cs === 1) ? 1 : 2;
        if (isLower(pc) && isUpper(c) && (prev > 0x7f || code > 0x7f)) w += 1;
        if (isLower(c) && code > 0x7f && upperRun >= 2) w += 2; // "IRMà": a lowercase letter ending a capitalised word
        else if (isLower(c) && upperRun === 2 && upperNonAscii) w += 1; // "ĹĽe": two accented capitals, then lowercase
      }
      if (isLatin(pc) && code >= 0x250 && code < 0x2b0 && isUpper(pc)) w += 2; // IPA next to capitals
      if (isSymbolish(pc) && isSymbolish(c) && pc !== c && (prev > 0x7f || code > 0x7f)) w += 1;
      // A non-ASCII symbol glued to a letter (`f√º`, `g├⌐n`); degree, trade mark and the like excepted.
      if (isLetter(pc) && isSymbolish(c) && code > 0x7f && !GLUE_OK.has(code)) w += 1;
      if (isSymbolish(pc) && isLetter(c) && prev > 0x7f && !GLUE_OK.has(prev)) w += 1;
      // A non-ASCII symbol or punctuation right after a letter and right before another letter.
      if (i + 1 < n && isLetter(pc) && code > 0x7f && !isLetter(c) && c !== Cls.Mark && c !== Cls.Space && !isWordJoiner(code)) {
        const next = s.charCodeAt(i + 1);
        if (isLetter(charClass(next))) w += 2;
      }
    }
    if (isUpper(c)) {
      if (upperRun === 0) upperNonAscii = false;
      upperRun++;
      if (code > 0x7f) upperNonAscii = true;
    } else if (!isLetter(c) && c !== Cls.Mark) upperRun = 0;
    else if (isLower(c)) upperRun = 0;
    prev = code;
    prevCls = c;
  }
  return w;
}

/**
 * Which orthographies a letter belongs to (a bit each), so that a tie between two readings can go
 * to the one written in the same language as the words around it: `Å¯` is Esperanto ŝ next to
 * ĉ, Czech ů next to ř.
 */
const ORTHOGRAPHIES: readonly string[] = [
  'ĉĈĝĜĥĤĵĴŝŜŭŬ', // Esperanto
  'ěĚřŘůŮďĎťŤňŇľĽĺĹŕŔ', // Czech, Slovak
  'ąĄęĘłŁńŃśŚźŹżŻ', // Polish
  'įĮųŲėĖūŪāĀēĒīĪķĶļĻņŅģĢ', // Lithuanian, Latvian
  'őŐűŰ', // Hungarian
  'ăĂșȘțȚşŞţŢ', // Romanian
  'ğĞıİ', // Turkish, Azerbaijani
  'đĐ', // Croatian, Vietnamese
  'ġĠħĦċĊ', // Maltese
  'ơƠưƯ', // Vietnamese
];
/** Orthography bits by letter code, up to the highest letter listed (a table: asked for every decoded run). */
const orthographyBits = new Uint16Array(Math.max(...ORTHOGRAPHIES.join('').split('').map((ch) => ch.charCodeAt(0))) + 1);
ORTHOGRAPHIES.forEach((letters, k) => {
  for (const ch of letters) orthographyBits[ch.charCodeAt(0)] |= 1 << k;
});

/**
 * Letters where their language never puts them: Czech ů never starts a word nor comes before a
 * vowel, Lithuanian į hardly comes before a, i, o, u. Settles ties between codecs that read the
 * same bytes as different letters (`Å¯as` is Esperanto ŝas, not ůas).
 */
export function misplacedLetters(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x16f && c !== 0x16e && c !== 0x12f && c !== 0x12e) continue;
    const next = s[i + 1]?.toLowerCase() ?? '';
    if (c === 0x12f || c === 0x12e) {
      if ('aiou'.includes(next) && next !== '') n++;
    } else if ((next !== '' && 'aeiouy'.includes(next)) || !isLetter(charClass(s.charCodeAt(i - 1)))) n++;
  }
  return n;
}

export function orthographiesOf(s: string): number {
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < orthographyBits.length) bits |= orthographyBits[c];
  }
  return bits;
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

/**
 * One sign glued to a figure: a currency before it (`£85m`, `€5`), a degree, fraction or power
 * sign beside it (`25°C`, `1½`, `m²`), `©` before a year. UTF-8 symbols in prose are mostly these, and a pair of
 * letters of another script glued to a number (`ВЈ85m`, `拢85m`) is no word.
 */
export function signOfFigure(text: string, start: number, end: number, decoded: string): boolean {
  if (decoded.length !== 1) return false;
  if ('£€¥¢'.includes(decoded)) return isAsciiDigit(text.charCodeAt(end));
  if (decoded === '©') return isAsciiDigit(text.charCodeAt(end + (text[end] === ' ' ? 1 : 0))); // © 2024
  return '°±×½¼¾²³'.includes(decoded) && (isAsciiDigit(text.charCodeAt(start - 1)) || isAsciiDigit(text.charCodeAt(end)));
}

export function isAsciiLower(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function isPrintableAscii(code: number): boolean {
  return code > 0x20 && code < 0x7f;
}

export function isCjkCandidate(code: number): boolean {
  return code >= 0x2e80; // CJK, kana, Hangul and compatibility forms live above this
}

/** The punctuation UTF-8 text is full of: quotes, dashes, ellipsis, bullet, euro, trade mark. */
export const COMMON_PUNCTUATION = /^[\u2010\u2011\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2032\u2033\u2039\u203a\u20ac\u2122\u2116]$/;

/** Maltese, Latvian and Kabyle letters that are rare in most text but ordinary inside their words. */
export const REGIONAL_LETTERS = 'ĠġĢģĦħĊċǦǧ';

/**
 * Letters of living orthographies that the rarity table marks rare (they are, in most text), with
 * a common letter of the same kind to stand in for them in the weirdness check: Chuvash and
 * Chechen Cyrillic (ӗ ҫ Ӏ), Armenian, Thaana (Dhivehi); word marks (Ethiopic ፡ ።, Tibetan ་ །, the
 * zero-width space) are word breaks, Hebrew maqaf and geresh a hyphen and an apostrophe.
 */
export function standInLetter(c: number): string {
  // A Cyrillic letter of the same case (Armenian has case too, Thaana has none).
  if ((c >= 0x4c0 && c < 0x530) || (c >= 0x531 && c < 0x557) || (c >= 0x561 && c < 0x588)) return isUpper(charClass(c)) ? 'А' : 'а';
  if (c >= 0x780 && c < 0x7c0) return 'ا';
  // Word and syllable breaks: Ethiopic word marks, Tibetan tsheg and shad, the zero-width space
  // Khmer, Lao and Thai put between words.
  if ((c >= 0x1361 && c <= 0x1368) || (c >= 0xf0b && c <= 0xf12) || c === 0x200b) return ' ';
  if (c === 0x5be) return '-'; // Hebrew maqaf, geresh and gershayim
  if (c === 0x5f3 || c === 0x5f4) return "'";
  return '';
}

/** Arabic letters, and the extra letters of Persian, Urdu, Kurdish, Uyghur, Pashto and Sindhi. */
const EXTRA_ARABIC = new Set([...'پچژکگیہےںٹڈڑھۆێەڵڕۇۈۋېۅۉڤټډړږښګڼۍڄڃڇڊڌڍڏڙڦڪڱڳڻٺٻٽٿڀ'].map((ch) => ch.charCodeAt(0)));
export function isEverydayArabic(c: number): boolean {
  return (c >= 0x621 && c <= 0x64a) || c === 0x60c || c === 0x61b || c === 0x61f || EXTRA_ARABIC.has(c);
}
