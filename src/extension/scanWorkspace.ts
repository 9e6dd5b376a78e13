import * as vscode from 'vscode';
import { readSettings, relativePath, isIgnored, languageEnabled, type Settings } from './config';
import { toDiagnostics, type ScanResult } from './diagnostics';
import { detect, detectOptions, FindingsStore } from './findingsStore';
import { globToRegExp } from './glob';
import { isValidUtf8 } from './wrongEncoding';

/** Bytes looked at to tell a binary file (a NUL among them) from text. */
const BINARY_SNIFF_BYTES = 8000;

export interface WorkspaceScanSummary {
  files: number;
  filesWithFindings: number;
  findings: number;
  skippedTooLarge: number;
  cancelled: boolean;
}

/**
 * `cleanCopy.scanWorkspace`: scans every file of an enabled language in the workspace, honouring
 * `files.exclude`, `search.exclude`, `cleanCopy.ignore` and `cleanCopy.maxFileSize`, and reports into the
 * Problems panel. Results for files that are not open stay until the next scan.
 */
export class WorkspaceScanner implements vscode.Disposable {
  /** Files whose diagnostics came from disk, so closing their editor can put those back. */
  private readonly fromDisk = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly collection: vscode.DiagnosticCollection,
  ) {
    this.disposables.push(
      vscode.commands.registerCommand('cleanCopy.scanWorkspace', () => this.run()),
      vscode.workspace.onDidCloseTextDocument((d) => {
        // The open document's live diagnostics were just cleared; show the file's saved state again.
        if (this.fromDisk.has(d.uri.toString())) void this.scanFile(d.uri, readSettings(d.uri));
      }),
    );
  }

  async run(): Promise<WorkspaceScanSummary> {
    const summary: WorkspaceScanSummary = { files: 0, filesWithFindings: 0, findings: 0, skippedTooLarge: 0, cancelled: false };
    if (!vscode.workspace.workspaceFolders?.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder to scan its files for garbled text.'));
      return summary;
    }
    const settings = readSettings();
    if (!settings.enable) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Clean Copy is disabled (cleanCopy.enable).'));
      return summary;
    }
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Clean Copy: scanning workspace'), cancellable: true },
      async (progress, token) => {
        const { include, exclude, excludeAfter } = searchPatterns(settings);
        const uris = await vscode.workspace.findFiles(include, exclude, undefined, token);
        const candidates = uris.filter((u) => !excludeAfter.some((re) => re.test(relativePath(u))));
        for (const [i, uri] of candidates.entries()) {
          if (token.isCancellationRequested) {
            summary.cancelled = true;
            break;
          }
          progress.report({ message: relativePath(uri), increment: 100 / candidates.length });
          const count = await this.scanFile(uri, readSettings(uri));
          if (count === 'tooLarge') {
            summary.skippedTooLarge++;
          } else if (count !== 'skipped') {
            summary.files++;
            summary.findings += count;
            if (count > 0) summary.filesWithFindings++;
          }
          // Let the extension host breathe between files.
          if (i % 20 === 19) await new Promise((resolve) => setImmediate(resolve));
        }
      },
    );
    void this.tell(summary);
    return summary;
  }

  /** Scans one file (its open document if there is one) and returns its number of findings. */
  private async scanFile(uri: vscode.Uri, settings: Settings): Promise<number | 'tooLarge' | 'skipped'> {
    if (isIgnored(settings, uri)) return 'skipped';
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open && FindingsStore.isScannable(open)) {
      // Open documents are kept live by the store; their diagnostics are already in Problems.
      return this.collection.get(uri)?.length ?? 0;
    }
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > settings.maxFileSize) return 'tooLarge';
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return 'skipped';
      const text = new TextDecoder('utf-8').decode(bytes);
      const result: ScanResult = {
        findings: detect(text, detectOptions(settings)),
        settings,
        wrongEncoding: text.includes('\uFFFD') && !isValidUtf8(bytes),
      };
      const lineStarts = lineStartsOf(text);
      this.collection.set(uri, toDiagnostics((o) => positionIn(lineStarts, o), result, this.extensionUri));
      this.fromDisk.add(uri.toString());
      return result.findings.length;
    } catch {
      // Deleted or unreadable since the search: nothing to report for it.
      return 'skipped';
    }
  }

  private async tell(summary: WorkspaceScanSummary): Promise<void> {
    const parts = [
      vscode.l10n.t('Scanned {0} files: {1} garbled passages in {2} files.', summary.files, summary.findings, summary.filesWithFindings),
    ];
    if (summary.skippedTooLarge > 0) {
      parts.push(vscode.l10n.t('{0} files larger than cleanCopy.maxFileSize were skipped.', summary.skippedTooLarge));
    }
    if (summary.cancelled) parts.push(vscode.l10n.t('Cancelled before the end.'));
    const show = vscode.l10n.t('Show Problems');
    const choice = await vscode.window.showInformationMessage(parts.join(' '), ...(summary.findings > 0 ? [show] : []));
    if (choice === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

/**
 * The glob for files of the enabled languages (file extensions and names that installed extensions
 * declare for them) and the excludes. `findFiles` only applies `files.exclude` when given no exclude,
 * so the three exclude settings are merged here; patterns with their own braces cannot be nested in
 * the `{a,b}` union and are matched afterwards instead.
 */
export function searchPatterns(settings: Settings): { include: string; exclude: string | undefined; excludeAfter: RegExp[] } {
  const include = settings.languages.includes('*') ? '**/*' : `**/{${fileNamePatterns(settings).join(',')}}`;
  const patterns = [
    ...enabledKeys(vscode.workspace.getConfiguration('files').get('exclude')),
    ...enabledKeys(vscode.workspace.getConfiguration('search').get('exclude')),
    ...settings.ignore,
  ];
  const simple = patterns.filter((p) => !/[{},]/.test(p));
  const braced = patterns.filter((p) => /[{},]/.test(p));
  return {
    include,
    exclude: simple.length > 0 ? `{${simple.join(',')}}` : undefined,
    excludeAfter: braced.map(globToRegExp),
  };
}

function enabledKeys(value: unknown): string[] {
  if (!value || typeof value !== 'object') return [];
  // `true` excludes; an object is a `when` condition on sibling files, which cannot be checked here: skip it.
  return Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v === true)
    .map(([k]) => k);
}

interface LanguageContribution {
  id?: string;
  extensions?: string[];
  filenames?: string[];
}

/** Languages VS Code defines itself, which no extension's manifest lists. */
const CORE_LANGUAGES: LanguageContribution[] = [{ id: 'plaintext', extensions: ['.txt'] }];

function fileNamePatterns(settings: Settings): string[] {
  const out = new Set<string>();
  for (const lang of CORE_LANGUAGES) {
    if (lang.id && languageEnabled(settings, lang.id)) for (const e of lang.extensions ?? []) out.add(`*${e}`);
  }
  for (const ext of vscode.extensions.all) {
    const languages = (ext.packageJSON?.contributes?.languages ?? []) as LanguageContribution[];
    for (const lang of languages) {
      if (!lang.id || !languageEnabled(settings, lang.id)) continue;
      for (const e of lang.extensions ?? []) if (!/[{},]/.test(e)) out.add(`*${e}`);
      for (const f of lang.filenames ?? []) if (!/[{},]/.test(f)) out.add(f);
    }
  }
  return [...out];
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function positionIn(lineStarts: number[], offset: number): vscode.Position {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return new vscode.Position(lo, offset - lineStarts[lo]);
}
