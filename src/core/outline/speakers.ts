/**
 * People in a release: name runs ("Etienne Sanz de Acedo"), titles in front of a name ("Chief
 * Legal Officer Liuping Song"), appositive roles ("Marco Alemán, Assistant Director General of
 * WIPO, noted") and a registry that lets a later surname ("Song concluded") or pronoun refer back.
 */
import { lastIndexAtOrBefore } from '../search';

export interface Token {
  start: number;
  end: number;
  word: string;
}

/**
 * Word tokens with offsets; apostrophes, hyphens and inner dots stay inside a word, and so does a
 * letter the repair could not name (`Alem��n`: U+FFFD where UTF-8 read as ASCII lost á).
 */
export function tokenize(text: string, start: number, end: number): Token[] {
  const tokens: Token[] = [];
  // Scan a slice, not `text` from `start`: a search past `end` would make many calls quadratic.
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(/[\p{L}\p{N}](?:[\p{L}\p{N}]|\ufffd+(?=\p{L}))*(?:['’.\-][\p{L}\p{N}]+)*/gu)) {
    tokens.push({ start: start + m.index, end: start + m.index + m[0].length, word: m[0] });
  }
  return tokens;
}

const words = (list: string): Set<string> => new Set(list.split(/\s+/).filter(Boolean));

/** Lower-case words between the parts of a name. */
const PARTICLES = words('de da del della di van von der den du la le bin al dos das y ter ten');

/** Job-title words: a capitalised run "Chief Legal Officer Liuping Song" starts with these. */
const TITLE_WORDS = words(`
  chief executive officer legal financial operating technology technical marketing sales
  communications information product products commercial strategy president vice director
  manager managing head chairman chairwoman chair founder co-founder cofounder secretary minister
  senior general deputy assistant associate professor prof dr mr mrs ms sir dame mayor governor
  senator partner analyst spokesperson spokesman spokeswoman lead principal commissioner editor
  dean leader treasurer engineer scientist ceo cfo cto coo cmo cio chro evp svp vp md gm
  president-elect vice-president global regional country research development board member
  group corporate affairs public policy human resources customer counsel councillor councilor
  alderman mp lord baroness judge justice rev reverend captain chancellor`);

/** Capitalised words that are not names: sentence openers, days, months, pronouns. */
const NOT_NAMES = words(`
  the a an in at on by as for from with after before during today yesterday tomorrow meanwhile
  however commenting speaking according also and but this that these those it its our we i he
  she they his her their said says other all both while when where what which who this there
  here last next new monday tuesday wednesday thursday friday saturday sunday january february
  march april may june july august september october november december`);

/** Words that make a capitalised run an organisation or place, not a person. */
const ORG_WORDS = words(`
  organization organisation association university society company inc ltd llc plc group council
  bank forum ministry department institute foundation office agency corporation corp newswire
  international committee authority commission trust board school college hospital network
  services systems technologies technology partners fund center centre club union party
  government city county state republic airport museum library industries holdings energy
  housing transport railway news media press times post journal daily china europe america
  bridge street road avenue square river estate plant station tower building`);

export const SPEECH_VERBS = words(`
  said says say saying stated states stating noted notes noting added adds adding explained
  explains explaining commented comments commenting remarked remarks remarking emphasized
  emphasised emphasizes emphasises emphasizing emphasising stressed stresses stressing highlighted
  highlights observed observes told tells declared declares concluded concludes continued
  continues insisted insists argued argues wrote writes asked asks replied replies recalled
  recalls urged urges warned warns acknowledged acknowledges admitted admits predicted predicts
  reflected reflects according
  sagte sagt erklärte erklärt betonte betont ergänzte ergänzt meinte
  déclaré affirmé expliqué souligné ajouté précisé indiqué estimé selon
  dijo afirmó declaró explicó señaló añadió aseguró comentó destacó según
  dichiarato detto affermato spiegato sottolineato aggiunto
  disse afirmou declarou explicou destacou acrescentou
  zei aldus verklaarde säger sade sanoi
  powiedział powiedziała stwierdził stwierdziła dodał dodała podkreślił podkreśliła
  řekl řekla uvedl uvedla dodal dodala povedal povedala
  declarat afirmat adăugat dedi söyledi belirtti
  заявил заявила сказал сказала отметил отметила подчеркнул подчеркнула добавил добавила пояснил
  пояснила сообщил сообщила заявив сказав зазначив зазначила додав додала`);

const PRONOUNS = words('he she they');
const HONORIFICS = words('mr mrs ms dr prof sir dame');

export function isSpeechVerb(word: string): boolean {
  return SPEECH_VERBS.has(word.toLowerCase());
}

/** A word of a title, an organisation or a sentence, in English (see TITLE_WORDS, ORG_WORDS, NOT_NAMES): no part of a name. */
export function isNoNameWord(word: string): boolean {
  const w = word.toLowerCase();
  return TITLE_WORDS.has(w) || ORG_WORDS.has(w) || NOT_NAMES.has(w);
}

export function isPronoun(word: string): boolean {
  return PRONOUNS.has(word.toLowerCase());
}

/** Capitalised and not an acronym: "Song", "Alemán", "O’Brien" (acronyms like WIPO are orgs). */
function isNameWord(word: string): boolean {
  return /^\p{Lu}/u.test(word) && /\p{Ll}/u.test(word) && !NOT_NAMES.has(word.toLowerCase());
}

function isTitleWord(word: string): boolean {
  return TITLE_WORDS.has(word.toLowerCase());
}

/** A person found in tokens: the name, and any title words written right before it. */
export interface PersonMention {
  name: string;
  start: number;
  end: number;
  /** Title words in front of the name ("Chief Legal Officer"), possibly "". */
  title: string;
  /** Index of the token after the name. */
  next: number;
}

/** Only spaces between two tokens (no comma, no line break). */
function spacedApart(text: string, a: Token, b: Token): boolean {
  return /^ +$/.test(text.slice(a.end, b.start));
}

/**
 * Runs of capitalised tokens separated only by spaces (particles allowed inside), as
 * [first, last] token index pairs.
 */
function capitalisedRuns(text: string, tokens: readonly Token[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let i = 0;
  while (i < tokens.length) {
    const w = tokens[i].word;
    if (!/^\p{Lu}/u.test(w)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && spacedApart(text, tokens[j], tokens[j + 1])) {
      const next = tokens[j + 1].word;
      if (/^\p{Lu}/u.test(next)) {
        j++;
      } else if (
        PARTICLES.has(next) &&
        j + 2 < tokens.length &&
        /^\p{Lu}/u.test(tokens[j + 2].word) &&
        spacedApart(text, tokens[j + 1], tokens[j + 2])
      ) {
        j += 2;
      } else {
        break;
      }
    }
    runs.push([i, j]);
    i = j + 1;
  }
  return runs;
}

/** The person a capitalised run names, if any; one-word names only when `allowSingle` accepts. */
function personInRun(
  tokens: readonly Token[],
  first: number,
  last: number,
  allowSingle: (word: string, next: number) => boolean,
): PersonMention | null {
  let i = first;
  while (i <= last && (isTitleWord(tokens[i].word) || NOT_NAMES.has(tokens[i].word.toLowerCase()))) i++;
  let titleTokens = tokens.slice(first, i).filter((t) => isTitleWord(t.word));
  // A possessive ends the name part: "Huawei’s Chief Legal Officer" names no person.
  let end = i;
  while (end <= last && !/['’]s$/.test(tokens[end].word)) end++;
  if (end <= last) return null;
  let nameTokens = tokens.slice(i, last + 1);
  // A title of several words ends in a title word the name follows: "Economic Affairs Lars Becker"
  // (of "Minister for Economic Affairs Lars Becker"): the name is the two or three words after it.
  let lastTitle = nameTokens.length - 1;
  while (lastTitle >= 0 && !isTitleWord(nameTokens[lastTitle].word)) lastTitle--;
  if (lastTitle >= 0 && nameTokens.length - lastTitle - 1 >= 2 && nameTokens.length - lastTitle - 1 <= 3) {
    titleTokens = nameTokens.slice(0, lastTitle + 1);
    nameTokens = nameTokens.slice(lastTitle + 1);
  }
  if (nameTokens.length === 0 || nameTokens.length > 5) return null;
  if (nameTokens.some((t) => ORG_WORDS.has(t.word.toLowerCase()) || isTitleWord(t.word))) return null;
  if (!nameTokens.every((t) => isNameWord(t.word) || PARTICLES.has(t.word))) return null;
  if (nameTokens.length === 1 && !allowSingle(nameTokens[0].word, last + 1)) return null;
  return {
    name: nameTokens.map((t) => t.word).join(' '),
    start: nameTokens[0].start,
    end: nameTokens[nameTokens.length - 1].end,
    title: titleTokens.map((t) => t.word).join(' '),
    next: last + 1,
  };
}

/** Every person mentioned in `tokens`, in order. */
export function personMentions(
  text: string,
  tokens: readonly Token[],
  allowSingle: (word: string, next: number) => boolean,
): PersonMention[] {
  const found: PersonMention[] = [];
  for (const [first, last] of capitalisedRuns(text, tokens)) {
    // "Mr. Chen": after an honorific one word is a name.
    const honorific =
      first > 0 &&
      HONORIFICS.has(tokens[first - 1].word.toLowerCase()) &&
      /^\.?\s+$/.test(text.slice(tokens[first - 1].end, tokens[first].start));
    const person = personInRun(tokens, first, last, honorific ? () => true : allowSingle);
    if (!person) continue;
    const titleFrom = person.title ? titleStartBefore(text, tokens, first) : first;
    if (titleFrom < first) person.title = text.slice(tokens[titleFrom].start, person.start).trim();
    found.push(person);
  }
  return found;
}

/**
 * A title written in lower case right before a name (`economy minister Lars Becker`): up to four
 * words joined by spaces, the last a title word; "" when there is none.
 */
export function titleJustBefore(text: string, tokens: readonly Token[], nameStart: number): string {
  const at = tokens.findIndex((t) => t.start === nameStart);
  if (at < 1 || !isTitleWord(tokens[at - 1].word) || !spacedApart(text, tokens[at - 1], tokens[at])) return '';
  let k = at - 1;
  while (k > 0 && at - k < 4 && spacedApart(text, tokens[k - 1], tokens[k]) && !NOT_NAMES.has(tokens[k - 1].word.toLowerCase())) k--;
  return cleanRole(text.slice(tokens[k].start, tokens[at - 1].end));
}

/** Words that join the parts of a title: "Minister for Economic Affairs", "Head of Research and Development". */
const TITLE_JOINS = words('for of and');

/**
 * Where a title that goes on into the run at `first` starts: back over "for", "of" or "and" to
 * capitalised words holding a title word ("Minister" of "Minister for Economic Affairs Lars Becker").
 */
function titleStartBefore(text: string, tokens: readonly Token[], first: number): number {
  let k = first;
  while (k >= 2 && TITLE_JOINS.has(tokens[k - 1].word) && spacedApart(text, tokens[k - 1], tokens[k]) && spacedApart(text, tokens[k - 2], tokens[k - 1]) && /^\p{Lu}/u.test(tokens[k - 2].word)) {
    let j = k - 2;
    while (j > 0 && /^\p{Lu}/u.test(tokens[j - 1].word) && spacedApart(text, tokens[j - 1], tokens[j])) j--;
    if (!tokens.slice(j, k - 1).some((t) => isTitleWord(t.word))) break;
    k = j;
  }
  return k;
}

/** How far after a name its appositive role is read: far more than the longest role kept. */
const ROLE_READ = 1000;

/**
 * The role written as an appositive after a name: ", Assistant Director General of WIPO," up to
 * the comma before a lower-case word (the verb: ", noted") or `limit`.
 */
export function appositiveRole(text: string, nameEnd: number, limit: number): string {
  // (A kept role is 160 characters at most: cleanRole drops a longer one. Reading to the
  // sentence's end from every name made a long line of names quadratic: 33 s for 256 KB.)
  const rest = text.slice(nameEnd, Math.min(limit, nameEnd + ROLE_READ));
  const lead = /^\s*,\s*/.exec(rest);
  if (!lead) return '';
  return roleBeforePredicate(rest.slice(lead[0].length));
}

/**
 * A role up to what is said of its holder: roles may hold "and" and "(WIPO)"; a comma before a
 * lower-case word (", noted", ", who will join the board") starts the predicate.
 */
export function roleBeforePredicate(body: string): string {
  const stop = /,\s+(?=\p{Ll})|[;:]|\s+(?:who|whose|which)\s/u.exec(body);
  return cleanRole(stop ? body.slice(0, stop.index) : body);
}

/** Trims a role and drops generic lead-ins ("the company’s", "its") that add nothing. */
export function cleanRole(role: string): string {
  let r = role.replace(/\s+/g, ' ').trim();
  r = r.replace(/^(?:and|also|an|a)\s+/i, '');
  r = r.replace(/^(?:the\s+\p{Ll}[\p{L}-]*['’]s|its|their|our|his|her)\s+/u, '');
  r = r.replace(/^the\s+(?=\p{Ll})/u, ''); // "the mayor" -> "mayor"; "the Chancellor of…" stays
  r = r.replace(/[\s,;:.]+$/, '');
  if (/^(?:the|a|an)$/i.test(r)) return '';
  return r.length > 160 ? '' : r;
}

/** Who is named in the text, so a surname or pronoun can refer back. Add mentions in text order. */
export class PeopleRegistry {
  private readonly roles = new Map<string, string>();
  /** Surname -> full-name mentions, sorted by offset. */
  private readonly bySurname = new Map<string, Array<{ name: string; at: number }>>();
  /** Every mention of a known person (full name or surname), sorted by offset: pronouns look here. */
  private readonly mentions: Array<{ name: string; at: number }> = [];

  /** Records a mention of `name` (a full name) at `at`; call in text order. */
  mention(name: string, at: number): void {
    this.mentions.push({ name, at });
  }

  /** Who "she"/"he" most likely means at `at`: the person named last before it (not before `from`). */
  lastMentionBefore(at: number, from = 0): string {
    let lo = 0;
    let hi = this.mentions.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid].at < at) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found >= 0 && this.mentions[found].at >= from ? this.mentions[found].name : '';
  }

  add(name: string, role: string, at: number): void {
    const parts = name.split(' ');
    if (parts.length < 2) return;
    if (role && !this.roles.get(name)) this.roles.set(name, role);
    const surname = parts[parts.length - 1];
    const list = this.bySurname.get(surname) ?? [];
    list.push({ name, at });
    this.bySurname.set(surname, list);
    this.mention(name, at);
  }

  /** The full name a one-word reference means: the latest full name with that surname before `at`. */
  resolve(word: string, at: number): string | null {
    const list = this.bySurname.get(word);
    if (!list || list.length === 0) return null;
    // The last mention at or before `at`; none before: the first later mention.
    const found = Math.max(0, lastIndexAtOrBefore(list, at, (m) => m.at));
    return list[found].name;
  }

  knows(word: string): boolean {
    return this.bySurname.has(word);
  }

  role(name: string): string {
    return this.roles.get(name) ?? '';
  }

  setRoleIfMissing(name: string, role: string): void {
    if (role && !this.roles.get(name)) this.roles.set(name, role);
  }
}
