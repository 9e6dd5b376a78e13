// `npm test`: every test layer in order — lint, unit, integration (code-server), e2e (packaged
// VSIX in code-server) — then a per-layer summary and, as the very last line, the totals:
// "N passed, N failed". Exits non-zero when anything failed. A layer that crashes or times out
// before writing its results counts as (at least) one failure.
//
// Usage: node scripts/test-all.js [--only lint,unit,integration,e2e]
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');

const repoRoot = path.resolve(__dirname, '..');
const resultsDir = path.join(repoRoot, 'test', '.results');
const node = process.execPath;
const bin = (pkg, file) => path.join(repoRoot, 'node_modules', ...pkg.split('/'), file);

const layers = [
  {
    name: 'lint',
    timeoutMs: 10 * 60_000,
    // tsc + ESLint: one pass/fail "test".
    steps: [
      [node, [bin('typescript', 'bin/tsc'), '--noEmit', '-p', '.']],
      [node, [bin('eslint', 'bin/eslint.js'), 'src', 'test']],
    ],
  },
  {
    name: 'unit',
    timeoutMs: 20 * 60_000,
    results: path.join(resultsDir, 'unit.json'),
    steps: [
      [node, ['esbuild.js']],
      [
        node,
        [
          bin('mocha', 'bin/mocha.js'),
          '--reporter', path.join(repoRoot, 'dist', 'test', 'support', 'counting-reporter.js'),
          '--reporter-option', `output=${path.join(resultsDir, 'unit.json')}`,
        ],
      ],
    ],
  },
  {
    name: 'integration',
    timeoutMs: 15 * 60_000,
    results: path.join(resultsDir, 'integration.json'),
    env: { CLEAN_COPY_TEST_RESULTS: path.join(resultsDir, 'integration.json') },
    steps: [[node, [path.join(__dirname, 'test-integration.js')]]],
  },
  {
    name: 'e2e',
    timeoutMs: 25 * 60_000,
    results: path.join(resultsDir, 'e2e.json'),
    env: { CLEAN_COPY_E2E_RESULTS: path.join(resultsDir, 'e2e.json') },
    steps: [[node, [path.join(__dirname, 'test-e2e.js')]]],
  },
];

let current = null;

function killCurrent() {
  if (!current) return;
  try {
    process.kill(-current.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

process.on('SIGINT', () => {
  killCurrent();
  process.exit(130);
});
process.on('SIGTERM', () => {
  killCurrent();
  process.exit(143);
});

/** Runs one command in its own process group; resolves to its exit code (or 'timeout'). */
function runStep(command, args, env, deadline) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
      detached: true, // own group: a timeout kills code-server and chromium too
    });
    current = child;
    const timer = setTimeout(() => {
      console.error(`\n[test-all] timed out: ${path.basename(args[0] ?? command)} — killing it`);
      killCurrent();
      resolve('timeout');
    }, Math.max(0, deadline - Date.now()));
    child.on('error', (err) => {
      clearTimeout(timer);
      console.error(`[test-all] could not start ${command}: ${err.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      current = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function readCounts(file) {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (Number.isInteger(data.passes) && Number.isInteger(data.failures)) return data;
  } catch {
    // Missing or unreadable: the layer crashed before reporting.
  }
  return null;
}

async function runLayer(layer) {
  console.log(`\n===== ${layer.name} =====`);
  if (layer.results) fs.rmSync(layer.results, { force: true });
  const started = Date.now();
  const deadline = started + layer.timeoutMs;
  let exit = 0;
  for (const [command, args] of layer.steps) {
    exit = await runStep(command, args, layer.env ?? {}, deadline);
    if (exit !== 0) break;
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  if (!layer.results) return { name: layer.name, passes: exit === 0 ? 1 : 0, failures: exit === 0 ? 0 : 1, seconds, exit };

  const counts = readCounts(layer.results);
  if (!counts) return { name: layer.name, passes: 0, failures: 1, seconds, exit, note: 'crashed before reporting results' };
  // Non-zero exit with nothing failed, or nothing run at all, is still a failure.
  let { passes, failures } = counts;
  let note;
  if (exit !== 0 && failures === 0) {
    failures = 1;
    note = `exit ${exit} after reporting no failures`;
  } else if (passes + failures === 0) {
    failures = 1;
    note = 'ran no tests';
  }
  return { name: layer.name, passes, failures, seconds, exit, note };
}

async function main() {
  const onlyIndex = process.argv.indexOf('--only');
  const only = onlyIndex > 0 ? process.argv[onlyIndex + 1].split(',') : null;
  const selected = only ? layers.filter((l) => only.includes(l.name)) : layers;
  fs.mkdirSync(resultsDir, { recursive: true });

  const outcomes = [];
  for (const layer of selected) outcomes.push(await runLayer(layer));

  console.log('\n===== summary =====');
  for (const o of outcomes) {
    const status = o.failures === 0 ? 'ok  ' : 'FAIL';
    const note = o.note ? ` (${o.note})` : '';
    console.log(`${status} ${o.name.padEnd(12)} ${o.passes} passed, ${o.failures} failed, ${o.seconds}s${note}`);
  }
  const passed = outcomes.reduce((sum, o) => sum + o.passes, 0);
  const failed = outcomes.reduce((sum, o) => sum + o.failures, 0);
  console.log(`${passed} passed, ${failed} failed`);
  return failed === 0 && outcomes.length > 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(err);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  },
);
