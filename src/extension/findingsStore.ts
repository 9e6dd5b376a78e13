import * as vscode from 'vscode';
import { detect as engineDetect, type DetectOptions, type Finding } from '../core';
import { readSettings, skipReason, type Settings, type SkipReason } from './config';
import { expandToLines, mergeRescan, shiftThroughChanges, type Window } from './incremental';
import { WrongEncodingChecker } from './wrongEncoding';

/** Debounce between the last keystroke and the rescan. */
export const RESCAN_DELAY_MS = 300;
/** Below this many characters a rescan reads the whole text; above it only the edited lines. */
export const INCREMENTAL_THRESHOLD = 20_000;
/** A first scan of a large text runs in slices of about this many characters, yielding between them. */
const SLICE_CHARS = 64_000;
/** Documents from these schemes are the user's text; others (git, output, diff bases) are views of it. */
const SCANNED_SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

/** Every provider registers for these schemes; which languages count is decided per document by the settings. */
export const DOCUMENT_SELECTOR: vscode.DocumentFilter[] = [...SCANNED_SCHEMES].map((scheme) => ({ scheme }));

/** What the extension knows about one document. */
export interface DocumentScan {
  uri: vscode.Uri;
  /** The document scanned (a closed and reopened document with the same uri gets a new scan). */
  document: vscode.TextDocument;
  /** The document version the findings' offsets refer to. */
  version: number;
  findings: Finding[];
  /** The text holds U+FFFD because the file on disk is not UTF-8: reopen it rather than edit it. */
  wrongEncoding: boolean;
  /** Set when the document is not scanned, and why. */
  skipped?: SkipReason;
  settings: Settings;
}

interface State extends DocumentScan {
  /** Edited span (current coordinates) still to rescan, or 'all'. */
  pending: Window | 'all' | undefined;
  timer?: ReturnType<typeof setTimeout>;
  /** Bumped to abandon a sliced scan that an edit or setting change made stale. */
  generation: number;
}

/**
 * Keeps the findings of every open document current: scans on open, rescans after edits (only the
 * edited lines on large documents), forgets on close. Diagnostics, hovers, code actions and the status
 * item all read from here, so they always agree.
 */
export class FindingsStore implements vscode.Disposable {
  private readonly states = new Map<string, State>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  readonly onDidChange = this.changed.event;
  readonly wrongEncoding = new WrongEncodingChecker();

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.scheduleFull(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.onEdit(e)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
      vscode.workspace.onDidSaveTextDocument((d) => {
        // Saving can turn a not-UTF-8 file into UTF-8 (or the reverse): check the bytes again.
        this.wrongEncoding.invalidate(d.uri);
        this.scheduleFull(d, 0);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('cleanCopy')) this.rescanAll();
      }),
    );
    this.rescanAll();
  }

  /** Every open document the store follows. */
  static isScannable(document: vscode.TextDocument): boolean {
    return SCANNED_SCHEMES.has(document.uri.scheme);
  }

  rescanAll(): void {
    for (const d of vscode.workspace.textDocuments) this.scheduleFull(d, 0);
  }

  /** The last published scan, possibly a keystroke behind. */
  peek(uri: vscode.Uri): DocumentScan | undefined {
    return this.states.get(uri.toString());
  }

  /**
   * The scan matching the document as it is now: runs a pending rescan at once (code actions and
   * saves must never edit with stale offsets).
   */
  current(document: vscode.TextDocument): DocumentScan | undefined {
    const state = this.stateOf(document);
    if (!state) {
      if (!FindingsStore.isScannable(document)) return undefined;
      const fresh = this.newState(document);
      this.scanNow(document, fresh);
      return fresh;
    }
    if (state.pending || state.version !== document.version) this.scanNow(document, state);
    return state;
  }

  /** The state of this very document object (not of an earlier document with the same uri). */
  private stateOf(document: vscode.TextDocument): State | undefined {
    const state = this.states.get(document.uri.toString());
    return state && state.document === document ? state : undefined;
  }

  private newState(document: vscode.TextDocument): State {
    const previous = this.states.get(document.uri.toString());
    if (previous?.timer) clearTimeout(previous.timer);
    const state: State = {
      uri: document.uri,
      document,
      version: -1,
      findings: [],
      wrongEncoding: false,
      pending: 'all',
      generation: 0,
      settings: readSettings(document),
    };
    this.states.set(document.uri.toString(), state);
    return state;
  }

  private scheduleFull(document: vscode.TextDocument, delay: number): void {
    if (!FindingsStore.isScannable(document)) return;
    const state = this.stateOf(document) ?? this.newState(document);
    state.pending = 'all';
    state.generation++;
    this.schedule(document, state, delay);
  }

  private onEdit(e: vscode.TextDocumentChangeEvent): void {
    if (e.contentChanges.length === 0) return;
    const state = this.stateOf(e.document);
    if (!state || state.skipped || state.pending === 'all' || e.document.getText().length < INCREMENTAL_THRESHOLD) {
      this.scheduleFull(e.document, RESCAN_DELAY_MS);
      return;
    }
    const shifted = shiftThroughChanges(state.findings, state.pending, e.contentChanges);
    state.findings = shifted.findings;
    state.pending = shifted.dirty;
    state.version = e.document.version;
    this.schedule(e.document, state, RESCAN_DELAY_MS);
  }

  private schedule(document: vscode.TextDocument, state: State, delay: number): void {
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => {
      state.timer = undefined;
      if (document.isClosed) return;
      if (state.pending === 'all' && document.getText().length > SLICE_CHARS * 2) {
        void this.scanInSlices(document, state);
      } else {
        this.scanNow(document, state);
      }
    }, delay);
  }

  /** Reads the settings for a scan; a skipped document is published empty and gives null. */
  private prepare(document: vscode.TextDocument, state: State): { text: string; options: ReturnType<typeof detectOptions> } | null {
    const settings = readSettings(document);
    state.settings = settings;
    state.skipped = skipReason(document, settings);
    if (state.skipped) {
      this.publish(state, document, []);
      return null;
    }
    return { text: document.getText(), options: detectOptions(settings) };
  }

  /** Brings `state` up to date with `document` synchronously. */
  private scanNow(document: vscode.TextDocument, state: State): void {
    if (state.timer) {
      clearTimeout(state.timer);
      state.timer = undefined;
    }
    const ready = this.prepare(document, state);
    if (!ready) return;
    const { text, options } = ready;
    if (state.pending === 'all' || state.version !== document.version) {
      this.publish(state, document, detect(text, options));
    } else if (state.pending) {
      const window = expandToLines(text, state.pending);
      const fresh = detect(text, { ...options, range: window });
      this.publish(state, document, mergeRescan(state.findings, fresh, window));
    }
  }

  /** A first scan of a large document, in line-aligned slices so the extension host stays responsive. */
  private async scanInSlices(document: vscode.TextDocument, state: State): Promise<void> {
    const generation = ++state.generation;
    const version = document.version;
    const ready = this.prepare(document, state);
    if (!ready) return;
    const { text, options } = ready;
    const findings: Finding[] = [];
    for (let start = 0; start < text.length; ) {
      const window = expandToLines(text, { start, end: Math.min(text.length, start + SLICE_CHARS) });
      for (const f of detect(text, { ...options, range: window })) if (f.start >= window.start && f.end <= window.end) findings.push(f);
      start = window.end + 1;
      await new Promise((resolve) => setImmediate(resolve));
      // An edit, a setting change or a close made this scan stale; whoever did that scheduled a new one.
      if (state.generation !== generation || document.isClosed || document.version !== version) return;
    }
    this.publish(state, document, findings);
  }

  private publish(state: State, document: vscode.TextDocument, findings: Finding[]): void {
    state.findings = findings;
    state.version = document.version;
    state.pending = undefined;
    state.wrongEncoding = this.wrongEncoding.cached(document) ?? false;
    this.changed.fire(state.uri);
    if (findings.some((f) => f.kind === 'replacement-char')) {
      // Reading the bytes on disk is asynchronous: publish now, correct the verdict when it is known.
      void this.wrongEncoding.check(document).then((wrong) => {
        if (wrong !== state.wrongEncoding && this.states.get(state.uri.toString()) === state) {
          state.wrongEncoding = wrong;
          this.changed.fire(state.uri);
        }
      });
    }
  }

  private forget(document: vscode.TextDocument): void {
    const state = this.stateOf(document);
    if (!state) return;
    if (state.timer) clearTimeout(state.timer);
    state.generation++;
    this.states.delete(document.uri.toString());
    this.changed.fire(document.uri);
  }

  dispose(): void {
    for (const s of this.states.values()) if (s.timer) clearTimeout(s.timer);
    this.states.clear();
    vscode.Disposable.from(...this.disposables).dispose();
  }
}

let toldBadEncodings = '';

/**
 * The engine, guarded: a hand-edited `cleanCopy.encodings` with an unknown name makes it throw. Say so
 * once and scan with every encoding rather than leave the document unscanned.
 */
export function detect(text: string, options: DetectOptions): Finding[] {
  try {
    return engineDetect(text, options);
  } catch (err) {
    if (!options.encodings) throw err;
    const message = err instanceof Error ? err.message : String(err);
    if (toldBadEncodings !== message) {
      toldBadEncodings = message;
      void vscode.window.showWarningMessage(vscode.l10n.t('Clean Copy: cleanCopy.encodings: {0}. Using every known encoding instead.', message));
    }
    return engineDetect(text, { ...options, encodings: undefined });
  }
}

export function detectOptions(settings: Settings): DetectOptions {
  return settings.encodings.length > 0 ? { encodings: settings.encodings } : {};
}

/** Findings the "fix all" edit and fix-on-save apply: sure enough, and never bytes a reopen could restore. */
export function fixableFindings(scan: DocumentScan): Finding[] {
  return scan.findings.filter(
    (f) => f.confidence >= scan.settings.minConfidence && !(scan.wrongEncoding && f.kind === 'replacement-char'),
  );
}
