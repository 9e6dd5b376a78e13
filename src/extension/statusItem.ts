import * as vscode from 'vscode';
import { REOPEN_WITH_ENCODING } from './codeActions';
import { readSettings } from './config';
import { fixableFindings, type FindingsStore } from './findingsStore';

/**
 * A language status item (the `{}` next to the language mode) with the count of garbled passages in the
 * active file; clicking it fixes them all. Large files that are skipped say so here too.
 */
export class StatusItem implements vscode.Disposable {
  private item: vscode.LanguageStatusItem | undefined;
  private languagesKey = '';
  private readonly disposables: vscode.Disposable[] = [];
  /** Files already told about being too large, so the message shows once per file. */
  private readonly toldTooLarge = new Set<string>();

  constructor(private readonly store: FindingsStore) {
    this.disposables.push(
      store.onDidChange((uri) => {
        if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cleanCopy')) this.update();
      }),
    );
    this.update();
  }

  /** The item's current text, for tests and the e2e suite. */
  get text(): string | undefined {
    return this.item?.text;
  }

  /** What clicking the item runs. */
  get command(): vscode.Command | undefined {
    return this.item?.command;
  }

  private ensureItem(languages: string[]): vscode.LanguageStatusItem {
    // The selector of a language status item is fixed: a change of `cleanCopy.languages` needs a new one.
    const key = languages.join(',');
    if (!this.item || key !== this.languagesKey) {
      this.item?.dispose();
      const selector = languages.includes('*') ? '*' : languages;
      this.item = vscode.languages.createLanguageStatusItem('cleanCopy.status', selector);
      this.item.name = 'Clean Copy';
      this.languagesKey = key;
    }
    return this.item;
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const settings = readSettings(document);
    const item = this.ensureItem(settings.languages);
    const scan = document && this.store.peek(document.uri);
    item.severity = vscode.LanguageStatusSeverity.Information;
    item.busy = false;
    if (!settings.enable) {
      item.text = vscode.l10n.t('Clean Copy off');
      item.detail = undefined;
      item.command = { title: vscode.l10n.t('Settings'), command: 'workbench.action.openSettings', arguments: ['cleanCopy'] };
      return;
    }
    if (!document || !scan) {
      item.text = 'Clean Copy';
      item.detail = undefined;
      item.command = undefined;
      item.busy = !!document;
      return;
    }
    if (scan.skipped === 'tooLarge') {
      item.text = vscode.l10n.t('Not scanned: file too large');
      item.detail = vscode.l10n.t('Larger than cleanCopy.maxFileSize ({0} bytes)', settings.maxFileSize);
      item.command = { title: vscode.l10n.t('Settings'), command: 'workbench.action.openSettings', arguments: ['cleanCopy.maxFileSize'] };
      this.tellTooLarge(document, settings.maxFileSize);
      return;
    }
    if (scan.skipped) {
      item.text = vscode.l10n.t('Not scanned');
      item.detail = scan.skipped === 'ignored' ? vscode.l10n.t('Matches cleanCopy.ignore') : undefined;
      item.command = undefined;
      return;
    }
    const count = scan.findings.length;
    if (scan.wrongEncoding) {
      item.severity = vscode.LanguageStatusSeverity.Warning;
      item.text = vscode.l10n.t('$(warning) File is not UTF-8');
      item.detail = vscode.l10n.t('Reopen it with its real encoding');
      item.command = { title: vscode.l10n.t('Reopen with Encoding…'), command: REOPEN_WITH_ENCODING };
      return;
    }
    if (count === 0) {
      item.text = vscode.l10n.t('$(check) No garbled text');
      item.detail = undefined;
      item.command = undefined;
      return;
    }
    item.severity = vscode.LanguageStatusSeverity.Warning;
    item.text = count === 1 ? vscode.l10n.t('$(warning) 1 garbled passage') : vscode.l10n.t('$(warning) {0} garbled passages', count);
    const fixable = fixableFindings(scan).length;
    item.detail = vscode.l10n.t('{0} can be fixed at once', fixable);
    item.command = { title: vscode.l10n.t('Fix All'), command: 'cleanCopy.fixAll', arguments: [document.uri] };
  }

  private tellTooLarge(document: vscode.TextDocument, maxFileSize: number): void {
    const key = document.uri.toString();
    if (this.toldTooLarge.has(key)) return;
    this.toldTooLarge.add(key);
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'Clean Copy skipped {0}: it is larger than cleanCopy.maxFileSize ({1} bytes).',
        vscode.workspace.asRelativePath(document.uri),
        maxFileSize,
      ),
    );
  }

  dispose(): void {
    this.item?.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
