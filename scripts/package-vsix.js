// Packages clean-copy-<version>.vsix with vsce (which runs `vscode:prepublish`, the production
// build) and checks that only the allowlisted runtime files went in.
//
// Usage: node scripts/package-vsix.js [--out DIR]   (npm run package)
// Prints the path of the VSIX as its last line.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const repoRoot = path.resolve(__dirname, '..');
const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');

// Files that may ship; anything else in the VSIX means .vscodeignore let too much through.
const allowed = [
  /^dist\/(extension|cli)\.js$/,
  /^package\.json$/,
  /^package\.nls(\.[\w-]+)?\.json$/,
  /^l10n\/[^/]+\.json$/,
  /^(README|CHANGELOG)\.md$/,
  /^LICENSE(\.\w+)?$/,
  /^media\/[^/]+\.(png|svg)$/,
  /^media\/screenshots\/[^/]+\.png$/,
  /^syntaxes\/[^/]+\.json$/,
];

// iconv-lite is bundled by esbuild: no node_modules in the VSIX.
const listFlags = ['--no-dependencies'];
const packageFlags = [
  ...listFlags,
  // README screenshots are relative (media/screenshots/) and there is no repository URL to
  // rewrite them against; without this vsce refuses to package.
  '--no-rewrite-relative-links',
  // No repository field yet: without this vsce asks y/N, which hangs with no stdin (CI).
  '--allow-missing-repository',
];

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

function runVsce(args) {
  const result = spawnSync(process.execPath, [vsce, ...args], { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) fail(`vsce ${args[0]} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

function main() {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const required = [manifest.icon, 'LICENSE', 'README.md'].filter(Boolean);
  const missing = required.filter((file) => !fs.existsSync(path.join(repoRoot, file)));
  if (missing.length) fail(`missing ${missing.join(', ')} (needed in the VSIX; not generated here)`);

  const outIndex = process.argv.indexOf('--out');
  const outDir = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : repoRoot;
  fs.mkdirSync(outDir, { recursive: true });
  const vsix = path.join(outDir, `${manifest.name}-${manifest.version}.vsix`);
  fs.rmSync(vsix, { force: true });
  // vsce runs `vscode:prepublish` (production build) before packaging.
  console.log(runVsce(['package', ...packageFlags, '--out', vsix]).trim());
  if (!fs.existsSync(vsix)) fail(`vsce reported success but ${vsix} does not exist`);

  // Same .vscodeignore rules as the package just made: check nothing unexpected went in.
  const listed = runVsce(['ls', ...listFlags])
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const unexpected = listed.filter((file) => !allowed.some((pattern) => pattern.test(file)));
  const absent = ['dist/extension.js', 'dist/cli.js', 'package.json'].filter((file) => !listed.includes(file));
  if (unexpected.length || absent.length) {
    fs.rmSync(vsix, { force: true });
    if (unexpected.length) fail(`files outside the allowlist would ship (fix .vscodeignore):\n  ${unexpected.join('\n  ')}`);
    fail(`${absent.join(', ')} missing from the VSIX`);
  }
  console.log(`files: ${listed.join(', ')}`);
  console.log(vsix);
}

main();
