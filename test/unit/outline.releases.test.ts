import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { extractOutline } from '../../src/core/outline';

/**
 * Two invented releases in other house styles, each with the outline a reader would write by
 * hand (test/fixtures/releases/<name>.expected.json), compared field by field.
 */
const RELEASES = path.join(__dirname, '../../../test/fixtures/releases'); // dist/test/unit -> test/fixtures

interface Expected {
  headline: string;
  dateline: { place: string; date: string };
  quotes: Array<{ speaker: string; role: string; text: string }>;
  figures: Array<{ value: string; label: string }>;
  contacts: Array<{ kind: string; value: string }>;
}

const CASES = [
  { name: 'ap-style', style: 'AP style: straight quotes, "…," said X, a quote spanning paragraphs' },
  { name: 'british', style: "British: single quotes, X said: ‘…’, figures in £ and %" },
];

for (const { name, style } of CASES) {
  describe(`outline of ${name}.txt (${style})`, () => {
    const text = fs.readFileSync(path.join(RELEASES, `${name}.txt`), 'utf8');
    const expected = JSON.parse(fs.readFileSync(path.join(RELEASES, `${name}.expected.json`), 'utf8')) as Expected;
    const outline = extractOutline(text);

    it('finds the headline past any boilerplate', () => {
      assert.ok(outline.headline);
      assert.strictEqual(outline.headline.text, expected.headline);
      assert.strictEqual(text.slice(outline.headline.start, outline.headline.end), expected.headline);
    });

    it('finds the dateline', () => {
      assert.ok(outline.dateline);
      assert.deepStrictEqual({ place: outline.dateline.place, date: outline.dateline.date }, expected.dateline);
      const slice = text.slice(outline.dateline.start, outline.dateline.end);
      assert.ok(slice.startsWith(expected.dateline.place.split(',')[0]), slice);
    });

    it('attributes every quote to the right speaker and role', () => {
      assert.deepStrictEqual(
        outline.quotes.map((q) => `${q.speaker} | ${q.role}`),
        expected.quotes.map((q) => `${q.speaker} | ${q.role}`),
      );
    });

    it('reads every quote’s words, marks excluded, and its offsets cover it', () => {
      assert.deepStrictEqual(
        outline.quotes.map((q) => q.text),
        expected.quotes.map((q) => q.text),
      );
      for (const q of outline.quotes) {
        const slice = text.slice(q.start, q.end);
        assert.match(slice, /^["“‘']/, slice);
        assert.match(slice, /["”’']$/, slice);
        const firstWords = q.text.split(' ').slice(0, 3).join(' ');
        assert.ok(slice.slice(1).startsWith(firstWords), slice);
      }
    });

    it('finds every figure with its label', () => {
      assert.deepStrictEqual(
        outline.figures.map((f) => `${f.value} — ${f.label}`),
        expected.figures.map((f) => `${f.value} — ${f.label}`),
      );
      for (const f of outline.figures) {
        assert.strictEqual(text.slice(f.start, f.end), f.value);
        assert.ok(f.sentence.includes(f.value), f.sentence);
      }
    });

    it('finds the contacts', () => {
      assert.deepStrictEqual(
        outline.contacts.map((c) => `${c.kind}: ${c.value}`),
        expected.contacts.map((c) => `${c.kind}: ${c.value}`),
      );
      for (const c of outline.contacts) assert.strictEqual(text.slice(c.start, c.end), c.value);
    });
  });
}
