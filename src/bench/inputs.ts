/**
 * Benchmark inputs, generated deterministically (no test data needed) or read from the corpus
 * cache that `npm run corpus` fills.
 */
import * as fs from 'fs';
import * as iconv from 'iconv-lite';
import * as path from 'path';

/** mulberry32: same inputs on every run, so figures are comparable between runs. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the of and to in is that for it as was with be by on not this are or from at which but have an they you were ' +
  'company revenue market report quarter growth announced partners customers launch innovation patent forum ' +
  'said would there their what about which when make can like time just know people year good some could them'
).split(' ');

/** Repeats `make(i)` until `bytes` UTF-8 bytes are reached (approximately, whole pieces). */
function fill(bytes: number, make: (i: number) => string): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = make(i);
    parts.push(p);
    size += Buffer.byteLength(p);
  }
  return parts.join('');
}

/** Clean ASCII prose with ordinary `?`, `??`, quotes, dashes and URLs, in lines of ~80 chars. */
export function asciiProse(bytes: number): string {
  const rnd = prng(1);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
  return fill(bytes, () => {
    const n = 6 + Math.floor(rnd() * 10);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(pick(WORDS));
    if (rnd() < 0.05) words.push('https://example.com/a?b=c&d=e');
    if (rnd() < 0.05) words.push('"quoted" --');
    return words.join(' ') + pick(['.', '.', '?', '??', '!', ';']) + (rnd() < 0.3 ? '\n' : ' ');
  });
}

const PHRASES = [
  'Ceci est un été très chaud à Paris, n’est-ce pas ?',
  'Übermäßig große Straßenschäden in München.',
  'El niño comió jamón — ¡qué día!',
  'Zażółć gęślą jaźń.',
  'Příliš žluťoučký kůň úpěl ďábelské ódy.',
  'Съешь же ещё этих мягких французских булок.',
  'Γαζέες καὶ μυρτιὲς δὲν θὰ βρῶ πιὰ στὸ χρυσαφὶ ξέφωτο.',
  'עברית היא שפה שמית.',
  'اللغة العربية جميلة.',
  'Tiếng Việt có dấu.',
  '日本語のテキストです。',
  '简体中文和繁體中文。',
  '한국어 문장입니다.',
  'ภาษาไทยง่ายนิดเดียว',
  '“Quoted,” she said — ‘nested’ … €5 £3 © ™',
];

/** Generated clean text in a mix of scripts (used when the corpus cache is missing). */
export function generatedMultilingual(bytes: number): string {
  const rnd = prng(2);
  return fill(bytes, () => PHRASES[Math.floor(rnd() * PHRASES.length)] + (rnd() < 0.4 ? '\n' : ' '));
}

/** The cached Debian corpus (`npm run corpus`), concatenated up to `bytes`, or null when absent. */
export function corpusMultilingual(root: string, bytes: number): string | null {
  const dir = path.join(root, '.cache', 'corpus');
  const manifest = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifest)) return null;
  const { files } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { files: { name: string }[] };
  const texts = files.map((f) => fs.readFileSync(path.join(dir, f.name), 'utf8'));
  const total = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
  // Take the same share of every language file, so the mix matches the corpus.
  const share = Math.min(1, bytes / total);
  const parts = texts.map((t) => t.slice(0, Math.floor(t.length * share)));
  const text = parts.join('\n');
  // Slicing by UTF-16 length undershoots the byte count of multi-byte scripts: top up from the start.
  const missing = bytes - Buffer.byteLength(text);
  return missing > 0 ? text + '\n' + Buffer.from(text).subarray(0, missing).toString('utf8') : text;
}

/** The usual wrong codecs of dense mojibake. */
const DENSE_CODECS = ['windows-1252', 'latin1', 'windows-1250', 'windows-1251', 'macintosh'];

/** Dense mojibake: every phrase garbled as UTF-8 misread by one of the usual wrong codecs. */
export function denseMojibake(bytes: number): string {
  const rnd = prng(3);
  return fill(bytes, () => {
    const phrase = PHRASES[Math.floor(rnd() * PHRASES.length)];
    const codec = DENSE_CODECS[Math.floor(rnd() * DENSE_CODECS.length)];
    return iconv.decode(Buffer.from(phrase, 'utf8'), codec) + (rnd() < 0.4 ? '\n' : ' ');
  });
}

/**
 * Dense mojibake of real text: every line of the cached corpus garbled by one of the usual wrong
 * codecs. Its words repeat as a language's do, not as the fifteen phrases above do, so it shows
 * what replaying recorded words (tokenMemo.ts) gains on real documents. Null without the corpus.
 */
export function corpusMojibake(root: string, bytes: number): string | null {
  const text = corpusMultilingual(root, bytes);
  if (text === null) return null;
  const rnd = prng(4);
  const lines = text.split('\n').map((line) => iconv.decode(Buffer.from(line, 'utf8'), DENSE_CODECS[Math.floor(rnd() * DENSE_CODECS.length)]));
  // Garbled, the text grew (two or three characters per letter): cut it back to `bytes`.
  const out: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size >= bytes) break;
    out.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return out.join('\n');
}
