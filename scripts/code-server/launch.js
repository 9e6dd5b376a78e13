// Starts the cached code-server on a free loopback port with throwaway profile folders, and
// guarantees it is stopped again: on stop(), on process exit, on Ctrl+C and on SIGTERM. It runs in
// its own process group so the extension host and other children die with it.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const http = require('http');
const net = require('net');
const os = require('os');
const path = require('path');
const { ensureCodeServer } = require('./install');

/** Settings that keep welcome pages, tips and trust prompts out of the way of tests. */
const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

const running = new Set();

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function stopAllSync() {
  for (const child of running) killGroup(child, 'SIGKILL');
  running.clear();
}

process.on('exit', stopAllSync);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopAllSync();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function httpStatus(url) {
  return new Promise((resolve) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', () => resolve(0));
    request.setTimeout(2000, () => request.destroy());
  });
}

async function waitUntilServing(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early with code ${child.exitCode}`);
    if ((await httpStatus(`${url}/healthz`)) === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs} ms`);
}

function makeTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

function writeUserSettings(userDataDir, settings) {
  const userDir = path.join(userDataDir, 'User');
  fs.mkdirSync(userDir, { recursive: true });
  fs.writeFileSync(path.join(userDir, 'settings.json'), JSON.stringify({ ...quietSettings, ...settings }, null, 2));
}

/**
 * Installs a VSIX into an extensions folder with the code-server CLI (no server is started).
 */
function installExtension(vsixPath, extensionsDir) {
  const bin = ensureCodeServer();
  const result = spawnSync(process.execPath, [bin, '--extensions-dir', extensionsDir, '--install-extension', vsixPath], {
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension ${vsixPath} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}

/**
 * Starts code-server on `folder`. Options: extensionsDir, userDataDir (temporary when absent),
 * settings (merged over quietSettings), env (added to the server's and extension host's env),
 * logFile (server output goes there; inherited stdio otherwise).
 * Resolves to { url, port, folder, extensionsDir, userDataDir, stop }.
 */
async function startCodeServer(options) {
  const bin = ensureCodeServer();
  const folder = path.resolve(options.folder);
  const extensionsDir = options.extensionsDir ?? makeTempDir('clean-copy-extensions-');
  const userDataDir = options.userDataDir ?? makeTempDir('clean-copy-user-data-');
  writeUserSettings(userDataDir, options.settings ?? {});
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;

  const args = [
    bin,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--extensions-dir', extensionsDir,
    '--user-data-dir', userDataDir,
    '--config', path.join(userDataDir, 'config.yaml'), // keep ~/.config/code-server untouched
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    folder,
  ];
  const output = options.logFile ? fs.openSync(options.logFile, 'w') : 'inherit';
  const child = spawn(process.execPath, args, {
    detached: true, // own process group, so the whole tree can be killed at once
    stdio: ['ignore', output, output],
    env: { ...process.env, ...options.env },
  });
  if (typeof output === 'number') fs.closeSync(output);
  running.add(child);
  const exited = new Promise((resolve) => child.once('exit', resolve));

  async function stop() {
    if (!running.has(child)) return;
    running.delete(child);
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    killGroup(child, 'SIGKILL'); // stragglers in the group (extension host, watchers)
    if (!options.userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    if (!options.extensionsDir) fs.rmSync(extensionsDir, { recursive: true, force: true });
  }

  try {
    await waitUntilServing(url, child, 60_000);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, port, folder, extensionsDir, userDataDir, stop, process: child };
}

module.exports = { startCodeServer, installExtension, freePort, quietSettings };
