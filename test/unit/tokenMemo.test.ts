import * as assert from 'assert';
import * as iconv from 'iconv-lite';
import { detect } from '../../src/core';
import { TokenMemos, tokenMemo } from '../../src/core/tokenMemo';
import { Prng } from './helpers/prng';

const SEED = 20261126;

/** Words garbled in every way the scan knows, lossy forms and leftovers among them. */
const WORDS = [
  'été', 'très', 'à', 'Übermäßig', 'Straße', 'jamón', 'Zażółć', 'gęślą', 'Příliš', 'žluťoučký', 'Съешь', 'ещё', 'на',
  'Γαζέες', 'καὶ', '’s', 'Huawei’s', '“Quoted,”', '—', '…', '€5', '£3', '©', '™', 'naïve', 'ş', 'İstanbul', 'ų', 'voilà',
  'às', 'ŝ', 'ů', 'Ġ', '½', '°C', '25°', 'the', '?', '??', 'a?', 'â??', 'a??', 'â?•', 'Huaweiâ??s', 'a? •', 'Ä?', 'Ã',
  'Â', 'Ă', '\u0081', '\u009d', '�', 'Ã\n©', 'â€\n™', 'Ã\u00a0', '日本語', '鈥檚',
];
const CODECS = ['windows-1252', 'latin1', 'windows-1250', 'windows-1251', 'windows-1253', 'windows-1254', 'windows-1257', 'macintosh', 'cp437', 'gbk', 'big5', 'shift_jis', 'euc-kr'];
/** White space of every kind: a no-break space is a byte of MacRoman mojibake, a line break may split a sequence. */
const SEPARATORS = [' ', ' ', ' ', '\n', '\r\n', '\t', '  ', '\u00a0', '\u3000', '\u2028', ', ', ' - '];

/** A document that repeats a dozen garbled words with changing neighbours, as garbled releases do. */
function repetitiveDocument(rng: Prng): string {
  const oneCodec = rng.next() < 0.7 ? rng.pick(CODECS.slice(0, 9)) : '';
  const vocabulary = Array.from({ length: 12 }, () => rng.pick(WORDS) + (rng.next() < 0.3 ? rng.pick(WORDS) : '') + (rng.next() < 0.2 ? rng.pick(['.', ',', '?', 's', '!']) : ''));
  let text = '';
  for (let k = rng.int(50, 300); k > 0; k--) {
    const word = rng.pick(vocabulary);
    const garbled = rng.next() < 0.85 ? iconv.decode(iconv.encode(word, 'utf8'), oneCodec || rng.pick(CODECS)) : word;
    text += garbled + rng.pick(SEPARATORS);
  }
  return text;
}

describe('replaying recorded words (tokenMemo.ts)', () => {
  afterEach(() => (tokenMemo.on = true));

  it(`finds exactly what scanning every word again finds (seed ${SEED})`, () => {
    const rng = new Prng(SEED);
    const find = TokenMemos.prototype.find;
    let replays = 0;
    TokenMemos.prototype.find = function (...args: Parameters<typeof find>) {
      const memo = find.apply(this, args);
      if (memo) replays++;
      return memo;
    };
    try {
      for (let d = 0; d < 200; d++) {
        const text = repetitiveDocument(rng);
        tokenMemo.on = false;
        const scanned = detect(text);
        tokenMemo.on = true;
        const replayed = detect(text);
        assert.deepStrictEqual(replayed, scanned, `document #${d}: ${JSON.stringify(text.slice(0, 300))}`);
      }
    } finally {
      TokenMemos.prototype.find = find;
    }
    // The comparison means something only if words were replayed, and many were.
    assert.ok(replays > 1000, `only ${replays} words replayed`);
  });

  it('keeps a word apart from white space that is itself a byte of mojibake', () => {
    // In MacRoman a no-break space is CA, a lead: the run of the second `žluťoučký` goes on across
    // it into `°` (A1), not into `x`. (The second `x` word is recorded knowing the codec, and the
    // third would replay it.)
    const word = iconv.decode(Buffer.from('žluťoučký', 'utf8'), 'macintosh');
    const text = `a ${word}\u00a0x b ${word}\u00a0x c ${word}\u00a0°C d\n`;
    tokenMemo.on = false;
    const scanned = detect(text);
    tokenMemo.on = true;
    assert.deepStrictEqual(detect(text), scanned);
    assert.ok(scanned.some((f) => f.original.endsWith('\u00a0°')), JSON.stringify(scanned.map((f) => f.original)));
  });
});
