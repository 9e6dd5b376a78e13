// Quick fixes and the fix-all action against the real code-action API: titles, the preferred fix,
// the repaired text, and a single undo step for the whole file.
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { detect, DEFAULT_MIN_CONFIDENCE, repair } from '../../src/core';
import { closeAllEditors, fixturePath, rangeOf, readFixture, tempFile, waitForDiagnostics } from './helpers';

const FIX_ALL_TITLE = 'Fix all garbled text in this file';

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
}

describe('code actions', () => {
  afterEach(closeAllEditors);

  it('offer the best repair (preferred), every alternative and fix-all on each finding', async () => {
    const document = await vscode.workspace.openTextDocument(fixturePath('seed.txt'));
    const findings = detect(document.getText());
    await waitForDiagnostics(document.uri, findings.length);
    for (const f of findings) {
      const actions = await codeActions(document.uri, rangeOf(document, f));
      const titles = actions.map((a) => a.title);
      const preferred = actions.filter((a) => a.isPreferred);
      assert.strictEqual(preferred.length, 1, `one preferred fix at ${f.start}: ${titles.join(' | ')}`);
      assert.strictEqual(preferred[0].title, `Replace with ${f.replacement}`);
      for (const alt of f.alternatives) assert.ok(titles.includes(`Replace with ${alt}`), `${alt} in ${titles.join(' | ')}`);
      assert.ok(titles.includes(FIX_ALL_TITLE), titles.join(' | '));
      assert.ok(actions.every((a) => !a.kind || vscode.CodeActionKind.QuickFix.contains(a.kind)), 'only quick fixes in the lightbulb');
    }
  });

  it('repair Huaweiâ??s to Huawei’s with the preferred fix', async () => {
    const uri = tempFile('seed.txt', readFixture('seed.txt'));
    const document = await vscode.workspace.openTextDocument(uri);
    await waitForDiagnostics(uri, detect(document.getText()).length);
    const offset = document.getText().indexOf('Huaweiâ??s') + 'Huawei'.length;
    const line = document.positionAt(offset).line;
    const actions = await codeActions(uri, rangeOf(document, { start: offset, end: offset + 3 }));
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred?.edit, 'a preferred fix with an edit');
    assert.strictEqual(preferred.title, 'Replace with ’');
    assert.ok(await vscode.workspace.applyEdit(preferred.edit));
    const repairedLine = document.lineAt(line).text;
    assert.ok(repairedLine.includes('Huawei’s Chief Legal Officer'), repairedLine);
  });

  it('fix the whole file in one edit that a single undo reverts', async () => {
    const original = readFixture('seed.txt');
    const uri = tempFile('seed.txt', original);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const findings = detect(original);
    await waitForDiagnostics(uri, findings.length);
    const fixAll = (await codeActions(uri, rangeOf(document, findings[0]))).find((a) => a.title === FIX_ALL_TITLE);
    assert.ok(fixAll?.edit);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));

    const expected = repair(original, { minConfidence: DEFAULT_MIN_CONFIDENCE }).text;
    assert.strictEqual(document.getText(), expected);
    const repairedFixture = fixturePath('seed.repaired.txt');
    if (fs.existsSync(repairedFixture)) assert.strictEqual(document.getText(), fs.readFileSync(repairedFixture, 'utf8'));

    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), original, 'one undo restores the original');
  });

  it('fix the file with the Fix All command, also one undo step', async () => {
    const original = readFixture('seed.txt');
    const uri = tempFile('seed.txt', original);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(uri, detect(original).length);
    const fixed = await vscode.commands.executeCommand<number>('cleanCopy.fixAll');
    const expected = repair(original);
    assert.strictEqual(fixed, expected.applied.length);
    assert.strictEqual(document.getText(), expected.text);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(document.getText(), original);
  });

  it('give source.fixAll.cleanCopy only when asked for it', async () => {
    const document = await vscode.workspace.openTextDocument(fixturePath('seed.txt'));
    await waitForDiagnostics(document.uri, detect(document.getText()).length);
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const source = await codeActions(document.uri, whole, 'source.fixAll.cleanCopy');
    assert.strictEqual(source.length, 1);
    assert.strictEqual(source[0].kind?.value, 'source.fixAll.cleanCopy');
    const quick = await codeActions(document.uri, new vscode.Range(0, 0, 0, 0));
    assert.ok(!quick.some((a) => a.kind?.value === 'source.fixAll.cleanCopy'));
  });
});
