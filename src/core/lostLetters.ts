/**
 * Cyrillic and Greek letters a single-byte codec's undefined bytes lost (a strict decoder made
 * each U+FFFD): `Ð¸Ñ�Ñ‚Ð¾Ñ€Ð¸Ñ�` is история read as Windows-1252, whose 81 8D 8F 90 9D leave
 * с э я ѐ ѝ after D1; `ÏƒÏ�ÏƒÏ„Î·Î¼Î±` σύστημα, ρ ύ after CF. A word's lost letters are named
 * together, Cyrillic by cyrillic.ts, Greek by greek.ts.
 */
import { type CodecInfo, codecByName, definesByte, singleByteTable } from './codecs';
import { CyrillicReader, type LostLetterGuess } from './cyrillic';
import { LOST_NOTE, explainLostLettersDecoded } from './explain';
import { guessGreekLost } from './greek';
import { DEFAULT_MIN_CONFIDENCE, type Finding } from './types';
import { decodeSequence } from './utf8';

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
 * A Cyrillic or Greek word with letters lost to a codec's undefined bytes (`Ð¸Ñ�Ñ‚Ð¾Ñ€Ð¸Ñ�` is
 * история read as Windows-1252, whose 81, 8D, 8F, 90, 9D a decoder made U+FFFD: с э я ѐ ѝ after
 * D1; `ÏƒÏ�ÏƒÏ„Î·Î¼Î±` σύστημα, ρ ύ after CF): each lost letter named by the letters around it
 * (cyrillic.ts, greek.ts), the word at once. Whether `f` was such a word (then changed in place,
 * as nameLostLetters does).
 */
export function nameLostInWord(f: Finding, reader: CyrillicReader, named: Map<string, LostLettersNaming | null>): boolean {
  // (Most lost letters are Latin: asked first, and cheaply, whether any is Cyrillic or Greek.)
  const codec = codecByName(f.wrongCodecs![0]);
  if (!codec || codec.kind !== 'single' || !leadsCyrillicOrGreek(f.original, singleByteTable(codec))) return false;
  // (A garbled document repeats its words: each word, codec and kind of text around read once.)
  const key = `${reader.listedNear(f.start) ? 1 : 0}${f.wrongCodecs![0]}\u0000${f.original}`;
  let naming = named.get(key);
  if (naming === undefined) named.set(key, (naming = lostLettersNaming(f, reader)));
  if (naming === null) return false;
  f.replacement = naming.replacement;
  f.alternatives = naming.alternatives;
  f.confidence = Math.min(f.confidence, naming.confidence);
  f.explanation = naming.explanation;
  return true;
}

/** Whether a U+FFFD in `original` follows the lead of a Cyrillic (D0, D1) or Greek (CE, CF) letter. */
function leadsCyrillicOrGreek(original: string, table: Int16Array): boolean {
  for (let at = original.indexOf('\ufffd', 1); at > 0; at = original.indexOf('\ufffd', at + 1)) {
    const lead = table[original.charCodeAt(at - 1)];
    if (lead === 0xd0 || lead === 0xd1 || lead === 0xce || lead === 0xcf) return true;
  }
  return false;
}

/** What nameLostInWord changes in a finding. */
export type LostLettersNaming = Pick<Finding, 'replacement' | 'alternatives' | 'confidence' | 'explanation'>;

function lostLettersNaming(f: Finding, reader: CyrillicReader): LostLettersNaming | null {
  const codec = codecByName(f.wrongCodecs![0]);
  if (!codec || codec.kind !== 'single') return null;
  const table = singleByteTable(codec);
  const leads: number[] = [];
  for (let i = 1; i < f.original.length; i++) {
    if (f.original.charCodeAt(i) !== 0xfffd) continue;
    leads.push(table[f.original.charCodeAt(i - 1)]);
  }
  // Cyrillic (D0, D1) or Greek (CE, CF), the whole word.
  const script = leads.every((lead) => lead === 0xd0 || lead === 0xd1) ? 'Cyrillic' : leads.every((lead) => lead === 0xce || lead === 0xcf) ? 'Greek' : null;
  if (script === null) return null;
  // Each U+FFFD of the repair one lost letter, in order (a word of its letters between others).
  const words = [...f.replacement.matchAll(/[\p{L}\ufffd]+/gu)];
  let lost = 0;
  for (const w of words) for (const ch of w[0]) if (ch === '\ufffd') lost++;
  if (leads.length === 0 || lost !== leads.length || lost !== f.replacement.split('\ufffd').length - 1) return null;
  const guesses = new Map<number, LostLetterGuess>();
  let k = 0;
  for (const w of words) {
    const n = w[0].split('\ufffd').length - 1;
    if (n === 0) continue;
    const choices = leads.slice(k, k + n).map((lead) => lettersLostAfter(codec, lead));
    const found = script === 'Cyrillic' ? reader.guessDecoded(w[0], choices, f.start) : guessGreekLost(w[0], choices);
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
  // Sure enough to repair: the letters go in. Otherwise the repair keeps U+FFFD, as before, and
  // the likeliest reading is offered first.
  const sure = all.every((g) => g.confidence >= DEFAULT_MIN_CONFIDENCE);
  const fits = new Map(leads.map((lead) => [lead, lettersLostAfter(codec, lead)]));
  const explanation = explainLostLettersDecoded(f.original.length === 2 ? '' : f.explanation.slice(0, -LOST_NOTE.length), codec, script, fits, all, sure ? '' : withBest);
  return sure
    ? { replacement: withBest, alternatives, confidence: Math.min(...all.map((g) => g.confidence)), explanation }
    : { replacement: f.replacement, alternatives: [withBest, ...alternatives].slice(0, 6), confidence: 1, explanation };
}

/** The letters a codec's undefined bytes leave after `lead` (с э я ѐ ѝ after D1 in Windows-1252). */
function lettersLostAfter(codec: CodecInfo, lead: number): string[] {
  const key = `${codec.name}:${lead}`;
  let letters = lostAfter.get(key);
  if (!letters) {
    letters = [];
    for (let b = 0x80; b <= 0xbf; b++) if (!definesByte(codec, b)) letters.push(decodeSequence([lead, b]));
    lostAfter.set(key, letters);
  }
  return letters;
}
const lostAfter = new Map<string, string[]>();
