// Diagnostics in a real extension host: they must say exactly what the engine finds, follow edits
// (incrementally on large documents), and follow the settings.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { detect, DEFAULT_MIN_CONFIDENCE, type Finding } from '../../src/core';
import {
  api,
  cleanCopyDiagnostics,
  closeAllEditors,
  fixturePath,
  rangeOf,
  setSetting,
  tempFile,
  waitFor,
  waitForDiagnostics,
} from './helpers';

function assertMatches(document: vscode.TextDocument, diagnostics: vscode.Diagnostic[], findings: Finding[]): void {
  const sorted = [...diagnostics].sort((a, b) => document.offsetAt(a.range.start) - document.offsetAt(b.range.start));
  assert.strictEqual(sorted.length, findings.length);
  findings.forEach((f, i) => {
    const d = sorted[i];
    assert.ok(d.range.isEqual(rangeOf(document, f)), `diagnostic ${i} at ${JSON.stringify(d.range)} is not at ${f.start}..${f.end}`);
    assert.strictEqual(d.source, 'Clean Copy');
    const code = d.code as { value: string; target: vscode.Uri };
    assert.strictEqual(code.value, f.kind);
    assert.ok(code.target.path.endsWith('/README.md'), code.target.toString());
    assert.strictEqual(code.target.fragment, f.kind);
  });
}

describe('diagnostics', () => {
  afterEach(closeAllEditors);

  it('report every finding of detect() on the seed, where it is, with what it probably was', async () => {
    await api();
    const document = await vscode.workspace.openTextDocument(fixturePath('seed.txt'));
    const findings = detect(document.getText());
    assert.ok(findings.length > 0, 'the engine finds garbled text in the seed');
    const diagnostics = await waitForDiagnostics(document.uri, findings.length);
    assertMatches(document, diagnostics, findings);
    for (const d of diagnostics) {
      const f = findings.find((x) => rangeOf(document, x).isEqual(d.range))!;
      assert.ok(d.message.startsWith(`"${f.original}" is probably "${f.replacement}" — `), d.message);
      const expected = f.confidence >= DEFAULT_MIN_CONFIDENCE ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information;
      assert.strictEqual(d.severity, expected, d.message);
    }
  });

  it('suggest ’ for Huaweiâ??s', async () => {
    const document = await vscode.workspace.openTextDocument(fixturePath('seed.txt'));
    const offset = document.getText().indexOf('Huaweiâ??s') + 'Huawei'.length;
    const diagnostics = await waitFor(() => {
      const d = cleanCopyDiagnostics(document.uri).find((x) => x.range.contains(document.positionAt(offset + 1)));
      return d;
    }, 'a diagnostic on Huaweiâ??s');
    assert.ok(diagnostics.message.startsWith('"â??" is probably "’"'), diagnostics.message);
    assert.strictEqual(document.getText(diagnostics.range), 'â??');
  });

  it('cover untitled Markdown documents too', async () => {
    const text = 'It’s fine, but Itâ€™s not, and the cafÃ© costs Â£5.\n';
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    assert.strictEqual(document.getText(), text);
    assert.ok(document.isUntitled);
    const findings = detect(text);
    assert.ok(findings.length >= 2, `engine findings: ${JSON.stringify(findings)}`);
    assertMatches(document, await waitForDiagnostics(document.uri, findings.length), findings);
  });

  it('follow edits in a large document, rescanning the edited lines, and agree with a full scan', async () => {
    const seed = (await vscode.workspace.openTextDocument(fixturePath('seed.txt'))).getText();
    // Large enough for the incremental path (over 20,000 characters).
    const big = Array.from({ length: 6 }, () => seed).join('\n');
    // A file rather than an untitled document: the host may hand back an earlier untitled document.
    const document = await vscode.workspace.openTextDocument(tempFile('big.txt', big));
    const editor = await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document.uri, detect(big).length);

    // Several edits: insert garbled text mid-document, repair one passage, join two lines, add a line at the end.
    const firstGarbled = big.indexOf('Huaweiâ??s', 10_000) + 'Huawei'.length;
    await editor.edit((b) => {
      b.insert(document.positionAt(12_345), ' Ã©tÃ© ');
      b.replace(rangeOf(document, { start: firstGarbled, end: firstGarbled + 3 }), '’');
    });
    const newline = document.getText().indexOf('\n', 20_000);
    await editor.edit((b) => b.delete(rangeOf(document, { start: newline, end: newline + 1 })));
    await editor.edit((b) => b.insert(document.positionAt(document.getText().length), '\nLast line with itâ€™s.'));

    const expected = detect(document.getText());
    const diagnostics = await waitFor(() => {
      const d = cleanCopyDiagnostics(document.uri);
      return d.length === expected.length && document.version === editor.document.version ? d : undefined;
    }, `${expected.length} diagnostics after the edits`);
    assertMatches(document, diagnostics, expected);
    const api_ = await api();
    const scan = api_.scan(document)!;
    assert.deepStrictEqual(
      scan.findings.map((f) => [f.start, f.end, f.replacement]),
      expected.map((f) => [f.start, f.end, f.replacement]),
    );
  });

  it('scan a very large document in slices and find everything a full scan finds', async () => {
    const seed = (await vscode.workspace.openTextDocument(fixturePath('seed.txt'))).getText();
    // About 300,000 characters: scanned in line-aligned slices with pauses in between.
    const huge = Array.from({ length: 60 }, () => seed).join('\n');
    const document = await vscode.workspace.openTextDocument(tempFile('huge.txt', huge));
    const expected = detect(huge);
    assertMatches(document, await waitForDiagnostics(document.uri, expected.length, 30_000), expected);
  });

  it('give a 10 MB document its diagnostics (scanned in slices) under the default size cap', async function () {
    this.timeout(180_000);
    const garbled = (await vscode.workspace.openTextDocument(fixturePath('seed.txt'))).getText();
    const clean = (await vscode.workspace.openTextDocument(fixturePath('seed.repaired.txt'))).getText();
    // Clean release text with the garbled seed at its start and end: about 10 MB.
    const copies = Math.ceil(10_000_000 / Buffer.byteLength(clean));
    const huge = [garbled, ...Array.from({ length: copies }, () => clean), garbled].join('\n');
    assert.ok(Buffer.byteLength(huge) >= 10_000_000);
    const document = await vscode.workspace.openTextDocument(tempFile('ten-megabytes.txt', huge));
    const expected = detect(huge);
    assert.strictEqual(expected.length, 62);
    assertMatches(document, await waitForDiagnostics(document.uri, expected.length, 150_000), expected);
  });

  it('are cleared when the document closes (a language change closes and reopens it) and come back', async () => {
    const text = 'Itâ€™s here.\n';
    let document = await vscode.workspace.openTextDocument(tempFile('language.txt', text));
    await waitForDiagnostics(document.uri, detect(text).length);
    document = await vscode.languages.setTextDocumentLanguage(document, 'json');
    await waitForDiagnostics(document.uri, 0);
    document = await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    await waitForDiagnostics(document.uri, detect(text).length);
  });

  it('apply settings at once: severity, minConfidence, enable, languages, maxFileSize', async () => {
    const document = await vscode.workspace.openTextDocument(fixturePath('seed.txt'));
    const findings = detect(document.getText());
    await waitForDiagnostics(document.uri, findings.length);
    try {
      await setSetting('cleanCopy', 'severity', 'error');
      // Sure findings become errors; unsure ones stay Information.
      await waitFor(
        () =>
          cleanCopyDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length ===
          findings.filter((f) => f.confidence >= DEFAULT_MIN_CONFIDENCE).length,
        'errors for the sure findings',
      );
      await setSetting('cleanCopy', 'minConfidence', 1);
      await waitFor(
        () => cleanCopyDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length ===
          findings.filter((f) => f.confidence >= 1).length,
        'only certain findings as errors with minConfidence 1',
      );
      await setSetting('cleanCopy', 'enable', false);
      await waitForDiagnostics(document.uri, 0);
      await setSetting('cleanCopy', 'enable', undefined);
      await waitForDiagnostics(document.uri, findings.length);
      await setSetting('cleanCopy', 'languages', ['markdown']);
      await waitForDiagnostics(document.uri, 0);
      await setSetting('cleanCopy', 'languages', ['*']);
      await waitForDiagnostics(document.uri, findings.length);
      await setSetting('cleanCopy', 'maxFileSize', 1000);
      await waitForDiagnostics(document.uri, 0);
    } finally {
      for (const key of ['severity', 'minConfidence', 'enable', 'languages', 'maxFileSize']) {
        await setSetting('cleanCopy', key, undefined);
      }
    }
    await waitForDiagnostics(document.uri, findings.length);
  });

  it('consider only the encodings in cleanCopy.encodings, and survive an unknown name', async () => {
    const text = 'Itâ€™s here, and 鈥檚 too.\n';
    const document = await vscode.workspace.openTextDocument(tempFile('encodings.txt', text));
    const all = detect(text);
    const cp1252Only = detect(text, { encodings: ['windows-1252'] });
    assert.notStrictEqual(all.length, cp1252Only.length, 'the setting makes a difference on this text');
    await waitForDiagnostics(document.uri, all.length);
    try {
      await setSetting('cleanCopy', 'encodings', ['windows-1252']);
      await waitForDiagnostics(document.uri, cp1252Only.length);
      // A hand-edited unknown name: warn, and scan with every encoding rather than not at all.
      await setSetting('cleanCopy', 'encodings', ['no-such-codec']);
      await waitForDiagnostics(document.uri, all.length);
    } finally {
      await setSetting('cleanCopy', 'encodings', undefined);
    }
  });

  it('skip files matching cleanCopy.ignore', async () => {
    const document = await vscode.workspace.openTextDocument(fixturePath('seed.txt'));
    const findings = detect(document.getText());
    await waitForDiagnostics(document.uri, findings.length);
    try {
      await setSetting('cleanCopy', 'ignore', ['**/fixtures/seed.txt']);
      await waitForDiagnostics(document.uri, 0);
    } finally {
      await setSetting('cleanCopy', 'ignore', undefined);
    }
    await waitForDiagnostics(document.uri, findings.length);
  });
});
