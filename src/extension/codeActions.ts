import * as vscode from 'vscode';
import { applyFindings, type Finding } from '../core';
import { replaceTitle } from './describe';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { fixableFindings, type DocumentScan, type FindingsStore } from './findingsStore';

/** The code-action kind `"editor.codeActionsOnSave": {"source.fixAll.cleanCopy": "explicit"}` asks for. */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('cleanCopy');
export const REOPEN_WITH_ENCODING = 'workbench.action.editor.changeEncoding';

/**
 * One edit that repairs every fixable finding: a single WorkspaceEdit, so a single undo step.
 * Returns undefined when there is nothing to fix.
 */
export function fixAllEdit(document: vscode.TextDocument, scan: DocumentScan): vscode.WorkspaceEdit | undefined {
  // applyFindings drops overlapping findings the same way the CLI's repair does.
  const applied = applyFindings(document.getText(), fixableFindings(scan)).applied;
  if (applied.length === 0) return undefined;
  const edit = new vscode.WorkspaceEdit();
  for (const f of applied) edit.replace(document.uri, rangeOf(document, f), f.replacement);
  return edit;
}

function rangeOf(document: vscode.TextDocument, f: Finding): vscode.Range {
  return new vscode.Range(document.positionAt(f.start), document.positionAt(f.end));
}

export class CleanCopyCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly store: FindingsStore) {}

  provideCodeActions(
    document: vscode.TextDocument,
    range: vscode.Range | vscode.Selection,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const scan = this.store.current(document);
    if (!scan || scan.skipped) return [];
    const actions: vscode.CodeAction[] = [];
    // Source actions only when asked for (fix on save, Source Action menu); the lightbulb gets quick fixes.
    const wantsFixAll = context.only?.contains(FIX_ALL_KIND) ?? false;
    const wantsQuickFix = !context.only || context.only.contains(vscode.CodeActionKind.QuickFix);
    if (wantsQuickFix) actions.push(...this.quickFixes(document, range, context, scan));
    if (wantsFixAll) {
      const edit = fixAllEdit(document, scan);
      if (edit) {
        const action = new vscode.CodeAction(vscode.l10n.t('Fix all garbled text in this file'), FIX_ALL_KIND);
        action.edit = edit;
        actions.push(action);
      }
    }
    return actions;
  }

  private quickFixes(
    document: vscode.TextDocument,
    range: vscode.Range,
    context: vscode.CodeActionContext,
    scan: DocumentScan,
  ): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const hits = scan.findings.filter((f) => rangeOf(document, f).intersection(range) !== undefined);
    for (const f of hits) {
      const findingRange = rangeOf(document, f);
      const diagnostics = context.diagnostics.filter(
        (d) => d.source === DIAGNOSTIC_SOURCE && d.range.isEqual(findingRange),
      );
      if (scan.wrongEncoding && f.kind === 'replacement-char') {
        // The bytes are still on disk: reopening with the right encoding restores them, an edit would not.
        const reopen = new vscode.CodeAction(vscode.l10n.t('Reopen with Encoding…'), vscode.CodeActionKind.QuickFix);
        reopen.command = { command: REOPEN_WITH_ENCODING, title: reopen.title };
        reopen.diagnostics = diagnostics;
        reopen.isPreferred = true;
        actions.push(reopen);
        continue;
      }
      [f.replacement, ...f.alternatives].forEach((replacement, i) => {
        const action = new vscode.CodeAction(replaceTitle(f, replacement), vscode.CodeActionKind.QuickFix);
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, findingRange, replacement);
        action.diagnostics = diagnostics;
        action.isPreferred = i === 0;
        actions.push(action);
      });
    }
    if (hits.length > 0) {
      const edit = fixAllEdit(document, scan);
      if (edit) {
        const fixAll = new vscode.CodeAction(vscode.l10n.t('Fix all garbled text in this file'), vscode.CodeActionKind.QuickFix);
        fixAll.edit = edit;
        actions.push(fixAll);
      }
    }
    return actions;
  }
}
