/**
 * Garbled documents repeat their garbled words (`Huaweiâ€™s`, `Ã©tÃ©`, `trÃ¨s` hundreds of times):
 * the scan records what it found in a word and how the judge scored it, and replays that wherever
 * the same characters come again. Exact, not a heuristic: a word is recorded only when everything
 * the scan and the judge read of it lies between the white space around it (checked below), and
 * the part of the judgement that looks further (lone pairs, neighbouring words, figures) is redone
 * on every replay.
 */
import { type Run, type ScanTables, isLeadLetter } from './reversible';
import { Cls, classAt } from './chars';
import type { Finding } from './types';
import { hashText, isTextAt } from './search';

/** Replay on (the default) or off: tests compare the two, which must find the same. */
export const tokenMemo = { on: true };

/** Words longer than this are not recorded: the judge's word bounds stop at 24 characters. */
const MAX_TOKEN = 24;
const SLOTS = 4096;

/** A recorded word. */
export interface TokenMemo {
  /** The word with one character of white space each side: everything its judgement read. */
  key: string;
  /**
   * The codecs that read the same bytes as one of its runs, and which of them the scan's
   * `possible` held when it reached the word: a run takes the name of a codec `possible` holds.
   */
  codecs: number;
  possible: number;
  /** Where the word started when recorded; the runs' positions are from there. */
  at: number;
  /** The runs found in it, peeled, in order (shared with the first occurrence: read-only). */
  runs: Run[];
  /** Orthographies of the runs' decodings (see `orthographiesOf`). */
  spoken: number;
  /** The judge's score of the word before any look outside it (NaN until judged). */
  score: number;
  /** The first finding made of each run, by index: copies differ only in position and confidence. */
  findings: (Finding | undefined)[];
  /** The same word recorded with other `possible` codecs. */
  next: TokenMemo | undefined;
}

/** The recorded words of one scan, by a hash of their characters (a collision replaces: no result changes). */
export class TokenMemos {
  private readonly slots: (TokenMemo | undefined)[] = new Array<TokenMemo | undefined>(SLOTS).fill(undefined);
  /** Per slot, the hash of the last word looked up there that was not recorded. */
  private readonly seen = new Int32Array(SLOTS);
  /**
   * Whether the word last looked up in vain is worth recording: it was looked up before, or is
   * recorded with other codecs. A word seen once is not (most words of real text are not
   * repeated, and recording each cost more than the replays gained).
   */
  again = false;

  find(text: string, ts: number, te: number, possible: number): TokenMemo | undefined {
    const h = hashText(text, ts - 1, te + 1);
    const slot = h & (SLOTS - 1);
    const first = this.slots[slot];
    if (first && isTextAt(first.key, text, ts - 1, te + 1)) {
      for (let memo: TokenMemo | undefined = first; memo; memo = memo.next) if ((possible & memo.codecs) === memo.possible) return memo;
      this.again = true;
      return undefined;
    }
    this.again = this.seen[slot] === h;
    this.seen[slot] = h;
    return undefined;
  }

  keep(text: string, ts: number, te: number, possible: number, runs: Run[], spoken: number): void {
    let codecs = 0;
    for (const r of runs) codecs |= r.sameBits;
    const slot = slotOf(text, ts, te);
    const first = this.slots[slot];
    const same = first !== undefined && isTextAt(first.key, text, ts - 1, te + 1);
    const memo: TokenMemo = {
      key: same ? first.key : text.slice(ts - 1, te + 1),
      codecs,
      possible: possible & codecs,
      at: ts,
      runs,
      spoken,
      score: NaN,
      findings: new Array<Finding | undefined>(runs.length).fill(undefined),
      next: same ? first : undefined,
    };
    for (const r of runs) r.memo = memo;
    this.slots[slot] = memo;
  }
}

function slotOf(text: string, ts: number, te: number): number {
  return hashText(text, ts - 1, te + 1) & (SLOTS - 1);
}

/**
 * The end of the word holding `i` (the white space after it) when the word can be recorded, else
 * -1: white space on both sides inside the text, at most `MAX_TOKEN` long, no character a CJK
 * codec could start a sequence with (their judgement looks 80 characters around), and nothing
 * that makes the scan read past the white space after it: a letter-like lead whose sequence could
 * take a space for a lost no-break space, or a lead of a sequence split by a wrapped line.
 */
export function recordableTokenEnd(text: string, ts: number, i: number, t: ScanTables, cjkStart: Uint8Array | undefined): number {
  if (ts < 1 || i - ts >= MAX_TOKEN || !isAsciiSpace(text.charCodeAt(ts - 1))) return -1;
  let te = i;
  while (te < text.length && te - ts <= MAX_TOKEN && classAt(text, te) !== Cls.Space) te++;
  // (Other white space may be a byte of mojibake: MacRoman reads a no-break space as CA, a lead.)
  if (te >= text.length || te - ts > MAX_TOKEN || !isAsciiSpace(text.charCodeAt(te))) return -1;
  if (cjkStart !== undefined) {
    for (let p = ts; p < te; p++) if (cjkStart[text.charCodeAt(p)] !== 0) return -1;
  }
  const after = text.charCodeAt(te);
  if (after === 0x20) {
    // A sequence from p reaching the space: a lead letter, continuation bytes up to the space.
    for (let p = te - 1; p >= ts && p >= te - 3; p--) {
      const lead = text.charCodeAt(p);
      if (te - p > t.reach[lead] || !isLeadLetter(lead)) continue;
      let bits = t.lead[lead];
      for (let q = p + 1; bits !== 0 && q < te; q++) bits &= t.cont[text.charCodeAt(q)];
      if (bits !== 0) return -1;
    }
  } else if (after === 0x0a || after === 0x0d) {
    if (t.leadWrap[text.charCodeAt(te - 1)] !== 0 || (te - 2 >= ts && t.leadWrap[text.charCodeAt(te - 2)] !== 0)) return -1;
  }
  return te;
}

/**
 * The start of the word holding `i` when white space lies before it after position `handled`
 * (the scan has touched nothing of it or the space before it), else -1.
 */
export function wordStartAfter(text: string, i: number, handled: number): number {
  let s = i;
  while (s - 1 > handled && i - s < MAX_TOKEN) {
    if (classAt(text, s - 1) === Cls.Space) return s;
    s--;
  }
  return -1;
}

function isAsciiSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
