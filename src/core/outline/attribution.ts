/**
 * Turns quoted passages into quotes of someone: decides whether a passage is speech (not a quoted
 * title such as “Top Ten Inventions”) and who said it, from the words after the closing mark
 * (“…,” said X / “…,” X said), the words before the opening mark (X, ROLE, noted that “…” /
 * X said: “…”), or the previous quote when the passage has no attribution of its own.
 */
import { firstIndexAfter, identity, lastIndexAtOrBefore } from '../search';
import type { OutlineQuote } from './types';
import { findQuotes, quoteText, type RawQuote } from './quotes';
import { cjkAttribution, cjkLength } from './cjk-speakers';
import { sentenceStarts, type Paragraph } from './segments';
import {
  appositiveRole,
  cleanRole,
  roleBeforePredicate,
  titleJustBefore,
  isNoNameWord,
  isPronoun,
  isSpeechVerb,
  personMentions,
  tokenize,
  type PeopleRegistry,
  type PersonMention,
  type Token,
} from './speakers';

interface Attribution {
  speaker: string;
  role: string;
}

/** Lower-case words that title case leaves small. */
const SMALL_WORDS = new Set('a an and as at but by for from in into of on or the to with'.split(' '));
/** How many words may stand between a speech verb and the quote it introduces ("said that she encourages"). */
const MAX_WORDS_AFTER_VERB = 6;
/** Attributed passages shorter than this must end in , . ! ? inside the marks to count as speech. */
const MIN_UTTERANCE_WORDS = 3;
/** Unattributed passages shorter than this are scare quotes or terms, not speech. */
const MIN_UNATTRIBUTED_WORDS = 5;

export function extractQuotes(
  text: string,
  paragraphs: readonly Paragraph[],
  people: PeopleRegistry,
): OutlineQuote[] {
  const raws = findQuotes(text, paragraphs);
  const starts = new Map<number, number[]>();
  const startsOf = (p: number): number[] => {
    let s = starts.get(p);
    if (!s) {
      s = sentenceStarts(text, paragraphs[p].start, paragraphs[p].end);
      starts.set(p, s);
    }
    return s;
  };

  const quotes: OutlineQuote[] = [];
  let previous: { quote: OutlineQuote; lastParagraph: number } | null = null;
  const lastRole = new Map<string, string>();

  raws.forEach((raw, n) => {
    const prevRaw = n > 0 ? raws[n - 1] : null;
    const nextRaw = n + 1 < raws.length ? raws[n + 1] : null;
    const firstStarts = startsOf(raw.firstParagraph);
    const lastStarts = startsOf(raw.lastParagraph);
    let leadStart = lastAtOrBefore(firstStarts, raw.start);
    if (prevRaw && prevRaw.lastParagraph === raw.firstParagraph) leadStart = Math.max(leadStart, prevRaw.end);
    let trailEnd = firstAfter(lastStarts, raw.end) ?? paragraphs[raw.lastParagraph].end;
    if (nextRaw && nextRaw.start < trailEnd) trailEnd = nextRaw.start;

    const words = quoteText(text, raw);
    // (Chinese and Japanese write no spaces: a character counts as a word.)
    const cjkChars = cjkLength(words);
    const wordCount = Math.max(tokenize(words, 0, words.length).length, cjkChars);
    const lastSpeaker = previous ? previous.quote.speaker : '';
    const context = { text, people, lastSpeaker, at: raw.start };
    const attribution =
      fromTrailer(context, raw.end, trailEnd) ?? fromLeadIn(context, leadStart, raw.start) ?? cjkAttribution(text.slice(leadStart, raw.start), text.slice(raw.end, trailEnd));
    if (isTitleLike(text, raw) || wordCount < (attribution ? 1 : MIN_UNATTRIBUTED_WORDS)) return;
    // A name in marks (`「イノベーションと知的財産白書2025」を発表`): no sentence ends in it, nobody says it.
    if (!attribution && cjkChars > 0 && !/[。！？!?]$/u.test(words)) return;
    // A word or two in marks near "says" is a term (the 'team' says), unless it is an utterance: “Absolutely,”.
    if (wordCount < MIN_UTTERANCE_WORDS && !endsLikeSpeech(text, raw)) return;

    let speaker = attribution?.speaker ?? '';
    let role = attribution?.role ?? '';
    if (!attribution && previous && previous.lastParagraph >= raw.firstParagraph - 1) {
      // A passage without attribution right after a quote continues that speaker.
      speaker = previous.quote.speaker;
      role = previous.quote.role;
    } else if (!attribution) {
      // "Whitaker welcomed the plan. “This is …”": the person the paragraph is about.
      speaker = people.lastMentionBefore(raw.start, paragraphs[raw.firstParagraph].start);
    }
    if (speaker && !role) role = lastRole.get(speaker) || people.role(speaker);
    if (speaker && role) {
      lastRole.set(speaker, role);
      people.setRoleIfMissing(speaker, role);
    }
    const quote: OutlineQuote = { start: raw.start, end: raw.end, speaker, role, text: words };
    quotes.push(quote);
    previous = { quote, lastParagraph: raw.lastParagraph };
  });
  return quotes;
}

interface Context {
  text: string;
  people: PeopleRegistry;
  lastSpeaker: string;
  at: number;
}

/** A mention's full name: a lone surname resolves to the full name named earlier. */
function fullName(ctx: Context, person: PersonMention): string {
  if (person.name.includes(' ')) return person.name;
  return ctx.people.resolve(person.name, ctx.at) ?? person.name;
}

/** Auxiliaries before a past participle of saying (French `a déclaré`, Italian `ha detto`, Romanian `a declarat`). */
const AUXILIARIES = new Set(['a', 'ha', 'hanno', 'ont', 'au']);

/** "she said": the person named last before the quote, else the previous speaker. */
function pronounSpeaker(ctx: Context): Attribution {
  return { speaker: ctx.people.lastMentionBefore(ctx.at) || ctx.lastSpeaker, role: '' };
}

/** “…,” said X, ROLE. / “…,” said ROLE X. / “…,” X said. / “…,” according to X. */
function fromTrailer(ctx: Context, from: number, to: number): Attribution | null {
  const { text } = ctx;
  const tokens = tokenize(text, from, to);
  if (tokens.length === 0) return null;
  // Only spaces and commas may stand between the closing mark and the attribution (or a dash, as
  // Polish and Russian set one: „…” – powiedział X, «…», — заявил X).
  if (!/^[\s,]*(?:[–—]\s*)?$/.test(text.slice(from, tokens[0].start))) return null;
  // French, Italian and Romanian say it with an auxiliary: « … », a déclaré X; “…”, ha detto X.
  const aux = AUXILIARIES.has(tokens[0].word.toLowerCase()) && tokens.length > 1 && isSpeechVerb(tokens[1].word) ? 1 : 0;
  if (isSpeechVerb(tokens[aux].word)) {
    let k = aux + 1;
    if (tokens[0].word.toLowerCase() === 'according') {
      if (tokens[1]?.word !== 'to') return null;
      k = 2;
    }
    if (k >= tokens.length) return null;
    return afterVerb(ctx, tokens.slice(k), to);
  }
  const v = tokens.findIndex((t, i) => i < 12 && isSpeechVerb(t.word));
  if (v <= 0) return null;
  const subject = tokens.slice(0, v);
  if (v === 1 && isPronoun(subject[0].word)) return pronounSpeaker(ctx);
  const person = personMentions(text, subject, () => true)[0];
  if (!person) return null;
  // Lower-case words before the name are a title: "operations director Luis Ortega said".
  const lead = text.slice(subject[0].start, person.start);
  if (lead && !/^[\p{Ll}\s'’-]+$/u.test(lead)) return null;
  const role = appositiveRole(text, person.end, tokens[v].start) || cleanRole(lead) || person.title;
  return { speaker: fullName(ctx, person), role };
}

/** The phrase after "said": "the company’s Chief Legal Officer Liuping Song" or "Dana Whitfield, chief executive". */
function afterVerb(ctx: Context, phrase: Token[], to: number): Attribution | null {
  const { text } = ctx;
  if (phrase.length === 0) return null;
  const phraseStart = phrase[0].start;
  const comma = text.indexOf(',', phraseStart);
  const headEnd = comma >= 0 && comma < to ? comma : to;
  const head = phrase.filter((t) => t.end <= headEnd);
  if (head.length === 0) return null;
  if (head.length === 1 && isPronoun(head[0].word)) return pronounSpeaker(ctx);
  const mentions = personMentions(text, head, () => true);
  const tail = headEnd < to ? roleBeforePredicate(text.slice(headEnd + 1, to)) : '';
  if (mentions.length === 0) {
    // A title in capitals and the name after it, as Turkish writes them (`dedi Huawei Türkiye Genel
    // Müdürü Ahmet Çelik`): too long a run for one name, the last two words are the person.
    const name = head.slice(-2);
    if (head.length >= 4 && head.every((t) => /^\p{Lu}\p{Ll}/u.test(t.word)) && !name.some((t) => isNoNameWord(t.word))) {
      return { speaker: text.slice(name[0].start, name[1].end), role: cleanRole(text.slice(phraseStart, name[0].start)) };
    }
    // "said a spokesperson": no name, but a role worth keeping.
    return { speaker: '', role: cleanRole(text.slice(phraseStart, headEnd)) };
  }
  const person = mentions[mentions.length - 1];
  const before = cleanRole(text.slice(phraseStart, person.start));
  return { speaker: fullName(ctx, person), role: tail || before };
}

/** X, ROLE, noted that “… / X said: “… / Song concluded by stating, “… */
function fromLeadIn(ctx: Context, from: number, open: number): Attribution | null {
  const { text } = ctx;
  const tokens = tokenize(text, from, open);
  const colon = /:\s*$/.test(text.slice(from, open));
  let v = -1;
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (isSpeechVerb(tokens[i].word)) {
      v = i;
      break;
    }
  }
  if (v < 0 && !colon) return null;
  if (v >= 0 && tokens.length - 1 - v > MAX_WORDS_AFTER_VERB && !colon) return null;
  const verbAt = v >= 0 ? v : tokens.length;
  const limit = v >= 0 ? tokens[v].start : open;
  const before = tokens.slice(0, verbAt);
  const allowSingle = (word: string, next: number): boolean =>
    ctx.people.knows(word) || next === before.length;
  const mention = personMentions(text, before, allowSingle)[0];
  const pronounIdx = before.findIndex((t) => isPronoun(t.word));
  if (mention && (pronounIdx < 0 || before[pronounIdx].start > mention.start)) {
    const role = appositiveRole(text, mention.end, limit) || mention.title || titleJustBefore(text, before, mention.start);
    return { speaker: fullName(ctx, mention), role };
  }
  if (pronounIdx >= 0) return pronounSpeaker(ctx);
  if (v >= 0) return afterVerb(ctx, tokens.slice(v + 1), open);
  return null;
}

function endsLikeSpeech(text: string, raw: RawQuote): boolean {
  const last = raw.parts[raw.parts.length - 1];
  return /[,.!?…。！？，]\s*$/.test(text.slice(last.start, last.end));
}

/** A short title-case passage with no closing punctuation: a name of something, not speech. */
function isTitleLike(text: string, raw: RawQuote): boolean {
  if (raw.parts.length !== 1) return false;
  const part = raw.parts[0];
  const inner = text.slice(part.start, part.end).trim();
  if (/[.,!?;:]$/.test(inner)) return false;
  const tokens = tokenize(inner, 0, inner.length);
  if (tokens.length === 0 || tokens.length > 6) return tokens.length === 0;
  return tokens.every((t) => SMALL_WORDS.has(t.word) || /^[\p{Lu}\p{N}]/u.test(t.word));
}

/** The largest value <= `value` (the first entry when none is). */
function lastAtOrBefore(sorted: readonly number[], value: number): number {
  return sorted[Math.max(0, lastIndexAtOrBefore(sorted, value, identity))];
}

function firstAfter(sorted: readonly number[], value: number): number | undefined {
  return sorted[firstIndexAfter(sorted, value, identity)];
}
