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
// (Russian "Контакты для СМИ:", "Пресс-служба:"; Chinese 媒体联系人：, Japanese 報道関係者お問い合わせ先, Korean 언론 문의.)
const CONTACT_HEADING = /^[ \t*_#]*(?:(?:(?:media|press|investor|editorial|news)[ \t]+)?(?:contacts?|enquiries|inquiries)\b|контакты(?:[ \t]+для[ \t]+(?:сми|прессы))?|пресс-служба|(?:媒体|新闻)?联系人|联系方式|(?:報道関係者(?:の|様)?)?お問い合わせ(?:先)?|(?:언론|보도|미디어)[ \t]*문의|홍보[ \t]*담당)[ \t*_]*[:：]?[ \t*_]*/gimu;
// "Jordan Pike", "Anna Müller, Head of Communications", "Lisa Park, ir@globex.com, 206-555-0100":
// two or three capitalised words, then maybe a role or the person's details after a comma or dash.
const PERSON_LINE = /^(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}[\p{Ll}'’]+){1,2})(?:[ \t]*[,|–—][ \t]*(.*?))?[ \t]*$/u;
// A Chinese or Korean name, two to four characters (a Japanese one maybe with a space, "山田 花子"),
// alone or before its details: "张伟，电话：…".
const CJK_PERSON_LINE = /^(\p{Script=Han}{2,4}|\p{Script=Han}{1,3}[ \u3000]\p{Script=Han}{1,3}|\p{Script=Hangul}{2,4})(?:[ \t]*[，,、][ \t]*(.*?))?[ \t]*$/u;
// "Investors: Lisa Park, …", "Media: Tom Reyes": whom the line is for, before a colon.
const FOR_WHOM = /^([\p{L}][\p{L} &/]{1,30}?)[ \t]*:[ \t]*/u;
/** How many lines under a contact heading are read for people. */
const BLOCK_LINES = 8;

/**
 * The people a contact heading names, on its line or on the lines under it up to a blank line
 * ("Media contact:\nJordan Pike, Communications Manager"; "Contacts\nInvestors: Lisa Park, …").
 */
function contactPeople(text: string): OutlineContact[] {
  const people: OutlineContact[] = [];
  for (const m of text.matchAll(CONTACT_HEADING)) {
    let at = m.index + m[0].length;
    let seen = 0;
    for (let n = 0; n < BLOCK_LINES && at < text.length; n++) {
      let lineEnd = text.indexOf('\n', at);
      if (lineEnd < 0) lineEnd = text.length;
      const raw = text.slice(at, lineEnd).replace(/\r$/, '');
      if (raw.trim() === '') {
        // (Blank right after the heading: the block starts below; blank after it: the block ends.)
        if (seen > 0) break;
        at = lineEnd + 1;
        continue;
      }
      seen++;
      const person = personOnLine(raw);
      if (person) people.push({ kind: 'person', value: person.value, start: at + person.start, end: at + person.end });
      at = lineEnd + 1;
    }
  }
  return people;
}

/**
 * "Lisa Park (Investors)", "Anna Müller, Head of Communications" and where on the line it stands
 * (the name, and the role if any: details after it are contacts of their own), or null.
 */
function personOnLine(line: string): { value: string; start: number; end: number } | null {
  const label = FOR_WHOM.exec(line);
  const start = label ? label[0].length : 0;
  const person = PERSON_LINE.exec(line.slice(start)) ?? CJK_PERSON_LINE.exec(line.slice(start));
  if (!person) return null;
  // A role reads as words; details (an address, a number) are listed apart.
  const role = person[2] && !/[@\d]/.test(person[2]) && person[2].length <= 60 ? person[2].trim() : '';
  if (role) return { value: `${person[1]}, ${role}`, start, end: line.trimEnd().length };
  const forWhom = label && !/^(?:e-?mail|phone|tel|mobile|fax|web|website|contact|name)$/i.test(label[1]) ? label[1] : '';
  return { value: forWhom ? `${person[1]} (${forWhom})` : person[1], start, end: start + person[1].length };
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
