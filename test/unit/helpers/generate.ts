import * as iconv from 'iconv-lite';
import { decodeAs } from './mojibake';
import { Prng } from './prng';

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they ' +
  'you were her she there been one all we their has would when if so no will can more about said what up its out ' +
  'into them than only other time new some could these two may first then do any like my now over such our man me ' +
  'even most made after also did many before must through years where much your way well down should because each ' +
  'just those people how too little state good very make world still own see men work long get here between both ' +
  'life being under never day same another know while last might us great old year off come since against go came ' +
  'right used take three company revenue market report quarter growth announced partners customers launch'
).split(' ');

/** Plain ASCII prose: sentences, numbers, the odd question mark, URL and quote. */
export function asciiProse(rng: Prng, sentences: number): string {
  const out: string[] = [];
  for (let s = 0; s < sentences; s++) {
    const n = rng.int(4, 18);
    const words: string[] = [];
    for (let w = 0; w < n; w++) words.push(rng.pick(WORDS));
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    if (rng.next() < 0.15) words.splice(rng.int(1, n - 1), 0, String(rng.int(1, 99999)));
    if (rng.next() < 0.05) words.push(`https://example.com/p?id=${rng.int(1, 999)}&q=a`);
    if (rng.next() < 0.05) words.splice(1, 0, `"${rng.pick(WORDS)}"`);
    out.push(words.join(' ') + rng.pick(['.', '.', '.', '?', '!', '??', ';', ' --', ':']));
    if (rng.next() < 0.1) out.push('\n');
  }
  return out.join(' ');
}

/** Short phrases in many scripts, all valid and clean. */
export const CLEAN_PHRASES = [
  'Ceci est un été très chaud à Paris, n’est-ce pas ?',
  'Übermäßig große Straßenschäden in München',
  'El niño comió piñata y jamón — ¡qué día!',
  'Zażółć gęślą jaźń',
  'Příliš žluťoučký kůň úpěl ďábelské ódy',
  'Съешь же ещё этих мягких французских булок',
  'Γαζέες καὶ μυρτιὲς δὲν θὰ βρῶ πιὰ στὸ χρυσαφὶ ξέφωτο',
  'עברית היא שפה שמית',
  'اللغة العربية جميلة',
  'Tiếng Việt có dấu',
  '日本語のテキストです。',
  '简体中文和繁體中文',
  '한국어 문장입니다',
  'ภาษาไทยง่ายนิดเดียว',
  'हिन्दी पाठ',
  'Emoji 👍🏽 and 👨‍👩‍👧 family',
  '“Quoted,” she said — ‘nested’ … €5 £3 ¥7 © ® ™ ° ± × ÷',
  'Türkçe ığüşöç İstanbul',
];

/** A random clean multilingual string made of the phrases above and prose. */
export function cleanUnicode(rng: Prng): string {
  const parts: string[] = [];
  const n = rng.int(1, 4);
  for (let i = 0; i < n; i++) parts.push(rng.next() < 0.7 ? rng.pick(CLEAN_PHRASES) : asciiProse(rng, 1));
  return parts.join(' ');
}

export const MOJIBAKE_CODECS = ['windows-1252', 'windows-1252-sloppy', 'latin1', 'windows-1250', 'windows-1251', 'macintosh'];

/** Random clean text with one or more spans garbled as UTF-8 misread by a random codec. */
export function randomMojibake(rng: Prng): string {
  const clean = cleanUnicode(rng);
  const codec = rng.pick(MOJIBAKE_CODECS);
  // Garble a random slice on code-point boundaries (whole text half the time).
  const cps = [...clean];
  const a = rng.next() < 0.5 ? 0 : rng.int(0, cps.length - 1);
  const b = rng.next() < 0.5 ? cps.length : rng.int(a, cps.length);
  const middle = cps.slice(a, b).join('');
  return cps.slice(0, a).join('') + decodeAs(Buffer.from(middle, 'utf8'), codec) + cps.slice(b).join('');
}

const POOLS: string[][] = [
  [...'abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789 .,;:!?-\'"()\n\t'],
  ['?', '??', '???', 'â', 'Ã', 'Â', 'â??', 'â€™', 'Ã©', 'Â ', 'a??', '鈥檚', 'ï»¿'],
  Array.from({ length: 0x60 }, (_, i) => String.fromCharCode(0xa0 + i)), // Latin-1 upper half
  Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i)), // C1 controls
  ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFD', '\uFEFF', '\u200B', '\u00AD', '\u0000', '\u001A'],
  [...'中文日本語한국어鈥檚锟斤拷縺ｽ'],
  ['😀', '👍🏽', '👨‍👩‍👧', '🇫🇷', '\u{1F600}'],
  [...'АБВГДабвгдЁёЂђ ΑΒΓαβγ אבג ابت ẠạỆệ'],
  ['\u0301', '\u0308', '\u200D', '\u2028', '\uE000'],
];

/** Arbitrary Unicode (and broken UTF-16): the engine must survive anything a document can hold. */
export function randomUnicode(rng: Prng, maxLen: number): string {
  const n = rng.int(0, maxLen);
  let s = '';
  for (let i = 0; i < n; i++) s += rng.pick(rng.pick(POOLS));
  return s;
}

/**
 * Characters of a CJK codec's repertoire, by lead and trail byte ranges: real Chinese, Japanese
 * and Korean text draws from these (everyday and rarer rows alike).
 */
function cjkRepertoire(codec: string, rows: [number, number, number, number][]): string[] {
  const out: string[] = [];
  for (const [lead0, lead1, trail0, trail1] of rows) {
    for (let a = lead0; a <= lead1; a++) {
      for (let b = trail0; b <= trail1; b++) {
        const s = iconv.decode(Buffer.from([a, b]), codec);
        if (s.length === 1 && s !== '\ufffd') out.push(s);
      }
    }
  }
  return out;
}

let repertoires: Record<string, string[]> | undefined;
/** Hanzi of GB2312 levels 1–2, Big5, JIS levels 1–2 with kana, Hangul and hanja of KS X 1001. */
export function cjkRepertoires(): Record<string, string[]> {
  return (repertoires ??= {
    'GB2312 hanzi': cjkRepertoire('gbk', [[0xb0, 0xf7, 0xa1, 0xfe]]),
    'Big5 hanzi': cjkRepertoire('big5', [[0xa4, 0xf9, 0x40, 0x7e], [0xa4, 0xf9, 0xa1, 0xfe]]),
    'JIS kanji and kana': cjkRepertoire('shift_jis', [[0x82, 0x83, 0x40, 0xfc], [0x88, 0x9f, 0x40, 0xfc], [0xe0, 0xea, 0x40, 0xfc]]),
    'KS X 1001 Hangul and hanja': cjkRepertoire('euc-kr', [[0xb0, 0xfd, 0xa1, 0xfe]]),
    // The hardest case: hanzi whose GBK bytes are also UTF-8 for a Latin, Greek, Cyrillic,
    // Armenian, Hebrew or Arabic letter (`眉` is C3 BC, ü).
    'GB2312 hanzi that are UTF-8 letters too (spaced only)': cjkRepertoire('gbk', [[0xc3, 0xdb, 0xa1, 0xbf]]),
  });
}

const ASCII_SPACED = [' ', ' ', ' %s ', ' OK ', ' (v2) ', ': ', ' GNU ', ', ', ' 10 '];
// Chinese and Japanese glue Latin words to their own (`HOME目录`, `smb协议`).
const ASCII_GLUED = ['HOME', 'smb', 'Linux', '/', 'x', 'Debian', 'OK'];

/**
 * A line of CJK words (1–6 characters each) from `repertoire`, with ASCII bits between: set apart
 * by spaces and punctuation, or (with `glued`) also glued to Latin words.
 */
export function cjkLine(rng: Prng, repertoire: readonly string[], glued = false): string {
  let s = '';
  for (let w = rng.int(1, 6); w > 0; w--) {
    for (let n = rng.int(1, 6); n > 0; n--) s += rng.pick(repertoire);
    s += glued && rng.next() < 0.5 ? rng.pick(ASCII_GLUED) : rng.pick(ASCII_SPACED);
  }
  return s;
}
