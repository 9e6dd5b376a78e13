/**
 * Judging runs read through a CJK codec (GBK, Big5, Shift_JIS, EUC-KR). Text garbled that way looks
 * like CJK itself, and real Chinese, Japanese or Korean re-encodes to valid UTF-8 now and then, so
 * every reading needs evidence of its own.
 */
import { NO_BYTE, doubleByteAstral, doubleByteTable, isCommonCjk, isCommonDoubleByte } from './codecs';
import {
  COMMON_PUNCTUATION,
  Cls,
  REGIONAL_LETTERS,
  charClass,
  classAt,
  isAsciiLetter,
  isCjkCandidate,
  isEverydayArabic,
  isLetter as isLetterCls,
  rarity,
  scriptOf,
  signOfFigure,
  standInLetter,
  weirdness,
} from './chars';
import type { Run } from './reversible';

/**
 * What UTF-8 read through a CJK codec can have been: a common character of a living script (Latin,
 * Greek, Cyrillic, Armenian, Hebrew, Arabic, Indic, Thai, Tibetan, Georgian, Ethiopic, Cherokee,
 * Khmer, CJK, Hangul) or punctuation.
 */
export function plausibleFromCjkCodec(c: number): boolean {
  if (c >= 0x780 && c < 0x7b2) return true; // Thaana (Dhivehi): rare elsewhere, a living script
  if (rarity(c) > 0) return false;
  return (
    (c >= 0x20 && c < 0x700) || (c >= 0x900 && c < 0x1100) || (c >= 0x1200 && c < 0x1680) || (c >= 0x1780 && c < 0x1800) ||
    (c >= 0x1e00 && c < 0x1f00) || (c >= 0x2000 && c < 0x2c00) || (c >= 0x3000 && c < 0x3100) || (c >= 0x4e00 && c < 0xa000) ||
    (c >= 0xac00 && c < 0xd7a4) || (c >= 0xff00 && c < 0xfff0)
  );
}

/**
 * One Latin character (a letter, `«`, `·`, a no-break space) garbled into a CJK character or
 * two in Latin prose (`caffè` → `caff猫`, Italian `è` → ` 猫 `, `«%s»` → `芦%s禄`): Latin words
 * around it, and no CJK within 40 characters except more of the same (other Latin characters
 * read by the same codec, `z聽d暖vod暖`).
 */
function loneInLatin(text: string, run: Run): boolean {
  // The last byte may have taken the ASCII letter after it along (Shift_JIS `ﾈ冓` is `și`); French
  // quotes come with a narrow no-break space (`ﾂｫ窶ｯ%s` is `« %s`).
  if (run.end - run.start > 4 || !/^(?:[\u00a0-\u024f]{1,2}[a-z]?|[«»]\u202f|\u202f[«»])$/.test(run.decoded)) return false;
  // A word of its own must be one that Latin text has on its own (Italian `è`, French `à`, `«`):
  // a CJK character in English prose (`the 帽 radical`) often decodes to some Latin letter.
  const glued = isAsciiLetter(text.charCodeAt(run.start - 1)) || isAsciiLetter(text.charCodeAt(run.end)) || isAsciiLetter(run.decoded.charCodeAt(run.decoded.length - 1));
  if (!glued && !STANDALONE_LATIN.test(run.decoded)) return false;
  let latin = 0;
  const from = Math.max(0, run.start - 40);
  const to = Math.min(text.length, run.end + 40);
  for (let i = from; i < to; i++) if (isAsciiLetter(text.charCodeAt(i))) latin++;
  // One code (GBK `芦` is C2 AB), or a pair of single bytes (Shift_JIS `ﾂｫ`).
  return latin >= 8 && everyCjkNear(text, run, 40, (v, next) => (v > 0xff ? isLatinUtf8(v >> 8, v & 0xff) || (v === 0xe280 && next === 0xaf && 'pair') : isLatinUtf8(v, next) && 'pair'));
}

/**
 * Latin characters that stand alone between words: one-letter words (Italian `è`, French `à`,
 * Icelandic `í`, Hungarian `ő`, Kurmanji `û`), quotes and signs, a no-break space.
 */
const STANDALONE_LATIN = /^(?:[àèéáíóúûåøő«»·°§±×©®\u00a0]|[«»][\u00a0\u202f]|[\u00a0\u202f][«»:;!?])$/;

/**
 * Does `test` hold for every CJK-looking character within `radius` of the run (outside it)? It
 * gets the character's code in the run's codec (NO_BYTE if none; a character outside the BMP read
 * through the codec's astral table) and the code of the character after it; answering `'pair'`
 * takes that next character along.
 */
function everyCjkNear(text: string, run: Run, radius: number, test: (v: number, next: number) => boolean | 'pair'): boolean {
  const table = doubleByteTable(run.codec);
  const astral = doubleByteAstral(run.codec);
  const codeAt = (i: number): number => {
    const cp = text.codePointAt(i) ?? 0;
    return cp > 0xffff ? (astral.get(cp) ?? NO_BYTE) : table[cp];
  };
  const end = Math.min(text.length, run.end + radius);
  for (let i = Math.max(0, run.start - radius); i < end; i++) {
    const c = text.charCodeAt(i);
    if (i >= run.start && i < run.end) i = run.end - 1;
    // (U+FFFD is no CJK text but a byte the same decoding could not pair: `st盲rken鈥�`.)
    else if (c !== 0xfffd && isCjkCandidate(c)) {
      const width = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      const verdict = test(codeAt(i), codeAt(i + width));
      if (!verdict) return false;
      i += width - 1 + (verdict === 'pair' ? 1 : 0);
    }
  }
  return true;
}

/** Are these two bytes UTF-8 for a Latin character (U+0080–U+024F: lead C2–C9, then a continuation)? */
function isLatinUtf8(b0: number, b1: number): boolean {
  return b0 >= 0xc2 && b0 <= 0xc9 && b1 >= 0x80 && b1 <= 0xbf;
}

/**
 * How far a CJK-codec run is to be believed. Real Chinese, Japanese or Korean text sometimes
 * re-encodes to valid UTF-8 for a character or two, so each reading needs evidence: a whole word
 * of another script, a Latin character alone in Latin prose (convincing); punctuation or Latin
 * letters glued to a Latin word (believable); a short word or one Latin-1 character (only beside
 * other words the same codec garbled).
 */
export function cjkRunBelief(text: string, run: Run): Belief {
  const word = wordOfAnotherScript(text, run);
  if (word === 'alone' || loneInLatin(text, run)) {
    run.convincing = true;
    return Belief.Convincing;
  }
  if (gluedToLatin(text, run)) return Belief.Believable;
  // Punctuation standing on its own (`窶｢ Revenue` is a bullet in Shift_JIS), away from CJK text.
  if (isWholeStretch(text, run) && run.seqs.every((s) => s.bytes.length === 3 && COMMON_PUNCTUATION.test(s.decoded)) && neighboursCouldBeUtf8(text, run)) return Belief.Believable;
  // `拢85m` is `£85m`, glued to its figure; in CJK text (`湛穢 10`, `짤 10`) the sign would be a
  // piece of a word or a word of its own.
  if (signOfFigure(text, run.start, run.end, run.decoded) && text[run.end] !== ' ' && isWholeStretch(text, run) && neighboursCouldBeUtf8(text, run)) return Belief.Believable;
  // A short word of common characters (`薪邪` → `на`), or one Latin-1 character (`芦%s禄` → `«%s»`
  // in a Russian line): believed only beside other words the same codec garbled (the judge keeps
  // it as doubtful), and only where the CJK around could all be UTF-8 pieces too (a garbled word
  // inside real Chinese lends nothing to the real `一` beside it, which would read as `һ`).
  if ((word === 'company' || (isWholeStretch(text, run) && /^[\u00a0-\u00ff]$/.test(run.decoded))) && neighboursCouldBeUtf8(text, run)) {
    run.needsCompany = true;
    return Belief.NeedsCompany;
  }
  return Belief.None;
}

export const enum Belief {
  None,
  NeedsCompany,
  Believable,
  Convincing,
}

/** No CJK-looking character right before or after the run: it is the whole stretch, not a piece of real CJK text. */
function isWholeStretch(text: string, run: Run): boolean {
  return !isCjkCandidate(text.charCodeAt(run.start - 1)) && !isCjkCandidate(text.charCodeAt(run.end));
}

/**
 * Latin text or punctuation read through a CJK codec sits next to ASCII (`f眉hrt`, `Huawei鈥檚`,
 * `col繚lecci籀`); real CJK prose sits next to more CJK.
 */
function gluedToLatin(text: string, run: Run): boolean {
  const asciiBeside = (i: number) => i >= 0 && i < text.length && text.charCodeAt(i) < 0x80 && text.charCodeAt(i) > 0x20;
  const long = run.end - run.start >= 6;
  if (!asciiBeside(run.start - 1) && !asciiBeside(run.end) && !/[\x21-\x7e]/.test(run.decoded) && !long) return false;
  const letterBefore = isAsciiLetter(text.charCodeAt(run.start - 1));
  const letterAfter = isAsciiLetter(text.charCodeAt(run.end));
  let cjk = 0;
  let letters = 0;
  let nonAscii = 0;
  let prev = text.charCodeAt(run.start - 1);
  for (const ch of run.decoded) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd) continue; // a character whose last byte was lost (see doubleByteRun)
    if (c >= 0x80) nonAscii++;
    // Maltese Ġ ħ ċ, Latvian ģ, Kabyle ǧ are rare letters, but ordinary inside a Latin word.
    const latinLetter = c >= 0xc0 && scriptOf(c) === 1 && (rarity(c) <= 1 || REGIONAL_LETTERS.includes(ch)) && isLetterCls(charClass(c));
    // A combining accent on a Latin letter (Yoruba `ẹ̀`, `Z̧`) belongs to it.
    const accent = c >= 0x300 && c < 0x370 && scriptOf(prev) === 1 && isLetterCls(charClass(prev));
    prev = c;
    if (accent) {
      nonAscii--;
      continue;
    }
    if (!plausibleFromCjkCodec(c) && !latinLetter) return false;
    if (isCjkCandidate(c)) cjk++;
    else if (latinLetter || c === 0x2bb || c === 0x2bc || c === 0xb7) letters++; // Latin letters, ə, okina ʻ, `l·l`
    else if (c === 0xa0) nonAscii--; // a no-break space between words (`aŭ ĝi`)
  }
  // CJK that decodes to other CJK is believed only over a long stretch.
  if (cjk > 0) return long;
  // Catalan `l·l`: a middle dot between two Latin letters.
  if (run.decoded === '·') return letterBefore && letterAfter && neighboursCouldBeUtf8(text, run);
  // A 3-byte sequence is believed when it is punctuation (`鈥檚` → `’s`) or a letter glued to a
  // Latin word (Vietnamese `ến`, transliterated `ṭa`).
  const letterBeside = letterBefore || letterAfter;
  if (run.seqs.some((s) => s.bytes.length >= 3)) {
    if (isCjkCandidate(text.charCodeAt(run.start - 1)) && isCjkCandidate(text.charCodeAt(run.end))) return false; // inside real CJK
    const latinOk = letterBeside && neighboursCouldBeUtf8(text, run);
    return run.seqs.every((s) => s.bytes.length < 3 || COMMON_PUNCTUATION.test(s.decoded) || (latinOk && scriptOf(s.decoded.charCodeAt(0)) === 1));
  }
  // Letters only (`目录` is `Ŀ¼` in GBK bytes, glued to `HOME`), in the case of the word they join
  // (`繹Linux` would be `öLinux`).
  const first = charClass(run.decoded.charCodeAt(0));
  const last = charClass(run.decoded.charCodeAt(run.decoded.length - 1));
  if (letterAfter && last === Cls.LatinLower && classAt(text, run.end) === Cls.LatinUpper) return false;
  if (letterBefore && first === Cls.LatinUpper && classAt(text, run.start - 1) === Cls.LatinLower) return false;
  return letters > 0 && letters === nonAscii && letterBeside && neighboursCouldBeUtf8(text, run);
}

/**
 * Are the CJK characters near a run (20 either side) also pieces of UTF-8, as in a garbled Latin
 * line (`caf茅 et 茅t茅`)? Real Chinese around it (`为什么Linux`: 么 is ô in GBK bytes) is mostly not.
 */
function neighboursCouldBeUtf8(text: string, run: Run): boolean {
  return everyCjkNear(text, run, 20, (v) => {
    if (v === NO_BYTE) return false;
    const lead = v > 0xff ? v >> 8 : v;
    const trailOk = v <= 0xff || ((v & 0xff) >= 0x80 && (v & 0xff) <= 0xbf);
    return (lead >= 0x80 && lead <= 0xbf) || (lead >= 0xc2 && lead <= 0xef && trailOk);
  });
}

/**
 * A whole stretch of CJK-looking characters that decodes to a word of another script (`泻邪薪邪写邪`
 * → `канада`, `ﾘｳﾘｷﾘｱ` → `سطر`) or to everyday CJK of another codec (`鍚嶅墠` → `名前`). Real CJK
 * text re-encodes to valid UTF-8 only by chance, for a character or two, and then reads as a mix
 * of scripts or cases (`一些` → `һЩ`, `末尾` → `ĩβ`) or as rare characters (`讀取完` → `椎抮`).
 * `alone`: believable by itself (four letters, three with a source character outside the everyday
 * repertoire, two from 3-byte sequences, or two everyday CJK characters from rarer ones);
 * `company`: a shorter word, which needs garbled neighbours.
 */
function wordOfAnotherScript(text: string, run: Run): 'alone' | 'company' | null {
  if (!isWholeStretch(text, run)) return null;
  if (threeByteWordOfOneScript(run)) return 'alone';
  let letters = 0;
  let cjk = 0;
  let asciiLetters = 0;
  let nonLatin = 0;
  let unmarked = ''; // the decoded word without its combining marks, for the weirdness check
  let wordScript = 0;
  let extendedCyrillic = 0; // Chuvash ӗ, Udmurt ӥ…: a few per word at most
  for (let k = 0; k < run.decoded.length; k++) {
    const c = run.decoded.charCodeAt(k);
    if (c === 0xfffd) continue; // a character whose last byte was lost (see doubleByteRun)
    if (c < 0x80) {
      if (isAsciiLetter(c)) asciiLetters++;
      unmarked += run.decoded[k];
      continue;
    }
    // Letters only (a digit of another script is not a word), and marks on a letter of their
    // script: Arabic vowel signs are rare alone, ordinary on a letter (`مُعطّلة`).
    const cls = charClass(c);
    if (cls === Cls.Mark) {
      if (k === 0 || scriptOf(c) !== scriptOf(run.decoded.charCodeAt(k - 1))) return null;
      if (c >= 0x7a6 && c <= 0x7b0) letters++; // a Thaana vowel sign: every letter carries one
      continue;
    }
    const standIn = standInLetter(c);
    if (!standIn && ((!isLetterCls(cls) && cls !== Cls.Punct) || !plausibleFromCjkCodec(c))) return null;
    if (isCjkCandidate(c) && c < 0xff00) {
      if (!isCommonCjk(c)) return null;
      cjk++;
    }
    const script = scriptOf(c);
    if (script === 6 && !isEverydayArabic(c)) return null;
    // One script: stand-ins hide rarity, not which script a letter is in (`գа׳Ӫ` is no word).
    const neutral = (c >= 0xa0 && c <= 0xbf) || (c >= 0x2000 && c < 0x2070) || (c >= 0x3000 && c < 0x3040) || c >= 0xff00;
    if (!neutral && script !== (wordScript ||= script)) return null;
    if (c >= 0x4c0 && c < 0x530) extendedCyrillic++;
    if (script !== 1) nonLatin++;
    if (standIn !== ' ') letters++; // a word break is no letter
    unmarked += standIn || run.decoded[k];
  }
  // Trail bytes read as ASCII letters belong only in a Latin word (`ﾅ榾冑ﾉ决` → `Şəhər`).
  if (asciiLetters > 0 && nonLatin > 0) return null;
  // A weird pair in a long word is forgiven; `һЩ` is not.
  if (letters === 0 || (letters < 8 ? weirdness(unmarked) > 0 : 4 * weirdness(unmarked) > letters)) return null;
  if (2 * extendedCyrillic > letters) return null;
  if (cjk > 0) return cjk === letters && letters >= 2 && cjkRarity(text, run) > 0 ? 'alone' : null; // CJK alone, not mixed
  // A Latin word is mostly ASCII letters (`Şəhər`); `üìţ` from real hanzi is none.
  if (nonLatin === 0 && letters > asciiLetters + 1) return null;
  // Four letters; three with a source character outside the everyday CJK repertoire; or two from
  // three-byte sequences (`爬ｫ爬ｨ` → `ফন`), which real two-character CJK words cannot form.
  if (letters >= 4 || (letters === 3 && cjkRarity(text, run) > 0) || (letters === 2 && run.seqs.every((s) => s.bytes.length === 3))) return 'alone';
  // Shift_JIS reads the bytes of Cyrillic, Greek or Arabic letters as halfwidth katakana (`ﾐｽﾐｰ` →
  // `на`): a stretch of nothing else that pairs up into one script's letters is no Japanese word.
  if (letters >= 2 && nonLatin === letters && /^[\uff61-\uff9f]+$/.test(text.slice(run.start, run.end))) return 'alone';
  return isLetterCls(charClass(run.decoded.charCodeAt(run.decoded.length - 1))) ? 'company' : null;
}

/**
 * Two or more three-byte sequences that all decode to one script written without CJK (`啶呧啷ムぐ`
 * → `अ॒॥र`, `啻淳啻班祶鈥嵿船` → `ബാര്‍ബ`, `唳侧` → `লা`), and nothing else: real CJK text cannot
 * line its bytes up like that (E0 A4 xx E0 A5 xx…) in a stretch of its own, so the characters need
 * not be common ones (Konkani stress marks, digits, vowel signs, the joiners of Malayalam and
 * Sinhala words).
 */
function threeByteWordOfOneScript(run: Run): boolean {
  // A trail byte read as ASCII (Big5, Shift_JIS) is in the decoded text but in no sequence.
  if (/[\x00-\x7f]/.test(run.decoded)) return false;
  let script = -1;
  let characters = 0;
  for (const s of run.seqs) {
    if (s.bytes.length !== 3) return false;
    const c = s.decoded.charCodeAt(0);
    if (c === 0x200c || c === 0x200d) continue; // zero-width (non-)joiner inside a word
    if (c < 0x900 || c >= 0x1800 || (c >= 0x1100 && c < 0x1200)) return false; // Indic to Khmer, no Hangul jamo
    if (script < 0) script = scriptOf(c);
    else if (scriptOf(c) !== script) return false;
    characters++;
  }
  return characters >= 2;
}

/** Rare characters a CJK-codec run consists of: real CJK text is made of common ones. */
export function cjkRarity(text: string, run: Run): number {
  if (run.codec.kind !== 'double') return 0;
  const table = doubleByteTable(run.codec);
  let n = 0;
  for (let i = run.start; i < run.end; i++) {
    const code = text.charCodeAt(i);
    const v = table[code];
    if (v > 0xff && !isCommonDoubleByte(run.codec, v)) n++;
    // A character outside the BMP (Big5's Hong Kong set) is rare by any measure.
    else if (v === NO_BYTE && code >= 0xd800 && code <= 0xdbff) {
      n++;
      i++;
    }
  }
  return n;
}
