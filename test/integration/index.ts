// Entry point VS Code calls inside the extension host (extensionTestsPath). Loads every bundled
// integration test next to this file into mocha, runs them, and writes the outcome as JSON to
// $CLEAN_COPY_TEST_RESULTS so the runner outside the host can report per test.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export interface TestOutcome {
  fullTitle: string;
  state: 'passed' | 'failed';
  durationMs?: number;
  error?: string;
}

export interface SuiteResults {
  passes: number;
  failures: number;
  tests: TestOutcome[];
}

function findTestFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((file) => file.endsWith('.test.js'))
    .sort()
    .map((file) => path.join(dir, file));
}

function writeResults(results: SuiteResults): void {
  const target = process.env.CLEAN_COPY_TEST_RESULTS;
  if (!target) return;
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(results, null, 2));
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000 });
  const files = findTestFiles(__dirname);
  for (const file of files) mocha.addFile(file);

  const results: SuiteResults = { passes: 0, failures: 0, tests: [] };
  return new Promise((resolve, reject) => {
    try {
      if (files.length === 0) throw new Error(`no *.test.js files under ${__dirname}`);
      const runner = mocha.run((failures) => {
        writeResults(results);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
      runner.on('pass', (test) => {
        results.passes++;
        results.tests.push({ fullTitle: test.fullTitle(), state: 'passed', durationMs: test.duration });
      });
      runner.on('fail', (test, err: Error) => {
        results.failures++;
        results.tests.push({ fullTitle: test.fullTitle(), state: 'failed', error: err?.stack ?? String(err) });
      });
    } catch (err) {
      // A crash before mocha runs still has to reach the runner as a failure.
      const error = err instanceof Error ? err.stack ?? err.message : String(err);
      writeResults({ passes: 0, failures: 1, tests: [{ fullTitle: 'loading the integration suite', state: 'failed', error }] });
      reject(err);
    }
  });
}
