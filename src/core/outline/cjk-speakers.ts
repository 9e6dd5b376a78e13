/**
 * Who said a quote in Chinese: `华为首席法务官宋柳平表示：“…”` and `“…，”樊志勇说。` — the verb of
 * saying right before the colon or after the closing mark, its subject the clause before it, a
 * title and then the name (two to four characters: Chinese writes no spaces between them).
 */

/** Verbs of saying, longest first (`补充说` before `说`). */
const VERBS = '补充道|补充说|介绍说|指出|表示|强调|认为|说道|谈到|透露|宣布|称|说';
/** Endings of titles: the name comes right after the last of them (`首席法务官` 宋柳平, `部长` 樊志勇). */
const TITLE_ENDS = '总经理|总裁|总监|董事|主席|主任|经理|负责人|发言人|创始人|教授|博士|院士|代表|官|长|CEO|CTO|CFO|COO';

const LEAD_IN = new RegExp(`([^，。；！？：:“”「」\\s]{2,40}?)(?:${VERBS})[ \\t]*[：:，,]?[ \\t]*$`, 'u');
const TRAILER = new RegExp(`^[ \\t]*[，,]?[ \\t]*([^，。；！？：:“”「」\\s]{2,40}?)(?:${VERBS})(?=[。，,.！!]|$)`, 'u');
const TITLED = new RegExp(`^(.*(?:${TITLE_ENDS}))(\\p{Script=Han}{2,4})$`, 'u');
const HAN = /\p{Script=Han}/u;

export interface CjkAttribution {
  speaker: string;
  role: string;
}

/** `…宋柳平表示：` before an opening mark: its speaker and title, or null. */
export function cjkLeadIn(lead: string): CjkAttribution | null {
  const m = LEAD_IN.exec(lead);
  return m && HAN.test(m[1]) ? speakerOf(m[1]) : null;
}

/** `樊志勇说。` after a closing mark: its speaker and title, or null. */
export function cjkTrailer(trail: string): CjkAttribution | null {
  const m = TRAILER.exec(trail);
  return m && HAN.test(m[1]) ? speakerOf(m[1]) : null;
}

/** The subject of a verb of saying as speaker and role: `华为首席法务官宋柳平` is 宋柳平, 华为首席法务官. */
function speakerOf(subject: string): CjkAttribution {
  const titled = TITLED.exec(subject);
  if (titled) return { speaker: titled[2], role: titled[1] };
  // (A name alone, or a subject with no title to tell the name from: kept whole.)
  return { speaker: subject, role: '' };
}

/** Characters of Chinese or Japanese in `s`: such a quote's length in words. */
export function cjkLength(s: string): number {
  return (s.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu) ?? []).length;
}
