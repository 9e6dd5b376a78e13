/**
 * Character classes and the "weirdness" measure that decides whether a re-decoding reads better
 * than the text as it is. Mojibake is recognisable because it puts symbols inside words, mixes
 * scripts and cases inside a word, and leaves control characters; clean text in any language does not.
 */

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

export function isLetter(c: Cls): boolean {
  return c >= Cls.LatinUpper && c <= Cls.Caseless;
}
function isUpper(c: Cls): boolean {
  return c === Cls.LatinUpper || c === Cls.OtherUpper;
}
function isLower(c: Cls): boolean {
  return c === Cls.LatinLower || c === Cls.OtherLower;
}
function isLatin(c: Cls): boolean {
  return c === Cls.LatinUpper || c === Cls.LatinLower;
}
function isSymbolish(c: Cls): boolean {
  return c === Cls.MathCurrency || c === Cls.ModSymbol || c === Cls.OtherSymbol || c === Cls.OtherNumber;
}

/** Rough script of a letter, to notice two scripts glued inside one word. */
export function scriptOf(code: number): number {
  if (code < 0x250) return 1; // Latin (and Latin-1)
  if (code < 0x370) return code < 0x2b0 ? 1 : 0; // IPA counts as Latin; modifiers none
  if (code < 0x400) return 2; // Greek
  if (code < 0x530) return 3; // Cyrillic
  if (code < 0x590) return 4; // Armenian
  if (code < 0x600) return 5; // Hebrew
  if (code < 0x700) return 6; // Arabic
  if (code >= 0x900 && code < 0xe00) return 7 + ((code - 0x900) >> 7); // Indic blocks, Thai
  if (code >= 0xe00 && code < 0xe80) return 20; // Thai
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
  if (code >= 0x80 && code < 0xa0) return 4; // C1 controls
  if (code >= 0x100 && code < 0x180) return RARE_LATIN_EXT_A.has(code) ? 2 : 0;
  if (code >= 0x180 && code < 0x250) return COMMON_LATIN_EXT_B.has(code) ? 0 : 2;
  if (code >= 0x250 && code < 0x2b0) return 3; // IPA
  if (code >= 0x2b0 && code < 0x370) return 3; // modifier letters, combining marks on their own
  if (code >= 0x370 && code < 0x386) return 3; // archaic Greek, tonos on its own
  if (code >= 0x3e2 && code < 0x400) return 3; // Coptic in the Greek block, archaic letters
  if (code >= 0x460 && code < 0x490) return 3; // historic Cyrillic
  if (code >= 0x4c0 && code < 0x530) return 2; // rare Cyrillic
  if (code >= 0x530 && code < 0x590) return 2; // Armenian
  if (code >= 0x590 && code < 0x5d0) return 3; // Hebrew points
  if (code >= 0x5eb && code < 0x600) return 2;
  if (code >= 0x600 && code < 0x621) return 2; // Arabic signs
  if (code >= 0x64b && code < 0x670) return 2; // Arabic marks
  if (code >= 0x700 && code < 0x800) return 3; // Syriac, Thaana, NKo
  if (code >= 0x800 && code < 0x900) return 3;
  if (code >= 0x1d00 && code < 0x1dc0) return 3; // phonetic extensions (ᴴ from `á´´`)
  if (code >= 0x2c60 && code < 0x2c80) return 3; // Latin Extended-C
  if (code >= 0xa720 && code < 0xa800) return 3; // Latin Extended-D
  if (code >= 0xe000 && code < 0xf900) return 4; // private use
  if (code === 0xfffd) return 1;
  return 0;
}

// Latin Extended-A letters no living orthography uses much.
const RARE_LATIN_EXT_A = new Set([
  0x108, 0x109, 0x10a, 0x10b, 0x114, 0x115, 0x11c, 0x11d, 0x11e, 0x120, 0x121, 0x124, 0x125, 0x126,
  0x127, 0x128, 0x129, 0x12c, 0x12d, 0x132, 0x133, 0x134, 0x135, 0x138, 0x13f, 0x140, 0x149, 0x14a,
  0x14b, 0x14e, 0x14f, 0x166, 0x167, 0x168, 0x169, 0x16c, 0x16d, 0x174, 0x175, 0x176, 0x177, 0x17f,
  0x123, 0x122,
]);
// Latin Extended-B letters of living orthographies (Vietnamese, Romanian, pinyin, African languages).
const COMMON_LATIN_EXT_B = new Set([
  0x1a0, 0x1a1, 0x1af, 0x1b0, 0x218, 0x219, 0x21a, 0x21b, 0x1cd, 0x1ce, 0x1cf, 0x1d0, 0x1d1, 0x1d2,
  0x1d3, 0x1d4, 0x18f, 0x259, 0x1dd, 0x192,
]);

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
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const code = s.charCodeAt(i);
    const c = charClass(code);
    w += rarity(code);
    if (c === Cls.Control && code >= 0x80) w += 3;
    else if (c === Cls.Unassigned) w += 3;
    else if (c === Cls.ModSymbol && code > 0x7f) w += 1;
    if (prev >= 0) {
      const pc: Cls = prevCls;
      if (c === Cls.Mark && !(isLetter(pc) || pc === Cls.Mark)) w += 2;
      if (isLetter(pc) && isLetter(c)) {
        const ps = scriptOf(prev);
        const cs = scriptOf(code);
        if (ps !== cs && (prev > 0x7f || code > 0x7f)) w += 2;
        if (isLower(pc) && isUpper(c) && (prev > 0x7f || code > 0x7f)) w += 1;
        if (isLower(c) && code > 0x7f && upperRun >= 2) w += 2; // "IRMà": a lowercase letter ending a capitalised word
      }
      if (isLatin(pc) && code >= 0x250 && code < 0x2b0 && isUpper(pc)) w += 2; // IPA next to capitals
      if (isSymbolish(pc) && isSymbolish(c) && pc !== c && (prev > 0x7f || code > 0x7f)) w += 1;
      // A non-ASCII symbol or punctuation right after a letter and right before another letter.
      if (i + 1 < n && isLetter(pc) && code > 0x7f && !isLetter(c) && c !== Cls.Mark && c !== Cls.Space && !isWordJoiner(code)) {
        const next = s.charCodeAt(i + 1);
        if (isLetter(charClass(next))) w += 2;
      }
    }
    if (isUpper(c)) upperRun++;
    else if (!isLetter(c) && c !== Cls.Mark) upperRun = 0;
    else if (isLower(c)) upperRun = 0;
    prev = code;
    prevCls = c;
  }
  return w;
}
