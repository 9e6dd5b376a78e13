// Debian's chromium driven by playwright-core (no browser download: this machine has no network).
const fs = require('fs');

const chromiumPath = process.env.CLEAN_COPY_CHROMIUM ?? '/usr/bin/chromium';

async function launchChromium() {
  if (!fs.existsSync(chromiumPath)) {
    throw new Error(`${chromiumPath} not found: apt-get install -y chromium (or set CLEAN_COPY_CHROMIUM)`);
  }
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    // Root needs --no-sandbox; background networking only produces refused connections here.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/**
 * The code-server URL that opens `folder` with a development extension loaded, and optionally a
 * test suite (extensionTestsPath) or a file to show (openFile). Paths are absolute on the server.
 */
function testPayloadUrl(serverUrl, { folder, extensionDevelopmentPath, extensionTestsPath, openFile }) {
  const remote = `vscode-remote://${new URL(serverUrl).host}`;
  const payload = [['extensionDevelopmentPath', `${remote}${extensionDevelopmentPath}`]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', `${remote}${extensionTestsPath}`]);
  if (openFile) payload.push(['openFile', `${remote}${openFile}`]);
  return `${serverUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

module.exports = { launchChromium, testPayloadUrl, chromiumPath };
