/** A readable Markdown outline (CLI `outline --format markdown`, editor "Export Outline as Markdown"). */
import type { ContactKind, Outline } from './types';

const CONTACT_LABELS: Record<ContactKind, string> = { person: 'Contact', email: 'Email', phone: 'Phone', url: 'Web' };

/** Escapes characters that Markdown would read as formatting inside inline text. */
function esc(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/([\\`*_[\]<>|])/g, '\\$1');
}

export function formatOutlineMarkdown(outline: Outline): string {
  const lines: string[] = [];
  lines.push(`# ${outline.headline ? esc(outline.headline.text) : 'Release outline (no headline found)'}`, '');
  if (outline.dateline) {
    lines.push(`**Dateline:** ${[outline.dateline.place, outline.dateline.date].filter(Boolean).map(esc).join(' — ')}`, '');
  }

  lines.push(`## Quotes (${outline.quotes.length})`, '');
  if (outline.quotes.length === 0) lines.push('_None found._');
  outline.quotes.forEach((q, i) => {
    const who = q.speaker ? `**${esc(q.speaker)}**` : '**Unattributed**';
    const role = q.role ? `, ${esc(q.role)}` : '';
    lines.push(`${i + 1}. ${who}${role}:`, `   > “${esc(q.text)}”`);
  });
  lines.push('');

  lines.push(`## Figures (${outline.figures.length})`, '');
  if (outline.figures.length === 0) lines.push('_None found._');
  for (const f of outline.figures) {
    lines.push(`- **${esc(f.value)}** — ${f.label ? esc(f.label) : '_no label_'}`);
  }
  lines.push('');

  lines.push(`## Contacts (${outline.contacts.length})`, '');
  if (outline.contacts.length === 0) lines.push('_None found._');
  for (const c of outline.contacts) lines.push(`- ${CONTACT_LABELS[c.kind]}: ${esc(c.value)}`);
  lines.push('');
  return lines.join('\n');
}
