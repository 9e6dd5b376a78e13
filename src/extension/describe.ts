import * as vscode from 'vscode';
import type { Finding } from '../core';
import { codecByName } from '../core/codecs';
import { hex } from '../core/utf8';

/**
 * Words for findings, shared by diagnostics, hovers, quick fixes and the explanation command so the
 * same finding reads the same everywhere.
 */

/** Shows invisible characters (C0/C1 controls, no-break and zero-width spaces) as `U+XXXX`. */
export function visible(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u00a0\u200b-\u200f\u2028\u2029\ufeff]/g, (ch) => codePoint(ch));
}

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The diagnostic message: what the garbled text most likely was, and how it got garbled. */
export function findingMessage(finding: Finding, wrongEncoding: boolean): string {
  if (wrongEncoding && finding.kind === 'replacement-char') {
    return vscode.l10n.t(
      '"{0}": this file is probably not UTF-8, so some of its bytes could not be read. Reopen it with its real encoding (often Windows-1252) instead of editing the text.',
      visible(finding.original),
    );
  }
  const explanation = finding.explanation.replace(/\.$/, '');
  if (finding.replacement === '') {
    return vscode.l10n.t('"{0}" is probably debris to delete — {1}', visible(finding.original), explanation);
  }
  return vscode.l10n.t(
    '"{0}" is probably "{1}" — {2}',
    visible(finding.original),
    visible(finding.replacement),
    explanation,
  );
}

/** Quick-fix title for replacing a finding with `replacement`. */
export function replaceTitle(finding: Finding, replacement: string): string {
  if (replacement === '') return vscode.l10n.t('Remove "{0}"', visible(finding.original));
  return vscode.l10n.t('Replace with {0}', visible(replacement));
}


/** A codec's name for people, from the engine's one table of codecs. */
export function codecName(codec: string): string {
  if (codec.toLowerCase() === 'utf-8') return 'UTF-8';
  if (codec.toLowerCase() === 'ascii') return 'ASCII'; // a reading the engine names, not a codec it scans with
  return codecByName(codec.toLowerCase())?.label ?? codec;
}

/** Inline code for a MarkdownString (a code span holding a backtick needs a double fence). */
function code(text: string): string {
  const shown = visible(text);
  return shown.includes('`') ? `\`\` ${shown} \`\`` : `\`${shown}\``;
}

/** The README section that explains a kind of finding (the diagnostic's code link). */
export function readmeAnchor(extensionUri: vscode.Uri, kind: Finding['kind']): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'README.md').with({ fragment: kind });
}

/** The hover: bytes, wrong and right codecs, best repair and the alternatives. */
export function findingHover(finding: Finding, wrongEncoding: boolean, learnMore: vscode.Uri): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown(`**Clean Copy** · ${kindLabel(finding.kind)} · `);
  md.appendMarkdown(vscode.l10n.t('confidence {0}%', Math.round(finding.confidence * 100)));
  md.appendMarkdown('\n\n');
  if (wrongEncoding && finding.kind === 'replacement-char') {
    md.appendText(findingMessage(finding, true));
    md.appendMarkdown('\n\n');
  } else {
    md.appendMarkdown(`${code(finding.original)} → **${code(finding.replacement)}**\n\n`);
  }
  if (finding.bytes && finding.bytes.length > 0) {
    md.appendMarkdown(`${vscode.l10n.t('Bytes')}: ${code(hex(finding.bytes))}\n\n`);
  }
  if (finding.wrongCodecs && finding.wrongCodecs.length > 0) {
    const wrong = finding.wrongCodecs.map(codecName).join(' → ');
    md.appendMarkdown(`${vscode.l10n.t('Read as')}: ${wrong} · ${vscode.l10n.t('should be')}: UTF-8\n\n`);
  }
  if (finding.alternatives.length > 0) {
    const alts = finding.alternatives.map(code).join(', ');
    md.appendMarkdown(`${vscode.l10n.t('Alternatives')}: ${alts}\n\n`);
  }
  // The explanation itself is in the diagnostic's message, shown right above this hover.
  md.appendMarkdown(`[${vscode.l10n.t('Learn more')}](${learnMore.toString()})`);
  return md;
}

export function kindLabel(kind: Finding['kind']): string {
  switch (kind) {
    case 'reversible':
      return vscode.l10n.t('reversible');
    case 'lossy':
      return vscode.l10n.t('lossy');
    case 'replacement-char':
      return vscode.l10n.t('replacement character');
    case 'c1-control':
      return vscode.l10n.t('C1 control character');
    case 'stray-marker':
      return vscode.l10n.t('stray marker');
  }
}
