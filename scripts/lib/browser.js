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

/** The code-server URL that opens `folder` with a development extension and a test suite loaded. */
function testPayloadUrl(serverUrl, { folder, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = `vscode-remote://${new URL(serverUrl).host}`;
  const payload = [['extensionDevelopmentPath', `${remote}${extensionDevelopmentPath}`]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', `${remote}${extensionTestsPath}`]);
  return `${serverUrl}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

module.exports = { launchChromium, testPayloadUrl, chromiumPath };
