import * as assert from 'assert';
import * as fs from 'fs';
import * as iconv from 'iconv-lite';
import * as path from 'path';
import { repair } from '../../src/core';
import { extractOutline, formatOutlineMarkdown, type Outline } from '../../src/core/outline';

/** The user's real release, as given (garbled) and as the lead repaired it by hand. */
const FIXTURES = path.join(__dirname, '../../../test/fixtures'); // dist/test/unit -> test/fixtures
const read = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

const EXPECTED_QUOTES = [
  { speaker: 'Liuping Song', role: 'Chief Legal Officer', first: 'Open innovation drives', last: 'approach to innovation' },
  { speaker: 'Liuping Song', role: 'Chief Legal Officer', first: 'Huawei respects the IP', last: 'and trade secrets.' },
  {
    speaker: 'Marco Alemán',
    role: 'Assistant Director General of the World Intellectual Property Organization (WIPO)',
    first: 'Huawei is a leading global user',
    last: 'PCT system since 2014.',
  },
  {
    speaker: 'Etienne Sanz de Acedo',
    role: 'CEO of the International Trademark Association',
    first: 'As an intangible asset',
    last: 'into quantifiable value.',
  },
  {
    speaker: 'Ningling Wang',
    role: 'President-elect of the Licensing Executives Society International',
    first: 'industry leaders, policymakers',
    last: 'practice responsible licensing.',
  },
  {
    speaker: 'Heiwai Tang',
    role: 'Associate Vice-President of the University of Hong Kong',
    first: 'Innovation is a core driver',
    last: 'healthy business ecosystem.',
  },
  { speaker: 'Liuping Song', role: 'Chief Legal Officer', first: 'We are committed to building', last: 'develop together.' },
];

/** The twelve key figures: value as read, and what the label must say. */
const KEY_FIGURES: Array<[string, RegExp]> = [
  ['US$630 million', /^patent licensing revenue, 2024$/],
  ['6,600', /^published Patent Cooperation Treaty \(PCT\) applications, 2024$/],
  ['37,000', /^patents\b.*2024$/],
  ['10,000', /^technical contributions to standards organizations, 2024$/],
  ['1,000', /^academic papers, 2024$/],
  ['10 million', /^lines \(source code for OpenHarmony\), 2024$/],
  ['8,100', /^community contributors, 2024$/],
  ['10 million', /^installations \(openEuler\), 2024$/],
  ['2.7 billion', /^5G devices, 2024$/],
  ['1.2 billion', /^consumer electronic devices, 2024$/],
  ['3.2 billion', /^multimedia devices, 2024$/],
  ['48', /^Fortune Global 500 companies, 2024$/],
];

function checkSeedOutline(text: string, outline: Outline): void {
  it('finds the headline, and its offsets show it', () => {
    const h = outline.headline;
    assert.ok(h, 'no headline');
    assert.strictEqual(h.text, 'Advancing Innovation with Openness: Huawei holds the 6th Innovation and IP Forum');
    assert.strictEqual(text.slice(h.start, h.end), h.text);
  });

  it('finds the dateline split over three lines', () => {
    const d = outline.dateline;
    assert.ok(d, 'no dateline');
    assert.strictEqual(d.place, 'BEIJING, CHINA');
    assert.strictEqual(d.date, '14 November 2025');
    const slice = text.slice(d.start, d.end);
    assert.ok(slice.startsWith('BEIJING, CHINA'), slice);
    assert.ok(slice.endsWith('14November 2025'), slice);
  });

  it('finds the contact email without the glued label', () => {
    const emails = outline.contacts.filter((c) => c.kind === 'email');
    assert.deepStrictEqual(
      emails.map((c) => c.value),
      ['Corporate.comms@huawei.com'],
    );
    assert.strictEqual(text.slice(emails[0].start, emails[0].end), 'Corporate.comms@huawei.com');
  });

  it('finds the seven quotes with speaker and role', () => {
    assert.deepStrictEqual(
      outline.quotes.map((q) => [q.speaker, q.role]),
      EXPECTED_QUOTES.map((q) => [q.speaker, q.role]),
    );
    outline.quotes.forEach((q, i) => {
      const e = EXPECTED_QUOTES[i];
      assert.ok(q.text.startsWith(e.first), `quote ${i + 1} text: ${q.text}`);
      assert.ok(q.text.endsWith(e.last), `quote ${i + 1} text: ${q.text}`);
      assert.ok(!/[“”]/.test(q.text), `quote marks left in: ${q.text}`);
    });
  });

  it('gives quote offsets that cover the marks and words in the text as given', () => {
    outline.quotes.forEach((q, i) => {
      const slice = text.slice(q.start, q.end);
      const e = EXPECTED_QUOTES[i];
      // The opening mark (1 character repaired, up to 3 garbled) comes right before the words.
      const at = slice.indexOf(e.first);
      assert.ok(at >= 1 && at <= 3, `quote ${i + 1} slice starts: ${JSON.stringify(slice.slice(0, 30))}`);
      assert.ok(slice.includes(e.last), `quote ${i + 1} slice: ${JSON.stringify(slice.slice(-40))}`);
      assert.ok(slice.length - slice.lastIndexOf(e.last) - e.last.length <= 5, 'the slice ends at the closing mark');
    });
  });

  it('does not take the quoted award title as a quote', () => {
    assert.ok(!outline.quotes.some((q) => /^Top Ten Inventions/.test(q.text)));
  });

  it('finds the twelve key figures with labels, and their offsets show them', () => {
    const remaining = [...outline.figures];
    for (const [value, label] of KEY_FIGURES) {
      const idx = remaining.findIndex((f) => f.value === value && label.test(f.label));
      assert.ok(
        idx >= 0,
        `missing ${value} ~ ${label}; have ${outline.figures.map((f) => `${f.value} = ${f.label}`).join(' | ')}`,
      );
      const f = remaining.splice(idx, 1)[0];
      assert.strictEqual(text.slice(f.start, f.end).replace('\\', ''), f.value);
      assert.ok(f.sentence.replace('\\', '').includes(f.value), `the sentence holds the figure: ${f.sentence}`);
    }
  });

  it('labels the multiple "nearly three times"', () => {
    const f = outline.figures.find((x) => x.value === 'nearly three times');
    assert.ok(f, 'multiple missing');
    assert.match(f.label, /^patent royalties vs\. amount of royalties/);
  });

  it('takes no years, dates, ordinals or name numbers as figures', () => {
    const values = outline.figures.map((f) => f.value);
    for (const bad of ['2024', '2014', '2025', '14', '500', '5', '6', '1']) {
      assert.ok(!values.includes(bad), `${bad} taken as a figure: ${values.join(', ')}`);
    }
    assert.strictEqual(outline.figures.length, KEY_FIGURES.length + 1, values.join(', '));
  });

  it('formats a Markdown outline with every part', () => {
    const md = formatOutlineMarkdown(outline);
    assert.ok(md.startsWith('# Advancing Innovation with Openness'), md.slice(0, 80));
    assert.match(md, /\*\*Dateline:\*\* BEIJING, CHINA — 14 November 2025/);
    assert.match(md, /## Quotes \(7\)/);
    assert.match(md, /1\. \*\*Liuping Song\*\*, Chief Legal Officer:\n {3}> “Open innovation drives/);
    assert.match(md, /- \*\*US\$630 million\*\* — patent licensing revenue, 2024/);
    assert.match(md, /- Email: Corporate\.comms@huawei\.com/);
  });
}

describe('outline of the seed release', () => {
  describe('repaired text (test/fixtures/seed.repaired.txt)', () => {
    const text = read('seed.repaired.txt');
    checkSeedOutline(text, extractOutline(text));
  });

  describe('garbled text as given (test/fixtures/seed.txt), read through the repair engine', () => {
    const text = read('seed.txt');
    it('is garbled, and the engine repairs it', () => {
      assert.match(text, /â\?\?/);
      assert.ok(repair(text).applied.length > 0, 'the detector found nothing to repair');
    });
    checkSeedOutline(text, extractOutline(text));
  });

  // The same release through other pipelines: the outline reads through each.
  const repaired = read('seed.repaired.txt');
  const pipelines: Record<string, string> = {
    'UTF-8 shown as Windows-1252': iconv.decode(Buffer.from(repaired, 'utf8'), 'windows-1252'),
    'UTF-8 shown as Windows-1253 (curly quotes lost to U+FFFD)': iconv.decode(Buffer.from(repaired, 'utf8'), 'windows-1253'),
    'every curly mark replaced by U+FFFD': repaired.replace(/[‘’“”–—]/g, '\ufffd'),
    'every curly mark forced to ?': repaired.replace(/[‘’“”–—]/g, '?'),
  };
  for (const [name, text] of Object.entries(pipelines)) {
    describe(`garbled text: ${name}`, () => checkSeedOutline(text, extractOutline(text)));
  }

  it('keeps a speaker’s name whole where a letter stays lost (UTF-8 read as ASCII: Alem��n)', () => {
    const ascii = iconv.decode(Buffer.from(repaired, 'utf8'), 'ascii');
    const speakers = extractOutline(ascii).quotes.map((q) => q.speaker);
    assert.ok(speakers.includes('Marco Alem\ufffd\ufffdn'), JSON.stringify(speakers));
  });
});
