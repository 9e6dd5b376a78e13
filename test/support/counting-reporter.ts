// Mocha reporter: prints like `spec` and also writes {passes, failures, tests} as JSON, so
// scripts/test-all.js can add up every layer. Output path: reporter option `output`
// (--reporter-option output=FILE) or env CLEAN_COPY_REPORT_FILE; nothing is written without one.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

interface CountedTest {
  fullTitle: string;
  state: 'passed' | 'failed';
  error?: string;
}

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const output: string | undefined = options?.reporterOptions?.output ?? process.env.CLEAN_COPY_REPORT_FILE;
    const tests: CountedTest[] = [];
    let passes = 0;
    let failures = 0;
    runner.on(Mocha.Runner.constants.EVENT_TEST_PASS, (test) => {
      passes++;
      tests.push({ fullTitle: test.fullTitle(), state: 'passed' });
    });
    // Also fires for failing hooks: a broken before() is a failure, not a silent skip.
    runner.on(Mocha.Runner.constants.EVENT_TEST_FAIL, (test, err: Error) => {
      failures++;
      tests.push({ fullTitle: test.fullTitle(), state: 'failed', error: err?.message ?? String(err) });
    });
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      if (!output) return;
      fs.mkdirSync(path.dirname(output), { recursive: true });
      fs.writeFileSync(output, JSON.stringify({ passes, failures, tests }, null, 2));
    });
  }
}

export = CountingReporter;
