import * as assert from 'assert';
import { detect, repair } from '../../src/core';
import { droppingUndefined, rightButForLost, strippedOfControls } from './helpers/mojibake';
import { show } from './helpers/show';

describe("engine: bytes a decoder dropped (errors='ignore')", () => {
  // Windows-1252 leaves 81 8D 8F 90 9D undefined; a decoder that ignores errors drops them, and a
  // letter's lead is left alone: я (D1 8F) comes out `Ñ`, ρ (CF 81) `Ï`, ্ (E0 A7 8D) `à§`.

  it('reads a Cyrillic letter that lost its second byte as lost, not as a Latin letter', () => {
    const truth = 'Сегодня компания объявила о росте.';
    const garbled = droppingUndefined(truth);
    assert.ok(garbled.includes('Ð½Ñ '), show(garbled)); // the lead of я, then the space
    const { text, applied } = repair(garbled);
    assert.ok(rightButForLost(text, truth), show(text));
    assert.ok(!/[\u00c0-\u00ff]/.test(text), `a lead was left: ${show(text)}`);
    // The word whose letter is lost: Сегодня is offered, and the explanation says what happened.
    const word = applied.find((f) => f.replacement.startsWith('Сегодн'))!;
    assert.strictEqual(word.original, garbled.slice(0, word.end));
    assert.ok([word.replacement, ...word.alternatives].includes('Сегодня'), JSON.stringify(word));
    assert.match(word.explanation, /dropped/);
  });

  it('names Greek letters the words settle, and so repairs the line exactly', () => {
    const truth = 'Ελληνικά: ρόλος και Νέα Υόρκη.';
    assert.strictEqual(repair(droppingUndefined(truth)).text, truth);
  });

  it('marks a Hebrew letter lost at a word’s end and offers the word', () => {
    const truth = 'עברית היא שפה שמית.';
    const found = detect(droppingUndefined(truth));
    const word = found.find((f) => f.replacement.startsWith('הי'))!;
    assert.ok(rightButForLost(repair(droppingUndefined(truth)).text, truth));
    assert.ok([word.replacement, ...word.alternatives].includes('היא'), JSON.stringify(word));
  });

  it('reads a three-byte character that lost its last byte (Bengali virama) as lost', () => {
    const truth = 'অস্ট্ৰিয়া';
    const text = repair(droppingUndefined(truth)).text;
    assert.strictEqual(text, 'অস\ufffdট\ufffdৰিয়া');
  });

  it('re-scans an edited line as the whole text reads it', () => {
    const text = droppingUndefined('Первая строка.\nСегодня компания объявила о росте.\nПоследняя строка.');
    const second = { start: text.indexOf('\n') + 1, end: text.lastIndexOf('\n') };
    const whole = detect(text).filter((f) => f.start >= second.start && f.end <= second.end);
    assert.ok(whole.some((f) => f.replacement.includes('\ufffd') || f.explanation.includes('dropped')), 'no lost letter in the line');
    assert.deepStrictEqual(detect(text, { range: second }), whole);
  });

  it('reads only the lines with such a lead again: the rest of a long document reads as it did', () => {
    const other = (k: number) => droppingUndefined(`Line ${k}: the café’s “menu” – naïve, ${k % 7 ? 'Ángel' : 'Zoë'} said.`);
    const lines = Array.from({ length: 400 }, (_, k) => other(k));
    const clean = lines.join('\n');
    lines[200] = droppingUndefined('Сегодня компания объявила о росте.');
    const text = lines.join('\n');
    const lineStart = text.indexOf(lines[200]);
    const lineEnd = lineStart + lines[200].length;
    const off = (f: { start: number }) => f.start < lineStart || f.start > lineEnd;
    // Findings off that line: those of the document without it (offsets moved by its length).
    const shift = lines[200].length - other(200).length;
    const expected = detect(clean).filter((f) => f.start < lineStart || f.start > lineStart + other(200).length).map((f) => (f.start > lineStart ? { ...f, start: f.start + shift, end: f.end + shift } : f));
    const got = detect(text);
    assert.deepStrictEqual(got.filter(off), expected);
    assert.ok(got.some((f) => !off(f) && f.explanation.includes('dropped')), 'the Russian line was not read');
  });

  it('leaves Latin-1 text with its control characters stripped to the readings it had (any of 80–9F may be lost there)', () => {
    // No Windows-1252 character at 80–9F anywhere: the lost byte need not be one it leaves undefined.
    const found = detect(strippedOfControls('Сегодня компания объявила о росте.'));
    assert.ok(found.length > 0);
    assert.deepStrictEqual(found.filter((f) => f.explanation.includes('dropped by the decoder') || /decoder dropped/.test(f.explanation)), []);
  });

  it('changes nothing in clean text that has such leads (Portuguese, Spanish, Hebrew signs)', () => {
    for (const clean of ['SÃO PAULO e São Paulo', 'Ñandú, Ísla', '3×4 = 12', 'Ärger über Åland']) assert.deepStrictEqual(detect(clean), [], clean);
  });
});
