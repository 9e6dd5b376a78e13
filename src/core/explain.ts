/** Sentences for people: what the bytes were and which wrong decodings garbled them. */
import type { CodecInfo } from './codecs';
import type { LostLetterGuess } from './cyrillic';
import { LOSSY_FORMS, type LossySite } from './lossy';
import { LOST_LETTERS_BY_LEAD, lostLetterScript } from './language';
import { POSITIONS, type Position } from './rank';
import { codePointLabel, encodeUtf8, hex } from './utf8';

function show(s: string): string {
  if (s === '') return 'nothing (an invisible byte-order mark)';
  if (s === '\u00a0') return 'a no-break space';
  return `${s} ${codePointLabel(s)}`;
}

/**
 * Explanations repeat (the same garbled word recurs): build each once. One memo for every kind,
 * bounded: past 5000 sentences all are dropped at once. Its history shows in the results (a
 * sentence kept for a decoded text can name the bytes of the first run that gave it, and lost
 * bytes make that differ), so the bound stays exactly what it was. Entries are found through a
 * table per kind of key (codec chain, lossy), not by a key string built per finding, and `find`
 * then `keep` rather than a callback: no closure per finding either.
 */
class SentenceMemo {
  private readonly tables = new Map<string, Map<string | number, string>>();
  private size = 0;

  find(table: string, key: string | number): string | undefined {
    return this.tables.get(table)?.get(key);
  }

  /** Keeps a sentence `find` did not have. */
  keep(table: string, key: string | number, sentence: string): string {
    if (this.size > 5000) {
      this.tables.clear();
      this.size = 0;
    }
    let entries = this.tables.get(table);
    if (!entries) this.tables.set(table, (entries = new Map()));
    entries.set(key, sentence);
    this.size++;
    return sentence;
  }
}

const memo = new SentenceMemo();

/**
 * `chainKey` names the codec chain (`windows-1252>windows-1252`); the bytes are only read from
 * `seqs` (lost sequences left out) when the sentence is not built yet.
 */
export function explainReversible(seqs: readonly { bytes: number[]; lost: boolean }[], decoded: string, codecs: readonly CodecInfo[], chainKey: string, lost: boolean, inferred = false): string {
  const table = inferred ? `r2${chainKey}` : lost ? `r1${chainKey}` : chainKey;
  return memo.find(table, decoded) ?? memo.keep(table, decoded, buildReversible(seqs.filter((q) => !q.lost).map((q) => q.bytes), decoded, codecs, lost, inferred));
}

function buildReversible(bytes: number[][], decoded: string, codecs: readonly CodecInfo[], lost: boolean, inferred: boolean): string {
  const shown = bytes.slice(0, 3).map(hex).join(', ') + (bytes.length > 3 ? ', …' : '');
  // Peeled last: C1 controls that were Windows-1252 characters read as Latin-1 (see peelLayers).
  if (codecs.length >= 2 && codecs[codecs.length - 1].name === 'latin1') {
    const outer = codecs.slice(0, -1).map((c) => c.label).join(', then ');
    const one = bytes.length === 1 && bytes[0].length === 2;
    const what = one ? `U+00${hex([bytes[0][1]])}, a control character that stands` : 'control characters (U+0080–U+009F) that stand';
    return `Bytes ${shown} are UTF-8 for ${what} for ${show(decoded)}: Windows-1252 text read as Latin-1, encoded as UTF-8, and those bytes shown as ${outer}.`;
  }
  const what = decoded.length <= 3 ? `UTF-8 for ${show(decoded)}` : `UTF-8 for “${decoded.length > 40 ? decoded.slice(0, 40) + '…' : decoded}”`;
  const wrong = codecs.map((c) => c.label);
  const chain = wrong.length === 1 ? wrong[0] : `${wrong[0]}, and the result again as ${wrong.slice(1).join(', then ')}`;
  const lostNote = inferred
    ? ' What that gave held “â€�”: ” (E2 80 9D) whose 9D, undefined in Windows-1252, a first decoder had made U+FFFD; read as ”.'
    : lost
      ? LOST_NOTE
      : '';
  return `Bytes ${shown} (${what}) were shown as ${chain}.${lostNote}`;
}

const POSITION_WORDS: Record<Position, string> = {
  'inside-word': 'between letters it is an apostrophe',
  digits: 'between figures it is a dash',
  opening: 'before a word it opens a quotation',
  closing: 'after a word it closes a quotation or marks a possessive',
  dash: 'between spaces it is a dash',
  unclear: 'the context does not settle which',
  joined: 'between two English words with no contraction after it, it is a dash',
  'loose-dash': 'glued to a word before a space and a lowercase word, with no quotation open, it is a dash',
};

/** Where a figure and a word are joined (`3‑year`): see judgeSite in detect.ts. */
const COMPOUND_WORDS = 'joining a figure to a word it is a hyphen that does not break (E2 80 91)';

export function explainLossy(site: LossySite, best: string, position: Position): string {
  // A number for (form, fold, position, best); a key string only for a longer `best` (none so far).
  const key = best.length === 1 ? ((LOSSY_FORMS.indexOf(site.form) * 2 + (site.folded ? 1 : 0)) * POSITIONS.length + POSITIONS.indexOf(position)) * 0x10000 + best.charCodeAt(0) : `${site.form}${site.folded ? 1 : 0}${position}${best}`;
  return memo.find('lossy', key) ?? memo.keep('lossy', key, buildLossy(site, best, position));
}

function buildLossy(site: LossySite, best: string, position: Position): string {
  const lead = site.folded ? ' (its first character â was further flattened to a)' : '';
  switch (site.form) {
    case 'two-marks':
      return `UTF-8 bytes E2 80 xx (punctuation such as ’ “ – —) were read as Windows-1252 (â € …) and then forced into Latin-1, which lacks € and the third character, so both became “?”${lead}. The bytes no longer say which mark it was; ${best === '‑' ? COMPOUND_WORDS : POSITION_WORDS[position]}: ${show(best)}.`;
    case 'bullet-tail':
      if (best === '‐') return `UTF-8 bytes E2 80 xx were read as Windows-1252 and forced into Latin-1: € became “?” and an undefined last byte came out as “•”${lead}. Between letters that byte is 90, the hyphen ‐ U+2010 (9D, the closing quote, does not go inside a word).`;
      return `UTF-8 bytes E2 80 9D (the closing quote ${show('”')}) were read as Windows-1252 and forced into Latin-1: € became “?” and the undefined byte 9D came out as “•”${lead}.`;
    case 'third-lost':
      if (best === '—') return `UTF-8 for — (E2 80 94) was read as Windows-1252 twice: the second time its ” (E2 80 9D) lost the byte 9D, undefined there. Only — gives that ”.`;
      if (best === '‘') return `What is left of UTF-8 bytes E2 80 xx read with a wrong codec: the last byte was dropped${lead}. Before a word it is most likely ‘ (E2 80 98), whose 98 Windows-1250 leaves undefined as Windows-1252 does 9D (”): ${show(best)}.`;
      if (best === '’') return `What is left of UTF-8 bytes E2 80 xx read with a wrong codec: the last byte was dropped${lead}. Windows-1252 drops 9D, the closing quote, but between letters it was an apostrophe whose ™ (99) was stripped: ${show(best)}.`;
      return `What is left of UTF-8 bytes E2 80 xx read with a wrong codec: the last byte was dropped, as Windows-1252 drops 9D, the closing quote${lead}. Most likely ${show(best)}.`;
    case 'middle-lost':
      return `UTF-8 bytes for ${show(best)} were read as Windows-1252 and forced into Latin-1; the middle byte became “?”${lead}, the last one still tells the character.`;
    case 'middle-dropped':
      return `UTF-8 bytes for ${show(best)} were read as Latin-1 (or Windows-1252) and the middle byte, a control character there (or a character Latin-1 lacks), was dropped; the last one still tells the character.`;
    case 'replacement':
      return `U+FFFD marks bytes a decoder could not read; ${POSITION_WORDS[position]}: ${show(best)}.${REOPEN_NOTE}`;
    case 'question-apostrophe':
      return `A “?” stands where a curly apostrophe (${show('’')}) was written into a charset that lacks it.`;
    case 'lead-alone':
      return `What is left of UTF-8 bytes E2 80 xx (punctuation such as ’ “ – —): read as Latin-1 or Windows-1252, the lead came out as â and the other two bytes were dropped (as control characters, or as characters the target charset lacks). ${POSITION_WORDS[position]}: ${show(best)}.`;
    case 'straightened-dash':
      return `UTF-8 bytes E2 80 93 or E2 80 94 (– or —) were read as Windows-1252 (â € “ or â € ”), and the curly quote was then straightened to "; only the position tells which dash: ${show(best)}.`;
    case 'undefined-third':
      return `UTF-8 bytes E2 80 xx (punctuation such as ’ “ ” – —) were read with a codec that could not read the third byte (Windows-1253 leaves 9C and 9D undefined, GBK and Shift_JIS pair it with the byte after), so it became “�”. ${POSITION_WORDS[position]}: ${show(best)}, of the marks that codec loses.`;
    case 'lead-lost':
      return `UTF-8 bytes E2 80 xx (punctuation) were read with a double-byte codec that cannot read E2 80 (Big5, EUC-KR: two “�”), and it paired the third byte with the next one into one character: read back, ${show(best)}.`;
    case 'lead-lost-mark':
      return `UTF-8 bytes E2 80 xx (punctuation) were read with a double-byte codec that cannot read them (Big5, EUC-KR: “���”), as the text's other such marks show; ${POSITION_WORDS[position]}: ${show(best)}.`;
    case 'question-mark':
      return `A “?” stands where no question mark goes: a curly quote or dash was written into a charset that lacks it, as the text's other “?” between a word and its ending were apostrophes; ${POSITION_WORDS[position]}: ${show(best)}.`;
    case 'latin1-letter':
      return explainLatin1Letter(best);
    case 'dropped-byte':
      return `UTF-8 for ${show(best)} (${hex(encodeUtf8(best))}) was read as Windows-1252, which leaves one of its bytes undefined, and that byte was then dropped; put back, the bytes read ${show(best)}.`;
    case 'lost-cyrillic':
      return explainLostCyrillic(best, null);
    case 'lost-letter': {
      const lead = encodeUtf8(best)[0];
      return `UTF-8 for a ${lostLetterScript(lead).name} letter (lead byte ${hex([lead])}, then a byte 80–9F: ${[...LOST_LETTERS_BY_LEAD[lead]].join(' ')}) was read as Windows-1252 and then forced into Latin-1, which lacks the second character, so it became “?”. The bytes no longer say which letter it was; ${show(best)} is the commonest of them, offered, not applied.`;
    }
    case 'stripped-letter': {
      const what = best === 'ß' ? 'ß (C3 9F), the only lowercase letter there' : `a letter such as ${show(best)} (lead byte ${hex(encodeUtf8(best).slice(0, 1))}, then a byte 80–9F)`;
      return `UTF-8 for ${what} was read as Latin-1 (or Windows-1252), and its second byte, a control character there (or undefined), was dropped, leaving the lead alone. The bytes no longer say which letter it was; ${best === 'ß' ? 'after a lowercase letter only ß fits' : 'the language of the text and the word rank the choices'}.`;
    }
    case 'lost-second-byte':
      return `UTF-8 for a letter such as ${show(best)} (lead byte ${hex(encodeUtf8(best).slice(0, 1))}, then a byte 80–9F) was read as Windows-1252 and then forced into Latin-1, which lacks the second character, so it became “?”. The bytes no longer say which letter it was; the language of the text ranks the choices.`;
  }
}

/**
 * A Cyrillic letter whose second byte became `?` (see cyrillic.ts): `word`, the common word the
 * other letters fit, or null where letter pairs ranked the choices.
 */
export function explainLostCyrillic(best: string, word: string | null): string {
  const key = `${best}\u0000${word ?? ''}`;
  const how = word ? `the word is most likely “${word}”, the common word its other letters fit: ${show(best)}` : `by how often letters follow one another in Slavic prose, ${show(best)} is likeliest here`;
  return memo.find('cyrillic', key) ?? memo.keep('cyrillic', key, `UTF-8 for a Cyrillic letter (lead byte D0 or D1, then a byte 80–9F: р с т у … я, or the capitals А–П) was read as Windows-1252 and then forced into Latin-1, which lacks the second character, so it became “?”. The bytes no longer say which letter it was; ${how}.`);
}

const MADE_EACH_REPLACEMENT = 'so a decoder made each such byte U+FFFD';

/**
 * Cyrillic, Greek or Hebrew letters whose second byte `codec` leaves undefined, made U+FFFD by a
 * decoder, named by the letters around them (see lostLetters.ts); `rest` says what the run's
 * other bytes were, `offered` the likeliest reading where it was not sure enough to repair.
 */
export function explainLostLettersDecoded(rest: string, codec: CodecInfo, script: 'Cyrillic' | 'Greek' | 'Hebrew', fits: ReadonlyMap<number, readonly string[]>, guesses: readonly LostLetterGuess[], offered: string): string {
  const fit = [...fits].map(([lead, letters]) => `${letters.join(' ')} after ${hex([lead])}`).join(', ');
  const words = [...new Set(guesses.map((g) => g.word).filter((w) => w !== null))];
  const how =
    script === 'Greek'
      ? 'Greek accents a word once, so ύ goes where no other letter carries the accent, ρ elsewhere, and Ν (ΐ between lowercase letters)'
      : script === 'Hebrew'
        ? 'ם is the final form, so inside a word the letter is א; ending one, ם is likelier'
        : guesses.every((g) => g.word !== null)
        ? `the word is most likely ${words.map((w) => `“${w}”`).join(', ')}, the common word${words.length > 1 ? 's' : ''} its other letters fit`
        : 'by how often letters follow one another in Slavic prose';
  const named = offered ? `“${offered}” is likeliest, but not by enough to repair it, so “�” stays` : [...new Set(guesses.map((g) => show(g.best)))].join(', ');
  return `${rest ? rest + ' ' : ''}UTF-8 for ${script} letters was read as ${codec.label}, which leaves some of their second bytes undefined, ${MADE_EACH_REPLACEMENT} (${fit} fit); ${how}: ${named}.`;
}

/**
 * Characters of a CJK codec's reading that lost a byte (see lostBytes.ts): which bytes, why the
 * decoder lost it, and what the bytes that pair with nothing there leave.
 */
export function explainLostBytes(rest: string, codec: CodecInfo, lost: readonly { bytes: readonly number[]; choices: readonly string[]; named: string; how: string }[]): string {
  const parts = lost.slice(0, 3).map((c) => {
    const bytes = c.bytes.map((b) => (b < 0 ? '??' : hex([b]))).join(' ');
    const of = c.choices.length > 6 ? `${c.choices.slice(0, 6).join(' ')} …` : c.choices.join(' ');
    const others = c.choices.filter((ch) => ch !== c.named);
    const or = others.length > 5 ? `${others.slice(0, 5).join(' ')} …` : others.join(' ');
    if (c.how === 'script') return `${bytes} is ${show(c.named)}, the only one of ${of} in the script around it`;
    if (c.how === 'in-use') return `${bytes} is ${show(c.named)}, the only one of ${of} in common use`;
    if (c.how === 'line-end') return `${bytes} is most likely ${show(c.named)}, as a line of Chinese ends (or ${or})`;
    if (c.how === 'close') return `${bytes} is most likely ${show(c.named)}, closing a quotation after a full stop (or ${or})`;
    return c.choices.length ? `${bytes} may be ${of}; “�” stays` : `${bytes} cannot be told; “�” stays`;
  });
  return `${rest} ${codec.label} could pair ${lost.length === 1 ? 'a byte' : 'some bytes'} with nothing after ${lost.length === 1 ? 'it' : 'them'}, so a decoder made ${lost.length === 1 ? 'it' : 'each'} U+FFFD: ${parts.join('; ')}${lost.length > 3 ? '; …' : ''}.`;
}

/** `���` read where the text shows each unreadable byte became one U+FFFD (see detect.ts). */
export function explainBytesReplaced(best: string, position: Position): string {
  const key = `${position}\u0000${best}`;
  return memo.find('bytewise', key) ?? memo.keep('bytewise', key, `UTF-8 bytes E2 80 xx (punctuation such as ’ “ – —) were read by a decoder that made each byte it could not read a “�” (ASCII, or any codec of single bytes), as the text's apostrophes read so show; ${POSITION_WORDS[position]}: ${show(best)}.`);
}

/** Characters of three bytes (CJK, kana, Hangul) that lost bytes to Latin-1 (see lostWideCharacters in detect.ts). */
export function explainLostWide(original: string, count: number): string {
  const lead = original.charCodeAt(0);
  const script = lead === 0xf0 ? 'emoji' : lead === 0xef ? 'fullwidth punctuation such as ，（）：' : lead === 0xe3 ? 'Japanese kana or CJK punctuation' : lead >= 0xea ? 'Korean Hangul' : 'Chinese or Japanese ideographs';
  const size = lead === 0xf0 ? 'four' : 'three';
  const what = count === 1 ? `a character of ${size} bytes (${script}: lead byte ${hex([lead])})` : `${count} characters of ${size} bytes (${script})`;
  return `UTF-8 for ${what} was read as Windows-1252 and forced into Latin-1: bytes 80–9F became “?” (those Windows-1252 leaves undefined “•”). The bytes left cannot tell which character it was; shown as “�”, not applied. Recover the text from its source.`;
}

/** A sign before a figure whose bytes each became U+FFFD (see lostSignBefore in lossy.ts). */
export function explainLostSign(signs: readonly string[], bytes: number): string {
  return `UTF-8 for a sign of ${bytes} bytes was read by a decoder that made each byte it could not read a “�” (ASCII, or any codec of single bytes). Before a figure it is a currency sign or the like: ${signs.join(' ')} fit, ${signs[0]} the commonest; the bytes are gone, so it is a guess.`;
}

/** A U+FFFD (or two, one per byte) that stood for a letter (see lostLetterUnderReplacement in detect.ts). */
export function explainLostLetter(language: string, choices: string, bytes: number): string {
  const key = `${language}\u0000${choices}\u0000${bytes}`;
  const unread = bytes === 2 ? 'Two “�” (one per byte of a letter of two bytes) mark' : '“�” marks';
  const where = language ? ` in ${language} text` : '';
  return memo.find('lost-letter', key) ?? memo.keep('lost-letter', key, `${unread} bytes a decoder could not read: here a letter was lost. The bytes are gone, so it cannot be told which; the commonest such letters${where} are offered (${choices}), none applied.${REOPEN_NOTE}`);
}

export function explainC1(ch: string, replacement: string, codepage = 'Windows-1252'): string {
  const why = codepage === 'Windows-1252' ? '' : ' (between letters no mark of Windows-1252 fits)';
  return `${codePointLabel(ch)} is a C1 control character: ${codepage} text read as Latin-1 leaves them behind${why}. In ${codepage} the byte means ${show(replacement)}.`;
}

export function explainStray(twice: boolean): string {
  const read = twice ? 'was read as Windows-1252 twice (Ã‚Â + no-break space)' : 'was read as Windows-1252 (Â + no-break space)';
  return `A stray “${twice ? 'Ã‚Â' : 'Â'}” before a space: the UTF-8 no-break space (C2 A0) ${read} and the no-break space later became a plain space.`;
}

export function explainLostSoftHyphen(lead: string, codec: string): string {
  return `UTF-8 bytes C3 AD (í U+00ED) read as ${codec} give “${lead}” and an invisible soft hyphen, which was later dropped: “${lead}” alone between letters is what is left of í.`;
}

export function explainStrippedSharpS(): string {
  return 'UTF-8 bytes C3 9F (ß U+00DF) read as Latin-1 give “Ã” and a control character (U+009F), which was later stripped with the others: “Ã” alone between lowercase letters is what is left of ß, the only lowercase letter of C3 80–9F.';
}

export function explainLatin1Letter(best: string): string {
  const which =
    best === 'ß'
      ? 'After a lowercase letter only ß (C3 9F) fits: the others are capitals.'
      : best === '×'
        ? 'After a figure only × (C3 97) fits.'
        : 'The bytes no longer say which capital it was (É, Ü, Ö, Ä, Ñ …); the language of the text and the rest of the word rank the choices.';
  return `UTF-8 bytes C3 80–9F (a capital letter with an accent, ß or ×) were read as Windows-1252 and then forced into Latin-1, which lacks the second character, so it became “?”. ${which}`;
}

/** How a lone U+FFFD's explanation ends: the file itself may have been read with the wrong encoding. */
export const REOPEN_NOTE = ' If the file itself is not UTF-8, reopen it with its real encoding instead.';

/** How a reversible explanation ends when some of its bytes were lost (see explainUndefinedSecond). */
export const LOST_NOTE = ' Some bytes were lost (shown as �); those characters cannot be restored.';

/**
 * What an explanation ending in LOST_NOTE said of the run's other sequences, for a naming of its
 * lost letters to go on from: nothing where the run was the lost letter alone (two characters).
 */
export function saidOfOtherSequences(f: { original: string; explanation: string }): string {
  return f.original.length === 2 ? '' : f.explanation.slice(0, -LOST_NOTE.length);
}

/**
 * A sequence whose second byte `codec` leaves undefined (a decoder made it U+FFFD): which letters
 * fit, which is likeliest. `rest`: what the run's other sequences were, when it has others.
 */
export function explainUndefinedSecond(rest: string, codec: CodecInfo, lead: number, letters: readonly string[], certainty: 'sure' | 'word-start' | 'commonest' | 'twin' | 'unsure'): string {
  const which =
    letters.length === 1
      ? `only ${letters[0]} fits`
      : certainty === 'sure'
        ? `${letters.join(' ')} fit, ${letters[0]} most likely in this language`
        : certainty === 'word-start'
          ? `${letters.join(' ')} fit; starting a word, ${letters[0]} is the likeliest by far`
          : certainty === 'twin'
            ? `${letters.join(' ')} fit; the same word near it shows ${letters[0].toLowerCase()}, so ${letters[0]}`
            : certainty === 'commonest'
            ? `${letters.join(' ')} fit; ${letters[0]} is by far the commonest of them`
          : `${letters.join(' ')} fit; nothing here says which, so “�” stays`;
  const lost = `UTF-8 for a letter starting ${hex([lead])} was read as ${codec.label}, which leaves its second byte undefined, ${MADE_REPLACEMENT}: ${which}.`;
  return rest ? `${rest} ${lost}` : lost;
}
const MADE_REPLACEMENT = 'so a decoder made that byte U+FFFD';

/**
 * The explanation of a finding whose U+FFFD stood for a `•` in the text (see detect.ts,
 * undefinedShownAsBullets): the seed's pipeline shows undefined bytes so.
 */
export function explainBulletForUndefined(explanation: string): string {
  return explanation
    .replace(MADE_REPLACEMENT, 'so that byte came out as “•”, which Latin-1 then kept while it made “?” of the rest')
    .replace('(shown as �)', '(shown as •)');
}

/**
 * The explanation of a finding whose U+FFFD stood for nothing in the text: the decoder dropped the
 * undefined byte (see dropped.ts). The repair shows a letter it cannot name as �.
 */
export function explainDroppedUndefined(explanation: string): string {
  return explanation
    .replace(MADE_REPLACEMENT, 'so a decoder dropped that byte, leaving the lead alone')
    .replace(MADE_EACH_REPLACEMENT, 'so a decoder dropped each such byte, leaving its lead alone')
    .replace('(shown as �)', '(dropped by the decoder; a letter that cannot be named is shown as �)');
}
