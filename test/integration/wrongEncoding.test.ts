// A Windows-1252 file opened as UTF-8 shows U+FFFD: the fix is to reopen it, never to edit the text.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { detect } from '../../src/core';
import { api, closeAllEditors, rangeOf, tempFile, waitFor, waitForDiagnostics } from './helpers';

describe('wrong file encoding', () => {
  afterEach(closeAllEditors);

  it('offers Reopen with Encoding instead of a text edit, and fix-all leaves the bytes alone', async () => {
    const extension = await api();
    const bytes = Buffer.from('Huawei\x92s caf\xe9 costs \x805, \x93quoted\x94.\n', 'latin1');
    const uri = tempFile('windows-1252.txt', bytes);
    const document = await vscode.workspace.openTextDocument(uri);
    assert.ok(document.getText().includes('\uFFFD'), 'VS Code decoded the file as UTF-8');
    const findings = detect(document.getText());
    const lost = findings.filter((f) => f.kind === 'replacement-char');
    assert.ok(lost.length > 0, 'the engine reports the U+FFFD');
    await waitFor(() => extension.scan(document)?.wrongEncoding, 'the file to be recognised as not UTF-8');
    const diagnostics = await waitForDiagnostics(uri, findings.length);
    assert.ok(diagnostics.some((d) => d.message.includes('not UTF-8')), diagnostics.map((d) => d.message).join('\n'));

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, rangeOf(document, lost[0]));
    const reopen = actions.find((a) => a.command?.command === 'workbench.action.editor.changeEncoding');
    assert.ok(reopen?.isPreferred, actions.map((a) => a.title).join(' | '));
    assert.ok(!actions.some((a) => a.title.startsWith('Replace with')), 'no text edit for lost bytes');

    await vscode.window.showTextDocument(document);
    const before = document.getText();
    await vscode.commands.executeCommand('cleanCopy.fixAll');
    assert.strictEqual(document.getText(), before, 'fix-all keeps the U+FFFD so a reopen can still recover them');
  });

  it('treats U+FFFD saved in a UTF-8 file as plain lost characters', async () => {
    const extension = await api();
    const uri = tempFile('utf8.txt', 'Huawei\uFFFDs patents\n');
    const document = await vscode.workspace.openTextDocument(uri);
    await waitForDiagnostics(uri, detect(document.getText()).length);
    // Give the disk check time to answer, then make sure it said "UTF-8".
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.strictEqual(extension.scan(document)?.wrongEncoding, false);
  });
});
