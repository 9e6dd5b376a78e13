/**
 * Who said a quote in Chinese: `华为首席法务官宋柳平表示：“…”` and `“…，”樊志勇说。` — the verb of
 * saying right before the colon or after the closing mark, its subject the clause before it, a
 * title and then the name (two to four characters: Chinese writes no spaces between them). And
 * in Japanese: `XXは「…」と述べました` and `「…」と、XXは語りました`, the subject marked by は and
 * the verb after と; a title before the name with の or である (`知的財産部長の樊志勇`), or after it
 * (`山田太郎社長`). And in Korean: `NAME ORG TITLE은 “…”라고 말했다` and `“…”라고 NAME TITLE은 밝혔다`.
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

/**
 * A language's attribution before the opening mark: its subject right before the mark, believed
 * where the words after the closing mark say so (`…は「…」と述べました`).
 */
function leadInForm(subject: RegExp, says: RegExp, speaker: (subject: string) => CjkAttribution): (lead: string, trail: string) => CjkAttribution | null {
  return (lead, trail) => {
    const m = subject.exec(lead);
    return m && says.test(trail) ? speaker(m[1]) : null;
  };
}

/** A language's attribution after the closing mark, its subject in the pattern's first group. */
function trailerForm(pattern: RegExp, speaker: (subject: string) => CjkAttribution): (trail: string) => CjkAttribution | null {
  return (trail) => {
    const m = pattern.exec(trail);
    return m ? speaker(m[1]) : null;
  };
}

/** Japanese verbs of saying after `」と` (述べました, 語った, 話しています…). */
const JA_VERB = '(?:述べ|語|話|説明|強調|コメント|言)';
const JA_SUBJECT = '[^、。「」『』\\s]{2,40}?';
const JA_LEAD_IN = new RegExp(`(${JA_SUBJECT})は[ \t]*$`, 'u');
const JA_SAYS = new RegExp(`^[ \t]*と(?:、)?[ \t]*${JA_VERB}`, 'u');
const JA_TRAILER = new RegExp(`^[ \t]*と、?[ \t]*(${JA_SUBJECT})は[ \t]*${JA_VERB}`, 'u');
/** Japanese titles written after the name (`山田太郎社長`). */
const JA_TITLE_AFTER = /^(.{2,8}?)(社長|会長|代表取締役|取締役|部長|本部長|所長|教授|博士|CEO|氏)$/u;

/** `…宋柳平は「…」と述べました` and `」と、知的財産部長の樊志勇は語りました`. */
const japaneseLeadIn = leadInForm(JA_LEAD_IN, JA_SAYS, japaneseSpeaker);
const japaneseTrailer = trailerForm(JA_TRAILER, japaneseSpeaker);

/** `ファーウェイの最高法務責任者である宋柳平`: the name after である or the last の, the title before it; or after the name. */
function japaneseSpeaker(subject: string): CjkAttribution {
  const at = subject.lastIndexOf('である');
  if (at > 0) return { speaker: subject.slice(at + 3), role: subject.slice(0, at) };
  const no = subject.lastIndexOf('の');
  if (no > 0 && subject.length - no - 1 >= 2) return { speaker: subject.slice(no + 1), role: subject.slice(0, no) };
  const titled = JA_TITLE_AFTER.exec(subject);
  return titled ? { speaker: titled[1], role: titled[2] } : { speaker: subject, role: '' };
}

/** Korean verbs of saying after `”라고` (말했다, 밝혔다, 강조했다…). */
const KO_VERB = '(?:말했|밝혔|강조했|설명했|덧붙였|전했|언급했|말한)';
const KO_SUBJECT = '([\\p{Script=Hangul}A-Za-z][^\\n“”"「」.,]{0,40}?)(?:은|는)';
const KO_LEAD_IN = new RegExp(`${KO_SUBJECT}[ \t]*$`, 'u');
const KO_SAYS = new RegExp(`^[ \t]*(?:라|이라)?고[ \t]*${KO_VERB}`, 'u');
const KO_TRAILER = new RegExp(`^[ \t]*(?:라|이라)?고[ \t]+${KO_SUBJECT}[ \t]+${KO_VERB}`, 'u');

/** `송류핑 화웨이 최고법무책임자는 “…”라고 말했다` and `”라고 판즈융 지식재산부장은 밝혔다`. */
const koreanLeadIn = leadInForm(KO_LEAD_IN, KO_SAYS, koreanSpeaker);
const koreanTrailer = trailerForm(KO_TRAILER, koreanSpeaker);

/** Korean writes the name first, then the organisation and title: `송류핑 화웨이 최고법무책임자`. */
function koreanSpeaker(subject: string): CjkAttribution {
  const words = subject.trim().split(/\s+/);
  // (After the words a sentence opens with: `이날`, `한편`, `또한`…)
  while (words.length > 1 && KO_OPENERS.has(words[0])) words.shift();
  return { speaker: words[0], role: words.slice(1).join(' ') };
}
const KO_OPENERS = new Set(['이날', '한편', '또한', '특히', '이에', '아울러', '이어', '또', '그러면서', '오늘']);

/**
 * Who said a quote, by its Chinese, Japanese or Korean attribution in `lead` (the words before
 * its opening mark) or `trail` (after its closing mark), or null.
 */
export function cjkAttribution(lead: string, trail: string): CjkAttribution | null {
  return chinese(TRAILER, trail) ?? chinese(LEAD_IN, lead) ?? japaneseTrailer(trail) ?? japaneseLeadIn(lead, trail) ?? koreanTrailer(trail) ?? koreanLeadIn(lead, trail);
}

/** `…宋柳平表示：` before an opening mark (LEAD_IN) or `樊志勇说。` after a closing one (TRAILER). */
function chinese(pattern: RegExp, words: string): CjkAttribution | null {
  const m = pattern.exec(words);
  return m && HAN.test(m[1]) ? speakerOf(m[1]) : null;
}

/** The subject of a verb of saying as speaker and role: `华为首席法务官宋柳平` is 宋柳平, 华为首席法务官. */
function speakerOf(subject: string): CjkAttribution {
  const titled = TITLED.exec(subject);
  if (titled) return { speaker: titled[2], role: titled[1] };
  // (A name alone, or a subject with no title to tell the name from: kept whole.)
  return { speaker: subject, role: '' };
}

/** A Chinese or Japanese character (Han, hiragana, katakana): written with no spaces between words. */
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Characters of Chinese or Japanese in `s`: such a text's length in words. */
export function cjkLength(s: string): number {
  let n = 0;
  for (const ch of s) if (CJK_CHAR.test(ch)) n++;
  return n;
}

/** Whether `ch` is a character of Chinese or Japanese (see CJK_CHAR). */
export function isCjkChar(ch: string): boolean {
  return CJK_CHAR.test(ch);
}
