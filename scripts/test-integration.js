// Integration tests in a real VS Code: code-server serves the workbench, Debian's chromium opens it
// with this repo as development extension and dist/test/integration as the test suite. The suite's
// run() executes inside the extension host and writes its results to $CLEAN_COPY_TEST_RESULTS.
//
// Usage: node scripts/test-integration.js   (npm run test:integration)
// Env: CLEAN_COPY_INTEGRATION_TIMEOUT_MS (default 300000), CLEAN_COPY_TEST_RESULTS (results path).
const fs = require('fs');
const os = require('os');
const path = require('path');
const { build, repoRoot } = require('./lib/build');
const { launchChromium, testPayloadUrl } = require('./lib/browser');
const { startCodeServer } = require('./code-server/launch');

const resultsDir = path.join(repoRoot, 'test', '.results');
const resultsFile = path.resolve(process.env.CLEAN_COPY_TEST_RESULTS ?? path.join(resultsDir, 'integration.json'));
const serverLog = path.join(resultsDir, 'code-server-integration.log');
const timeoutMs = Number(process.env.CLEAN_COPY_INTEGRATION_TIMEOUT_MS ?? 300_000);

async function waitForFile(file, ms, stillRunning) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) {
      // The host writes the file in one call; give a partial write a moment to finish.
      await new Promise((resolve) => setTimeout(resolve, 200));
      return true;
    }
    const problem = stillRunning();
    if (problem) throw new Error(problem);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

function printResults(results) {
  for (const test of results.tests) {
    const mark = test.state === 'passed' ? 'ok  ' : 'FAIL';
    console.log(`  ${mark} ${test.fullTitle}`);
    if (test.error) console.log(test.error.replace(/^/gm, '        '));
  }
  console.log(`integration: ${results.passes} passing, ${results.failures} failing`);
}

async function main() {
  fs.mkdirSync(resultsDir, { recursive: true });
  fs.rmSync(resultsFile, { force: true });
  // Stale bundles of deleted tests would still be loaded by run(): start from an empty folder.
  fs.rmSync(path.join(repoRoot, 'dist', 'test', 'integration'), { recursive: true, force: true });
  build();

  // A throwaway copy of the fixtures as workspace, so tests that edit files never touch the repo.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-copy-workspace-'));
  fs.cpSync(path.join(repoRoot, 'test', 'fixtures'), workspace, { recursive: true });

  let server;
  let browser;
  try {
    server = await startCodeServer({
      folder: workspace,
      logFile: serverLog,
      env: { CLEAN_COPY_TEST_RESULTS: resultsFile, CLEAN_COPY_TEST_WORKSPACE: workspace },
    });
    console.log(`code-server at ${server.url} (log: ${path.relative(repoRoot, serverLog)})`);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(
      testPayloadUrl(server.url, {
        folder: workspace,
        extensionDevelopmentPath: repoRoot,
        extensionTestsPath: path.join(repoRoot, 'dist', 'test', 'integration'),
      }),
    );

    const finished = await waitForFile(resultsFile, timeoutMs, () =>
      server.process.exitCode !== null ? `code-server exited with code ${server.process.exitCode}` : null,
    );
    if (!finished) {
      const shot = path.join(resultsDir, 'integration-timeout.png');
      await page.screenshot({ path: shot }).catch(() => undefined);
      if (pageErrors.length) console.error(`page errors:\n  ${pageErrors.join('\n  ')}`);
      throw new Error(`no results in ${resultsFile} after ${timeoutMs} ms (screenshot: ${shot}, server log: ${serverLog})`);
    }
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    printResults(results);
    return results.failures === 0 && results.passes > 0 ? 0 : 1;
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`integration: ${err.message}`);
    process.exit(1);
  },
);
