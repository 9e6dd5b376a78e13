// Runs the integration suite in a downloaded desktop VS Code via @vscode/test-electron, for
// machines with network access (the default runner, scripts/test-integration.js, uses code-server).
// Bundled to dist/test/runElectron.js: `npm run test:electron`. VSCODE_VERSION picks the build
// (default: 'stable'); the suite writes its JSON results to $CLEAN_COPY_TEST_RESULTS as usual.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const repoRoot = path.resolve(__dirname, '..', '..');
  const resultsFile = path.resolve(process.env.CLEAN_COPY_TEST_RESULTS ?? path.join(repoRoot, 'test', '.results', 'integration-electron.json'));
  fs.rmSync(resultsFile, { force: true });

  // Same throwaway workspace as the code-server runner: tests may edit files.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-copy-workspace-'));
  fs.cpSync(path.join(repoRoot, 'test', 'fixtures'), workspace, { recursive: true });
  try {
    const exitCode = await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'dist', 'test', 'integration'),
      extensionTestsEnv: { CLEAN_COPY_TEST_RESULTS: resultsFile, CLEAN_COPY_TEST_WORKSPACE: workspace },
      // Other installed extensions must not interfere; trust prompts would block the window.
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
    });
    process.exitCode = exitCode;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error('Failed to run the integration tests in VS Code:', err);
  process.exit(1);
});
