import * as vscode from 'vscode';
import { DEFAULT_MIN_CONFIDENCE } from '../core';
import { globToRegExp } from './glob';

/** The `cleanCopy.*` settings as the features use them, read for one document (folder and language overrides apply). */
export interface Settings {
  enable: boolean;
  /** Language ids scanned; contains "*" when every language is. */
  languages: string[];
  severity: vscode.DiagnosticSeverity;
  minConfidence: number;
  /** Wrong codecs the engine considers; empty = all it knows. */
  encodings: string[];
  ignore: string[];
  maxFileSize: number;
}

export const SECTION = 'cleanCopy';
export const DEFAULT_LANGUAGES = ['plaintext', 'markdown'];
export const DEFAULT_MAX_FILE_SIZE = 16_000_000;

const SEVERITIES: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration(SECTION, scope);
  const minConfidence = c.get<number>('minConfidence', DEFAULT_MIN_CONFIDENCE);
  const maxFileSize = c.get<number>('maxFileSize', DEFAULT_MAX_FILE_SIZE);
  return {
    enable: c.get<boolean>('enable', true),
    languages: stringArray(c.get('languages'), DEFAULT_LANGUAGES),
    severity: SEVERITIES[String(c.get('severity', 'warning')).toLowerCase()] ?? vscode.DiagnosticSeverity.Warning,
    // Out-of-range values from hand-edited settings are clamped rather than rejected.
    minConfidence: Number.isFinite(minConfidence) ? Math.min(1, Math.max(0, minConfidence)) : DEFAULT_MIN_CONFIDENCE,
    encodings: stringArray(c.get('encodings'), []),
    ignore: stringArray(c.get('ignore'), []),
    maxFileSize: Number.isFinite(maxFileSize) && maxFileSize > 0 ? maxFileSize : DEFAULT_MAX_FILE_SIZE,
  };
}

function stringArray(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : fallback;
}

export function languageEnabled(settings: Settings, languageId: string): boolean {
  return settings.languages.includes('*') || settings.languages.includes(languageId);
}

/** Path of `uri` relative to its workspace folder (or the full path outside any folder), with `/` separators. */
export function relativePath(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/');
}

/** True when one of the `cleanCopy.ignore` globs matches the file (relative to its folder, or its absolute path). */
export function isIgnored(settings: Settings, uri: vscode.Uri): boolean {
  if (settings.ignore.length === 0) return false;
  const candidates = [relativePath(uri), uri.path];
  return settings.ignore.some((glob) => {
    const re = globToRegExp(glob);
    return candidates.some((p) => re.test(p));
  });
}

/** Why a document is not scanned, or undefined when it is. */
export type SkipReason = 'disabled' | 'language' | 'ignored' | 'tooLarge';

export function skipReason(document: vscode.TextDocument, settings = readSettings(document)): SkipReason | undefined {
  if (!settings.enable) return 'disabled';
  if (!languageEnabled(settings, document.languageId)) return 'language';
  if (isIgnored(settings, document.uri)) return 'ignored';
  if (textSize(document) > settings.maxFileSize) return 'tooLarge';
  return undefined;
}

/** Size in UTF-8 bytes, what `maxFileSize` is measured in (cheap: a native call). */
export function textSize(document: vscode.TextDocument): number {
  return Buffer.byteLength(document.getText(), 'utf8');
}
