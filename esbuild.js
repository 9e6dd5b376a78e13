// Bundles the extension, the CLI, the benchmark and the tests. `--watch` rebuilds on change,
// `--production` minifies (used by `vscode:prepublish`, so the VSIX ships the small build).
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Every `*.test.ts` under a folder, bundled one file each so mocha sees them separately. */
function testEntries(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => path.join(dir, f));
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  // Non-ASCII text stays UTF-8: escaped, each letter of the character tables and word lists
  // (codecs, cyrillic.ts) would take six bytes.
  charset: 'utf8',
  logLevel: 'info',
};

/** What ships in the VSIX: the extension (vscode is provided by the host) and the CLI. */
const shipped = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
];

/** Development-only bundles: benchmark and test suites (never in the VSIX). */
const devOnly = production
  ? []
  : [
      fs.existsSync('src/bench.ts') && { ...common, entryPoints: ['src/bench.ts'], outfile: 'dist/bench.js' },
      { ...common, entryPoints: testEntries('test/unit'), outdir: 'dist/test/unit', outbase: 'test/unit' },
      {
        ...common,
        entryPoints: [...testEntries('test/integration'), 'test/integration/index.ts'].filter((f) => fs.existsSync(f)),
        outdir: 'dist/test/integration',
        outbase: 'test/integration',
        // mocha is loaded from node_modules at run time: bundling it breaks its dynamic requires.
        external: ['vscode', 'mocha'],
      },
      // End-to-end tests and test tooling run in plain Node: their packages stay in node_modules.
      { ...common, entryPoints: testEntries('test/e2e'), outdir: 'dist/test/e2e', outbase: 'test/e2e', packages: 'external' },
      fs.existsSync('test/support') && {
        ...common,
        entryPoints: fs.readdirSync('test/support').filter((f) => f.endsWith('.ts')).map((f) => `test/support/${f}`),
        outdir: 'dist/test/support',
        packages: 'external',
      },
      fs.existsSync('test/runElectron.ts') && {
        ...common,
        entryPoints: ['test/runElectron.ts'],
        outfile: 'dist/test/runElectron.js',
        packages: 'external',
      },
    ].filter(Boolean);

async function main() {
  const configs = [...shipped, ...devOnly].filter((c) => !c.entryPoints || c.entryPoints.length > 0);
  if (watch) {
    const contexts = await Promise.all(configs.map((c) => esbuild.context(c)));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(configs.map((c) => esbuild.build(c)));
  fs.chmodSync('dist/cli.js', 0o755);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
