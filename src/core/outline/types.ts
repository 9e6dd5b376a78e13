/** The structure of a press release. Offsets are UTF-16 offsets into the text as given (garbled or not). */

export interface Span {
  start: number;
  end: number;
}

export interface OutlineHeadline extends Span {
  text: string;
}

export interface OutlineDateline extends Span {
  /** e.g. "BEIJING, CHINA" */
  place: string;
  /** e.g. "14 November 2025" */
  date: string;
}

export interface OutlineQuote extends Span {
  /** Full name of who said it ("Liuping Song"), or "" when nobody can be named. */
  speaker: string;
  /** Their role as the text gives it ("Chief Legal Officer"), or "". */
  role: string;
  /** The quoted words, quote marks excluded, garbled quote marks read as repaired. */
  text: string;
}

export interface OutlineFigure extends Span {
  /** The figure as written, e.g. "US$630 million", "6,600", "nearly three times". */
  value: string;
  /** What it counts, short: "patent licensing revenue, 2024". */
  label: string;
  /** The sentence it comes from. */
  sentence: string;
}

/** `person`: who a contact heading names ("Media contact: Jordan Pike, Communications Manager"). */
export type ContactKind = 'person' | 'email' | 'phone' | 'url';

export interface OutlineContact extends Span {
  kind: ContactKind;
  value: string;
}

export interface Outline {
  headline: OutlineHeadline | null;
  dateline: OutlineDateline | null;
  quotes: OutlineQuote[];
  figures: OutlineFigure[];
  contacts: OutlineContact[];
}
