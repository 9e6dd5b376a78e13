// The language status item counts the active file's findings; clicking it fixes them.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { detect, repair } from '../../src/core';
import { api, closeAllEditors, readFixture, setSetting, tempFile, waitFor, waitForDiagnostics } from './helpers';

describe('status item', () => {
  afterEach(closeAllEditors);

  it('counts the findings in the active file and fixes them all when clicked', async () => {
    const extension = await api();
    const original = readFixture('seed.txt');
    const uri = tempFile('seed.txt', original);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const count = detect(original).length;
    await waitForDiagnostics(uri, count);
    const status = extension.statusItem();
    await waitFor(() => status.text?.includes(`${count} garbled passages`), `"${count} garbled passages" (have ${status.text})`);
    const command = status.command!;
    assert.strictEqual(command.command, 'cleanCopy.fixAll');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    assert.strictEqual(document.getText(), repair(original).text);
  });

  it('says when a file is too large to scan', async () => {
    const extension = await api();
    const document = await vscode.workspace.openTextDocument(tempFile('large.txt', 'Itâ€™s here.\n'.repeat(200)));
    await vscode.window.showTextDocument(document);
    try {
      await setSetting('cleanCopy', 'maxFileSize', 1000);
      await waitFor(() => extension.statusItem().text?.includes('too large'), 'the too-large status');
      assert.strictEqual(vscode.languages.getDiagnostics(document.uri).length, 0);
    } finally {
      await setSetting('cleanCopy', 'maxFileSize', undefined);
    }
  });
});
