/**
 * The scanner: one pass over the text collects candidate runs and lossy sites, then each is judged
 * in its context. Plain ASCII is skipped by one regex search per stretch.
 */
import { type CodecInfo, ISO_8859_2, ISO_8859_15, KOI8_U, codecByName, isEverydayCodepage, definesByte, macRomanForC1, singleByteTable, windows1252ForC1, resolveCodecs } from './codecs';
import { apostropheFits, dashBeforeWord, elisionShaped, joinsWords, turkishSuffixAt } from './apostrophe';
import { CyrillicReader, type LostLetterGuess } from './cyrillic';
import { nameLostBytes } from './lostBytes';
import { type LostLettersNaming, applyNaming, nameLostInWord } from './lostLetters';
import { Cls, charClass, classAt, isAsciiLetter, isLatin, isLetter, isLower, letterAt, orthographiesOf, scriptOf, signOfFigure, weirdness } from './chars';
import { LOST_NOTE, REOPEN_NOTE, explainBulletForUndefined, explainBytesReplaced, explainLostSign, explainLostWide, explainC1, explainLossy, explainLostCyrillic, explainLostLetter, explainLostSoftHyphen, explainStrippedSharpS, explainReversible, explainStray, explainUndefinedSecond, saidOfOtherSequences } from './explain';
import { type LossySite, SiteList, siteOfStrippedLetter, strippedInCapitals, strippedLetterShown, droppedByteCandidates, WRITES_A_CIRCUMFLEX, bareMarkApostrophe, bareMarkDash, bareMarkElision, bareMarkMayBeRead, bareMarkQuote, bareMarks, twinLetter, latin1LetterCandidates, leadLostPunctuation, lostSecondByteCandidates, lostSignBefore, middleLostCandidates, siteAtQuestionMark, siteAtSpecial, siteOfDroppedByte, lostLetterChoices, QUOTATION_REACH, questionMarkMisplaced, siteOfTwiceLostThird, TWICE_DASH, undefinedSecondByteLetters, undefinedThirdBefore } from './lossy';
import { PUNCTUATION_MARKS, type Position, QuoteState, type Ranked, order, positionOf, rankPunctuation } from './rank';
import { ACCENTED_LETTERS, LANGUAGE_NAMES, type Language, languageOf, languageOfLetters, quoteStyleOf } from './language';
import { cjkRarity } from './cjk';
import { type Run, type ScanTables, type Sequence, cjkStartOf, classicPairPenalty, mayStartRun, movedRun, peelLayers, runAt, scanTables } from './reversible';
import { type TokenMemo, TokenMemos, recordableTokenEnd, tokenMemo, wordStartAfter } from './tokenMemo';
import { byStart, firstIndexAfter, hashText, identity, isTextAt, lastIndexAtOrBefore, mergeByStart, wholeLines } from './search';
import type { DetectOptions, Finding } from './types';
import { applyFindings } from './apply';
import { readDroppedBytes } from './dropped';
import { isTwoByteLead } from './utf8';

const QMARK = 0x3f;
/** U+0336 COMBINING LONG STROKE OVERLAY: strikethrough where no markup is allowed. */
const STROKE = '\u0336';
/** Runs judged at a time (see `RunJudge`). */
const CHUNK = 256;
const NEXT_CANDIDATE = /[?\u0080-\uffff]/g;
/** How far around an edited window the scan reaches for context (quote pairing, evidence). */
const CONTEXT = 4000;

export function detect(text: string, options: DetectOptions = {}): Finding[] {
  if (!options.range) return settleDecodedReplacements(text, detectOnce(text, options), options);
  // A range is scanned with the whole lines around it, up to CONTEXT either way, and its own
  // findings kept: the text's other marks and leftovers near it are evidence for its weak ones
  // (a line of `?` dashes is read as the text's `?` apostrophes show), as a scan of the whole is.
  const [from, to] = scanWindow(text, options.range);
  const around = scanWindow(text, { start: Math.max(0, from - CONTEXT), end: Math.min(text.length, to + CONTEXT) });
  const widened = { ...options, range: { start: around[0], end: around[1] } };
  return settleDecodedReplacements(text, detectOnce(text, widened), widened).filter((f) => f.start >= from && f.end <= to);
}

/**
 * `ï¿½` is U+FFFD garbled once more: decoded, a lone U+FFFD, which the text around it may show to
 * be a lost mark like any other (see judgeSite: `newspaper � email, and � more` in English). Each
 * is judged as such in the text with every finding applied, and its finding repairs to what that
 * judging gives: repairing the result again then changes nothing more.
 */
function settleDecodedReplacements(text: string, findings: Finding[], options: DetectOptions): Finding[] {
  if (!findings.some(decodesToReplacement)) return findings;
  const { text: decoded, applied } = applyFindings(text, findings);
  const at = new Map<number, Finding>(); // where each lands in `decoded`
  let shift = 0;
  for (const f of applied) {
    if (decodesToReplacement(f)) at.set(f.start + shift, f);
    shift += f.replacement.length - (f.end - f.start);
  }
  if (at.size === 0) return findings;
  // (A loop, not Math.min(...): a line of them may be hundreds of thousands, past the stack's reach.)
  let first = Infinity;
  let last = -Infinity;
  for (const p of at.keys()) {
    first = Math.min(first, p);
    last = Math.max(last, p);
  }
  const range = { start: first, end: last + 2 };
  const settled = new Map<Finding, Finding>();
  for (const g of detectOnce(decoded, { encodings: options.encodings, range })) {
    const f = at.get(g.start);
    if (!f || g.end !== g.start + f.replacement.length || (f.replacement.length === 1 && g.kind !== 'replacement-char')) continue;
    settled.set(f, { ...f, replacement: g.replacement, alternatives: [...g.alternatives, f.replacement], confidence: Math.min(f.confidence, g.confidence), explanation: `${f.explanation} ${g.explanation.replace(REOPEN_NOTE, '')}` });
  }
  return settled.size ? findings.map((f) => settled.get(f) ?? f) : findings;
}

/**
 * A finding whose repair holds U+FFFD, read once more: a lone U+FFFD, or a letter's lead and one
 * (`Ãƒï¿½` is `Ã�`, Á whose 81 the first decoder made U+FFFD: see nameLostLetters).
 */
function decodesToReplacement(f: Finding): boolean {
  return f.kind === 'reversible' && (f.replacement === '\ufffd' || (f.replacement.length === 2 && f.replacement[1] === '\ufffd' && isTwoByteLead(f.replacement.charCodeAt(0))));
}

function detectOnce(text: string, options: DetectOptions): Finding[] {
  return readDroppedBytes(text, detectMarked(text, options), options, detectMarked);
}

/** The findings of `text`, with the seed's `•` for undefined bytes read as lost bytes. */
function detectMarked(text: string, options: DetectOptions): Finding[] {
  const marked = undefinedShownAsBullets(text, options);
  return marked ? bulletsBack(text, detectWithCodecs(marked, options)) : detectWithCodecs(text, options);
}

/**
 * The seed's pipeline shows the bytes Windows-1252 leaves undefined as `•` (`â?•` is ”, its 9D),
 * and forces the rest into Latin-1, where a real • (95) became `?`. So in a text that went through
 * it, `Ã•` is no Õ but C3 with 81, 8D, 8F, 90 or 9D (Á Í Ï Ð Ý), `Ä•` is č or ā: the text with
 * each such `•` made U+FFFD, which the engine reads as a lost byte, or null when it has none or
 * shows no sign of that pipeline. (`Â•` is a control character either way: left.)
 */
function undefinedShownAsBullets(text: string, options: DetectOptions): string | null {
  const [from, to] = scanWindow(text, options.range);
  // (The window alone is searched: an edited line is re-scanned on every keystroke.)
  const window = from === 0 && to === text.length ? text : text.slice(from, to);
  let at = window.indexOf('•');
  const glued = (i: number) => window.charCodeAt(i - 1) >= 0xc3 && window.charCodeAt(i - 1) <= 0xdf;
  while (at >= 0 && !glued(at)) at = window.indexOf('•', at + 1);
  if (at < 0 || !forcedIntoLatin1Near(text, from, to)) return null;
  return text.slice(0, from) + window.replace(/(?<=[\u00c3-\u00df])•/g, '\ufffd') + text.slice(to);
}
/**
 * A letter's lead, then U+FFFD or the seed's `•`: its undefined second byte came out apart. (Both:
 * scanning a range, only the range's `•` were made U+FFFD.)
 */
const UNDEFINED_APART = /[\u00c3-\u00df][\ufffd•]/;

/**
 * Signs near [from, to) (as near as the scan reads context, so a re-scanned line is judged as the
 * whole text was) that what Latin-1 lacked became `?`: `â??`, `â?•`, a letter's lead and `?` inside a word.
 */
function forcedIntoLatin1Near(text: string, from: number, to: number): boolean {
  const hi = Math.min(text.length, to + CONTEXT);
  // (From one `?` to the next: a regex trying each letter of a long text cost more than the scan.)
  for (let q = text.indexOf('?', Math.max(0, from - CONTEXT)); q >= 0 && q < hi; q = text.indexOf('?', q + 1)) {
    const lead = text.charCodeAt(q - 1);
    const next = text[q + 1];
    // (Not `a??`, folded: URLs and questions have it.)
    if (lead === A_CIRCUMFLEX && (next === '?' || next === '•' || (next === ' ' && text[q + 2] === '•'))) return true;
    // (A letter's lead and `?` inside a word: `StraÃ?e`, `pÅ?ipravena`; not `CAFÉ?`.)
    if (lead >= 0xc3 && lead <= 0xdf && letterAt(text, q + 1) && letterAt(text, q - 2)) return true;
  }
  return false;
}
const A_CIRCUMFLEX = 0xe2;

/**
 * Findings of the text with `•` made U+FFFD (see undefinedShownAsBullets), put back on the text
 * itself. (Changed in place: this call made them. A dense text repeats a few explanations.)
 */
function bulletsBack(text: string, findings: Finding[]): Finding[] {
  const explained = new Map<string, string>();
  for (const f of findings) {
    if (!f.original.includes('\ufffd') || isTextAt(f.original, text, f.start, f.end)) continue;
    f.original = text.slice(f.start, f.end);
    f.explanation = explained.get(f.explanation) ?? explained.set(f.explanation, explainBulletForUndefined(f.explanation)).get(f.explanation)!;
  }
  return findings;
}

function detectWithCodecs(text: string, options: DetectOptions): Finding[] {
  let codecs = resolveCodecs(options.encodings);
  let first = scan(text, options, 0, codecs);
  // Codecs not scanned for, as their readings tie with a sibling's nearly everywhere: put in the
  // sibling's place, and the text scanned again, where the first scan's findings prove them.
  for (const { sibling, codec, proven } of PROVEN_SIBLINGS) {
    if (!proven(text, first.findings)) continue;
    codecs = codecs.map((c) => (c.name === sibling ? codec : c));
    first = scan(text, options, 0, codecs);
  }
  // A tie between two readings was settled by the codecs' order before the text showed which
  // codec it was: scan again, knowing from the start.
  if (first.tieByOrder && (first.preferred || first.possible)) return scan(text, options, first.preferred || first.possible, codecs).findings;
  return first.findings;
}

const PROVEN_SIBLINGS: readonly { sibling: string; codec: CodecInfo; proven: (text: string, findings: readonly Finding[]) => boolean }[] = [
  // C1 controls where Windows-1250 has letters and quotes (`tĹ\u0099etĂ\u00adho`: 99 is ™ there)
  // mean the text went through ISO-8859-2, which also puts á at A1, not å at A5 (`MĂĄm` is Mám).
  { sibling: 'windows-1250', codec: ISO_8859_2, proven: (_text, findings) => throughIso88592(findings) },
  // C1 controls where Windows-1252 has characters (`StraÃ\u009fe`: the decoder kept them, so it
  // was no Windows-1252) and € Š Œ… after a lead (`MÃ€nner`): Latin-9, whose A4 is €, not ¤.
  { sibling: 'latin1', codec: ISO_8859_15, proven: (_text, findings) => throughLatin9(findings) },
  // KOI8-R mojibake and, where KOI8-R has box drawing, Ukrainian capitals after its leads (its
  // lowercase letters: `пЄ` is д, `пҐ` н, `цє` ä): KOI8-U.
  { sibling: 'koi8-r', codec: KOI8_U, proven: throughKoi8U },
];

/**
 * Whether the Windows-1250 runs found hold C1 controls where the codepage has characters, and none
 * holds one of those characters (`—`, `Š`, `„`: ISO-8859-2 has controls there). A text mixing
 * garblings keeps Windows-1250.
 */
function throughIso88592(findings: readonly Finding[]): boolean {
  const codepage = codecByName('windows-1250')!;
  const table = singleByteTable(codepage);
  let controls = false;
  for (const f of findings) {
    if (f.wrongCodecs?.[0] !== codepage.name || f.kind !== 'reversible') continue;
    for (let k = 0; k < f.original.length; k++) {
      const c = f.original.charCodeAt(k);
      const b = table[c];
      if (c >= 0x80 && c <= 0x9f) controls ||= definesByte(codepage, c);
      else if (b >= 0x80 && b <= 0x9f) return false;
    }
  }
  return controls;
}

/**
 * Whether the text went through Latin-9: its Windows-1252 runs hold C1 controls where the
 * codepage has characters (a decoder kept them), Latin-9's own characters after the lead of a
 * letter (`Ã€` is ä there), and none of the codepage's that Latin-9 lacks (`â€™` is Windows-1252).
 */
function throughLatin9(findings: readonly Finding[]): boolean {
  const codepage = codecByName('windows-1252')!;
  let controls = false;
  let own = false;
  for (const f of findings) {
    if (f.wrongCodecs?.[0] !== codepage.name || f.kind !== 'reversible') continue;
    for (let k = 0; k < f.original.length; k++) {
      const c = f.original.charCodeAt(k);
      if (c >= 0x80 && c <= 0x9f) controls ||= definesByte(codepage, c);
      else if (LATIN9_OWN.includes(f.original[k])) own ||= k > 0 && isTwoByteLead(f.original.charCodeAt(k - 1));
      else if (c > 0xff) return false; // ‚ ƒ „ … ’ “ ™ and the rest: Windows-1252's alone
    }
  }
  return controls && own;
}
const LATIN9_OWN = '€ŠšŽžŒœŸ';

/** Whether KOI8-R runs were found and a capital of KOI8-U's own follows a lowercase letter, a lead there (see detect). */
function throughKoi8U(text: string, findings: readonly Finding[]): boolean {
  if (!findings.some((f) => f.kind === 'reversible' && f.wrongCodecs?.[0] === 'koi8-r')) return false;
  return KOI8_U_AFTER_LEAD.test(text);
}
// (A capital: `пЄ`, `рІ` are no Ukrainian spelling; `пі` is, as in `після`.)
const KOI8_U_AFTER_LEAD = /[а-я][ЄІЇҐ]/;

/** A word being recorded by the scan (see tokenMemo.ts); `ok` until something it cannot replay happens in it. */
interface WordRecording {
  ts: number;
  te: number;
  possible: number;
  runs: Run[];
  spoken: number;
  ok: boolean;
}

function scan(text: string, options: DetectOptions, knownPossible: number, codecs: readonly CodecInfo[]): { findings: Finding[]; possible: number; tieByOrder: boolean; preferred: number } {
  const tables = scanTables(codecs);
  const [from, to] = scanWindow(text, options.range);
  const hopeless: number[] = []; // start, codec index, start, codec index, … (flat: there can be many)
  const judge = new RunJudge(text, hopeless, tables.codecs);
  let possible = knownPossible; // bits of the single-byte codecs that explain every run so far: ties go to them
  const tiesByOrder: number[] = []; // starts of runs whose codec only the order chose
  const tieOrthographies = new Map<number, number>(); // codec bit → orthographies of its readings in those ties
  let spoken = 0; // orthographies of the letters decoded so far (see chars.ts)
  const sites = new SiteList();
  // `?` where no question mark goes are believed only beside a `?` apostrophe (see judgeSite):
  // kept apart, and judged only where the scan found one. Clean prose has one at every question
  // before a lowercase word.
  const questionMarks = new SiteList();
  let questionApostrophes = false;
  const singles: number[] = []; // C1 controls and Â, judged after runs are known
  const softHyphenLost: number[] = []; // `antÃgeno`: Ã (or Ă) between lowercase letters

  const found: LossySite = { start: 0, end: 0, form: 'two-marks', folded: false, strong: false }; // reused for every site

  // Words recorded for replay (see tokenMemo.ts); `word` is the one being recorded.
  let memos: TokenMemos | undefined;
  let word: WordRecording | null = null;
  let wordsTo = from; // candidates before this lie in words already considered for the memo
  const cjkStart = tables.doubles.length ? cjkStartOf(tables) : undefined;
  const endWord = (w: WordRecording) => {
    if (w.ok && w.runs.length) memos!.keep(text, w.ts, w.te, w.possible, w.runs, w.spoken);
    return null;
  };

  let last = from - 1; // the last position the scan has handled
  for (let i = nextToLook(text, from, to, tables); i < to; i = nextToLook(text, (last = i) + 1, to, tables)) {
    const c = text.charCodeAt(i);
    if (word && i >= word.te) word = endWord(word);
    // (Words with a `?` or a character a CJK codec may read are never recorded: clean ASCII prose
    // is full of the one, Chinese and Japanese of the other.)
    if (i >= wordsTo && c !== QMARK && (cjkStart === undefined || cjkStart[c] === 0)) {
      // The first candidate of a word the scan has not touched yet: replay it, or record it.
      const ts = wordStartAfter(text, i, last);
      const te = ts < 0 ? -1 : recordableTokenEnd(text, ts, i, tables, cjkStart);
      wordsTo = te < 0 ? i + 1 : te;
      const memo = te < 0 || !tokenMemo.on ? undefined : (memos ??= new TokenMemos()).find(text, ts, te, possible);
      if (memo) {
        for (const recorded of memo.runs) {
          const r = movedRun(recorded, ts - memo.at);
          judge.add(r, r.end);
          if (r.sameBits) possible = possible & r.sameBits || r.sameBits;
        }
        spoken |= memo.spoken;
        i = te - 1;
        continue;
      }
      if (te >= 0 && memos?.again) word = { ts, te, possible, runs: [], spoken: 0, ok: true };
    }
    if (c === QMARK) {
      if (word) word.ok = false;
      const site = siteAtQuestionMark(text, i, found);
      if (site && site.start >= from) {
        if (site.form === 'question-mark') {
          questionMarks.push(site);
          questionApostrophes ||= closesBeforeSaid(text, site);
        } else {
          questionApostrophes ||= site.form === 'question-apostrophe';
          sites.push(site);
          i = Math.max(i, site.end - 1);
        }
      }
      continue;
    }
    const twice = c === 0xc3 ? siteOfTwiceLostThird(text, i, found) : null;
    if (twice) {
      if (word) word.ok = false;
      sites.push(twice);
      i = twice.end - 1;
      continue;
    }
    if (c === 0xc3 && text.startsWith(STRAY_TWICE, i) && text.charCodeAt(i + STRAY_TWICE.length) === 0x20) {
      // `Ã‚Â ` is `Â ` garbled once more: judged with the leftovers.
      if (word) word.ok = false;
      singles.push(i);
      i += STRAY_TWICE.length - 1;
      continue;
    }
    let run = mayStartRun(text, i, tables) ? runAt(text, i, to, tables, possible, spoken) : null;
    // A run that starts on a quote mark or symbol (MacRoman reads “ ’ » as lead bytes) gives way to
    // one starting right after it that reaches as far and reads better: `’â€™s` is a quote and
    // `’s`, not `Չ۪s` (but MacRoman `‚Ä¶` is …, not `‚Ķ`).
    while (run && !run.hopeless && !isLetter(charClass(text.charCodeAt(i))) && mayStartRun(text, i + 1, tables)) {
      const later = runAt(text, i + 1, to, tables, possible, spoken);
      if (!laterRunReadsBetter(text, run, later)) break;
      run = later;
      i++;
    }
    if (run?.hopeless) {
      hopeless.push(run.start, tables.codecs.indexOf(run.codec));
    } else if (run) {
      const peeled = peelLayers(run, tables, text.slice(Math.max(0, run.start - 1), run.start), text.slice(run.end, run.end + 1));
      judge.add(peeled, run.end);
      // A run ending in U+FFFD (`ZZAJÉ�s`: É, C9, as a lead byte) may be judged no mojibake: then
      // that U+FFFD is a lone one, judged as such (a kept run takes it, see isTaken below).
      const lone = text.charCodeAt(run.end - 1) === 0xfffd ? siteAtSpecial(text, run.end - 1, found) : null;
      if (lone) {
        if (word) word.ok = false;
        sites.push(lone);
      }
      // The codecs that explain every run so far; when none does, start again from this run.
      if (run.sameBits) possible = possible & run.sameBits || run.sameBits;
      if (run.tieByOrder) tiesByOrder.push(run.start);
      for (let v = 0; run.tieVotes && v < run.tieVotes.length; v += 2) tieOrthographies.set(run.tieVotes[v], (tieOrthographies.get(run.tieVotes[v]) ?? 0) | run.tieVotes[v + 1]);
      // (Of the text the run stood for, its layers peeled: `Ã…Â¯` is ů, not Å.)
      const orthographies = orthographiesOf(peeled.decoded);
      spoken |= orthographies;
      if (word) {
        // A tie may have been settled by the words before (`spoken`), which the memo's key does not hold.
        if (run.tieVotes || run.end > word.te) word.ok = false;
        word.runs.push(peeled);
        word.spoken |= orthographies;
      }
      i = run.end - 1;
      continue;
    }
    // Lossy sites read on past the word, leftovers are judged in a wider context: a word with either
    // (or a hopeless run, which counts against its neighbours) is not recorded. Any other
    // candidate that is no run leaves nothing behind.
    if (word && (run !== null || NOTED[c] !== 0 || (c >= 0xe2 && c <= 0xf4))) word.ok = false;
    const site = (c === 0xe2 || c === 0x9225 || c === 0xfffd ? siteAtSpecial(text, i, found) : null) ?? (c >= 0xe2 && c <= 0xf4 ? siteOfDroppedByte(text, i, found) : null);
    if (site) {
      sites.push(site);
      i = site.end - 1;
    } else if ((c >= 0x80 && c <= 0x9f) || (c === 0xc2 && text.charCodeAt(i + 1) === 0x20)) {
      singles.push(i);
    } else if ((c === 0xc3 || c === 0x102) && isLowerLatin(text.charCodeAt(i - 1)) && text.charCodeAt(i - 1) !== 0xe2 && isLowerLatin(text.charCodeAt(i + 1))) {
      softHyphenLost.push(i);
    }
  }

  if (word) word = endWord(word);
  if (questionApostrophes) sites.mergeIn(questionMarks);

  // Lossy forms and leftovers name the codecs they come from; with `encodings` narrowed, only
  // those the chosen codecs explain are reported.
  const names = new Set(tables.codecs.map((c) => c.name));
  const western = names.has('windows-1252') || names.has('latin1');
  const explained = (s: LossySite) =>
    s.form === 'replacement' || s.form === 'question-apostrophe' || s.form === 'question-mark'
      ? true
      : s.form === 'undefined-third'
        ? names.has(undefinedThirdBefore(text, s.end - 1)!.codec)
        : s.form === 'lead-lost' || s.form === 'lead-lost-mark'
          ? names.has('big5') || names.has('euc-kr')
          : western;

  const runFindings = judge.finish();
  // Letters whose second byte was stripped (`SpoleÄnost`) are looked for only near text garbled
  // otherwise too: a pass of their own, so that clean text (German `Änderung`) costs nothing more.
  if (western && (runFindings.length > 0 || sites.length > 0)) sites.mergeIn(strippedLetterSites(text, from, to, runFindings, sites));
  const languages = textLanguages(text, from, to);
  // (Where the common words name no language with such letters, the letters around may: as for lost second bytes.)
  nameLostLetters(text, runFindings, () => {
    const lang = languages.words();
    return lang === 'unknown' || lang === 'en' ? languages.letters() : lang;
  });
  const isTaken = overlapChecker(runFindings);
  if (!sites.inOrder()) sites.sortByStart();
  const keep = new Uint8Array(sites.length);
  const site: LossySite = { start: 0, end: 0, form: 'two-marks', folded: false, strong: false };
  for (let k = 0; k < sites.length; k++) keep[k] = explained(sites.read(k, site)) && !isTaken(site.start, site.end) ? 1 : 0;
  const findings = mergeByStart(runFindings, judgeSites(text, sites, keep, from, to, runFindings, languages));
  const isTakenNow = overlapChecker(findings);
  let macRomanShown: boolean | undefined;
  const singleContext: SingleContext = { language: languages.words, macRomanShown: () => (macRomanShown ??= MAC_BETWEEN_LETTERS.test(text)) };
  for (const i of singles) {
    if (!western || isTakenNow(i, i + 1)) continue;
    const f = judgeSingle(text, i, singleContext);
    if (f) findings.push(f);
  }
  // `Ã` + soft hyphen is í; a dropped soft hyphen leaves `Ã` between letters. Believed only where
  // the same codec garbled other words of the document.
  if (softHyphenLost.length) {
    const garbledBy = new Set(findings.filter((f) => f.kind === 'reversible').map((f) => f.wrongCodecs?.[0]));
    // Where the text's control characters were stripped (its marks left lone `â`), `Ã` between
    // lowercase letters lost the only lowercase letter of C3 80–9F: ß (`groÃe`); í kept its soft hyphen.
    const controlsStripped = findings.some((f) => f.kind === 'lossy' && f.original === 'â');
    for (const i of softHyphenLost) {
      if (controlsStripped && text[i] === 'Ã') {
        findings.push({ start: i, end: i + 1, original: 'Ã', replacement: 'ß', alternatives: [], confidence: 0.6, kind: 'lossy', explanation: STRIPPED_SHARP_S, bytes: [0xc3, 0x9f], wrongCodecs: LATIN1 as string[] });
        continue;
      }
      const codec = text[i] === 'Ã' ? (garbledBy.has('windows-1252') ? 'windows-1252' : garbledBy.has('latin1') ? 'latin1' : '') : garbledBy.has('windows-1250') ? 'windows-1250' : '';
      if (!codec) continue;
      findings.push({ start: i, end: i + 1, original: text[i], replacement: 'í', alternatives: [], confidence: 0.6, kind: 'lossy', explanation: explainLostSoftHyphen(text[i], codec), bytes: [0xc3, 0xad], wrongCodecs: [codec] });
    }
  }
  // Where Latin-1 made `?` of what it lacked, Chinese, Japanese and Korean characters lost bytes too.
  if (findings.length && forcedIntoLatin1Near(text, from, to)) findings.push(...lostWideCharacters(text, from, to, overlapChecker(findings)));
  const inWindow = from === 0 && to === text.length ? findings : findings.filter((f) => f.start >= from && f.end <= to);
  // Only a tie that became a finding is worth a second scan.
  const tieStarts = new Set(tiesByOrder);
  const tieByOrder = tiesByOrder.length > 0 && inWindow.some((f) => tieStarts.has(f.start));
  return { findings: sortedByStart(inWindow), possible, tieByOrder, preferred: tieByOrder ? preferredByOrthography(tieOrthographies) : 0 };
}

/**
 * The 'stripped-letter' sites in [from, to), in order (see siteOfStrippedLetter), within
 * EVIDENCE_REACH of the runs and sites found: their evidence lies there, and the rest of a long
 * clean text is not searched again.
 */
function strippedLetterSites(text: string, from: number, to: number, runFindings: readonly Finding[], sites: SiteList): SiteList {
  const out = new SiteList();
  const site: LossySite = { start: 0, end: 0, form: 'stripped-letter', folded: false, strong: false };
  // The starts of both lists, merged in order, grouped into stretches of text to search.
  let r = 0;
  let k = 0;
  let searched = from; // searched up to here
  // The next lead at or after `searched` (a search runs on past a stretch to the next match, so it
  // is kept for the stretches after, and the text is searched once in all).
  let next = -1;
  const nextStart = () => (r < runFindings.length && (k >= sites.length || runFindings[r].start <= sites.start(k)) ? runFindings[r++].start : sites.start(k++));
  while (r < runFindings.length || k < sites.length) {
    const at = nextStart();
    if (at + EVIDENCE_REACH < searched) continue;
    const lo = Math.max(searched, at - EVIDENCE_REACH, from);
    const hi = Math.min(to, at + EVIDENCE_REACH);
    for (;;) {
      if (next < lo) {
        STRIPPED_LEAD.lastIndex = lo;
        next = STRIPPED_LEAD.exec(text)?.index ?? Infinity;
      }
      if (next >= hi) break;
      if (siteOfStrippedLetter(text, next, site)) out.push(site);
      STRIPPED_LEAD.lastIndex = next + 1;
      next = STRIPPED_LEAD.exec(text)?.index ?? Infinity;
    }
    searched = Math.max(searched, hi);
  }
  return out;
}
const STRIPPED_LEAD = /[ÃÄÅÈ]/g;

/**
 * The codec whose readings in the ties keep to one language: `Å¯` and `Ä¯` are ŝ and ĝ
 * (Esperanto, both) in Windows-1257, ů and į (Czech and Lithuanian) in Windows-1252. Its bit, or 0
 * when no codec keeps to fewer orthographies than every other, or some reading names none.
 */
function preferredByOrthography(tieOrthographies: ReadonlyMap<number, number>): number {
  let best = 0;
  let bestCount = Infinity;
  let unique = false;
  for (const [bit, orthographies] of tieOrthographies) {
    if (orthographies === 0) return 0;
    const count = popCount(orthographies);
    if (count < bestCount) [best, bestCount, unique] = [bit, count, true];
    else if (count === bestCount) unique = false;
  }
  return unique ? best : 0;
}

function popCount(bits: number): number {
  let n = 0;
  for (let b = bits; b; b &= b - 1) n++;
  return n;
}

/** Sorts by start in place (stable); an array already in order, the usual case, is only checked. */
function sortedByStart(findings: Finding[]): Finding[] {
  for (let k = 1; k < findings.length; k++) if (findings[k].start < findings[k - 1].start) return findings.sort((a, b) => a.start - b.start);
  return findings;
}

/**
 * The next position the scan must look at: a `?`, or a non-ASCII character that may start a run
 * or is one of the few the scan notes on their own. Most non-ASCII characters of clean text can
 * start nothing, and a few table lookups say so. A small loop of its own: the scan's handling of
 * what it finds is cold code, and may be deoptimised without slowing this down.
 */
function nextToLook(text: string, i: number, to: number, tables: ScanTables): number {
  let ascii = 0; // plain ASCII characters in a row
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) {
      ascii = 0;
      if (NOTED[c] !== 0 || mayStartRun(text, i, tables)) return i;
    } else if (c === QMARK) {
      return i;
    } else if (++ascii === 8) {
      // Long plain ASCII (most text is mostly ASCII): one regex step. The gap between two words
      // of another script is usually one space, not worth a regex call.
      NEXT_CANDIDATE.lastIndex = i + 1;
      if (!NEXT_CANDIDATE.test(text)) return to;
      i = NEXT_CANDIDATE.lastIndex - 2; // the loop's i++ lands on the match
      ascii = 0;
    }
  }
  return to;
}

/** Non-ASCII characters the scan notes even where no run starts: lossy leads (â, 鈥, �), C1 controls, Â, Ã, Ă. */
const NOTED = new Uint8Array(65536);
for (const c of [0xe2, 0x9225, 0xfffd, 0xc2, 0xc3, 0x102]) NOTED[c] = 1;
NOTED.fill(1, 0x80, 0xa0);

/** Whether `later`, starting one character after `run`, reaches as far and reads better. */
function laterRunReadsBetter(text: string, run: Run, later: Run | null): later is Run {
  if (!later || later.hopeless || later.end < run.end) return false;
  const withLater = text[run.start] + later.decoded + text.slice(later.end, run.end);
  return weirdness(withLater) < weirdness(run.decoded + text.slice(run.end, later.end));
}

/**
 * Overlap test against findings sorted by start, for queries that come in increasing order
 * (a moving pointer: linear over the whole scan).
 */
function overlapChecker(findings: readonly Finding[]): (start: number, end: number) => boolean {
  const inOrder = findings.every((f, k) => k === 0 || findings[k - 1].start <= f.start);
  const list = inOrder ? findings : [...findings].sort((a, b) => a.start - b.start);
  let k = 0;
  return (start: number, end: number) => {
    while (k < list.length && list[k].end <= start) k++;
    return k < list.length && list[k].start < end;
  };
}

/** The part of the text to scan: the whole text, or the range widened to whole lines. */
function scanWindow(text: string, range: DetectOptions['range']): [number, number] {
  return range ? wholeLines(text, range.start, range.end) : [0, text.length];
}

function isLowerLatin(code: number): boolean {
  return charClass(code) === Cls.LatinLower;
}

function spaceBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (classAt(text, i) === Cls.Space) return true;
  return false;
}

/**
 * Bounds of the "word" around a run: neighbouring non-space characters belong to its context.
 * (Two functions, not one returning a pair: an array per run adds up.)
 */
function tokenStart(text: string, start: number): number {
  let s = start;
  while (s > 0 && s > start - 24 && classAt(text, s - 1) !== Cls.Space) s--;
  return s;
}

function tokenEnd(text: string, end: number): number {
  let e = end;
  while (e < text.length && e < end + 24 && classAt(text, e) !== Cls.Space) e++;
  return e;
}

/**
 * Accepts the runs that read better decoded. Runs inside one word are judged together, since
 * `ÄŒeÅ¡tina` is only convincing as a whole. Runs are handed over in chunks while the scan goes on,
 * so their sequences are garbage before the next chunk is read (on dense mojibake, keeping every
 * run alive to the end made the garbage collector the main cost).
 */
class RunJudge {
  private readonly out: Finding[] = [];
  private readonly doubtful: Run[][] = [];
  private hp = 0; // first hopeless run that may lie in the current word (both lists are in text order)
  private pending: Run[] = []; // found, not yet judged
  private judgedTail: Run[] = []; // the last judged runs: context for the next chunk
  private flushAt = CHUNK;

  constructor(
    private readonly text: string,
    private readonly hopeless: readonly number[],
    private readonly codecs: readonly CodecInfo[],
  ) {}

  /** A run found by the scan, which has read up to `scanPos`. */
  add(run: Run, scanPos: number): void {
    this.pending.push(run);
    if (this.pending.length >= this.flushAt) this.flush(scanPos, false);
  }

  /**
   * Judges the pending runs that lie well behind the scan position and apart from the ones after
   * them (a group is one word, so never spans white space; the line checks look 200 characters
   * either way). With `all`, every pending run.
   */
  private flush(scanPos: number, all: boolean): void {
    const runs = this.pending;
    let cut = all ? runs.length : 0;
    for (let k = runs.length - 1; !all && k > 0; k--) {
      if (runs[k - 1].end < scanPos - 256 && spaceBetween(this.text, runs[k - 1].end, runs[k].start)) {
        cut = k;
        break;
      }
    }
    // No cut yet (one long stretch of mojibake): try again after as many runs again.
    this.flushAt = cut === 0 ? runs.length * 2 : CHUNK;
    if (cut === 0) return;
    const chunk = runs.slice(0, cut);
    this.judge(chunk, this.judgedTail, runs);
    const tailFrom = chunk[chunk.length - 1].end - 256;
    this.judgedTail = chunk.filter((r) => r.end > tailFrom);
    this.pending = runs.slice(cut);
  }

  /**
   * Judges `runs` (in text order). `runsBefore` and `runsFrom` (in text order, the one list before
   * the other) hold every run within 256 characters of them: context, passed as two lists rather
   * than copied into one for every chunk.
   */
  private judge(runs: readonly Run[], runsBefore: readonly Run[], runsFrom: readonly Run[]): void {
    const { text, out, doubtful } = this;
    let k = 0;
    while (k < runs.length) {
      // Group runs whose words touch.
      const ts = tokenStart(text, runs[k].start);
      let te = tokenEnd(text, runs[k].end);
      let n = 1;
      while (k + n < runs.length && runs[k + n].start <= te) te = Math.max(te, tokenEnd(text, runs[k + n++].end));
      const group = runs.slice(k, k + n); // (sliced once: an array grown by pushing is mostly spare room)
      k += n;
      if (group.every((r) => r.needsCompany)) {
        doubtful.push(group);
        continue;
      }
      // A recorded word (see tokenMemo.ts) keeps its score: it read nothing outside the word.
      const memo = recordedWord(group);
      let score = memo ? memo.score : NaN;
      if (Number.isNaN(score)) {
        score = this.wordScore(ts, te, group);
        if (memo) memo.score = score;
      }
      const figure = group.length === 1 && signOfFigure(text, group[0].start, group[0].end, group[0].decoded);
      if (figure) score = Math.max(score, 4);
      if (score < 3) score += scriptFit(text, ts, te, group); // only borderline words need the look around
      if (score < 3) {
        if (score >= 1) doubtful.push(group);
        continue;
      }
      const lone = group.length === 1 && group[0].seqs.length === 1 && group[0].seqs[0].bytes.length === 2 ? group[0] : null;
      // MacRoman and CP437 pairs on their own (`¬´` in a kaomoji) need a word beside them, unless
      // they give a Latin-1 letter (`├¿` → è), the commonest UTF-8 there is.
      const latin1Letter = lone && /^[\u00c0-\u00ff]$/.test(lone.decoded) && !isLetter(classAt(text, lone.start + 1));
      if (lone && !isEverydayCodepage(lone.codec) && !letterBeside(text, lone) && !latin1Letter && !lone.convincing && !figure) {
        doubtful.push(group);
        continue;
      }
      let confidence = Math.min(0.99, 0.45 + 0.06 * score);
      // One short pair next to correctly decoded punctuation (`Bremer/Mccoy – DrÃ¥ber`): the line was
      // not garbled as a whole, so be cautious: report it, but leave it out of automatic repair.
      // Not a C2 pair (`Â£5`, `Â©`): the lead of a Latin-1 symbol glued to it is never spelling.
      const c2Pair = lone !== null && lone.seqs[0].bytes[0] === 0xc2;
      // (Both checks only read: the cheaper one, usually decisive in garbled text, goes first.)
      if (lone && !c2Pair && !otherRunNear(lone, runsBefore, runsFrom) && innocentPunctuationNear(text, lone, runsBefore, runsFrom)) confidence = Math.min(confidence, 0.45);
      for (let g = 0; g < group.length; g++) out.push(groupFinding(text, group, g, memo, confidence));
    }
  }

  /**
   * How much better the word from `ts` to `te` reads with `group` decoded, from the word and the
   * white space around it alone.
   */
  private wordScore(ts: number, te: number, group: readonly Run[]): number {
    const { text, hopeless, codecs } = this;
    const ctxStart = Math.max(0, ts - 1);
    const ctxEnd = Math.min(text.length, te + 1);
    const before = text.slice(ctxStart, ctxEnd);
    let after = '';
    let cursor = ctxStart;
    let penalty = 0;
    let saved = 0;
    let longSeqs = 0;
    for (const r of group) {
      after += text.slice(cursor, r.start) + r.decoded;
      cursor = r.end;
      penalty += classicPairPenalty(text, r) + cjkRarity(text, r);
      saved += r.end - r.start - r.decoded.length;
      for (const q of r.seqs) if (q.bytes.length >= 3) longSeqs++;
    }
    after += text.slice(cursor, ctxEnd);
    // The same codec turning the rest of the word into rare letters (`├┤a┼┐a`) speaks against it.
    while (this.hp < hopeless.length && hopeless[this.hp] < ts) this.hp += 2;
    for (let h = this.hp; h < hopeless.length && hopeless[h] < te; h += 2) if (codecs[hopeless[h + 1]] === group[0].codec) penalty -= 3;
    const score = 2 * (weirdness(before) + penalty - weirdness(after)) + saved + longSeqs;
    // A whole CJK-looking word that decodes to a word of another script is evidence enough, even
    // in a script the weirdness count finds rare (Armenian); so is a word struck through
    // character by character (`$Ì¶6Ì¶3Ì¶` is $̶6̶3̶, each followed by U+0336), which no text spells.
    if (group.some((r) => r.convincing)) return Math.max(score + 3, 5);
    // U+FFFD garbled again (`Huaweiï¿½s`) reads no better by letters, but no text spells `ï¿½`: it
    // is judged as the U+FFFD it decodes to (see settleDecodedReplacements).
    if (score < 4) for (const r of group) if (r.decoded === '\ufffd' && r.seqs.length === 1 && r.seqs[0].bytes.length === 3 && !r.seqs[0].lost) return 4;
    return group.length >= 2 && group.every((r) => r.decoded === STROKE) ? Math.max(score, 5) : score;
  }

  /**
   * The findings, in text order. A short word that is only a little better decoded (`Ñ–` → `і`,
   * `Â«` → `«`) is believed when the same wrong codec garbled its neighbours on the same line.
   */
  finish(): Finding[] {
    this.flush(Infinity, true);
    const { text, out: accepted } = this; // in text order: groups were judged in order
    const late: Finding[] = []; // findings of doubtful groups that their company made believable
    for (const group of this.doubtful) {
      const codec = group[0].codec.name;
      const start = group[0].start;
      const sameLine = (f: Finding) => !text.slice(Math.min(f.start, start), Math.max(f.start, start)).includes('\n');
      // A short CJK-codec word (`薪邪` → `на`) needs neighbours that are words of its script (the
      // Russian around it), not just any finding of that codec (a garbled quote mark in Chinese).
      const script = group[0].needsCompany ? wordScript(group.map((r) => r.decoded).join('')) : undefined;
      const fits = (f: Finding) => script === undefined || (script === 0 ? wordScript(f.replacement) !== 0 : wordScript(f.replacement) === script);
      const company = (f: Finding) => f.wrongCodecs?.[0] === codec && sameLine(f) && fits(f);
      const k = firstIndexAfter(accepted, start - 1, byStart); // first accepted finding at or after `start`
      let near = false;
      for (let j = k; !near && j < accepted.length && accepted[j].start - start < 200; j++) near = company(accepted[j]);
      for (let j = k - 1; !near && j >= 0 && start - accepted[j].start < 200; j--) near = company(accepted[j]);
      if (near) for (let g = 0; g < group.length; g++) late.push(groupFinding(text, group, g, recordedWord(group), 0.6));
    }
    // What a stable sort of both together gives, without copying and sorting hundreds of thousands.
    return mergeByStart(sortedByStart(accepted), sortedByStart(late));
  }
}

/** The recorded word whose runs are exactly `group`, if any. */
function recordedWord(group: readonly Run[]): TokenMemo | undefined {
  const memo = group[0].memo;
  if (!memo || memo.runs.length !== group.length) return undefined;
  for (const r of group) if (r.memo !== memo) return undefined;
  return memo;
}

/**
 * The script of the first non-ASCII letter in `s` (see `scriptOf`), or 0 when it has none. (ASCII
 * letters in a CJK-codec finding are trail bytes that were there already: `鈥淭` is `“T`.)
 */
function wordScript(s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 && isLetter(charClass(c))) return scriptOf(c);
  }
  return 0;
}

/**
 * A word in another script inside Latin prose (`ГЁ`, `Γ¥` in Italian or Danish) that decodes to
 * Latin letters fits its line: strong evidence the word was garbled with the rest.
 */
function scriptFit(text: string, ts: number, te: number, group: readonly Run[]): number {
  let latinAround = 0;
  const cjkCodec = group.some((r) => r.codec.kind === 'double');
  for (let i = Math.max(0, ts - 40); i < Math.min(text.length, te + 40); i++) {
    if (i === ts) i = te;
    const code = text.charCodeAt(i);
    // A CJK-codec reading fits Latin prose only where no real CJK text is near.
    if (cjkCodec && code >= 0x2e80) return 0;
    // Plain Latin letters: `Ã` and the like are more mojibake, no evidence of Latin prose.
    if (isAsciiLetter(code)) latinAround++;
  }
  if (latinAround < 4) return 0;
  // The rest of the word must be Latin too: `Гј` is ü in Windows-1251, but `Гјирокастар` is Serbian.
  for (let i = ts, k = 0; i < te; i++) {
    while (k < group.length && group[k].end <= i) k++;
    if (k < group.length && i >= group[k].start) continue;
    const c = charClass(text.charCodeAt(i));
    if (isLetter(c) && c !== Cls.LatinLower && c !== Cls.LatinUpper) return 0;
  }
  let latinOut = 0;
  for (const r of group) {
    // Only the commonest case: C3 xx, a Latin-1 letter.
    if (r.seqs.some((s) => s.bytes[0] !== 0xc3)) return 0;
    for (let i = r.start; i < r.end; i++) {
      const c = classAt(text, i);
      if (c === Cls.LatinLower || c === Cls.LatinUpper) return 0;
    }
    for (let i = 0; i < r.decoded.length; i++) {
      const c = charClass(r.decoded.charCodeAt(i));
      if (isLetter(c) && c !== Cls.LatinLower && c !== Cls.LatinUpper) return 0;
      if (c === Cls.LatinLower || c === Cls.LatinUpper) latinOut++;
    }
  }
  return latinOut > 0 ? 4 : 0;
}

/**
 * MacRoman and CP437 pairs (`¬´`, `∆°`) are believable only glued to a word, and a letter only to
 * a word of its script: `â¤ï¸` (❤️ with two bytes gone) holds MacRoman `¤ï`, Arabic `ە`.
 */
function letterBeside(text: string, r: Run): boolean {
  const own = isLetter(charClass(r.decoded.charCodeAt(0))) ? scriptOf(r.decoded.charCodeAt(0)) : -1;
  const fits = (i: number) => isLetter(classAt(text, i)) && (own < 0 || scriptOf(text.charCodeAt(i)) === own);
  return fits(r.start - 1) || fits(r.end);
}

/** Is `at` inside one of `sorted` (by start, non-overlapping)? Binary search. */
function insideAny(sorted: readonly { start: number; end: number }[], at: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= at) lo = mid + 1;
    else if (sorted[mid].start > at) hi = mid - 1;
    else return true;
  }
  return false;
}


/** Another run within 200 characters on the same line: the line was garbled, not just this word. */
function otherRunNear(r: Run, before: readonly Run[], after: readonly Run[]): boolean {
  return otherRunWithin(before, r) || otherRunWithin(after, r);
}

/** Whether `sorted` (by start) holds a run other than `r` starting less than 200 characters from it (binary search). */
function otherRunWithin(sorted: readonly Run[], r: Run): boolean {
  for (let k = firstIndexAfter(sorted, r.start - 200, byStart); k < sorted.length && sorted[k].start < r.start + 200; k++) if (sorted[k] !== r) return true;
  return false;
}

/**
 * Windows-1252 punctuation that decoded fine, standing on the same line outside every run (within
 * 200 characters). Walked by hand, not searched for: a search runs on past the line end.
 */
function innocentPunctuationNear(text: string, r: Run, before: readonly Run[], after: readonly Run[]): boolean {
  const lo = Math.max(0, r.start - 200);
  let lineStart = r.start;
  while (lineStart > lo && text.charCodeAt(lineStart - 1) !== 0x0a) lineStart--;
  const hi = Math.min(text.length, r.end + 200);
  let lineEnd = r.end;
  while (lineEnd < hi && text.charCodeAt(lineEnd) !== 0x0a) lineEnd++;
  for (let at = lineStart; at < lineEnd; at++) {
    const c = text.charCodeAt(at);
    if (c >= 0x2013 && CP1252_PUNCT.has(c) && !insideAny(before, at) && !insideAny(after, at) && !undefinedByteShown(text, at)) return true;
  }
  return false;
}
/**
 * A `•` that is the seed's pipeline showing an undefined byte, not a bullet: after the `?` of a
 * lost byte (`â?•`, the close ”) or after a letter's lead (`Ä•`, č).
 */
function undefinedByteShown(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  return text.charCodeAt(at) === 0x2022 && (before === QMARK || isTwoByteLead(before));
}
const CP1252_PUNCT = new Set([...'–—‘’“”…•€™'].map((ch) => ch.charCodeAt(0)));

/** The codec chain of a run: its key and names. Chains repeat, so each is built once (read-only). */
interface Chain {
  key: string;
  names: string[];
  codecs: readonly CodecInfo[];
}
const chains = new Map<string, Chain>();
function chainOf(r: Run): Chain {
  const key = r.layers.length ? r.codec.name + '>' + r.layers.map((c) => c.name).join('>') : r.codec.name;
  let chain = chains.get(key);
  if (!chain) {
    const codecs = Object.freeze([r.codec, ...r.layers]);
    chain = { key, names: Object.freeze(codecs.map((c) => c.name)) as string[], codecs };
    chains.set(key, chain);
  }
  return chain;
}

/**
 * The finding of run `k` of `group`. The copies of a recorded word share their first finding's
 * strings and arrays: only position and confidence differ.
 */
function groupFinding(text: string, group: readonly Run[], k: number, memo: TokenMemo | undefined, confidence: number): Finding {
  const r = group[k];
  if (!memo) return runFinding(text, r, confidence);
  const first = memo.findings[k];
  if (!first) return (memo.findings[k] = runFinding(text, r, confidence));
  return {
    start: r.start,
    end: r.end,
    original: first.original,
    replacement: first.replacement,
    alternatives: first.alternatives,
    confidence: first.kind === 'lossy' ? Math.min(confidence, 0.7) : confidence,
    kind: first.kind,
    explanation: first.explanation,
    bytes: first.bytes,
    wrongCodecs: first.wrongCodecs,
  };
}

function runFinding(text: string, r: Run, confidence: number): Finding {
  const lost = r.seqs.some((s) => s.lost) || r.inferred === true;
  // A decoded byte-order mark in running text is noise: drop it.
  const decoded = r.decoded.includes('\ufeff') ? r.decoded.replace(/\ufeff/g, '') : r.decoded;
  const chain = chainOf(r);
  const piece = pieceOf(text, r);
  // The same word decoded the same way: keep one copy of the string, not one per finding.
  const replacement = piece.replacement === decoded ? piece.replacement : (piece.replacement = decoded);
  return {
    start: r.start,
    end: r.end,
    original: piece.original,
    replacement,
    alternatives: NO_ALTERNATIVES,
    confidence: lost ? Math.min(confidence, 0.7) : confidence,
    kind: lost ? 'lossy' : 'reversible',
    explanation: explainReversible(r.seqs, replacement, chain.codecs, chain.key, lost, r.inferred),
    bytes: piece.bytes,
    wrongCodecs: chain.names,
  };
}

/** Shared by every finding with a single reading (read-only): dense mojibake has hundreds of thousands. */
const NO_ALTERNATIVES = Object.freeze([] as string[]) as string[];

/**
 * The garbled characters of a run, its bytes and its replacement, kept once and shared by the
 * findings of every run that has the same (read-only): dense mojibake repeats a few words hundreds
 * of thousands of times, and allocating a copy of each for every finding was the main cost.
 */
interface Piece {
  original: string;
  bytes: number[];
  replacement: string;
}

/**
 * Pieces by garbled characters, each holding what the last run of those characters gave: a cache
 * with one place per hash of the characters, found without slicing the text (a collision replaces
 * the entry, which changes no result).
 */
const PIECE_SLOTS = 4096;
const pieceSlots: (Piece | undefined)[] = new Array<Piece | undefined>(PIECE_SLOTS).fill(undefined);

function pieceOf(text: string, r: Run): Piece {
  const slot = hashText(text, r.start, r.end) & (PIECE_SLOTS - 1);
  let piece = pieceSlots[slot];
  if (!piece || !isTextAt(piece.original, text, r.start, r.end)) pieceSlots[slot] = piece = { original: text.slice(r.start, r.end), bytes: NO_BYTES, replacement: '' };
  // Another codec may read the same characters as other bytes: checked, not assumed.
  if (!sameBytes(piece.bytes, r.seqs)) piece.bytes = Object.freeze(flatBytes(r.seqs)) as number[];
  return piece;
}

const NO_BYTES = Object.freeze([] as number[]) as number[];

/** Whether `flat` holds exactly the bytes of the sequences that were not lost. (Indexed loops: `for…of` over frozen arrays allocates.) */
function sameBytes(flat: readonly number[], seqs: readonly Sequence[]): boolean {
  let k = 0;
  for (const s of seqs) {
    if (s.lost) continue;
    for (let m = 0; m < s.bytes.length; m++) if (flat[k++] !== s.bytes[m]) return false;
  }
  return k === flat.length;
}

/** The bytes of the sequences that were not lost, in one array of exactly their number. */
function flatBytes(seqs: readonly Sequence[]): number[] {
  let n = 0;
  for (const s of seqs) if (!s.lost) n += s.bytes.length;
  const flat = new Array<number>(n);
  let k = 0;
  for (const s of seqs) if (!s.lost) for (let m = 0; m < s.bytes.length; m++) flat[k++] = s.bytes[m];
  return flat;
}

/**
 * Judges the sites `keep` marks (by index), in text order. `keep` is decided for every site before
 * any is judged: whether a weak site counts depends on whether any kept site is strong.
 */
function judgeSites(text: string, sites: SiteList, keep: Uint8Array, from: number, to: number, runFindings: readonly Finding[], languages: TextLanguages): Finding[] {
  // Whether the document shows strong signs of the lossy pipeline; looked for only when a weak site asks.
  let evidenceMemo: boolean | undefined;
  const anyStrong = () => {
    for (let k = 0; k < sites.length; k++) if (keep[k] && sites.strong(k)) return true;
    return false;
  };
  let punctuationMemo: 'shown' | 'english' | false | undefined;
  let questionMemo: boolean | undefined;
  let leadLostMemo: string | undefined;
  let lettersMemo: boolean | undefined;
  let questionLettersMemo: boolean | undefined;
  const closingsAhead = new Map<string, ClosingsAhead>();
  let bulletTailMemo: boolean | undefined;
  let undefinedApartMemo: boolean | undefined;
  let strippedShown: number[] | undefined;
  let lowQuoteMemo: boolean | undefined;
  let latin1Pairs: number[] | undefined;
  let droppedUndefinedMemo: boolean | undefined;
  let openings: OpeningMarks | undefined;
  const closeCursors = new Map<string, CloseCursor>();
  const repaired: number[] = []; // marks of the sites judged so far: position, mark, … (see QuoteState)
  const bareMarksMemo = new Map<LossySite['form'], { marks: number; letters: number }>();
  const cyrillic = new CyrillicReader(text);
  // (Where the common words name none, the letters that came through whole may: Hungarian ő ű.)
  const wordsLang = sites.length ? languages.words() : 'unknown';
  const lang = wordsLang === 'unknown' && sites.length ? languages.letters() : wordsLang;
  const evidence: Evidence = {
    lossy: () => (evidenceMemo ??= anyStrong() || hasLossyEvidenceNear(text, from, to)),
    replacementsArePunctuation: () => (punctuationMemo ??= replacementsArePunctuation(text, sites, keep, lang)),
    replacementsAreLetters: () => (lettersMemo ??= marksLostLetters(text, '\ufffd', lang, from, to)),
    questionsAreLetters: () => (questionLettersMemo ??= marksLostLetters(text, '?', lang, from, to)),
    closingReplacements: new ClosingMarks(text, 0xfffd, isClosingReplacement),
    // (A `?` apostrophe in the text's language: see apostropheFits.)
    questionsAreApostrophes: () =>
      (questionMemo ??=
        (firstOfForm(sites, keep, 'question-apostrophe', (s) => apostropheFits(text, s.start, s.end, lang)) !== null ||
          (lang === 'en' && firstOfForm(sites, keep, 'question-mark', (s) => closesBeforeSaid(text, s)) !== null)) &&
        !evidence.questionsAreLetters()),
    closingQuestionMarks: new ClosingMarks(text, QMARK, isClosingQuestionMark),
    leadLostCodec: () => (leadLostMemo ??= leadLostCodecAt(text, firstOfForm(sites, keep, 'lead-lost'))),
    cyrillicGuess: (at) => cyrillic.guess(at),
    lettersLanguage: languages.letters,
    closingQuoteHasItsOwnForm: () => (bulletTailMemo ??= firstOfForm(sites, keep, 'bullet-tail') !== null),
    undefinedApart: () => (undefinedApartMemo ??= UNDEFINED_APART.test(text)),
    // (Near the site, as a paragraph reaches: one garbled line does not make a document's `Åland` a lost letter.)
    lettersStripped: (at) => {
      strippedShown ??= startsOfForm(sites, keep, 'stripped-letter', (s) => strippedLetterShown(text, s));
      const shown = countNear(strippedShown, at, EVIDENCE_REACH);
      return shown >= 2 || (shown === 1 && evidence.latin1Garbled(at));
    },
    latin1Garbled: (at) => countNear((latin1Pairs ??= runFindings.filter((f) => f.kind === 'reversible' && /^Ã[\u00a0-\u00bf]/.test(f.original)).map((f) => f.start)), at, EVIDENCE_REACH) >= 2,
    droppedUndefined: () => (droppedUndefinedMemo ??= shows1252AfterLead(text)),
    twins: new Map(),
    lowQuoteShown: () => (lowQuoteMemo ??= text.includes('â€ž')),
    closesAfter: (mark, from) => (closeCursors.get(mark) ?? closeCursors.set(mark, new CloseCursor(text, mark)).get(mark)!).after(from),
    openedWithSingle: (at) => (openings ??= openingMarks(text, runFindings, repaired)).openAt(at) === '‘',
    bareMarks: (form) => bareMarksMemo.get(form) ?? bareMarksMemo.set(form, bareMarks(text, sites, keep, lang, form)).get(form)!,
    closingsAhead: (original) => closingsAhead.get(original) ?? closingsAhead.set(original, new ClosingsAhead(text, original)).get(original)!,
  };
  const quotes = new QuoteState(text, Math.max(0, from - CONTEXT), repaired, quoteStyleOf(lang, text, from, to), sites.length ? quoteMarksOf(runFindings) : []);
  const originals = new Originals(text);
  const out: Finding[] = [];
  const site: LossySite = { start: 0, end: 0, form: 'two-marks', folded: false, strong: false };
  for (let k = 0; k < sites.length; k++) {
    if (!keep[k]) continue;
    sites.read(k, site);
    const f = judgeSite(text, site, originals.slice(site.start, site.end), quotes, evidence, lang);
    if (!f) continue;
    out.push(f);
    // The quotation it opens or closes, for the sites after it (not an apostrophe: `’s`; a
    // Big5 `��䏭` gives the mark and the letter after it).
    const mark = f.replacement[0];
    const after = f.replacement.length > 1 ? f.replacement.charCodeAt(1) : text.charCodeAt(f.end);
    if (QUOTE_MARKS.includes(mark) && !(mark === '’' && isLetter(charClass(after)))) repaired.push(f.start, mark.charCodeAt(0));
  }
  return out;
}

/** The language of the text around [from, to), by its common words and by its letters (see language.ts). */
interface TextLanguages {
  words: () => Language;
  letters: () => Language;
}

/** Each worked out once when first asked: the judgements of one scan ask several times. */
function textLanguages(text: string, from: number, to: number): TextLanguages {
  let words: Language | undefined;
  let letters: Language | undefined;
  return { words: () => (words ??= languageOf(text, from, to)), letters: () => (letters ??= languageOfLetters(text, from, to)) };
}

/** Codepages that show UTF-8's Latin leads as Windows-1252 does but leave other bytes undefined. */
const SIBLING_CODEPAGES = ['windows-1254', 'windows-1250', 'windows-1257'].map((name) => codecByName(name)!);

/**
 * Names the letter of a run's lost sequence where the codec's undefined bytes allow only a few:
 * `Ã�frica` (Windows-1252 leaves 81 undefined: C3 81 is Á, or Í Ï Ð Ý) is `África` in Hungarian or
 * Spanish text. One letter that fits, or the one the text's language ranks first, is the repair;
 * otherwise U+FFFD stays in it, as before, and the letters are offered. The rest of the run is
 * certain either way: its confidence is kept.
 */
function nameLostLetters(text: string, findings: Finding[], language: () => Language): void {
  let lang: Language | undefined;
  let twins: Map<string, string | undefined> | undefined;
  let cyrillic: CyrillicReader | undefined;
  let wordsNamed: Map<string, LostLettersNaming | null> | undefined;
  // What each word was named, by case (lower, starting a word) and codec: a garbled document
  // repeats its words, and the same word, codec and case is named once.
  const seen: Map<CodecInfo, Map<string, (LostLettersNaming & Pick<Finding, 'wrongCodecs'>) | null>>[] = [new Map(), new Map(), new Map(), new Map()];
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k];
    if (f.kind !== 'lossy' || f.wrongCodecs?.length !== 1 || !f.explanation.endsWith(LOST_NOTE)) continue;
    if (nameLostBytes(text, f)) continue;
    if (nameLostInWord(f, (cyrillic ??= new CyrillicReader(text)), (wordsNamed ??= new Map()))) continue;
    const q = f.replacement.indexOf('\ufffd');
    const at = f.original.indexOf('\ufffd');
    if (q < 0 || at < 1 || f.replacement.indexOf('\ufffd', q + 1) >= 0 || f.original.indexOf('\ufffd', at + 1) >= 0) continue;
    const codec = codecByName(f.wrongCodecs[0]);
    if (!codec || codec.kind !== 'single') continue;
    const lead = singleByteTable(codec)[f.original.charCodeAt(at - 1)];
    if (!isTwoByteLead(lead)) continue;
    // The letter takes the case of the one before it, or starting a word, of the one after
    // (`čas`); where no letter of that case fits, the other (`África`: C3 has no lowercase here).
    const before = charClass(q > 0 ? f.replacement.charCodeAt(q - 1) : text.charCodeAt(f.start - 1));
    const after = charClass(q + 1 < f.replacement.length ? f.replacement.charCodeAt(q + 1) : text.charCodeAt(f.end));
    const lower = isLetter(before) ? isLower(before) : isLower(after);
    const startsWord = !isLetter(before) && isLower(after);
    // The same word near with the letter whole, in lowercase (`ÄŒESKÃ�` and `Ä?eskÃ¡`): Á.
    const twin = lead === 0xc3 ? twinLetter(text, f.start + at - 1, f.start + at + 1, (twins ??= new Map())) : undefined;
    if (twin && !definesByte(codec, 0x80 | (twin.charCodeAt(0) & 0x3f))) {
      const letters = [twin, ...undefinedSecondByteLetters(codec, lead, false, 'unknown').letters.filter((c) => c !== twin)];
      const withLost = f.replacement;
      f.replacement = withLost.replace('\ufffd', twin);
      f.alternatives = letters.slice(1).map((c) => withLost.replace('\ufffd', c));
      f.explanation = explainUndefinedSecond(saidOfOtherSequences(f), codec, lead, letters, 'twin');
      continue;
    }
    const byCase = seen[(lower ? 2 : 0) + (startsWord ? 1 : 0)];
    const words = byCase.get(codec) ?? byCase.set(codec, new Map()).get(codec)!;
    let named = words.get(f.original);
    if (named === undefined) {
      lang ??= language();
      let { letters, known } = undefinedSecondByteLetters(codec, lead, lower, lang);
      if (letters.length === 0) ({ letters, known } = undefinedSecondByteLetters(codec, lead, !lower, lang));
      // Starting a word, a capital the language writes beats lowercase letters it does not (`Å•ukasz` is Łukasz).
      if (startsWord && !known) {
        const capitals = undefinedSecondByteLetters(codec, lead, false, lang);
        if (capitals.known) ({ letters, known } = capitals);
      }
      // A sibling codepage that shows the lead alike but leaves other bytes undefined may name a
      // letter of the language: Turkish text was read as Windows-1254, whose undefined 9E is Ş
      // (`Å�ahin`), not as Windows-1252, whose 9E is ž.
      let readAs = codec;
      for (const sibling of known ? [] : SIBLING_CODEPAGES) {
        if (singleByteTable(sibling)[f.original.charCodeAt(at - 1)] !== lead) continue;
        const own = undefinedSecondByteLetters(sibling, lead, lower, lang);
        const tried = own.known ? own : startsWord ? undefinedSecondByteLetters(sibling, lead, false, lang) : own;
        if (!tried.known) continue;
        ({ letters, known } = tried);
        readAs = sibling;
        break;
      }
      // Starting a word of lowercase letters, of Á Í Ï Ð Ý (`Ã�lvarez`) names start with Á far
      // more often than with the others in any language: a guess, repaired with less confidence.
      // So does a lowercase letter of C4 in a language the text does not name: č outnumbers ā ď ĝ
      // together more than five to one in the corpus (Czech, Slovak, Slovene, Croatian, Lithuanian).
      const certainty = letters.length === 1 || known ? 'sure' : startsWord && letters[0] === 'Á' ? 'word-start' : lower && letters[0] === 'č' ? 'commonest' : 'unsure';
      const withLetter = (c: string) => f.replacement.replace('\ufffd', c);
      named =
        letters.length === 0
          ? null
          : {
              replacement: certainty !== 'unsure' ? withLetter(letters[0]) : f.replacement,
              alternatives: (certainty !== 'unsure' ? letters.slice(1) : letters).slice(0, 6).map(withLetter),
              explanation: explainUndefinedSecond(saidOfOtherSequences(f), readAs, lead, letters, certainty),
              confidence: certainty === 'word-start' || certainty === 'commonest' ? 0.55 : 1,
              wrongCodecs: readAs === codec ? f.wrongCodecs : [readAs.name],
            };
      words.set(f.original, named);
    }
    // (Changed in place, as the scan made it: see applyNaming.)
    if (named && applyNaming(f, named)) f.wrongCodecs = named.wrongCodecs;
  }
}

interface OpeningMarks {
  /** The mark (‘ or “) that opened the quotation still open at `at` in its paragraph, or '' for none. */
  openAt(at: number): string;
}

/**
 * Quotation marks as a text gives them: in the text, in the repairs of its runs (`鈥榃e` is ‘We)
 * and of the lossy sites judged so far (`repaired`, growing as they are; Big5's `��婡ur` is ‘Our).
 * An opening mark stands before a letter or figure, a close after a non-space before none (not an
 * apostrophe, `don’t`). Paragraph breaks end what is open.
 */
function openingMarks(text: string, runFindings: readonly Finding[], repaired: readonly number[]): OpeningMarks {
  const marks: [number, string][] = [];
  // (Not a plural's possessive either: `tenants’ homes`.)
  for (const m of text.matchAll(/[‘“](?=[\p{L}\p{N}])|(?<=\S)(?<!s(?=’ \p{Ll}))[’”](?![\p{L}\p{N}])|\n[ \t\r]*\n/gu)) marks.push([m.index, m[0][0]]);
  for (const f of runFindings) {
    const r = f.replacement;
    if ((r[0] === '‘' || r[0] === '“') && r.length > 1) marks.push([f.start, r[0]]);
    else if ((r.endsWith('’') || r.endsWith('”')) && !letterAt(text, f.end)) marks.push([f.start, r[r.length - 1]]);
  }
  marks.sort((a, b) => a[0] - b[0]);
  return {
    openAt(at) {
      let k = lastIndexAtOrBefore(marks, at - 1, (m) => m[0]);
      let r = repaired.length - 2;
      while (r >= 0 && repaired[r] >= at) r -= 2;
      let closedDouble = 0;
      let closedSingle = 0;
      // Back from `at`, the later of the two lists first, pairing closes with openings.
      for (;;) {
        let pos: number;
        let mark: string;
        if (r >= 0 && (k < 0 || repaired[r] > marks[k][0])) {
          pos = repaired[r];
          mark = String.fromCharCode(repaired[r + 1]);
          r -= 2;
        } else if (k >= 0) {
          [pos, mark] = marks[k--];
        } else return '';
        if (at - pos > QUOTATION_REACH || mark === '\n') return '';
        // (A repaired ’ after `s` is taken for a plural's possessive, `tenants’ homes`.)
        if (mark === '’' && text[pos - 1] === 's') continue;
        if (mark === '”') closedDouble++;
        else if (mark === '’') closedSingle++;
        else if (mark === '“') {
          if (closedDouble === 0) return mark;
          closedDouble--;
        } else if (mark === '‘') {
          if (closedSingle === 0) return mark;
          closedSingle--;
        }
      }
    },
  };
}

/** The double quote marks repairs give, by position: position, mark, … (see QuoteState). */
function quoteMarksOf(findings: readonly Finding[]): number[] {
  const marks: number[] = [];
  for (const f of findings) {
    for (let k = 0; k < f.replacement.length; k++) {
      const c = f.replacement.charCodeAt(k);
      if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0x22) marks.push(f.start, c);
    }
  }
  return marks;
}

/**
 * `text.slice` for short garbled forms, reusing the last string of the same characters: a document
 * of lossy mojibake repeats `â??` thousands of times, and each finding keeps its `original`.
 */
class Originals {
  private last = '';
  constructor(private readonly text: string) {}

  slice(start: number, end: number): string {
    const { text, last } = this;
    let same = last.length === end - start;
    for (let i = 0; same && i < last.length; i++) same = last.charCodeAt(i) === text.charCodeAt(start + i);
    return same ? last : (this.last = text.slice(start, end));
  }
}

/** The marks a repaired lossy site may open or close a quotation with (see QuoteState). */
const QUOTE_MARKS = '“”„‘’';
const BULLET_TAIL_ALTERNATIVES = Object.freeze(['“']) as string[];
const HYPHEN_ALTERNATIVES = Object.freeze(['”']) as string[];
const MINUS_ALTERNATIVES = Object.freeze(['−', '“', '—']) as string[];
const COMPOUND_ALTERNATIVES = Object.freeze(['–', '—']) as string[];
/** The seed's form of ” (see LossyForm 'bullet-tail'). */
const BULLET_TAIL = 'â?•';
const APOSTROPHE_ALTERNATIVES = Object.freeze(["'"]) as string[];
const NO_MARKS = Object.freeze([]) as unknown as string[];

/**
 * `marks` (best first) with ’ first where the best is ” closing a quotation that opened with ‘,
 * read whole (`鈥榃e` is ‘We: British house style): a codec that lost the close's last byte
 * lost it alike for both.
 */
function closedAsOpened(marks: string[], position: Position, at: number, evidence: Evidence): string[] {
  return position === 'closing' && marks[0] === '”' && marks.includes('’') && evidence.openedWithSingle(at) ? order(['’', ...marks], []) : marks;
}

/** The finding for a lost letter inside its word, as ranked (`confidence`: how sure the best is). */
function letterFinding(site: LossySite, original: string, c: { best: string; alternatives: string[]; confidence: number }): Finding {
  return lossyFinding(site, original, c.best, c.alternatives, c.confidence, explainLossy(site, c.best, 'inside-word'));
}

/**
 * The finding for a letter whose second byte was lost (see lostSecondByteCandidates): where the
 * text's language names the likeliest letter, repaired, the surer the fewer letters the language
 * has for that lead; unknown, only reported with the choices.
 */
function secondByteFinding(site: LossySite, original: string, c: { best: string; alternatives: string[]; known: boolean }): Finding {
  const confidence = !c.known ? 0.45 : c.alternatives.length === 0 ? 0.75 : c.alternatives.length === 1 ? 0.6 : 0.5;
  return lossyFinding(site, original, c.best, c.alternatives, confidence, explainLossy(site, c.best, 'inside-word'));
}

/** The language that names a lost letter: where the common words name none that has such letters (or English), the letters around may. */
function languageForLetters(lang: Language, evidence: Evidence): Language {
  return lang === 'unknown' || lang === 'en' ? evidence.lettersLanguage() : lang;
}

/** The finding for one lossy site, or null when it is not worth one. */
function judgeSite(text: string, site: LossySite, original: string, quotes: QuoteState, evidence: Evidence, lang: Language): Finding | null {
  if (site.form === 'middle-lost' || site.form === 'middle-dropped') {
    const [best, ...alternatives] = middleLostCandidates(text, site);
    return lossyFinding(site, original, best, alternatives, 0.85, explainLossy(site, best, positionOf(text, site.start, site.end)));
  }
  if (site.form === 'latin1-letter') {
    // Among capitals the bytes cannot tell É from Ü: the language and the word rank them, and
    // only where they settle it is the guess repaired.
    const c = latin1LetterCandidates(text, site, lang, evidence.twins);
    // Ending a word (`weiÃ?`), the `?` may be a question mark after an `Ã` garbled some other way:
    // believed where the text shows the pipeline that makes `?` of lost bytes.
    if (c?.wordEnd && !evidence.lossy()) return null;
    return c && letterFinding(site, original, c);
  }
  if (site.form === 'lost-second-byte') {
    // Inside a word the `?` can only be a lost byte; at a word's edge it needs the pipeline's other signs.
    const c = lostSecondByteCandidates(text, site, languageForLetters(lang, evidence), evidence.undefinedApart());
    if (!c || (!site.strong && !evidence.lossy())) return null;
    return secondByteFinding(site, original, c);
  }
  if (site.form === 'stripped-letter') {
    // Believed where the text shows the pipeline: two leads at least where no clean text has them
    // (for `Ã`, which no clean word starts before lowercase letters, Latin-1 letters garbled will do).
    // A word of capitals needs its twin, which is evidence enough (`MÃNCHEN` and `MÃ¼nchen`).
    if (strippedInCapitals(text, site.start)) {
      if (!twinLetter(text, site.start, site.end, evidence.twins)) return null;
    } else if (text[site.start] === 'Ã' ? !evidence.lettersStripped(site.start) && !evidence.latin1Garbled(site.start) : !evidence.lettersStripped(site.start)) return null;
    if (text[site.start] === 'Ã') {
      const c = latin1LetterCandidates(text, site, lang, evidence.twins);
      return c && letterFinding(site, original, c);
    }
    const c = lostSecondByteCandidates(text, site, languageForLetters(lang, evidence), false, evidence.droppedUndefined());
    return c && secondByteFinding(site, original, c);
  }
  if (site.form === 'dropped-byte') {
    // One pictograph fits (`â¤` is ❤; ⍤ and ⏤ are technical signs): the repair. Several (`ðŸ‘` is
    // 👍, 👏, 👐…): reported with them all, the commonest first.
    const { candidates, sure } = droppedByteCandidates(text, site.start, site.end);
    const [best, ...alternatives] = candidates;
    return lossyFinding(site, original, best, alternatives, sure ? 0.7 : 0.45, explainLossy(site, best, 'inside-word'));
  }
  if (site.form === 'lost-cyrillic') {
    // A common word the letters spell is repaired; a guess from letter pairs only offered.
    const guess = evidence.cyrillicGuess(site.start);
    return guess ? lossyFinding(site, original, guess.best, guess.alternatives, guess.confidence, explainLostCyrillic(guess.best, guess.word)) : null;
  }
  if (site.form === 'lost-letter') {
    // Nothing but how common each letter is ranks them: offered, never applied.
    const { best, alternatives } = lostLetterChoices(text.charCodeAt(site.start));
    return lossyFinding(site, original, best, alternatives, 0.3, explainLossy(site, best, 'inside-word'));
  }
  if (site.form === 'question-apostrophe') {
    // An English contraction stands where other `?` lost letters (`Alem?n`, `Huawei?s`); a French
    // elision then may have lost one too (`n?anmoins`).
    if (!apostropheFits(text, site.start, site.end, lang) || evidence.questionsAreLetters()) return null;
    return lossyFinding(site, original, '’', APOSTROPHE_ALTERNATIVES, evidence.lossy() ? 0.8 : 0.6, explainLossy(site, '’', 'inside-word'));
  }
  // (Believed only where the text's other `?` are sure apostrophes: asked first, as clean prose
  // has a `?` site at every question before a lowercase word.)
  if (site.form === 'question-mark' && !evidence.questionsAreApostrophes()) return null;
  // (Asked before the quotation depth, which walks the text: French and Vietnamese have many `â`.)
  // Turkish sets an apostrophe before a name's case ending (`İstanbulâdaki`): read so where the
  // text shows its letters garbled too, Turkish writing â inside words of its own (`İslâm`).
  if (site.form === 'lead-alone' && lang === 'tr' && turkishSuffixAt(text, site.start, site.end) && (evidence.latin1Garbled(site.start) || evidence.lettersStripped(site.start))) {
    return lossyFinding(site, original, '’', APOSTROPHE_ALTERNATIVES, 0.8, explainLossy(site, '’', 'inside-word'), LATIN1 as string[]);
  }
  if (site.form === 'lead-alone' && !bareMarkMayBeRead(text, site.start, site.end, lang, () => marksShown(evidence.bareMarks(site.form)))) return null;
  let depth = quotes.depthAt(site.start);
  // A quotation within one closes before it: two closing marks follow on the line, or the outer
  // one's close was lost or misread and this opens a new one (`“Innovation…? she paused. “It`).
  if (depth === 1 && positionOf(text, site.start, site.end) === 'opening' && !evidence.closingsAhead(original).twice(site.end)) depth = 0;
  const quoteOpen = depth > 0;
  if (site.form === 'bullet-tail') {
    // Between two letters (`Eâ?•Mail`) with no quotation open, it is the hyphen U+2010, E2 80 90:
    // 90 is undefined there too.
    if (!quoteOpen && letterAt(text, site.start - 1) && letterAt(text, site.end)) return lossyFinding(site, original, '‐', HYPHEN_ALTERNATIVES, 0.8, explainLossy(site, '‐', 'inside-word'));
    return lossyFinding(site, original, '”', BULLET_TAIL_ALTERNATIVES, 0.95, explainLossy(site, '”', 'closing'));
  }
  let ranked = rankPunctuation(text, site.start, site.end, depth, site.form === 'third-lost', quotes.style, lang === 'en' || lang === 'unknown');
  // A cut-short „ is Windows-1254's (9E undefined there); where the text shows `â€ž` whole, its 9E
  // was read, so the lost byte was another: ” (`„/â€�`).
  if (site.form === 'third-lost' && ranked.best === '„' && evidence.lowQuoteShown()) ranked = { ...ranked, best: ranked.alternatives[0], alternatives: [...ranked.alternatives.slice(1), '„'] };
  if (site.form === 'third-lost' && text.startsWith(TWICE_DASH, site.start)) {
    return lossyFinding(site, original, '—', NO_MARKS, 0.85, explainLossy(site, '—', ranked.position));
  }
  if (site.form === 'lead-lost') {
    const { replacement, codec } = leadLostPunctuation(text, site.start)!;
    return lossyFinding(site, original, replacement, NO_MARKS, 0.85, explainLossy(site, replacement, 'inside-word'), codecList(codec));
  }
  if (site.form === 'lead-lost-mark') {
    // `���` is any three unreadable bytes; only beside sure `��䏭`-type marks is it punctuation.
    const codec = evidence.leadLostCodec();
    // (Or each byte a decoder could not read became one U+FFFD: UTF-8 read as ASCII.)
    if (!codec) return judgeBareMark(text, site, original, ranked, quoteOpen, lang, evidence, explainBytesReplaced, ASCII as string[]);
    if (site.end - site.start === 2) return null; // (`��` before a figure: a sign of two bytes read as ASCII)
    // (Not inside a word: Big5 makes Russian р, D1 80, `��` too.)
    if (ranked.position === 'unclear' || ranked.position === 'inside-word' || ranked.position === 'joined') return null;
    const marks = closedAsOpened([ranked.best, ...ranked.alternatives], ranked.position, site.start, evidence);
    return lossyFinding(site, original, marks[0], marks.slice(1), Math.min(0.6, ranked.certainty), explainLossy(site, marks[0], ranked.position), codecList(codec));
  }
  if (site.form === 'undefined-third') {
    // Only the marks whose third byte that codec could not read: Windows-1251 lacks only 98 (‘).
    const { codec } = undefinedThirdBefore(text, site.end - 1)!;
    const lost = marksLostIn(codec);
    const marks = closedAsOpened(
      [ranked.best, ...ranked.alternatives].filter((m) => lost.includes(m)),
      ranked.position,
      site.start,
      evidence,
    );
    if (marks.length === 0) return null;
    const confidence = marks.length === 1 ? 0.8 : marks[0] === ranked.best ? Math.min(0.75, ranked.certainty) : 0.55;
    return lossyFinding(site, original, marks[0], marks.slice(1), confidence, explainLossy(site, marks[0], ranked.position), codecList(codec));
  }
  if (site.form === 'lead-alone') {
    return judgeBareMark(text, site, original, ranked, quoteOpen, lang, evidence, (best, position) => explainLossy(site, best, position), LATIN1 as string[]);
  }
  if (site.form === 'straightened-dash') {
    // Only – and — give that shape: the position orders them (a range between figures: –).
    const dashes = [ranked.best, ...ranked.alternatives].filter((m) => m === '–' || m === '—');
    return lossyFinding(site, original, dashes[0], dashes.slice(1), 0.75, explainLossy(site, dashes[0], ranked.position), WINDOWS_1252 as string[]);
  }
  if (site.form === 'question-mark') {
    // Only where the text's `?` are sure apostrophes elsewhere, an opening with its close after it,
    // and after a word only inside a quotation (`Inventions? award`; else `what? he` is a question).
    // French sets a space before `?`: there `pas ?` and `normal, ? pour` are questions.
    if (lang === 'fr' && classAt(text, site.start - 1) === Cls.Space && !isLetter(classAt(text, site.end))) return null;
    const closing = ranked.position === 'closing' && (!isLetter(classAt(text, site.start - 1)) || quoteOpen);
    // (Inside a word only a decade or `rock ?n? roll`: other `?` there are no site.)
    const fits = ranked.position === 'digits' || ranked.position === 'dash' || ranked.position === 'inside-word' || ranked.position === 'joined' || closing || (ranked.position === 'opening' && evidence.closingQuestionMarks.after(site.end));
    if (!fits) return null;
    return lossyFinding(site, original, ranked.best, ranked.alternatives, Math.min(0.55, ranked.certainty), explainLossy(site, ranked.best, ranked.position));
  }
  if (site.form === 'replacement') {
    // A lone U+FFFD can stand for any character; only propose a mark where the context is clear
    // (`Huawei�s`, `don�t`), or where the text's other U+FFFD show it lost punctuation, not
    // letters (`�Open innovation,� he said`): elsewhere a lost letter is as likely as a lost mark.
    const clear = apostropheFits(text, site.start, site.end, lang) && !evidence.replacementsAreLetters();
    // A word's last letter may be lost too (`caf� au lait`): after a letter only a quotation's
    // close counts, with the quotation open.
    const closesQuote = ranked.position === 'closing' && (!isLetter(classAt(text, site.start - 1)) || quoteOpen);
    // And a lost capital may start a word (`�cole`): an opening counts only with a close after it.
    // Between two words, a dash only before a word a clause starts with (`CEO�who`, not `Fran�ois`).
    const placed = ranked.position === 'dash' || ranked.position === 'digits' || closesQuote || (ranked.position === 'joined' && dashBeforeWord(text, site.start, site.end));
    // Where only the text's language says so (no apostrophe shown), not beside a figure: `� 2024`
    // may be ©, `5 � 3` ×, `�50` £.
    const punctuation = evidence.replacementsArePunctuation();
    const fits = punctuation === 'shown' || (punctuation === 'english' && !besideFigure(text, site.start, site.end));
    const asPunctuation = !clear && fits && (placed || (ranked.position === 'opening' && evidence.closingReplacements.after(site.end)));
    if (!clear && !asPunctuation) return lostLetterUnderReplacement(text, site, lang, evidence);
    const confidence = Math.min(clear ? 0.7 : 0.6, ranked.certainty);
    return { ...lossyFinding(site, original, ranked.best, ranked.alternatives, confidence, explainLossy(site, ranked.best, ranked.position)), kind: 'replacement-char' };
  }
  let confidence = ranked.certainty;
  if (!site.strong) {
    if (!evidence.lossy()) return null; // not worth a squiggle on its own
    confidence = Math.min(confidence, 0.75);
  }
  // Before a figure with no close after it on its line, no quotation opens: a minus or a dash
  // (`from â??5 °C`; minus, E2 88 92, loses the same two bytes).
  if (site.form === 'two-marks' && ranked.position === 'opening' && classAt(text, site.end) === Cls.Digit && !evidence.closesAfter(original, site.end) && !evidence.closesAfter(BULLET_TAIL, site.end)) {
    return lossyFinding(site, original, '–', MINUS_ALTERNATIVES, Math.min(confidence, 0.6), explainLossy(site, '–', 'digits'));
  }
  // Joining a short figure to a word (`3â??year`, `24â??hour`): a compound's hyphen, the one that
  // does not break (E2 80 91), not a dash; after a year or before a clause (`2019â??said`) a dash.
  if (site.form === 'two-marks' && ranked.position === 'joined' && /(?:^|[^\d.,])\d{1,3}$/.test(text.slice(Math.max(0, site.start - 5), site.start)) && !dashBeforeWord(text, site.start, site.end)) {
    return lossyFinding(site, original, '‑', COMPOUND_ALTERNATIVES, Math.min(confidence, 0.6), explainLossy(site, '‑', ranked.position));
  }
  if (site.form === 'two-marks' && evidence.closingQuoteHasItsOwnForm()) {
    // Where ” came out as `â?•` (its 9D undefined), a `â??` is no ”: a close is ’, and an opening
    // closed by one is ‘ (`a??Top Ten Inventionsa??` is ‘Top Ten Inventions’).
    const best = ranked.position === 'opening' ? openingClosedAs(text, site.end, quotes.style.close === '”' ? quotes.style.open : '“') : ranked.best === '”' ? '’' : ranked.best;
    if (best !== ranked.best) return lossyFinding(site, original, best, order([best, ...ranked.alternatives.filter((m) => m !== '”'), ranked.best, '”']).slice(1), confidence, explainLossy(site, best, ranked.position));
  }
  return lossyFinding(site, original, ranked.best, ranked.alternatives, confidence, explainLossy(site, ranked.best, ranked.position));
}

/** The lossy marks of the seed's pipeline: `â??` (any of ’ ‘ “ – —) and `â?•` (”), the lead maybe folded. */
const PIPELINE_MARK = /[âa]\?(?:\?|•| •)/g;

/**
 * The opening quote whose close, on the same line, is `â??` (‘, closed by ’) or `â?•` (`double`,
 * closed by ”: “, or „ in Polish, Romanian, Hungarian, Croatian), where ” has its own form.
 * Openings and closes in between pair off; no close: `double`.
 */
function openingClosedAs(text: string, from: number, double: string): string {
  // (Within a sentence's reach: a long line full of marks is not read again from each.)
  const nl = text.slice(from, from + QUOTATION_REACH).indexOf('\n');
  const stop = nl < 0 ? from + QUOTATION_REACH : from + nl;
  PIPELINE_MARK.lastIndex = from;
  let open = 0;
  for (let m = PIPELINE_MARK.exec(text); m && m.index < stop; m = PIPELINE_MARK.exec(text)) {
    if (m[0].endsWith('•')) {
      if (open === 0) return double;
      open--;
    } else {
      const p = positionOf(text, m.index, m.index + 3);
      if (p === 'opening') open++;
      else if (p === 'closing' || p === 'unclear') {
        if (open === 0) return '‘';
        open--;
      }
    }
  }
  return double;
}

/**
 * Whether two more marks like `original` (`â??`, `?`) that may close a quotation follow on the line,
 * within a sentence's reach: a quotation within a quotation closes before it. Asked in text order;
 * the closing marks found are kept, so a long line of marks is read once, not once per question.
 */
class ClosingsAhead {
  private readonly found: number[] = [];
  private next = 0; // index into found: the first at or after the last position asked
  private scannedTo = 0;
  private lineEnd = -1;

  constructor(
    private readonly text: string,
    private readonly original: string,
  ) {}

  twice(from: number): boolean {
    const { text, original, found } = this;
    if (this.lineEnd < from) {
      const nl = text.indexOf('\n', from);
      this.lineEnd = nl < 0 ? text.length : nl;
    }
    const stop = Math.min(this.lineEnd, from + QUOTATION_REACH);
    for (let i = text.indexOf(original, Math.max(from, this.scannedTo)); i >= 0 && i < stop; i = text.indexOf(original, i + original.length)) {
      const p = positionOf(text, i, i + original.length);
      if (p === 'closing' || p === 'dash' || p === 'unclear') found.push(i);
      this.scannedTo = i + original.length;
    }
    this.scannedTo = Math.max(this.scannedTo, stop);
    while (this.next < found.length && found[this.next] < from) this.next++;
    return this.next + 1 < found.length && found[this.next + 1] < stop;
  }
}

/** What the judging of lossy sites may ask of the whole text, each worked out once when first asked. */
interface Evidence {
  /** Strong signs of the lossy pipeline (`â??`, `â€`) near the scanned window. */
  lossy: () => boolean;
  /** The text's U+FFFD replaced punctuation: some are apostrophes, or the text is English; none a letter (see below). */
  replacementsArePunctuation: () => 'shown' | 'english' | false;
  /** Some of the text's U+FFFD, or `?`, stand for letters, so an apostrophe-shaped one may too (see marksLostLetters). */
  replacementsAreLetters: () => boolean;
  questionsAreLetters: () => boolean;
  closingReplacements: ClosingMarks;
  /** Some of the text's `?` stand where an apostrophe fits (`Huawei?s`, `l?heure`) or close a quotation before `said` (see closesBeforeSaid), and none for a letter. */
  questionsAreApostrophes: () => boolean;
  /** The language the text's garbled letters show (see languageOfLetters). */
  lettersLanguage: () => Language;
  closingQuestionMarks: ClosingMarks;
  /** The likeliest letter of a lost Cyrillic one at a position (see cyrillic.ts); words read once. */
  cyrillicGuess: (at: number) => LostLetterGuess | undefined;
  /** ” came out in a form of its own (`â?•`, see LossyForm 'bullet-tail'), so `â??` is no ”. */
  closingQuoteHasItsOwnForm: () => boolean;
  /** The text shows „ read as Windows-1252 whole (`â€ž`). */
  lowQuoteShown: () => boolean;
  /** The words searched for a twin with a lost capital whole (see twinLetter). */
  twins: Map<string, string | undefined>;
  /** Near `at`, two letters at least lost their second byte where no clean text has their lead (see strippedLetterShown). */
  lettersStripped: (at: number) => boolean;
  /** Near `at`, two Latin-1 letters at least show garbled, `Ã` and a sign (`Ã©`): a lone `Ã` before lowercase letters lost a capital. */
  latin1Garbled: (at: number) => boolean;
  /** The text shows Windows-1252's own characters after a letter's lead: a lead alone lost a byte it leaves undefined. */
  droppedUndefined: () => boolean;
  /** Bytes Windows-1252 leaves undefined came out apart from `?`, as U+FFFD after a lead (see undefinedShownAsBullets). */
  undefinedApart: () => boolean;
  /** Whether a garbled mark closes a quotation after a position on its line (see CloseCursor). */
  closesAfter: (mark: string, from: number) => boolean;
  /** The last quotation opened before a position in its paragraph opened with ‘ (see openingMarks). */
  openedWithSingle: (at: number) => boolean;
  /** Closing marks like the one given ahead of a position (see ClosingsAhead). */
  closingsAhead: (original: string) => ClosingsAhead;
  /** The codec of the first sure `��䏭`-type mark (see leadLostPunctuation), or '' for none. */
  leadLostCodec: () => string;
  /** The text's bare marks of a form (see bareMarks): where a mark goes, and between letters otherwise. */
  bareMarks: (form: LossySite['form']) => { marks: number; letters: number };
}

/**
 * `growth,? said Hank`: a `?` after a comma before the verb of an attribution. No question ends so:
 * it is a quotation's close, and shows the text's `?` stand for its marks as an apostrophe would.
 */
function closesBeforeSaid(text: string, site: LossySite): boolean {
  return text.charCodeAt(site.start - 1) === 0x2c && SAID_AFTER.test(text.slice(site.end, site.end + 24));
}
const SAID_AFTER = /^ (?:(?:he|she|they|it|we) )?(?:said|says|added|adds|noted|notes|explained|explains|continued|stated|commented|remarked|told|according)\b/;

/** A web address's query after a `?` (`page?for=you`). */
const QUERY = /^\w+=/;

/**
 * Whether `mark` (U+FFFD or `?`) stands for lost letters in the text, so that one where an
 * apostrophe fits may have lost a letter too: French `n�anmoins` (né), Spanish `est�s` (á). Counted
 * between two letters: those where no apostrophe fits (`pr�sent`, `d?but`) against those where one
 * does. In a known language other than English a few count (an English `ld�s` in Italian does
 * not); in a text of unknown language, more than the apostrophes, and an elision's shape is no
 * lost letter there; in English never: its contractions stand beside lost letters (`Alem�n`,
 * `Huawei�s`).
 */
function marksLostLetters(text: string, mark: string, lang: Language, from: number, to: number): boolean {
  if (lang === 'en') return false;
  let letters = 0;
  let apostrophes = 0;
  // (Near the scanned window, as hasLossyEvidenceNear: an edited line of a large file is not a reason to read all of it.)
  const hi = Math.min(text.length, to + CONTEXT);
  for (let i = text.indexOf(mark, Math.max(0, from - CONTEXT)); i >= 0 && i < hi; i = text.indexOf(mark, i + 1)) {
    if (!isLetter(classAt(text, i - 1)) || !isLetter(classAt(text, i + 1))) continue;
    if (apostropheFits(text, i, i + 1, lang)) apostrophes++;
    // (Neither an elision's shape nor an English dash's says letter where the language is unknown, nor a web address's query.)
    else if (!(lang === 'unknown' && (elisionShaped(text, i, i + 1) || dashBeforeWord(text, i, i + 1))) && !QUERY.test(text.slice(i + 1, i + 40))) letters++;
  }
  return lang === 'unknown' ? letters > apostrophes : letters > 0 && 3 * letters >= apostrophes;
}

/**
 * Whether a mark after a position, on the same line, may close a quotation (`isClosing` says which
 * do), or the quotation goes on into the next paragraph, which opens with the same mark: one of
 * several paragraphs closes only at its end. Asked in text order, it finds the next such mark and
 * the next line break once, not once per question: a long line full of openings would otherwise
 * be read again from every one of them.
 */
class ClosingMarks {
  private close = -1; // the first closing mark at or after the last position asked (text.length: none)
  private lineEnd = -1;

  constructor(
    private readonly text: string,
    private readonly mark: number,
    private readonly isClosing: (text: string, i: number) => boolean,
  ) {}

  after(from: number): boolean {
    return this.closedOnLine(from) || this.continued();
  }

  /** The next paragraph (after blank lines) opens with the mark before a word. */
  private continued(): boolean {
    const text = this.text;
    let i = this.lineEnd;
    while (i < text.length && classAt(text, i) === Cls.Space) i++;
    return i > this.lineEnd && text.charCodeAt(i) === this.mark && isLetter(classAt(text, i + 1));
  }

  private closedOnLine(from: number): boolean {
    const text = this.text;
    if (this.close < from) {
      let i = from;
      while (i < text.length && !this.isClosing(text, i)) i++;
      this.close = i;
    }
    if (this.lineEnd < from) {
      const nl = text.indexOf('\n', from);
      this.lineEnd = nl < 0 ? text.length : nl;
    }
    return this.close < this.lineEnd;
  }
}

/** A U+FFFD no word goes on after (`innovation,�`, `big� deal`, `innovation, � said`). */
function isClosingReplacement(text: string, i: number): boolean {
  return text.charCodeAt(i) === 0xfffd && !isLetter(classAt(text, i + 1)) && classAt(text, i + 1) !== Cls.Digit;
}

/** A `?` that may close a quotation: one where no question mark goes, not before a word (see questionMarkMisplaced). */
function isClosingQuestionMark(text: string, i: number): boolean {
  return text.charCodeAt(i) === QMARK && !isLetter(classAt(text, i + 1)) && questionMarkMisplaced(text, i);
}

/**
 * The punctuation (E2 80 xx) whose third byte `codec` cannot read: for a single-byte codec the
 * bytes it leaves undefined (Windows-1253: ‘ “ ” „), for GBK and Shift_JIS any (the byte pairs
 * with the next one or not). Built once per codec.
 */
function marksLostIn(name: string): readonly string[] {
  let marks = lostMarks.get(name);
  if (!marks) {
    const codec = codecByName(name)!;
    marks = PUNCTUATION_MARKS.filter((m) => codec.kind === 'double' || !definesByte(codec, 0x80 | (m.charCodeAt(0) & 0x3f))); // E2 80 xx: xx
    lostMarks.set(name, marks);
  }
  return marks;
}
const lostMarks = new Map<string, readonly string[]>();

/** The codec of a `lead-lost` site, or '' for none. */
function leadLostCodecAt(text: string, site: LossySite | null): string {
  return site ? leadLostPunctuation(text, site.start)!.codec : '';
}

/** The starts of the kept sites of `form` that `accept` takes, in order. */
function startsOfForm(sites: SiteList, keep: Uint8Array, form: LossySite['form'], accept: (site: LossySite) => boolean): number[] {
  const site: LossySite = { start: 0, end: 0, form: 'two-marks', folded: false, strong: false };
  const starts: number[] = [];
  for (let k = 0; k < sites.length; k++) if (keep[k] && sites.read(k, site).form === form && accept(site)) starts.push(site.start);
  return starts;
}

/** How many of `sorted` lie within `reach` of `at`. */
function countNear(sorted: readonly number[], at: number, reach: number): number {
  return firstIndexAfter(sorted, at + reach, identity) - firstIndexAfter(sorted, at - reach - 1, identity);
}

/** How far evidence for a weak site is looked for: about a page. */
const EVIDENCE_REACH = 2000;

/**
 * Whether a letter's lead stands before a character only Windows-1252 puts at 80–9F (`Ä›` ě, `Å‚`
 * ł): the text was read as Windows-1252, not as Latin-1 (whose 80–9F are control characters).
 */
function shows1252AfterLead(text: string): boolean {
  const marks = new Set(Array.from({ length: 32 }, (_, k) => windows1252ForC1(0x80 + k)).filter((ch) => ch !== ''));
  for (let i = 1; i < text.length; i++) if (marks.has(text[i]) && isTwoByteLead(text.charCodeAt(i - 1))) return true;
  return false;
}

/** The first kept site of the form given (and that `accept` takes), or null. */
function firstOfForm(sites: SiteList, keep: Uint8Array, form: LossySite['form'], accept?: (site: LossySite) => boolean): LossySite | null {
  const site: LossySite = { start: 0, end: 0, form: 'two-marks', folded: false, strong: false };
  for (let k = 0; k < sites.length; k++) if (keep[k] && sites.read(k, site).form === form && (!accept || accept(site))) return site;
  return null;
}

/**
 * Whether the kept U+FFFD sites replaced punctuation: at least one apostrophe (or the text is
 * English), and none between two letters otherwise (`caf�s` and `C�t�` lost letters; then so may
 * any of them), but for the dash English sets between words (`CEO�who`: see joinsWords), which
 * says nothing either way.
 */
function replacementsArePunctuation(text: string, sites: SiteList, keep: Uint8Array, lang: Language): 'shown' | 'english' | false {
  const site: LossySite = { start: 0, end: 0, form: 'two-marks', folded: false, strong: false };
  const english = lang === 'en' || lang === 'unknown';
  let apostrophes = 0;
  let count = 0;
  let runs = false; // `���` beside each other: whole words lost (Russian read as English by its ASCII words)
  for (let k = 0; k < sites.length; k++) {
    if (!keep[k] || sites.read(k, site).form !== 'replacement') continue;
    count++;
    runs ||= text.charCodeAt(site.start - 1) === 0xfffd || text.charCodeAt(site.end) === 0xfffd;
    if (apostropheFits(text, site.start, site.end, lang)) apostrophes++;
    else if (isLetter(classAt(text, site.start - 1)) && isLetter(classAt(text, site.end)) && !(english && joinsWords(text, site.start, site.end))) return false;
  }
  // English spells its words in ASCII: with no letter lost, its U+FFFD were its marks and dashes
  // (two at least: one alone may be any sign, as ftfy's `newspaper � email`).
  return apostrophes > 0 ? 'shown' : lang === 'en' && !runs && count >= 2 ? 'english' : false;
}

/** A figure beside [start, end), a space between allowed. */
function besideFigure(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1) === 0x20 ? start - 2 : start - 1;
  const after = text.charCodeAt(end) === 0x20 ? end + 1 : end;
  return classAt(text, before) === Cls.Digit || classAt(text, after) === Cls.Digit;
}

/**
 * `â€` within CONTEXT of the window, or the signs of the `?` pipeline there (`â??`, `â?•`, a lead
 * and `?` inside a word: see forcedIntoLatin1Near). (indexOf, not a regex: this can be megabytes.)
 */
function hasLossyEvidenceNear(text: string, from: number, to: number): boolean {
  return text.slice(Math.max(0, from - CONTEXT), Math.min(text.length, to + CONTEXT)).includes('â€') || forcedIntoLatin1Near(text, from, to);
}

// Codec chains of lossy findings, shared (read-only).
const LATIN1 = Object.freeze(['latin1']);
const ASCII = Object.freeze(['ascii']);
const GBK = Object.freeze(['gbk']);
const WESTERN_LOSSY = Object.freeze(['windows-1252', 'latin1']);
const WINDOWS_1252 = Object.freeze(['windows-1252']);
/** A one-codec chain by name, shared by its findings (read-only). */
function codecList(name: string): string[] {
  let list = codecLists.get(name);
  if (!list) codecLists.set(name, (list = Object.freeze([name]) as string[]));
  return list;
}
const codecLists = new Map<string, string[]>();

/** `wrongCodecs`: when the form does not say them (see below), the codec the caller found. */
function lossyFinding(site: LossySite, original: string, best: string, alternatives: string[], confidence: number, explanation: string, wrongCodecs?: string[]): Finding {
  return {
    start: site.start,
    end: site.end,
    original,
    replacement: best,
    alternatives, // never holds `best` (see rank.ts); shared between findings, read-only
    confidence,
    kind: 'lossy',
    explanation,
    wrongCodecs: wrongCodecs ?? ((site.form === 'question-apostrophe' || site.form === 'question-mark' ? LATIN1 : site.form === 'dropped-byte' ? WINDOWS_1252 : original.startsWith('鈥') ? GBK : WESTERN_LOSSY) as string[]),
  };
}

/** Two bare marks at least, and letters (see bareMarks) fewer than one in four of them: they are marks. */
function marksShown({ marks, letters }: { marks: number; letters: number }): boolean {
  return marks >= 2 && letters * 4 <= marks;
}

/**
 * A bare mark (see bareMarks in lossy.ts): an apostrophe in a contraction (`Itâs`, `Europe���s`)
 * unless it closes an open quotation (`Inventionsâ award`), and in a French, Italian or Catalan
 * elision (`Lâentreprise`) where the text has two such marks; a dash where no language writes a
 * lone `â` (`word â word`, `2019â2020`), or with another such mark in the text, or before an
 * English word a clause starts with (`CEOâwho`); a quote by position (in the text's style: German
 * `âWir sind stolzâ` is „…“) with two such marks, in a language that writes no â. Not where the
 * text's marks of that form stand between letters as letters do (more than one in five).
 */
function judgeBareMark(text: string, site: LossySite, original: string, ranked: Ranked, quoteOpen: boolean, lang: Language, evidence: Evidence, explain: (best: string, position: Position) => string, codecs: string[]): Finding | null {
  const { marks, letters } = evidence.bareMarks(site.form);
  const fewLetters = letters * 4 <= marks;
  const shown = marksShown({ marks, letters });
  const closes = quoteOpen && ranked.position === 'closing' && !letterAt(text, site.end);
  const elision = shown && bareMarkElision(text, site.start, site.end, lang);
  if (!closes && fewLetters && (elision || bareMarkApostrophe(text, site.start, site.end, lang))) {
    return lossyFinding(site, original, '’', APOSTROPHE_ALTERNATIVES, 0.8, explain('’', 'inside-word'), codecs);
  }
  const spaced = bareMarkDash(text, site.start, site.end);
  // (`���` between spaces may be any sign of three bytes, `€`, `→`: alone, a dash only in English
  // before a lowercase word, the clause going on: `API ��� in any files`.)
  const clauseGoesOn = lang === 'en' && classAt(text, site.end + 1) === Cls.LatinLower;
  const dash = (spaced === 'sure' && (site.form === 'lead-alone' || clauseGoesOn)) || (spaced !== null && shown) || (ranked.position === 'joined' && dashBeforeWord(text, site.start, site.end));
  // Before a figure `���` is rather a currency sign of three bytes, `€1.1 billion`, than a quote,
  // unless a close follows on its line (`���50 years of it,��� he said`); `��` one of two, `£`.
  const sign = site.form === 'lead-lost-mark' ? lostSignBefore(text, site.start, site.end) : null;
  if (sign && !evidence.closesAfter(original, site.end)) {
    return lossyFinding(site, original, sign[0], sign.slice(1), 0.55, explainLostSign(sign, site.end - site.start), codecs);
  }
  if (site.end - site.start === 2) return null; // (two are a letter or a sign, never a mark)
  const quote = ranked.position === 'opening' || ranked.position === 'closing' || ranked.position === 'loose-dash';
  if (!dash && !(quote && shown && (lang === 'en' || !WRITES_A_CIRCUMFLEX.has(lang) || bareMarkQuote(text, site.start, site.end, lang)))) return null;
  return lossyFinding(site, original, ranked.best, ranked.alternatives, Math.min(0.7, ranked.certainty), explain(ranked.best, ranked.position), codecs);
}

/**
 * Characters of three bytes, E3–ED and EF (kana, CJK ideographs, Hangul, fullwidth `，（）：`), or
 * four, F0 (emoji), read as Windows-1252 and forced into Latin-1: each byte 80–9F became `?` (or
 * `•`, undefined), A0–BF stayed (`å?³`, `å•?`, `ï¼?`). Which character it was the bytes left
 * cannot tell: each stretch of them not otherwise read is reported, U+FFFD per character, never
 * applied.
 */
function lostWideCharacters(text: string, from: number, to: number, isTaken: (start: number, end: number) => boolean): Finding[] {
  const out: Finding[] = [];
  let count = 0;
  const flush = (start: number, end: number) => {
    const original = text.slice(start, end);
    out.push({ start, end, original, replacement: '\ufffd'.repeat(count), alternatives: [], confidence: 0.3, kind: 'lossy', explanation: explainLostWide(original, count), wrongCodecs: WESTERN_LOSSY as string[] });
    count = 0;
  };
  // (The window alone: a search of the text from `from` would run on to its end.)
  for (const m of (from === 0 && to === text.length ? text : text.slice(from, to)).matchAll(WIDE_LOST)) {
    let stretch = -1;
    const end = from + m.index + m[0].length;
    for (let k = from + m.index, size = 0; k < end; k += size) {
      size = text.charCodeAt(k) === 0xf0 ? 4 : 3;
      const lost = /[?•\ufffd]/.test(text.slice(k + 1, k + size)) && !isTaken(k, k + size);
      if (lost && stretch < 0) stretch = k;
      if (lost) count++;
      if (!lost && stretch >= 0) {
        flush(stretch, k);
        stretch = -1;
      }
    }
    if (stretch >= 0) flush(stretch, end);
  }
  return out;
}
// (Four bytes after F0: emoji and the rarest ideographs, `ð??•` is 👍.)
const WIDE_LOST = /(?:[\u00e3-\u00ed\u00ef][\u00a0-\u00bf?•\ufffd]{2}|\u00f0[\u00a0-\u00bf?•\ufffd]{3})+/g;

/**
 * Where `mark` (a garbled quote mark as the text shows it) next stands after a position on its
 * line where a quotation closes: after a non-space, before no letter (`��` inside `���` is none).
 * Asked with positions never decreasing, as sites are judged: a line of them is searched once.
 */
class CloseCursor {
  private next = -1; // the first close after the position last searched from, or the line's end
  private lineEnd = -1;

  constructor(
    private readonly text: string,
    private readonly mark: string,
  ) {}

  /** Whether the mark closes a quotation after `from` on its line, within a quotation's reach. */
  after(from: number): boolean {
    const { text, mark } = this;
    if (from >= this.lineEnd) {
      const nl = text.indexOf('\n', from);
      this.lineEnd = nl < 0 ? text.length : nl;
      this.next = -1;
    }
    if (this.next <= from) {
      this.next = this.lineEnd;
      for (let k = text.indexOf(mark, from + 1); k >= 0 && k < this.lineEnd; k = text.indexOf(mark, k + 1)) {
        const alone = text[k - 1] !== '\ufffd' && text[k + mark.length] !== '\ufffd';
        if (alone && text[k - 1] !== ' ' && !letterAt(text, k + mark.length)) {
          this.next = k;
          break;
        }
      }
    }
    return this.next < this.lineEnd && this.next - from < QUOTATION_REACH;
  }
}

/**
 * A U+FFFD inside a word that is no mark (`M�ller`; `M��ller`, two, where each byte of the letter
 * became one), or at a word's edge where the text's other U+FFFD stand for letters (`caf� au
 * lait`; elsewhere `�big�` lost quotes): a letter was lost. Reported with the commonest letters
 * of the text's language, in the case the word asks for, never applied: the bytes are gone.
 */
function lostLetterUnderReplacement(text: string, site: LossySite, lang: Language, evidence: Evidence): Finding | null {
  const start = text.charCodeAt(site.start - 1) === 0xfffd && text.charCodeAt(site.start - 2) !== 0xfffd ? site.start - 1 : site.start;
  // (Beside ASCII letters: beside others, `ă�`, it is inside mojibake that lost bytes, not a word.)
  const before = isAsciiLetter(text.charCodeAt(start - 1)) ? classAt(text, start - 1) : Cls.Unknown;
  const after = isAsciiLetter(text.charCodeAt(site.end)) ? classAt(text, site.end) : Cls.Unknown;
  if (!(isLatin(before) && isLatin(after)) && !((isLatin(before) || isLatin(after)) && evidence.replacementsAreLetters())) return null;
  // A capital before a capital or after one at a word's end (`M�LLER`), or starting a sentence.
  const upper = after === Cls.LatinUpper || (before === Cls.LatinUpper && after !== Cls.LatinLower) || (!isLatin(before) && sentenceStartsAt(text, start));
  const letters = upper ? ACCENTED_LETTERS[lang].toUpperCase() : ACCENTED_LETTERS[lang];
  const choices = [...new Set(letters)].slice(0, 8);
  return {
    start,
    end: site.end,
    original: text.slice(start, site.end),
    replacement: choices[0],
    alternatives: choices.slice(1),
    confidence: 0.3,
    kind: 'replacement-char',
    explanation: explainLostLetter(LANGUAGE_NAMES[lang], choices.join(' '), site.end - start),
  };
}

/** Whether a sentence starts at `i`: the text's start, a line's, or after `. ` `! ` `? `. */
function sentenceStartsAt(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\t')) k--;
  return k < 0 || text[k] === '\n' || text[k] === '\r' || ((text[k] === '.' || text[k] === '!' || text[k] === '?') && k < i - 1);
}

/** What judging a C1 control asks of the whole text, each worked out once when first asked. */
interface SingleContext {
  language: () => Language;
  /** A C1 control between lowercase letters that is a mark in Windows-1252 and a letter in MacRoman (see MAC_BETWEEN_LETTERS). */
  macRomanShown: () => boolean;
}

/** A C1 control or a stray `Â` that no run explained. */
function judgeSingle(text: string, i: number, context: SingleContext): Finding | null {
  const code = text.charCodeAt(i);
  const ch = text[i];
  if (code >= 0x80 && code <= 0x9f) {
    // Between lowercase letters a mark of Windows-1252 (`tur\u0092stico`, `Coatl\u0087n`) is none,
    // but for an apostrophe that fits (`don\u0092t`, `l\u0092homme`): old Mac text read as Latin-1,
    // whose 87–9F are lowercase letters (í, á).
    const replacement = windows1252ForC1(code);
    const mac = macRomanForC1(code);
    const markThere = replacement === '' || !isLetter(charClass(replacement.charCodeAt(0)));
    // (’ and ‘ themselves only where the text shows MacRoman so, or in Spanish and Portuguese,
    // which set no apostrophe between letters: Turkish `Autoconf’un` and Occitan `l’estat` do.)
    const quote = code === 0x91 || code === 0x92;
    const macRoman = () => !quote || context.macRomanShown() || context.language() === 'es' || context.language() === 'pt';
    if (markThere && isLowerLatin(text.charCodeAt(i - 1)) && isLowerLatin(text.charCodeAt(i + 1)) && isLower(charClass(mac.charCodeAt(0))) && macRoman() && !apostropheFits(text, i, i + 1, context.language())) {
      return { start: i, end: i + 1, original: ch, replacement: mac, alternatives: replacement ? [replacement] : [], confidence: 0.6, kind: 'c1-control', explanation: explainC1(ch, mac, 'MacRoman'), bytes: [code], wrongCodecs: ['latin1'] };
    }
    if (!replacement) return null; // undefined in Windows-1252 too: nothing better to offer
    return { start: i, end: i + 1, original: ch, replacement, alternatives: [], confidence: 0.8, kind: 'c1-control', explanation: explainC1(ch, replacement), bytes: [code], wrongCodecs: ['latin1'] };
  }
  // Â before a plain space, not part of a capitalised word (Portuguese/French capitals are real).
  // Alone between spaces it is no word of any language (`Â Â Text`, `Hello Â world`: indents and
  // doubled spaces of HTML), unless letters are listed one by one (`Â Ê Î Ô Û`).
  if (code === 0xc2 && text.charCodeAt(i + 1) === 0x20) {
    const prev = classAt(text, i - 1);
    if (prev === Cls.LatinUpper || prev === Cls.OtherUpper || (prev === Cls.Space && lettersListed(text, i))) return null;
    return { start: i, end: i + 1, original: ch, replacement: '', alternatives: NO_BREAK_SPACE, confidence: 0.7, kind: 'stray-marker', explanation: STRAY_ONCE, bytes: NO_BREAK_SPACE_BYTES, wrongCodecs: WINDOWS_1252 as string[] };
  }
  // The same garbled twice (`PriceÃ‚Â : 5`): no word is spelt so.
  if (code === 0xc3 && text.startsWith(STRAY_TWICE, i)) {
    return { start: i, end: i + STRAY_TWICE.length, original: STRAY_TWICE, replacement: '', alternatives: NO_BREAK_SPACE, confidence: 0.7, kind: 'stray-marker', explanation: STRAY_TWICE_EXPLAINED, bytes: NO_BREAK_SPACE_BYTES, wrongCodecs: WINDOWS_1252_TWICE };
  }
  return null;
}

const STRIPPED_SHARP_S = explainStrippedSharpS();
/** A C1 control between lowercase letters that is a mark in Windows-1252 and a letter in MacRoman (`Coatl\u0087n`). */
const MAC_BETWEEN_LETTERS = /[a-z][\u0087-\u0089\u008b\u008d\u008f\u0090\u0093-\u0099\u009b\u009d][a-z]/;

// Shared by every stray `Â` (read-only): a page of HTML indents has thousands.
const NO_BREAK_SPACE = Object.freeze(['\u00a0']) as string[];
const NO_BREAK_SPACE_BYTES = Object.freeze([0xc2, 0xa0]) as number[];
const WINDOWS_1252_TWICE = Object.freeze(['windows-1252', 'windows-1252']) as string[];
const STRAY_ONCE = explainStray(false);
const STRAY_TWICE_EXPLAINED = explainStray(true);

/**
 * Whether the lone letter at `i` stands in a list of letters: a letter with a diacritic alone beside
 * it (`Â Ê Î`), or ASCII ones alone on both sides (`A Â B`; not `I Â love`).
 */
function lettersListed(text: string, i: number): boolean {
  let before = i - 1;
  while (before >= 0 && (text[before] === ' ' || text[before] === '\t')) before--;
  let after = i + 1;
  while (text[after] === ' ' || text[after] === '\t') after++;
  const alone = (k: number) => letterAt(text, k) && !letterAt(text, k - 1) && !letterAt(text, k + 1) && text.charCodeAt(k) !== 0xc2;
  const accented = (k: number) => alone(k) && text.charCodeAt(k) >= 0x80;
  return accented(before) || accented(after) || (alone(before) && alone(after));
}

/** `Â` (the lead of a no-break space read as Windows-1252) read as Windows-1252 again. */
const STRAY_TWICE = 'Ã‚Â';
