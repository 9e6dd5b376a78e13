import * as vscode from 'vscode';
import type { Outline, OutlineContact } from '../core/outline/types';

/**
 * The outline as one tree of neutral nodes, built once and shown twice: by the Release Outline view
 * (TreeItems) and by the document symbol provider (Outline view, breadcrumbs, Go to Symbol).
 */
export interface OutlineNode {
  /** Stable within one outline, so the tree keeps its expansion state across refreshes. */
  id: string;
  label: string;
  /** Short text beside the label (counts on groups, roles, labels of figures). */
  description: string;
  /** The full sentence or value, for tooltips. */
  tooltip: string;
  icon: string;
  symbolKind: vscode.SymbolKind;
  /** Offsets into the document; groups span their children. */
  start: number;
  end: number;
  /** What "Copy" puts on the clipboard; absent on groups. */
  copyText?: string;
  children: OutlineNode[];
}

const CONTACT_ICONS: Record<OutlineContact['kind'], string> = { person: 'person', email: 'mail', phone: 'device-mobile', url: 'link' };

export function outlineNodes(outline: Outline): OutlineNode[] {
  const groups: OutlineNode[] = [];
  if (outline.headline) {
    const h = outline.headline;
    groups.push(
      group('headline', vscode.l10n.t('Headline'), 'megaphone', [
        leaf('headline/0', h.text, '', h.text, 'megaphone', vscode.SymbolKind.String, h, h.text),
      ]),
    );
  }
  if (outline.dateline) {
    const d = outline.dateline;
    const text = [d.place, d.date].filter(Boolean).join(', ');
    groups.push(
      group('dateline', vscode.l10n.t('Dateline'), 'calendar', [
        leaf('dateline/0', d.place || d.date, d.place ? d.date : '', text, 'location', vscode.SymbolKind.Event, d, text),
      ]),
    );
  }
  if (outline.quotes.length > 0) {
    // Speakers in order of first appearance; quotes nobody can be named for go under "Unattributed".
    const bySpeaker = new Map<string, typeof outline.quotes>();
    for (const q of outline.quotes) bySpeaker.set(q.speaker, [...(bySpeaker.get(q.speaker) ?? []), q]);
    const speakers = [...bySpeaker.entries()].map(([speaker, quotes], s) => {
      const name = speaker || vscode.l10n.t('Unattributed');
      const role = quotes.find((q) => q.role)?.role ?? '';
      const items = quotes.map((q, i) => {
        const attribution = [q.speaker, q.role].filter(Boolean).join(', ');
        const copy = attribution ? `“${q.text}” — ${attribution}` : `“${q.text}”`;
        return leaf(`quotes/${s}/${i}`, q.text, '', copy, 'quote', vscode.SymbolKind.String, q, copy);
      });
      const node = group(`quotes/${s}`, name, 'person', items, vscode.SymbolKind.Object);
      node.description = role ? `${role} · ${items.length}` : String(items.length);
      node.tooltip = [name, role].filter(Boolean).join(', ');
      return node;
    });
    const quotes = group('quotes', vscode.l10n.t('Quotes'), 'quote', speakers);
    quotes.description = String(outline.quotes.length);
    groups.push(quotes);
  }
  if (outline.figures.length > 0) {
    groups.push(
      group(
        'figures',
        vscode.l10n.t('Figures'),
        'graph',
        outline.figures.map((f, i) =>
          leaf(`figures/${i}`, f.value, f.label, f.sentence, 'symbol-number', vscode.SymbolKind.Number, f, f.label ? `${f.value} — ${f.label}` : f.value),
        ),
      ),
    );
  }
  if (outline.contacts.length > 0) {
    groups.push(
      group(
        'contacts',
        vscode.l10n.t('Contacts'),
        'organization',
        outline.contacts.map((c, i) =>
          leaf(`contacts/${i}`, c.value, c.kind, c.value, CONTACT_ICONS[c.kind] ?? 'mail', vscode.SymbolKind.Constant, c, c.value),
        ),
      ),
    );
  }
  return groups;
}

function leaf(
  id: string,
  label: string,
  description: string,
  tooltip: string,
  icon: string,
  symbolKind: vscode.SymbolKind,
  span: { start: number; end: number },
  copyText: string,
): OutlineNode {
  return { id, label, description, tooltip, icon, symbolKind, start: span.start, end: span.end, copyText, children: [] };
}

function group(
  id: string,
  label: string,
  icon: string,
  children: OutlineNode[],
  symbolKind = vscode.SymbolKind.Namespace,
): OutlineNode {
  return {
    id,
    label,
    description: String(children.length),
    tooltip: label,
    icon,
    symbolKind,
    start: Math.min(...children.map((c) => c.start)),
    end: Math.max(...children.map((c) => c.end)),
    children,
  };
}
