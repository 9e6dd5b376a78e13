/** Emails, phone numbers and web addresses, each once, in text order. */
import type { OutlineContact } from './types';

// Bounded, non-overlapping classes: linear on long inputs.
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}/g;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"“”‘’()[\]]{2,2000}/g;
// A run of digits with the usual separators; checked further in `isPhone`.
const PHONE = /(?:\+|\b)\d[\d ().\-–]{5,22}\d\b/g;
const PHONE_LABEL = /\b(?:tel|telephone|phone|mobile|mob|cell|fax|call|t|m|ph)\b\.?\s*:?\s*$/i;

/**
 * A local part glued to a label ("ImmediapressCorporate.comms") starts at the last
 * lower-to-upper case step; plain addresses ("jane.doe") are kept whole.
 */
function unglueLocalPart(local: string): number {
  let cut = 0;
  for (let i = 1; i < local.length; i++) {
    if (/[a-z]/.test(local[i - 1]) && /[A-Z]/.test(local[i])) cut = i;
  }
  return cut;
}

function isPhone(text: string, start: number, value: string): boolean {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15) return false;
  if (value.startsWith('+')) return true;
  const before = text.slice(Math.max(0, start - 24), start);
  if (PHONE_LABEL.test(before)) return true;
  // Without a label: grouped like a phone number, e.g. (503) 555-0142, 020 7946 0958, 555-0142.
  return (
    /^(?:\d{1,3}[ .\-])?\(?\d{2,5}\)?[ .\-]\d{3,4}[ .\-]?\d{3,4}$/.test(value) && !/^\d{4}[ -]\d{4}$/.test(value)
  );
}

// "Media contact:", "Press contacts", "Investor enquiries:" heading a line; the person follows on it or below.
const CONTACT_HEADING = /^[ \t*_#]*(?:(?:media|press|investor|editorial|news)[ \t]+)?(?:contacts?|enquiries|inquiries)\b[ \t*_]*:?[ \t*_]*/gim;
// "Jordan Pike" or "Anna Müller, Head of Communications": two or three capitalised words, maybe a role.
const PERSON_LINE = /^(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}[\p{Ll}'’]+){1,2})(?:,[ \t]*([^\n@\d]{2,60}?))?[ \t]*$/u;

/** The person a contact heading names ("Media contact:\nJordan Pike, Communications Manager"). */
function contactPeople(text: string): OutlineContact[] {
  const people: OutlineContact[] = [];
  for (const m of text.matchAll(CONTACT_HEADING)) {
    let at = m.index + m[0].length;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd < 0) lineEnd = text.length;
    if (text.slice(at, lineEnd).trim() === '') {
      // On the next line that holds anything.
      at = lineEnd + 1;
      while (at < text.length && /[ \t\r\n]/.test(text[at])) at++;
      lineEnd = text.indexOf('\n', at);
      if (lineEnd < 0) lineEnd = text.length;
    }
    const line = text.slice(at, lineEnd).replace(/\r$/, '');
    const person = PERSON_LINE.exec(line);
    if (!person) continue;
    const value = person[2] ? `${person[1]}, ${person[2].trim()}` : person[1];
    people.push({ kind: 'person', value, start: at, end: at + line.trimEnd().length });
  }
  return people;
}

export function extractContacts(text: string): OutlineContact[] {
  const found: OutlineContact[] = contactPeople(text);
  for (const m of text.matchAll(EMAIL)) {
    const local = m[0].slice(0, m[0].indexOf('@'));
    const cut = unglueLocalPart(local);
    const start = m.index + cut;
    found.push({ kind: 'email', value: m[0].slice(cut), start, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(URL)) {
    const value = m[0].replace(/[.,;:!?*_'"]+$/, '');
    found.push({ kind: 'url', value, start: m.index, end: m.index + value.length });
  }
  for (const m of text.matchAll(PHONE)) {
    let value = m[0].trim();
    // A leading "(" belongs to the number, a trailing one does not.
    if (m.index > 0 && text[m.index - 1] === '(' && /^\d/.test(value) && /\)/.test(value)) {
      value = '(' + value;
    }
    const start = text.indexOf(value, m.index - (value.startsWith('(') ? 1 : 0));
    if (!isPhone(text, start, value)) continue;
    if (found.some((c) => c.start < start + value.length && start < c.end)) continue;
    found.push({ kind: 'phone', value, start, end: start + value.length });
  }
  const seen = new Set<string>();
  return found
    .sort((a, b) => a.start - b.start)
    .filter((c) => {
      const key = c.kind + ':' + c.value.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
