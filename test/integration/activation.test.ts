// The extension must activate in a real VS Code when a plain-text file is opened.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

const extensionId = 'clean-copy.clean-copy';

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

describe('activation', () => {
  it('activates clean-copy.clean-copy when test/fixtures/seed.txt is opened as plaintext', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `extension ${extensionId} is not loaded in this host`);

    const seed = vscode.Uri.file(path.join(extension.extensionPath, 'test', 'fixtures', 'seed.txt'));
    const document = await vscode.workspace.openTextDocument(seed);
    await vscode.window.showTextDocument(document);

    assert.strictEqual(document.languageId, 'plaintext');
    const active = await waitFor(() => extension.isActive, 10_000);
    assert.ok(active, `${extensionId} did not become active after opening ${seed.fsPath}`);
  });
});
