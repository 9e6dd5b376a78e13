// Installs the pinned code-server (scripts/code-server/package.json + lockfile) into
// .cache/code-server, outside the extension's node_modules, once. Safe to call repeatedly:
// a marker holding the lockfile's hash says the install finished for exactly this lockfile.
//
// Usage as a script: node scripts/code-server/install.js
const { execFileSync, spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const repoRoot = path.resolve(__dirname, '..', '..');
const installDir = path.join(repoRoot, '.cache', 'code-server');
const markerFile = path.join(installDir, '.installed');
const packageDir = path.join(installDir, 'node_modules', 'code-server');
/** code-server's postinstall installs VS Code's own dependencies here; its absence means the script never ran. */
const vscodeModules = path.join(packageDir, 'lib', 'vscode', 'node_modules');

const debianPackages = ['libkrb5-dev', 'chromium', 'ripgrep'];
// @vscode/ripgrep (inside code-server) downloads this archive in its postinstall unless it is cached.
const ripgrepCache = {
  dir: path.join(os.tmpdir(), 'vscode-ripgrep-cache-1.15.11'),
  file: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz',
};

function log(message) {
  console.log(`[code-server] ${message}`);
}

function lockHash() {
  const lock = fs.readFileSync(path.join(__dirname, 'package-lock.json'));
  return crypto.createHash('sha256').update(lock).digest('hex');
}

function isInstalled() {
  return (
    fs.existsSync(markerFile) &&
    fs.readFileSync(markerFile, 'utf8').trim() === lockHash() &&
    fs.existsSync(vscodeModules)
  );
}

function missingDebianPackages() {
  return debianPackages.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return result.status !== 0 || !result.stdout.includes('install ok installed');
  });
}

/** Debian packages code-server's native modules (kerberos) and the tests (chromium, rg) need. */
function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing.length === 0) return;
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new Error(`Missing Debian packages: ${missing.join(' ')}. Install them: sudo apt-get install -y ${missing.join(' ')}`);
  }
  log(`apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env });
}

/** Puts Debian's rg where @vscode/ripgrep looks before downloading, so no network is needed. */
function seedRipgrepCache() {
  const target = path.join(ripgrepCache.dir, ripgrepCache.file);
  if (fs.existsSync(target)) return;
  const rg = '/usr/bin/rg';
  if (!fs.existsSync(rg)) throw new Error(`${rg} not found: install Debian's ripgrep package first`);
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'clean-copy-rg-'));
  try {
    fs.copyFileSync(rg, path.join(staging, 'rg'));
    fs.chmodSync(path.join(staging, 'rg'), 0o755);
    fs.mkdirSync(ripgrepCache.dir, { recursive: true });
    execFileSync('tar', ['-czf', target, '-C', staging, 'rg']);
    log(`seeded ripgrep cache ${target}`);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

function runNpmCi() {
  fs.mkdirSync(installDir, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) {
    fs.copyFileSync(path.join(__dirname, file), path.join(installDir, file));
  }
  fs.rmSync(markerFile, { force: true });
  log(`npm ci in ${installDir} (takes a few minutes the first time)`);
  const env = {
    ...process.env,
    npm_config_yes: 'true',
    npm_config_unsafe_perm: 'true',
    // code-server's postinstall installs VS Code's dependencies: scripts must run.
    npm_config_ignore_scripts: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };
  const result = spawnSync('npm', ['ci'], { cwd: installDir, stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`npm ci for code-server failed with exit code ${result.status}`);
  if (!fs.existsSync(vscodeModules)) {
    throw new Error(`code-server's postinstall did not run (${vscodeModules} is missing); install scripts were skipped`);
  }
  fs.writeFileSync(markerFile, lockHash() + '\n');
}

/** Returns the path of the code-server launcher, installing first when needed. */
function ensureCodeServer() {
  if (!isInstalled()) {
    ensureDebianPackages();
    seedRipgrepCache();
    runNpmCi();
    log('installed');
  }
  return codeServerBin();
}

function codeServerBin() {
  return path.join(packageDir, 'out', 'node', 'entry.js');
}

module.exports = { ensureCodeServer, ensureDebianPackages, codeServerBin, installDir };

if (require.main === module) {
  try {
    const bin = ensureCodeServer();
    log(`ready: ${bin}`);
  } catch (err) {
    console.error(`[code-server] ${err.message}`);
    process.exit(1);
  }
}
