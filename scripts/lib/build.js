// Runs the development build (node esbuild.js) and throws with its output when it fails.
const { spawnSync } = require('child_process');
const path = require('path');

const repoRoot = path.resolve(__dirname, '..', '..');

function build(extraArgs = []) {
  const result = spawnSync(process.execPath, ['esbuild.js', ...extraArgs], { cwd: repoRoot, encoding: 'utf8' });
  if (result.status !== 0) {
    throw new Error(`build failed (node esbuild.js ${extraArgs.join(' ')}):\n${result.stdout}${result.stderr}`);
  }
}

module.exports = { build, repoRoot };
