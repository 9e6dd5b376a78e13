/**
 * Labels for figures: the noun phrase after a figure ("6,600 published … applications"), else the
 * clause before it ("patent licensing revenue was US$630 million"), with rates ("a year") and
 * sources ("from the Warm Homes Fund") for money. Every look-around is bounded to a short window.
 */
import type { Segment } from './segments';
import { cjkLabelFor } from './cjk-figures';

export type FigureKind = 'money' | 'count' | 'percent' | 'multiple';

export interface Found {
  kind: FigureKind;
  start: number;
  end: number;
  value: string;
}

/** Words that end the noun phrase after a figure. */
const NP_STOP = new Set(
  `is are was were be been being has have had will would can could may might should must do does did
   in at on by from since during with than as across over under into onto through after before while
   which that who whose where when and or but per each this these those it its their our his her
   also compared versus vs up down more less about around nearly almost`.split(/\s+/),
);
const CONNECTORS = new Set(['of', 'to', 'for']);
const VERBS = new Set(
  `is are was were be been has have had grew grow grows rose rise rises fell fall falls reached reach
   reaches exceeded exceed exceeds totalled totaled total totals increased increase increases
   decreased decrease decreases climbed jumped dropped hit topped doubled stood stands came amounted
   generated earned paid raised received published submitted won employs employed serves served
   expects expected plans planned will would could can may might should must cut cuts saved saves spent spend invested
   invests attracted recorded reported delivered sold sells handled handles carried carries replaced
   installed opened built created backed funded secured gathered drew draws attended made makes
   account accounts accounted represent represents represented
   составил составила составило составили достиг достигла достигли превысил превысила превысили`.split(/\s+/),
);
const RELATIVES = new Set(['that', 'which', 'who', 'whose', 'where']);
/** Nouns after a percentage that take an "in" phrase: "a 15% rise in bookings". */
const CHANGE_NOUNS = /^(?:increase|rise|growth|drop|decline|fall|cut|reduction|jump|gain|share)$/i;

interface Word {
  start: number;
  end: number;
  word: string;
}

function wordsIn(text: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  // Scan a slice: a search running past `end` would make many calls quadratic.
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(/\([^()\n]{1,40}\)|[\p{L}\p{N}$£€][\p{L}\p{N}'’\-.$]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)) {
    out.push({ start: start + m.index, end: start + m.index + m[0].length, word: m[0] });
  }
  return out;
}

/** How far before or after a figure its label words are looked for. */
const CLAUSE_WINDOW = 300;
const DETERMINERS = new Set('the a an their its our his her this that these those'.split(' '));
/** "a year", "per month", "each day" after a figure. */
const RATE = /^\s+(?:a|an|per|each|every)\s+(?:year|month|week|day|hour|person|household|home)\b/i;
/** Small words a clause label need not start or end with. */
const EDGE_WORDS = new Set(
  `the a an its their our and or but also then meanwhile in addition however today by of to at about
   approximately around roughly nearly almost some over more than less up down only just another is
   are was were be been being came come comes now currently already still then between we i you they he
   she it
   в за году г и или а что около более свыше почти примерно до составил составила составило составили
   достиг достигла достигли превысил превысила превысили`.split(/\s+/),
);
const PRONOUN_SUBJECTS = /^(?:we|i|it|they|he|she|you|this|that)$/i;

/** The noun phrase right after a figure: "published Patent Cooperation Treaty (PCT) applications". */
function nounPhraseAfter(text: string, from: number, sentence: Segment, allowIn: boolean): string {
  const words = wordsIn(text, from, Math.min(sentence.end, from + CLAUSE_WINDOW));
  const picked: Word[] = [];
  const last = (): string => (picked.length ? picked[picked.length - 1].word.toLowerCase() : '');
  for (let i = 0; i < words.length && picked.length < 9; i++) {
    const w = words[i];
    const gap = text.slice(picked.length ? picked[picked.length - 1].end : from, w.start);
    if (/[,.;:!?—–"“”‘’]/.test(gap.replace(/^['’]s?/, ''))) break;
    const lower = w.word.toLowerCase();
    const connector =
      CONNECTORS.has(lower) || (allowIn && lower === 'in' && picked.length > 0 && CHANGE_NOUNS.test(last()));
    if (connector) {
      const next = words[i + 1];
      if (!next || (NP_STOP.has(next.word.toLowerCase()) && !DETERMINERS.has(next.word.toLowerCase()))) break;
      if (/^\d/.test(next.word)) break;
      if (picked.length === 0 && lower !== 'of') break;
      picked.push(w);
      continue;
    }
    if (DETERMINERS.has(lower)) {
      if (!CONNECTORS.has(last()) && last() !== 'in') break;
      picked.push(w);
      continue;
    }
    if (NP_STOP.has(lower) || /^(?:1[89]|2[01])\d\d$/.test(lower)) break; // years end it too
    // A participle after the noun starts a new clause: "a $240 million bond approved by voters".
    if (picked.length > 0 && /ed$/.test(lower) && !CONNECTORS.has(last())) break;
    picked.push(w);
  }
  while (picked.length && (CONNECTORS.has(last()) || DETERMINERS.has(last()))) picked.pop();
  let np = picked.map((w) => w.word).join(' ');
  const endOfNp = picked.length ? picked[picked.length - 1].end : from;
  const rate = RATE.exec(text.slice(endOfNp, Math.min(sentence.end, endOfNp + CLAUSE_WINDOW)));
  if (rate && np) np += ' ' + rate[0].trim();
  return np;
}

/** The subject of the clause a figure sits in: "Huawei’s patent licensing revenue" in "…revenue was US$630 million". */
function subjectBefore(text: string, sentence: Segment, figureStart: number): string {
  const clauseStart = clauseStartBefore(text, sentence, figureStart);
  const words = wordsIn(text, clauseStart, figureStart);
  const subject: string[] = [];
  let verb = false;
  for (const w of words) {
    if (VERBS.has(w.word.toLowerCase())) {
      verb = true;
      break;
    }
    subject.push(w.word);
  }
  if (!verb) return '';
  const trimmed = trimEdges(subject);
  const rel = trimmed.findIndex((w) => RELATIVES.has(w.toLowerCase()));
  const cut = (rel > 0 ? trimmed.slice(0, rel) : trimmed).slice(0, 8).join(' ');
  return PRONOUN_SUBJECTS.test(cut) ? '' : cut;
}

/** Where the clause holding `at` starts: after a comma, semicolon, dash, or "said (that)". */
function clauseStartBefore(text: string, sentence: Segment, at: number): number {
  // Labels are short: a clause is looked for in the last few hundred characters only.
  const from = Math.max(sentence.start, at - CLAUSE_WINDOW);
  // (A colon inside brackets starts no clause: "Globex (NYSE: GBX) reported".)
  const lead = text.slice(from, at).replace(/\([^()\n]*\)/g, (m) => ' '.repeat(m.length));
  let clauseStart = from;
  const re = /(?:[,;:—–]\s+|[“”"‘]\s*)(?:and\s+|but\s+|while\s+)?|\b(?:said|says)\s+(?:that\s+)?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(lead)) !== null) {
    if (m.index + m[0].length < lead.length) clauseStart = from + m.index + m[0].length;
  }
  return clauseStart;
}

/** Drops determiners, openers, qualifiers and a leading possessive ("Huawei’s") from both ends. */
function trimEdges(words: readonly string[]): string[] {
  let a = 0;
  let b = words.length;
  while (a < b && EDGE_WORDS.has(words[a].toLowerCase())) a++;
  if (b - a > 1 && /['’]s$/.test(words[a])) a++;
  while (b > a && EDGE_WORDS.has(words[b - 1].toLowerCase())) b--;
  return words.slice(a, b);
}

/**
 * A label from the words before a figure, for "bills by 30%" or "revenue was US$630 million":
 * the clause up to the figure, or after "and" when a previous figure shares the clause.
 */
function clauseLabel(text: string, sentence: Segment, f: Found, previousEnd: number): string {
  const clauseStart = clauseStartBefore(text, sentence, f.start);
  if (previousEnd > clauseStart) {
    const between = text.slice(previousEnd, f.start);
    const conj = /\b(?:and|or|while|but)\s+(?![\s\S]*\b(?:and|or|while|but)\s)/i.exec(between);
    if (conj) {
      const words = trimEdges(wordsIn(text, previousEnd + conj.index + conj[0].length, f.start).map((w) => w.word));
      if (words.length) return words.slice(-8).join(' ');
    }
  }
  const end = previousEnd > clauseStart ? firstFigureWordBefore(text, clauseStart, previousEnd) : f.start;
  let words = wordsIn(text, clauseStart, end).map((w) => w.word).filter((w) => !/^[$£€\d]/.test(w));
  // "Globex today reported third quarter revenue of $4.2 billion": what was reported, not who.
  let reported = words.length - 1;
  while (reported >= 0 && !REPORTING.has(words[reported].toLowerCase())) reported--;
  if (reported >= 0 && trimEdges(words.slice(reported + 1)).length > 0) words = words.slice(reported + 1);
  // "Operating margin expanded to 21.4%": the figure is the subject's new value.
  words = trimEdges(words);
  // ("Sales rose 12%" keeps its verb: there the figure is the change.)
  if (words.length > 1 && CHANGED.has(words[words.length - 1].toLowerCase()) && /\bto\s+\S*$/.test(text.slice(Math.max(clauseStart, end - 12), end + 1))) words = words.slice(0, -1);
  return words.slice(-8).join(' ');
}

/** Verbs that report a figure: the label is what follows them. */
const REPORTING = new Set('reported reports announced announces posted posts recorded records delivered delivers achieved achieves'.split(' '));
/** Verbs of change a clause label ends with before "to": "margin expanded (to 21.4%)". */
const CHANGED = new Set('expanded widened narrowed improved rose grew fell climbed increased decreased declined dropped jumped reached'.split(' '));

/** The start of the earlier figure in the clause, so a shared clause stops before it. */
function firstFigureWordBefore(text: string, clauseStart: number, previousEnd: number): number {
  const m = /\\?[$£€¥]?\d/.exec(text.slice(clauseStart, previousEnd));
  return m ? clauseStart + m.index : previousEnd;
}

/** "up … from a year ago", "down … on the previous quarter", "up … year over year": a change with what it is measured against. */
function changeSince(text: string, sentence: Segment, f: Found): string {
  const direction = /\b(up|down)\s+(?:by\s+)?$/i.exec(text.slice(Math.max(sentence.start, f.start - 12), f.start));
  const since = /^\s+((?:from|on|over|compared (?:with|to)|versus|vs\.?)\s+[^,.;:!?()]{3,40}|year[- ](?:over|on)[- ]year)/i.exec(text.slice(f.end, Math.min(sentence.end, f.end + 60)));
  return direction && since ? `${direction[1].toLowerCase()} ${since[1].trim()}` : '';
}

export function labelFor(text: string, sentence: Segment, f: Found, previousEnd: number, mainLabel = ''): string {
  const cjk = cjkLabelFor(text, sentence, f, previousEnd, CLAUSE_WINDOW);
  if (cjk !== null) return cjk;
  // ("2.5x" after a verb reads like a percentage: "Revenue grew 2.5x".)
  if (f.kind === 'multiple' && !/x$/i.test(f.value)) {
    const subject = subjectBefore(text, sentence, f.start);
    const rest = text.slice(f.end, Math.min(sentence.end, f.end + CLAUSE_WINDOW)).replace(/^\s*(?:the|as)\s+/i, '').replace(/[.!?”"]+$/, '');
    const object = rest.split(/\s+/).filter(Boolean).slice(0, 6).join(' ').replace(/[,;]$/, '');
    return subject ? `${subject} vs. ${object}` : object;
  }
  let np = nounPhraseAfter(text, f.end, sentence, f.kind === 'percent');
  if (/^(?:year|quarter|month)(?: (?:over|on) (?:year|quarter|month))?$/i.test(np)) np = ''; // "up 24% year over year"
  if (/^of\s/i.test(np)) np = trimEdges(np.slice(3).split(' ')).join(' ');
  if (f.kind === 'count') {
    const subject = subjectBefore(text, sentence, f.start);
    if (np && !np.includes(' ') && subject && subject.toLowerCase() !== np.toLowerCase()) return `${np} (${subject})`;
    return np || clauseLabel(text, sentence, f, previousEnd);
  }
  if (np) return np;
  let label = clauseLabel(text, sentence, f, previousEnd);
  // "compared with 17.9% a year ago": the first figure's label, then when.
  if (mainLabel && /^(?:compared (?:with|to)|versus|vs\.?|against)$/i.test(label)) {
    const when = /^\s+((?:a|one) (?:year|quarter|month) (?:ago|earlier|before)|(?:last|the previous|the prior) (?:year|quarter|month))/i.exec(text.slice(f.end, Math.min(sentence.end, f.end + 40)));
    return when ? `${mainLabel}, ${when[1]}` : `${mainLabel}, before`;
  }
  // ", up 300% from a year ago": a change of what the sentence's first figure counts.
  const change = !label && f.kind === 'percent' ? changeSince(text, sentence, f) : '';
  if (change) label = mainLabel ? `${mainLabel}, ${change}` : change;
  if (f.kind === 'money') {
    // "£52m from the Warm Homes Fund", "£420 a year on heating", "$18.5 million under budget".
    let at = f.end;
    const extra: string[] = [];
    const rate = RATE.exec(text.slice(at, Math.min(sentence.end, at + CLAUSE_WINDOW)));
    if (rate) {
      extra.push(rate[0].trim());
      at += rate[0].length;
    }
    const tail = /^\s+(in|for|on|from|under|over)\s+(?:the\s+)?/i.exec(text.slice(at, Math.min(sentence.end, at + CLAUSE_WINDOW)));
    if (tail) {
      const what = nounPhraseAfter(text, at + tail[0].length - 1, sentence, false);
      if (what) extra.push(`${tail[1].toLowerCase()} ${what}`);
    }
    // A rate reads apart from the clause: "flat should save, a year on heating".
    if (extra.length) label = rate ? `${label}, ${extra.join(' ')}` : `${label} ${extra.join(' ')}`;
  }
  return label.trim();
}
