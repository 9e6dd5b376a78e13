/**
 * Cyrillic, Greek and Hebrew letters a single-byte codec's undefined bytes lost (a strict decoder
 * made each U+FFFD): `Ð¸Ñ�Ñ‚Ð¾Ñ€Ð¸Ñ�` is история read as Windows-1252, whose 81 8D 8F 90 9D leave
 * с э я ѐ ѝ after D1; `ÏƒÏ�ÏƒÏ„Î·Î¼Î±` σύστημα, ρ ύ after CF; `×�` א or ם after D7. A word's lost
 * letters are named together, Cyrillic by cyrillic.ts, Greek by greek.ts, Hebrew here.
 */
import { type CodecInfo, codecByName, definesByte, singleByteTable } from './codecs';
import { CyrillicReader, type LostLetterGuess } from './cyrillic';
import { explainLostLettersDecoded, saidOfOtherSequences } from './explain';
import { guessGreekLost } from './greek';
import { DEFAULT_MIN_CONFIDENCE, type Finding } from './types';
import { decodeSequence } from './utf8';

/** Longer than any word: a stretch of lost letters this long is read as none. */
const LONGEST_WORD = 40;

/** `text` with the characters at the given indices (in order) replaced: the repair with lost letters named. */
export function spliceAt(text: string, picks: Iterable<readonly [number, string]>): string {
  let out = '';
  let done = 0;
  for (const [at, ch] of picks) {
    out += text.slice(done, at) + ch;
    done = at + 1;
  }
  return out + text.slice(done);
}

/**
 * A Cyrillic, Greek or Hebrew word with letters lost to a codec's undefined bytes (see above):
 * each lost letter named by the letters around it, the word at once. Whether `f` was such a word
 * (then changed in place, as nameLostLetters does).
 */
export function nameLostInWord(f: Finding, reader: CyrillicReader, named: Map<string, LostLettersNaming | null>): boolean {
  // (Most lost letters are Latin: asked first, and cheaply, whether any is of these scripts. A
  // run far longer than a word, a line of lost letters, is none.)
  if (f.replacement.length > 2 * LONGEST_WORD) return false;
  const codec = codecByName(f.wrongCodecs![0]);
  if (!codec || codec.kind !== 'single') return false;
  const table = singleByteTable(codec);
  if (!lostAfterLeadOf(f.original, table)) return false;
  // (A garbled document repeats its words: each word, codec and kind of text around read once.)
  const key = `${reader.listedNear(f.start) ? 1 : 0}${codec.name}\u0000${f.original}`;
  let naming = named.get(key);
  if (naming === undefined) named.set(key, (naming = lostLettersNaming(f, reader, codec, table)));
  return applyNaming(f, naming);
}

/**
 * Changes `f` in place as a naming of its lost letters says (a new object per finding made dense
 * text slow); its confidence only lowered. Whether there was one.
 */
export function applyNaming(f: Finding, naming: LostLettersNaming | null): boolean {
  if (naming === null) return false;
  f.replacement = naming.replacement;
  f.alternatives = naming.alternatives;
  f.confidence = Math.min(f.confidence, naming.confidence);
  f.explanation = naming.explanation;
  return true;
}

type Script = 'Cyrillic' | 'Greek' | 'Hebrew';

/** The script of the letters a lead starts, of those named here: Cyrillic (D0, D1), Greek (CE, CF), Hebrew (D7). */
function scriptOfLead(lead: number): Script | null {
  return lead === 0xd0 || lead === 0xd1 ? 'Cyrillic' : lead === 0xce || lead === 0xcf ? 'Greek' : lead === 0xd7 ? 'Hebrew' : null;
}

/** Whether a U+FFFD in `original` follows the lead of a letter of those scripts. */
function lostAfterLeadOf(original: string, table: Int16Array): boolean {
  for (let at = original.indexOf('\ufffd', 1); at > 0; at = original.indexOf('\ufffd', at + 1)) if (scriptOfLead(table[original.charCodeAt(at - 1)])) return true;
  return false;
}

/** What a naming of lost letters changes in a finding (nameLostInWord, and lostBytes.ts for CJK codecs); `confidence` 1 to keep it. */
export type LostLettersNaming = Pick<Finding, 'replacement' | 'alternatives' | 'confidence' | 'explanation'>;

function lostLettersNaming(f: Finding, reader: CyrillicReader, codec: CodecInfo, table: Int16Array): LostLettersNaming | null {
  const leads: number[] = [];
  for (let i = 1; i < f.original.length; i++) {
    if (f.original.charCodeAt(i) !== 0xfffd) continue;
    leads.push(table[f.original.charCodeAt(i - 1)]);
  }
  // One script, the whole run.
  const script = leads.length ? scriptOfLead(leads[0]) : null;
  if (script === null || leads.some((lead) => scriptOfLead(lead) !== script)) return null;
  // Each U+FFFD of the repair one lost letter, in order, within the words of its letters.
  if (f.replacement.split('\ufffd').length - 1 !== leads.length) return null;
  const words = f.replacement.matchAll(/[\p{L}\ufffd]+/gu);
  const guesses = new Map<number, LostLetterGuess>();
  let k = 0;
  for (const w of words) {
    const n = w[0].split('\ufffd').length - 1;
    if (n === 0) continue;
    if (w[0].length > LONGEST_WORD) return null; // (no word: a stretch of lost letters)
    const choices = leads.slice(k, k + n).map((lead) => lettersLostAfter(codec, lead));
    const found = script === 'Cyrillic' ? reader.guessDecoded(w[0], choices, f.start) : script === 'Greek' ? guessGreekLost(w[0], choices) : guessHebrewLost(w[0], choices);
    k += n;
    if (!found) return null;
    for (const [i, g] of found) guesses.set(w.index! + i, g);
  }
  const withBest = spliceAt(f.replacement, [...guesses].map(([i, g]) => [i, g.best] as const));
  // Alternatives: one letter changed at a time, each lost letter's runner-up first.
  const alternatives: string[] = [];
  for (let rank = 0; rank < 5 && alternatives.length < 6; rank++) {
    for (const [i, g] of guesses) {
      const other = g.alternatives[rank];
      if (other !== undefined && alternatives.length < 6) alternatives.push(withBest.slice(0, i) + other + withBest.slice(i + 1));
    }
  }
  const all = [...guesses.values()];
  const fits = new Map(leads.map((lead) => [lead, lettersLostAfter(codec, lead)]));
  const rest = saidOfOtherSequences(f);
  // Hebrew's letters are named one by one (a word-final one is a guess): the sure ones go in.
  if (script === 'Hebrew') {
    const sureOnes = [...guesses].filter(([, g]) => g.confidence >= DEFAULT_MIN_CONFIDENCE);
    if (sureOnes.length === 0) return { replacement: f.replacement, alternatives: [withBest, ...alternatives].slice(0, 6), confidence: 1, explanation: explainLostLettersDecoded(rest, codec, script, fits, all, withBest) };
    const replacement = spliceAt(f.replacement, sureOnes.map(([i, g]) => [i, g.best] as const));
    // (Offered: the guesses for the unsure ones, each other letter in turn; the sure ones stay.)
    const unsure = [...guesses].filter(([, g]) => g.confidence < DEFAULT_MIN_CONFIDENCE);
    const others = unsure.flatMap(([i, g]) => g.alternatives.map((other) => spliceAt(withBest, [[i, other]])));
    const offered = (replacement === withBest ? others : [withBest, ...others]).slice(0, 6);
    return { replacement, alternatives: offered, confidence: leastOf(sureOnes.map(([, g]) => g)), explanation: explainLostLettersDecoded(rest, codec, script, fits, all, replacement === withBest ? '' : withBest) };
  }
  // Sure enough to repair: the letters go in. Otherwise the repair keeps U+FFFD, as before, and
  // the likeliest reading is offered first.
  const sure = all.every((g) => g.confidence >= DEFAULT_MIN_CONFIDENCE);
  const explanation = explainLostLettersDecoded(rest, codec, script, fits, all, sure ? '' : withBest);
  return sure
    ? { replacement: withBest, alternatives, confidence: leastOf(all), explanation }
    : { replacement: f.replacement, alternatives: [withBest, ...alternatives].slice(0, 6), confidence: 1, explanation };
}

/** The least confidence of `guesses` (a loop: a run of lost letters may be long). */
function leastOf(guesses: readonly LostLetterGuess[]): number {
  let least = 1;
  for (const g of guesses) least = Math.min(least, g.confidence);
  return least;
}

/**
 * Hebrew letters lost to Windows-1252's undefined bytes after D7: א (90) or ם (9D), the point ׁ
 * (81) aside. ם is the final form, so inside a word the letter is א (891 to 0 in the corpus);
 * ending one it is ם more often (104 to 70), a guess offered, not repaired.
 */
function guessHebrewLost(word: string, choices: readonly (readonly string[])[]): Map<number, LostLetterGuess> | null {
  const guesses = new Map<number, LostLetterGuess>();
  for (let i = 0, k = 0; i < word.length; i++) {
    if (word[i] !== '\ufffd') {
      if (!/[\u05d0-\u05ea]/u.test(word[i])) return null;
      continue;
    }
    const letters = choices[k++] ?? [];
    if (!letters.includes('א') || !letters.includes('ם')) return null;
    const inside = i + 1 < word.length;
    guesses.set(i, inside ? { best: 'א', alternatives: ['ם'], confidence: 0.6, word: null } : { best: 'ם', alternatives: ['א'], confidence: 0.45, word: null });
  }
  return guesses;
}

/** The letters a codec's undefined bytes leave after `lead` (с э я ѐ ѝ after D1 in Windows-1252). */
function lettersLostAfter(codec: CodecInfo, lead: number): string[] {
  const key = `${codec.name}:${lead}`;
  let letters = lostAfter.get(key);
  if (!letters) {
    letters = [];
    // (Letters and marks only: U+038D, U+05CD are no characters at all.)
    for (let b = 0x80; b <= 0xbf; b++) if (!definesByte(codec, b) && /[\p{L}\p{M}]/u.test(decodeSequence([lead, b]))) letters.push(decodeSequence([lead, b]));
    lostAfter.set(key, letters);
  }
  return letters;
}
const lostAfter = new Map<string, string[]>();
