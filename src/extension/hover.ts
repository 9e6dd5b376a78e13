import * as vscode from 'vscode';
import { findingHover, readmeAnchor } from './describe';
import type { FindingsStore } from './findingsStore';

/** Hovering garbled text shows its bytes, the codecs involved, the best repair and the alternatives. */
export function registerHover(context: vscode.ExtensionContext, store: FindingsStore, selector: vscode.DocumentSelector): vscode.Disposable {
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(document, position) {
      const scan = store.current(document);
      if (!scan || scan.skipped) return undefined;
      const offset = document.offsetAt(position);
      const finding = scan.findings.find((f) => f.start <= offset && offset < f.end);
      if (!finding) return undefined;
      const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
      return new vscode.Hover(
        findingHover(finding, scan.wrongEncoding, readmeAnchor(context.extensionUri, finding.kind)),
        range,
      );
    },
  });
}
