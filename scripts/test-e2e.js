// End-to-end: package the VSIX, install it into a throwaway extensions folder with code-server's
// CLI, serve a workspace holding a copy of the seed, and run the mocha tests in test/e2e (which
// drive chromium against that server). code-server is always stopped at the end.
//
// Usage: node scripts/test-e2e.js   (npm run test:e2e)
// Writes {passes, failures, tests} to $CLEAN_COPY_E2E_RESULTS (default test/.results/e2e.json).
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { build, repoRoot } = require('./lib/build');
const { installExtension, startCodeServer } = require('./code-server/launch');

const resultsDir = path.join(repoRoot, 'test', '.results');
const resultsFile = path.resolve(process.env.CLEAN_COPY_E2E_RESULTS ?? path.join(resultsDir, 'e2e.json'));
const screenshots = path.join(repoRoot, 'test', 'e2e', 'screenshots');

function packageVsix() {
  const outDir = path.join(resultsDir, 'vsix');
  const result = spawnSync(process.execPath, [path.join(__dirname, 'package-vsix.js'), '--out', outDir], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  if (result.status !== 0) throw new Error('packaging the VSIX failed');
  return result.stdout.trim().split('\n').pop();
}

function runMocha(env) {
  const mocha = path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const args = [
    mocha,
    '--no-config', // .mocharc.json is the unit suite's
    '--ui', 'bdd',
    '--timeout', '120000',
    '--reporter', path.join(repoRoot, 'dist', 'test', 'support', 'counting-reporter.js'),
    '--reporter-option', `output=${resultsFile}`,
    'dist/test/e2e/**/*.test.js',
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.rmSync(resultsFile, { force: true });
  fs.rmSync(screenshots, { recursive: true, force: true });

  // Production build inside vsce first, then the development build for the test bundles.
  const vsix = packageVsix();
  fs.rmSync(path.join(repoRoot, 'dist', 'test', 'e2e'), { recursive: true, force: true });
  build();

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-copy-e2e-'));
  const workspace = path.join(scratch, 'workspace');
  const extensionsDir = path.join(scratch, 'extensions');
  fs.mkdirSync(workspace);
  fs.copyFileSync(path.join(repoRoot, 'test', 'fixtures', 'seed.txt'), path.join(workspace, 'seed.txt'));

  let server;
  try {
    console.log(installExtension(vsix, extensionsDir).trim());
    server = await startCodeServer({
      folder: workspace,
      extensionsDir,
      userDataDir: path.join(scratch, 'user-data'),
      logFile: path.join(resultsDir, 'code-server-e2e.log'),
    });
    console.log(`code-server at ${server.url}`);
    return await runMocha({
      CLEAN_COPY_E2E_URL: server.url,
      CLEAN_COPY_E2E_WORKSPACE: workspace,
      CLEAN_COPY_E2E_SCREENSHOTS: screenshots,
    });
  } finally {
    await server?.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`e2e: ${err.message}`);
    process.exit(1);
  },
);
