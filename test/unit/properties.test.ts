import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { detect, repair, type AppliedRepair } from '../../src/core';
import { FTFY_FILES, loadFtfyCases } from './helpers/ftfy';
import { CLEAN_PHRASES, asciiProse, cjkLine, cjkRepertoires, randomMojibake, randomUnicode } from './helpers/generate';
import { repoRoot } from './helpers/paths';
import { Prng } from './helpers/prng';
import { show } from './helpers/show';

const SEED = 20251125;
const RANDOM_CASES = 400;

function seedText(): string {
  return fs.readFileSync(path.join(repoRoot(), 'test', 'fixtures', 'seed.txt'), 'utf8');
}

/** Inputs for the idempotence and locality properties: the seed, ftfy's cases, random mojibake. */
function repairInputs(): { name: string; text: string }[] {
  const inputs = [{ name: 'seed', text: seedText() }];
  for (const file of FTFY_FILES) {
    for (const c of loadFtfyCases(file)) inputs.push({ name: `${file}: ${c.label}`, text: c.original });
  }
  const rng = new Prng(SEED);
  for (let i = 0; i < RANDOM_CASES; i++) inputs.push({ name: `random mojibake #${i} (seed ${SEED})`, text: randomMojibake(rng) });
  return inputs;
}

/** Every character outside the applied findings is where it was; replacements are what they say. */
function assertEditsOnlyInsideFindings(before: string, result: AppliedRepair, name: string): void {
  let cursor = 0;
  let out = 0;
  for (const f of [...result.applied].sort((a, b) => a.start - b.start)) {
    assert.ok(f.start >= cursor, `${name}: applied findings overlap at ${f.start}`);
    assert.strictEqual(result.text.slice(out, out + f.start - cursor), before.slice(cursor, f.start), `${name}: text before ${f.start} changed`);
    out += f.start - cursor;
    assert.strictEqual(before.slice(f.start, f.end), f.original, `${name}: finding.original is not the text at ${f.start}`);
    assert.strictEqual(result.text.slice(out, out + f.replacement.length), f.replacement, `${name}: replacement not at its place`);
    out += f.replacement.length;
    cursor = f.end;
  }
  assert.strictEqual(result.text.slice(out), before.slice(cursor), `${name}: text after the last finding changed`);
}

describe('engine properties', () => {
  const inputs = repairInputs();

  it(`repair is idempotent (seed, ftfy cases, ${RANDOM_CASES} random mojibake strings)`, () => {
    const failures: string[] = [];
    for (const { name, text } of inputs) {
      const once = repair(text).text;
      const twice = repair(once).text;
      if (twice !== once) failures.push(`${name}\n    once:  ${show(once.slice(0, 300))}\n    twice: ${show(twice.slice(0, 300))}`);
    }
    if (failures.length) console.log(`    not idempotent on ${failures.length} of ${inputs.length} inputs (first 10):\n  ${failures.slice(0, 10).join('\n  ')}`);
    assert.strictEqual(failures.length, 0, `repair is not idempotent on ${failures.length} inputs (first 10 listed above)`);
  });

  it('repair edits only inside the applied findings', () => {
    for (const { name, text } of inputs) assertEditsOnlyInsideFindings(text, repair(text), name);
  });

  describe('clean ASCII prose is returned untouched', () => {
    const fixed = [
      'Really??',
      'a ?? b',
      "What's this?",
      'x?.y ?? z',
      '"quoted" -- dashes',
      'See https://example.com/search?a=b&c=d?e and http://x.org/?q=1??',
      'Is it 5 ?? or 6?? Who knows???',
      "It's the company's 2025 result -- up 12% (year on year)?!",
      'const v = a?.b?.[c] ?? d ?? "?";',
      'Q: Why?? A: Because. ???',
    ];
    for (const text of fixed) {
      it(show(text), () => {
        assert.strictEqual(repair(text).text, text);
        assert.deepStrictEqual(detect(text).map((f) => show(f.original)), []);
      });
    }

    it('generated prose (200 paragraphs)', () => {
      const rng = new Prng(SEED + 1);
      for (let i = 0; i < 200; i++) {
        const text = asciiProse(rng, 12);
        const findings = detect(text);
        assert.deepStrictEqual(findings.map((f) => `${show(f.original)} → ${show(f.replacement)}`), [], `in: ${show(text)}`);
      }
    });
  });

  it('clean multilingual phrases are returned untouched', () => {
    for (const text of CLEAN_PHRASES) assert.strictEqual(show(repair(text).text), show(text));
  });

  // Real CJK text re-encodes to valid UTF-8 now and then (一些 is һЩ in GBK bytes): it must still
  // never be taken for mojibake. Glued to a Latin word, one character that reads as a Latin letter
  // (`Linux帽` would be `Linuxñ`, as `caf茅` is `café`) is ambiguous: there, a rare miss is allowed.
  const changes = (repertoire: readonly string[], glued: boolean, lines: number): string[] => {
    const rng = new Prng(SEED + 3);
    const changed: string[] = [];
    for (let i = 0; i < lines; i++) {
      const text = cjkLine(rng, repertoire, glued);
      const findings = detect(text);
      if (findings.length) changed.push(`${findings.map((f) => `${show(f.original)} → ${show(f.replacement)}`).join(', ')} in ${show(text)}`);
    }
    return changed;
  };
  for (const [name, repertoire] of Object.entries(cjkRepertoires())) {
    it(`random CJK text is returned untouched: ${name} (3000 lines)`, () => {
      const changed = changes(repertoire, false, 3000);
      assert.deepStrictEqual(changed.slice(0, 10), [], `${changed.length} lines of clean CJK text changed`);
    });
    if (name.includes('spaced only')) continue;
    it(`random CJK text glued to Latin words: ${name}, at most 1 line in 1000 changed (3000 lines)`, () => {
      const changed = changes(repertoire, true, 3000);
      assert.ok(changed.length <= 3, `${changed.length} lines of clean CJK text changed:\n${changed.slice(0, 10).join('\n')}`);
    });
  }

  // One CJK character standing alone in English prose (`the 福 character`) often re-encodes to a
  // Latin letter (`帽` is ñ); only the few that Latin text has alone (`猫` is è) are taken for mojibake.
  for (const [name, repertoire] of Object.entries(cjkRepertoires())) {
    if (name.includes('spaced only')) continue; // made of exactly such characters: no measure of real text
    it(`one CJK character alone in English prose: ${name}, at most 1 line in 100 changed (2000 lines)`, () => {
      const rng = new Prng(SEED + 4);
      const changed: string[] = [];
      for (let i = 0; i < 2000; i++) {
        const words = asciiProse(rng, 2).split(' ');
        words.splice(rng.int(0, words.length - 1), 0, rng.pick(repertoire));
        const text = words.join(' ');
        const got = repair(text).text;
        if (got !== text) changed.push(`${show(text)} → ${show(got)}`);
      }
      assert.ok(changed.length <= 20, `${changed.length} lines changed:\n${changed.slice(0, 10).join('\n')}`);
    });
  }

  it('long lines of one garbled form never throw (each a case that once did or could: not timed)', function () {
    this.timeout(60_000);
    // 200,000 findings that read to U+FFFD (`ï¿½`: U+FFFD itself garbled) once overflowed the
    // stack (a Math.min over all their positions); lines of lost letters and lost bytes of each
    // form this engine names are read whole; leads whose byte a decoder dropped (`Ñ `, `à§`), one
    // line of them after `â€™` (Windows-1252 shown), and `Ð½Ñ ` (Ñ with a space is Ѡ, a lost
    // no-break space), which once read every position to the line's end: minutes for 80 KB; and
    // `xâÃ`, a line of letters with a site at every third, whose word before each was walked whole.
    const fffd = 'aï¿½ '.repeat(200_000);
    assert.strictEqual(detect(fffd).length, 200_000);
    for (const unit of ['×\ufffd', 'Ð\ufffd', 'Ï\ufffd', 'å\ufffdŽ', 'Ã?sta ', 'Ioana Ä?tefÄ?nescu ', '繝弱\ufffd吶\ufffdｼ', '鏈€\ufffd\n', 'Ð½Ñ ', 'à¦…à§', 'razliÄic Ã©tÃ© ', 'xâÃ']) {
      const text = 'Itâ€™s ' + unit.repeat(Math.ceil(300_000 / unit.length));
      assert.doesNotThrow(() => repair(text), unit);
    }
  });

  it('random Unicode never throws and findings are well-formed', () => {
    const rng = new Prng(SEED + 2);
    for (let i = 0; i < 3000; i++) {
      const text = randomUnicode(rng, 60);
      let findings;
      try {
        findings = detect(text);
        repair(text);
      } catch (err) {
        assert.fail(`threw on ${show(text)}: ${String(err)}`);
      }
      for (const f of findings) {
        const where = `finding ${JSON.stringify({ ...f, explanation: undefined })} in ${show(text)}`;
        assert.ok(Number.isInteger(f.start) && Number.isInteger(f.end), `offsets not integers: ${where}`);
        assert.ok(f.start >= 0 && f.start < f.end && f.end <= text.length, `bad range: ${where}`);
        assert.strictEqual(f.original, text.slice(f.start, f.end), `original is not the text: ${where}`);
        assert.ok(f.confidence >= 0 && f.confidence <= 1, `confidence out of [0,1]: ${where}`);
        assert.notStrictEqual(f.replacement, f.original, `replacement equals original: ${where}`);
        assert.ok(!f.alternatives.includes(f.replacement), `alternatives repeat the replacement: ${where}`);
        assert.ok(f.explanation.length > 0, `no explanation: ${where}`);
        // Only byte-order marks decode to nothing: any other empty repair would delete text.
        const onlyBoms = (f.bytes ?? []).length > 0 && (f.bytes ?? []).every((b, k) => b === [0xef, 0xbb, 0xbf][k % 3]);
        assert.ok(f.replacement !== '' || f.kind !== 'reversible' || onlyBoms, `empty repair deletes text: ${where}`);
      }
    }
  });
});
