/**
 * Release outline: headline, dateline, quotes with speakers, figures with labels, contacts.
 * Garbled text is read through the repair engine first, and every offset is mapped back to the
 * text as given, so `text.slice(start, end)` shows the item in the user's document.
 */
import { repair, type AppliedRepair } from '../index';
import { extractQuotes } from './attribution';
import { extractContacts } from './contacts';
import { extractDateline } from './dateline';
import { extractFigures } from './figures';
import { extractHeadline } from './headline';
import { splitParagraphs, splitSentences, type Segment } from './segments';
import { appositiveRole, personMentions, PeopleRegistry, tokenize } from './speakers';
import type { Outline } from './types';

export * from './types';
export { formatOutlineMarkdown } from './markdown';

export function extractOutline(text: string): Outline {
  if (typeof text !== 'string') throw new TypeError('extractOutline expects the document text as a string');
  return outlineThroughRepair(repair(text));
}

/** The outline of `repaired.text`, with offsets mapped back to the text before the repair. */
export function outlineThroughRepair(repaired: AppliedRepair): Outline {
  const outline = extractFromCleanText(repaired.text);
  if (repaired.applied.length === 0) return outline;
  const map = <T extends Segment>(item: T): T => ({
    ...item,
    start: repaired.toOriginal(item.start),
    end: repaired.toOriginal(item.end),
  });
  return {
    headline: outline.headline && map(outline.headline),
    dateline: outline.dateline && map(outline.dateline),
    quotes: outline.quotes.map(map),
    figures: outline.figures.map(map),
    contacts: outline.contacts.map(map),
  };
}

/** The outline of text that needs no repair; offsets into `text`. */
export function extractFromCleanText(text: string): Outline {
  const paragraphs = splitParagraphs(text);
  const headline = extractHeadline(text);
  const dateline = extractDateline(text);
  const contacts = extractContacts(text);
  const people = registerPeople(text, paragraphs);
  const quotes = extractQuotes(text, paragraphs, people);
  const excluded: Segment[] = [...contacts];
  if (headline) excluded.push(headline);
  if (dateline) excluded.push(dateline);
  const figures = extractFigures(text, paragraphs, excluded);
  return { headline, dateline, quotes, figures, contacts };
}

/** Every full name in the text, in order, with the role given in an appositive ("X, ROLE,"). */
function registerPeople(text: string, paragraphs: ReturnType<typeof splitParagraphs>): PeopleRegistry {
  const people = new PeopleRegistry();
  for (const para of paragraphs) {
    for (const sentence of splitSentences(text, para)) {
      const tokens = tokenize(text, sentence.start, sentence.end);
      for (const person of personMentions(text, tokens, (word) => people.knows(word))) {
        if (!person.name.includes(' ')) {
          const full = people.resolve(person.name, person.start);
          if (full) people.mention(full, person.start);
          continue;
        }
        people.add(person.name, appositiveRole(text, person.end, sentence.end) || person.title, person.start);
      }
    }
  }
  return people;
}
