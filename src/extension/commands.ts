import * as vscode from 'vscode';
import { fixAllEdit, REOPEN_WITH_ENCODING } from './codeActions';
import { findingMessage, readmeAnchor, replaceTitle } from './describe';
import type { FindingsStore } from './findingsStore';

/** The document a command acts on: the one passed (from a menu or another command) or the active editor's. */
async function targetDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.openTextDocument(arg);
  return vscode.window.activeTextEditor?.document;
}

/** `cleanCopy.fixAll`: repairs every sure finding in the file in one undoable edit. Resolves to the number fixed. */
export function registerFixAll(store: FindingsStore): vscode.Disposable {
  return vscode.commands.registerCommand('cleanCopy.fixAll', async (arg?: unknown): Promise<number> => {
    const document = await targetDocument(arg);
    if (!document) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a text file to fix its garbled text.'));
      return 0;
    }
    const scan = store.current(document);
    if (!scan || scan.skipped) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Clean Copy does not scan this file (see the cleanCopy settings).'));
      return 0;
    }
    const edit = fixAllEdit(document, scan);
    if (!edit) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No garbled text to fix in this file.'));
      return 0;
    }
    const count = edit.size > 0 ? edit.get(document.uri).length : 0;
    return (await vscode.workspace.applyEdit(edit)) ? count : 0;
  });
}

/** `cleanCopy.showExplanation`: explains the finding at the cursor and offers its repair. */
export function registerShowExplanation(context: vscode.ExtensionContext, store: FindingsStore): vscode.Disposable {
  return vscode.commands.registerCommand('cleanCopy.showExplanation', async (arg?: unknown, offsetArg?: unknown) => {
    const editor = vscode.window.activeTextEditor;
    const document = await targetDocument(arg);
    const scan = document && store.current(document);
    if (!document || !scan) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a text file and put the cursor on garbled text.'));
      return;
    }
    const offset =
      typeof offsetArg === 'number'
        ? offsetArg
        : editor && editor.document === document
          ? document.offsetAt(editor.selection.active)
          : -1;
    // The finding under the cursor, else the first one after it, so the command is useful anywhere.
    const finding =
      scan.findings.find((f) => f.start <= offset && offset <= f.end) ?? scan.findings.find((f) => f.start >= offset);
    if (!finding) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No garbled text found in this file.'));
      return;
    }
    const reopen = scan.wrongEncoding && finding.kind === 'replacement-char';
    const fix = reopen ? vscode.l10n.t('Reopen with Encoding…') : replaceTitle(finding, finding.replacement);
    const learnMore = vscode.l10n.t('Learn more');
    const choice = await vscode.window.showInformationMessage(findingMessage(finding, scan.wrongEncoding), fix, learnMore);
    if (choice === fix) {
      if (reopen) {
        await vscode.commands.executeCommand(REOPEN_WITH_ENCODING);
      } else if (document.version === scan.version) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(
          document.uri,
          new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end)),
          finding.replacement,
        );
        await vscode.workspace.applyEdit(edit);
      }
    } else if (choice === learnMore) {
      await vscode.commands.executeCommand('markdown.showPreview', readmeAnchor(context.extensionUri, finding.kind));
    }
  });
}
