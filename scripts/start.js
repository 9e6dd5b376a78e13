// `npm start`: build, then open test/fixtures/seed.txt in VS Code with this extension loaded from
// source. Uses desktop VS Code (`code` on PATH) when there is one; otherwise starts the cached
// code-server and prints the URL to open in a browser, until Ctrl+C.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { build, repoRoot } = require('./lib/build');
const { testPayloadUrl } = require('./lib/browser');

const seed = path.join(repoRoot, 'test', 'fixtures', 'seed.txt');

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function startDesktop() {
  console.log('Opening the seed in desktop VS Code with the extension loaded from source…');
  const child = spawn('code', ['--new-window', `--extensionDevelopmentPath=${repoRoot}`, seed], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

async function startBrowser() {
  // code-server edits a scratch copy, so playing with fixes never changes the committed fixture.
  const { startCodeServer } = require('./code-server/launch');
  const playground = path.join(repoRoot, '.cache', 'playground');
  fs.mkdirSync(playground, { recursive: true });
  const file = path.join(playground, 'seed.txt');
  if (!fs.existsSync(file)) fs.copyFileSync(seed, file);

  const server = await startCodeServer({ folder: playground, logFile: path.join(repoRoot, '.cache', 'code-server-start.log') });
  const url = testPayloadUrl(server.url, { folder: playground, extensionDevelopmentPath: repoRoot, openFile: file });
  console.log(`\ncode-server is serving ${playground} with Clean Copy loaded from ${repoRoot}.`);
  console.log(`Open this URL in a browser (on this machine), Ctrl+C to stop:\n\n  ${url}\n`);
  console.log(`Reset the playground: rm ${file}`);
  // Keep running until Ctrl+C; launch.js stops code-server on SIGINT/SIGTERM and on exit.
  await new Promise((resolve) => server.process.once('exit', resolve));
  console.error('code-server stopped');
  process.exit(1);
}

try {
  build();
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
if (hasCommand('code') && !process.argv.includes('--code-server')) startDesktop();
else startBrowser().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
