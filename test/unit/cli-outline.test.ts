import * as assert from 'assert';
import { promises as fs } from 'fs';
import * as path from 'path';
import { extractOutline, formatOutlineMarkdown } from '../../src/core/outline';
import { encodeText } from '../../src/cli/encoding';
import { runCli, SEED_PATH, useFolderAndSeed } from './cli-harness';

describe('cli outline', () => {
  const ctx = useFolderAndSeed();

  it('prints the outline of the seed as JSON with the documented shape', async () => {
    const r = await runCli(['outline', SEED_PATH]);
    assert.strictEqual(r.code, 0, r.stderr);
    const outline = JSON.parse(r.stdout);
    assert.deepStrictEqual(Object.keys(outline).sort(), ['contacts', 'dateline', 'figures', 'headline', 'quotes']);
    assert.deepStrictEqual(outline, JSON.parse(JSON.stringify(extractOutline(ctx.seed))));
    const spans = [outline.headline, outline.dateline, ...outline.quotes, ...outline.figures, ...outline.contacts].filter(Boolean);
    for (const s of spans) {
      assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && 0 <= s.start && s.start <= s.end && s.end <= ctx.seed.length);
    }
    if (outline.headline) assert.deepStrictEqual(Object.keys(outline.headline).sort(), ['end', 'start', 'text']);
    if (outline.dateline) assert.deepStrictEqual(Object.keys(outline.dateline).sort(), ['date', 'end', 'place', 'start']);
    for (const q of outline.quotes) assert.deepStrictEqual(Object.keys(q).sort(), ['end', 'role', 'speaker', 'start', 'text']);
    for (const f of outline.figures) assert.deepStrictEqual(Object.keys(f).sort(), ['end', 'label', 'sentence', 'start', 'value']);
    for (const c of outline.contacts) assert.deepStrictEqual(Object.keys(c).sort(), ['end', 'kind', 'start', 'value']);
  });

  it('gives offsets into the text as read: a UTF-16 file with BOM outlines like the UTF-8 one', async () => {
    await fs.writeFile(path.join(ctx.dir, 'r16.txt'), encodeText(ctx.seed, 'utf-16le'));
    const r = await runCli(['outline', 'r16.txt'], { cwd: ctx.dir });
    assert.strictEqual(r.code, 0, r.stderr);
    assert.deepStrictEqual(JSON.parse(r.stdout), JSON.parse(JSON.stringify(extractOutline(ctx.seed))));
  });

  it('prints Markdown with --format markdown', async () => {
    const r = await runCli(['outline', '--format', 'markdown', '-'], { stdin: ctx.seed });
    assert.strictEqual(r.code, 0, r.stderr);
    const md = formatOutlineMarkdown(extractOutline(ctx.seed));
    assert.strictEqual(r.stdout, md.endsWith('\n') ? md : md + '\n');
  });

  it('fails with exit 2 for a missing or binary file', async () => {
    await fs.writeFile(path.join(ctx.dir, 'bin'), Buffer.from([1, 0, 2]));
    for (const file of ['absent.txt', 'bin']) {
      const r = await runCli(['outline', file], { cwd: ctx.dir });
      assert.strictEqual(r.code, 2);
      assert.strictEqual(r.stdout, '');
      assert.match(r.stderr, new RegExp(`^clean-copy: ${file}: `));
    }
  });
});
