import * as assert from 'assert';
import { applyFindings, type Finding } from '../../src/core';
import { extractOutline, formatOutlineMarkdown, outlineThroughRepair } from '../../src/core/outline';

/** One rule at a time, on short texts written for the rule. */
const quotes = (text: string): string[] => extractOutline(text).quotes.map((q) => `${q.speaker} | ${q.role} | ${q.text}`);
const figures = (text: string): string[] => extractOutline(text).figures.map((f) => `${f.value} — ${f.label}`);

describe('outline: quote attribution forms', () => {
  it('“…,” said X, ROLE.', () => {
    assert.deepStrictEqual(quotes('“We are growing fast in every region,” said Ana Ruiz, chief financial officer of Fabrica.'), [
      'Ana Ruiz | chief financial officer of Fabrica | We are growing fast in every region',
    ]);
  });

  it('“…,” said X, ROLE, who … : the role stops before what is said of its holder', () => {
    assert.deepStrictEqual(quotes('“We have watched the team execute,” said John Smith, Partner at Horizon Ventures, who will join the board.'), [
      'John Smith | Partner at Horizon Ventures | We have watched the team execute',
    ]);
  });

  it('TITLE of several words X added: “…” (Minister for Economic Affairs Lars Becker)', () => {
    const text = '“This is a milestone,” said Katrin Vogel, chief executive of Nordwind.\n\nMinister for Economic Affairs Lars Becker added: “Projects like this secure jobs.”';
    assert.deepStrictEqual(quotes(text), [
      'Katrin Vogel | chief executive of Nordwind | This is a milestone',
      'Lars Becker | Minister for Economic Affairs | Projects like this secure jobs.',
    ]);
  });

  it('a title in lower case right before the name: At the opening, economy minister X added: “…”', () => {
    assert.deepStrictEqual(quotes('At the opening, economy minister Lars Becker added: “Projects like this secure jobs.”'), [
      'Lars Becker | economy minister | Projects like this secure jobs.',
    ]);
  });

  it('"…," X said. with straight quotes, and a title before the name', () => {
    assert.deepStrictEqual(quotes('"Nothing here was easy for anyone," site manager Tom Berg said.'), [
      'Tom Berg | site manager | Nothing here was easy for anyone',
    ]);
  });

  it('X said: “…” and X, ROLE, noted that “…” (partial quote)', () => {
    const text =
      'Mia Chen, head of research at Lumen, said: “The results speak for themselves.”\n\n' +
      'Raj Patel, CEO of Orbit, noted that “small teams can now ship in days, not months.”';
    assert.deepStrictEqual(quotes(text), [
      'Mia Chen | head of research at Lumen | The results speak for themselves.',
      'Raj Patel | CEO of Orbit | small teams can now ship in days, not months.',
    ]);
  });

  it('an honorific and a surname name the speaker: Mr. Chen, the CFO, added: "…"', () => {
    assert.deepStrictEqual(quotes('Mr. Chen, the company\'s CFO, added: "We expect a stronger fourth quarter."'), [
      'Chen | CFO | We expect a stronger fourth quarter.',
    ]);
  });

  it('a surname and a pronoun refer back to the full name', () => {
    const text =
      'Greta Lindqvist, the mayor, opened the bridge.\n\n' +
      'Lindqvist concluded by stating, “This crossing will serve the town for a century.”\n\n' +
      'Later she returned to the river. “It was worth every single day of the wait,” she said.';
    assert.deepStrictEqual(
      extractOutline(text).quotes.map((q) => `${q.speaker} | ${q.role}`),
      ['Greta Lindqvist | mayor', 'Greta Lindqvist | mayor'],
    );
  });

  it('a paragraph of quote with no attribution continues the previous speaker', () => {
    const text =
      '“We doubled our output this year,” said Omar Haddad, the plant director.\n\n' +
      '“Next year we want to double it again and hire locally.”';
    assert.deepStrictEqual(quotes(text), [
      'Omar Haddad | plant director | We doubled our output this year',
      'Omar Haddad | plant director | Next year we want to double it again and hire locally.',
    ]);
  });

  it('American style: a quote runs on when the next paragraph opens with a quote mark', () => {
    const text =
      '"The first part of what I want to say ends here.\n\n"And the second part closes the quote," said Lea Fox.';
    const q = extractOutline(text).quotes;
    assert.strictEqual(q.length, 1);
    assert.strictEqual(q[0].speaker, 'Lea Fox');
    assert.strictEqual(q[0].text, 'The first part of what I want to say ends here. And the second part closes the quote');
    assert.strictEqual(text.slice(q[0].start, q[0].end), text.slice(0, text.indexOf(',"') + 2));
  });

  it('"…," X, ROLE, said. and according to X', () => {
    const text =
      '"We will open two more sites next spring," Lena Vogt, head of operations at Kiro, said.\n\n' +
      '"Demand has never been this strong in our region," according to Paul Ames.';
    assert.deepStrictEqual(
      extractOutline(text).quotes.map((q) => `${q.speaker} | ${q.role}`),
      ['Lena Vogt | head of operations at Kiro', 'Paul Ames | '],
    );
  });

  it('an unattributed quote belongs to the person its paragraph names', () => {
    const text =
      'Councillor Ravi Shah, the council leader, spoke first.\n\n' +
      'Shah welcomed the plan. “This is the partnership the whole city has been waiting for.”';
    assert.deepStrictEqual(
      extractOutline(text).quotes.map((q) => `${q.speaker} | ${q.role}`),
      ['Ravi Shah | council leader'],
    );
  });

  it('British single quotes with apostrophes inside', () => {
    assert.deepStrictEqual(quotes('Sam Kerr said: ‘It’s the team’s best season, and we’ve earned it.’'), [
      'Sam Kerr |  | It’s the team’s best season, and we’ve earned it.',
    ]);
  });

  it('quoted titles and scare quotes are not quotes of anyone', () => {
    assert.deepStrictEqual(quotes('The firm won the “Best New Product” award for its “smart” kettle in Oslo.'), []);
  });

  it('an unterminated straight apostrophe does not swallow the paragraph', () => {
    const text = "It was the '90s and things changed. Jo Park said: 'We kept going through all of it.'";
    assert.deepStrictEqual(quotes(text), ['Jo Park |  | We kept going through all of it.']);
  });
});

describe('outline: figures', () => {
  it('money, percentages and multiples, with labels', () => {
    assert.deepStrictEqual(figures('Group revenue was €4.2 billion in 2023. Sales rose 12% on the year.'), [
      '€4.2 billion — Group revenue, 2023',
      '12% — Sales rose',
    ]);
    assert.deepStrictEqual(figures('Exports are now nearly four times the level they were.'), [
      'nearly four times — Exports vs. level they were',
    ]);
    assert.deepStrictEqual(figures('Revenue grew 2.5x in 2025, on a 4x4 grid at 1920x1080.'), ['2.5x — Revenue grew, 2025']);
    // A change after a comma is one of what the sentence's first figure counts, not of the figure before it.
    assert.deepStrictEqual(figures('It handles 1.2 million picks per day across 38 sites, up 300% from a year ago.'), [
      '1.2 million — picks per day',
      '38 — sites',
      '300% — picks per day, up from a year ago',
    ]);
    assert.deepStrictEqual(figures('Sales rose, up 300% from a year ago.'), ['300% — up from a year ago']);
  });

  it('skips years, dates, ordinals, model numbers, compounds and list numbers', () => {
    const text =
      'On 3 March 2024 the 5th annual Fortune Global 500 review covered 5G and a 10-year plan.\n\n1. Overview';
    assert.deepStrictEqual(figures(text), []);
  });

  it('wire-release numbers: No. 1, Q3, 24/7, phone digits and founding years are no figures', () => {
    const text =
      'Orbit Labs, the No. 1 provider, today reported revenue of $1.2B for Q3 2025, up 24% from a year earlier. ' +
      'It has run 24/7 for 20+ years. Orbit Labs, founded in 2004, employs 3,100 people. Call 1-800-555-0199.';
    assert.deepStrictEqual(figures(text), [
      '$1.2B — revenue for Q3, 2025',
      '24% — revenue for Q3, up from a year earlier, 2025',
      '20+ — years',
      '3,100 — people',
    ]);
    assert.deepStrictEqual(
      extractOutline(text).contacts.map((c) => c.value),
      ['1-800-555-0199'],
    );
  });

  it('labels a results sentence: what was reported, a change year over year, a comparison, a new value', () => {
    const text =
      'Globex Corporation (NYSE: GBX) today reported third quarter revenue of $4.2 billion, up 18% year over year, and net income of $610 million. ' +
      'Operating margin expanded to 21.4%, compared with 17.9% a year ago. Sales rose 12%.';
    assert.deepStrictEqual(figures(text), [
      '$4.2 billion — third quarter revenue',
      '18% — third quarter revenue, up year over year',
      '$610 million — net income',
      '21.4% — Operating margin',
      '17.9% — Operating margin, a year ago',
      '12% — Sales rose',
    ]);
  });

  it('a Markdown-escaped dollar stays in the span but not in the value', () => {
    const text = 'Income reached US\\$12 million last year.';
    const [f] = extractOutline(text).figures;
    assert.strictEqual(f.value, 'US$12 million');
    assert.strictEqual(text.slice(f.start, f.end), 'US\\$12 million');
  });
});

describe('outline: headline, dateline and contacts', () => {
  it('skips boilerplate above the headline and reads "CITY, Region, Month d, yyyy"', () => {
    const o = extractOutline('FOR IMMEDIATE RELEASE\n\nAcme Opens Its Third Plant\n\nAUSTIN, Texas, Jan. 9, 2025 — Acme said...');
    assert.strictEqual(o.headline?.text, 'Acme Opens Its Third Plant');
    assert.deepStrictEqual([o.dateline?.place, o.dateline?.date], ['AUSTIN, Texas', 'Jan. 9, 2025']);
  });

  it('reads a wire-service dateline and prefers the place nearest the date', () => {
    const o = extractOutline('PRESS RELEASE — SPONSORED\n\nNEW YORK, Nov. 14, 2025 /PRNewswire/ -- Orbit Labs today...');
    assert.deepStrictEqual([o.dateline?.place, o.dateline?.date], ['NEW YORK', 'Nov. 14, 2025']);
    assert.strictEqual(extractOutline('No dateline in this text at all, 2025.').dateline, null);
    // Business Wire's has no date: the wire's time stamp above the headline gives it, and is no headline.
    const bw = extractOutline('November 14, 2025 08:00 AM Eastern Standard Time\n\nInitech Launches a Stapler\n\nAUSTIN, Texas--(BUSINESS WIRE)--Initech today said...');
    assert.strictEqual(bw.headline?.text, 'Initech Launches a Stapler');
    assert.deepStrictEqual([bw.dateline?.place, bw.dateline?.date], ['AUSTIN, Texas', 'November 14, 2025']);
    assert.deepStrictEqual([extractOutline('Globex Results\n\nSEATTLE--(BUSINESS WIRE)--Globex today reported...').dateline?.place], ['SEATTLE']);
  });

  it('reads a place in title case with the date right after it, not a word that starts a sentence', () => {
    const o = extractOutline('Nordwind Opens a Test Site\n\nHamburg, Germany – 12 February 2026 – Nordwind Energy GmbH today opened...');
    assert.deepStrictEqual([o.dateline?.place, o.dateline?.date], ['Hamburg, Germany', '12 February 2026']);
    assert.strictEqual(o.dateline && o.dateline.start, o.headline!.end + 2);
    assert.strictEqual(extractOutline('Acme Results\n\nToday, March 3, 2026, Acme said its sales rose.').dateline, null);
    assert.strictEqual(extractOutline('Acme Results\n\nResults for the quarter – March 3, 2026.').dateline, null);
  });

  it('names the person a contact heading gives, on its line or the next, not an address', () => {
    const contacts = (text: string) => extractOutline(text).contacts.map((c) => `${c.kind}: ${c.value}`);
    assert.deepStrictEqual(contacts('Acme opens.\n\nMedia Contact:\nSarah Lee\npress@acme.example'), ['person: Sarah Lee', 'email: press@acme.example']);
    assert.deepStrictEqual(contacts('Acme opens.\n\nPress contact: Anna Müller, Head of Communications\nTel: +49 40 1234 5678'), [
      'person: Anna Müller, Head of Communications',
      'phone: +49 40 1234 5678',
    ]);
    assert.deepStrictEqual(contacts('Acme opens.\n\nPress contacts: press@acme.example'), ['email: press@acme.example']);
    // Every line of the block, each maybe for someone, with the person's details after the name.
    assert.deepStrictEqual(contacts('Acme opens.\n\nContacts\nInvestors: Lisa Park, ir@globex.com, 206-555-0100\nMedia: Tom Reyes, media@globex.com\n\nSOURCE Globex Corp'), [
      'person: Lisa Park (Investors)',
      'email: ir@globex.com',
      'phone: 206-555-0100',
      'person: Tom Reyes (Media)',
      'email: media@globex.com',
    ]);
  });

  it('finds emails, phones and URLs once each, ignoring bare numbers', () => {
    const text =
      'Contact: PressOfficeJane.Doe@acme.example or jane.doe@acme.example, Tel: +1 512 555 0100, ' +
      'https://acme.example/news. We shipped 1,250,000 units in 2024 (order 2024 0001).';
    // The glued label "PressOffice" is cut off; the same address in lower case is not listed twice.
    assert.deepStrictEqual(
      extractOutline(text).contacts.map((c) => `${c.kind} ${c.value}`),
      ['email Jane.Doe@acme.example', 'phone +1 512 555 0100', 'url https://acme.example/news'],
    );
  });
});

describe('outline: offsets through a repair', () => {
  it('maps every offset back to the garbled text', () => {
    // “Growth,” said … written with Windows-1252 mojibake, repaired by hand-made findings.
    const garbled = 'â€œWe grew sales in every market this year,â€\u009d said Ines Moreau. Profit rose 9%.';
    const fix = (original: string, replacement: string): Finding => {
      const start = garbled.indexOf(original);
      return { start, end: start + original.length, original, replacement, alternatives: [], confidence: 1, kind: 'reversible', explanation: '' };
    };
    const repaired = applyFindings(garbled, [fix('â€œ', '“'), fix('â€\u009d', '”')]);
    const o = outlineThroughRepair(repaired);
    assert.strictEqual(o.quotes.length, 1);
    assert.strictEqual(o.quotes[0].speaker, 'Ines Moreau');
    assert.strictEqual(o.quotes[0].text, 'We grew sales in every market this year');
    assert.strictEqual(garbled.slice(o.quotes[0].start, o.quotes[0].end), garbled.slice(0, garbled.indexOf(' said')));
    const [f] = o.figures;
    assert.strictEqual(garbled.slice(f.start, f.end), '9%');
  });
});

describe('outline: releases in other languages', () => {
  it('reads their quotation marks, speech verbs, datelines, per cent, scales and grouped thousands', () => {
    const german = 'MÜNCHEN, DEUTSCHLAND – 14. November 2025 – Huawei investiert 150 Millionen Euro.\n\n„Wir sind stolz darauf“, sagte Jürgen Müller, Geschäftsführer von Huawei Deutschland. Über 60 Prozent der Mitarbeiter kommen aus Österreich.';
    const de = extractOutline(german);
    assert.deepStrictEqual([de.dateline?.place, de.dateline?.date], ['MÜNCHEN, DEUTSCHLAND', '14 November 2025']);
    assert.deepStrictEqual(quotes(german), ['Jürgen Müller | Geschäftsführer von Huawei Deutschland | Wir sind stolz darauf']);
    assert.deepStrictEqual(figures(german).map((f) => f.split(' — ')[0]), ['150 Millionen Euro', '60 Prozent']);
    // French « » with spaces inside and an auxiliary before the verb; Spanish `de` in its dates.
    const french = 'PARIS, FRANCE – 14 novembre 2025 – « Nous sommes fiers de notre présence », a déclaré Éric Martin, directeur général de Huawei France. Elle emploie plus de 207 000 personnes.';
    assert.deepStrictEqual(quotes(french), ['Éric Martin | directeur général de Huawei France | Nous sommes fiers de notre présence']);
    assert.deepStrictEqual(figures(french).map((f) => f.split(' — ')[0]), ['207 000']);
    assert.strictEqual(extractOutline('MADRID, ESPAÑA – 14 de noviembre de 2025 – Huawei anunció hoy.').dateline?.date, '14 noviembre 2025');
    // Turkish names the speaker after his title; an English title alone names no one.
    assert.deepStrictEqual(quotes('“Bu bir test cümlesidir ve uzun,” dedi Huawei Türkiye Genel Müdürü Ahmet Çelik.'), [
      'Ahmet Çelik | Huawei Türkiye Genel Müdürü | Bu bir test cümlesidir ve uzun',
    ]);
    assert.deepStrictEqual(quotes('“This is a very good test sentence,” said Huawei Consumer Business Group President.'), [' | Huawei Consumer Business Group President | This is a very good test sentence']);
    // Polish sets a dash between the close and the verb.
    assert.deepStrictEqual(quotes('„Jesteśmy dumni z tego projektu” – powiedział Łukasz Wiśniewski, dyrektor generalny Huawei Polska.'), [
      'Łukasz Wiśniewski | dyrektor generalny Huawei Polska | Jesteśmy dumni z tego projektu',
    ]);
  });

  it('reads Russian: a comma and a dash before the verb, genitive months, decimal commas, млрд', () => {
    const russian = 'МОСКВА, 14 ноября 2025 г. — Huawei провела форум.\n\n«Открытые инновации лежат в основе развития», — заявил главный юрист компании Сун Люпин.\n\nВ 2024 году инвестиции составили 179,7 млрд юаней, или 20,8% выручки.';
    const ru = extractOutline(russian);
    assert.deepStrictEqual([ru.dateline?.place, ru.dateline?.date], ['МОСКВА', '14 ноября 2025']);
    assert.deepStrictEqual(quotes(russian), ['Сун Люпин | главный юрист компании | Открытые инновации лежат в основе развития']);
    assert.deepStrictEqual(figures(russian), ['179,7 млрд юаней — инвестиции, 2024', '20,8% — выручки, 2024']);
    // A decimal comma has one or two decimals: three make a thousand, as in English.
    assert.deepStrictEqual(figures('Der Umsatz lag bei 1,2 Milliarden Euro. Revenue was 1,234 units.').map((f) => f.split(' — ')[0]), ['1,2 Milliarden Euro', '1,234']);
  });

  it('reads Chinese: no spaces, X表示：“…”, “…，”X说, 2025年11月14日, 亿 and 万, counters, 媒体联系人', () => {
    const chinese = '华为发布创新和知识产权白皮书\n\n中国深圳，2025年11月14日——华为今天发布白皮书。\n\n华为首席法务官宋柳平表示：“开放创新是华为发展的基石。”\n\n“我们的专利许可收入约为6.3亿美元，”知识产权部部长樊志勇说。2024年，华为研发投入达到1797亿元人民币，占全年收入的20.8%。过去十年，华为共持有专利超过15万件。\n\n媒体联系人：\n张伟，电话：+86 755 2878 0808';
    const zh = extractOutline(chinese);
    assert.strictEqual(zh.headline?.text, '华为发布创新和知识产权白皮书');
    assert.deepStrictEqual([zh.dateline?.place, zh.dateline?.date], ['中国深圳', '2025年11月14日']);
    assert.deepStrictEqual(quotes(chinese), ['宋柳平 | 华为首席法务官 | 开放创新是华为发展的基石。', '樊志勇 | 知识产权部部长 | 我们的专利许可收入约为6.3亿美元']);
    assert.deepStrictEqual(figures(chinese), ['6.3亿美元 — 我们的专利许可收入', '1797亿元人民币 — 华为研发投入, 2024', '20.8% — 全年收入, 2024', '15万件 — 华为共持有专利, 过去十年']);
    assert.deepStrictEqual(zh.contacts.map((c) => `${c.kind}: ${c.value}`), ['person: 张伟', 'phone: +86 755 2878 0808']);
    // Dates and years glued to 年 月 日 are no figures; Japanese 「」 are quotation marks.
    assert.deepStrictEqual(figures('2025年11月14日，公司成立。'), []);
    assert.deepStrictEqual(quotes('山田太郎社長は「新しい製品を発表できてうれしいです。」と述べた。'), ['山田太郎 | 社長 | 新しい製品を発表できてうれしいです。']);
    // Japanese: `XXは「…」と述べました`, `「…」と、TITLEのXXは語りました`; a name in marks is no quote.
    assert.deepStrictEqual(quotes('ファーウェイは「イノベーション白書2025」を発表しました。「収入は約6億3,000万米ドルでした」と、知的財産部長の樊志勇は語りました。'), ['樊志勇 | 知的財産部長 | 収入は約6億3,000万米ドルでした']);
    assert.deepStrictEqual(figures('「収入は約6億3,000万米ドルでした」と語りました。全世界で15万件以上の有効な特許を保有しています。'), ['6億3,000万米ドル — 収入', '15万件 — 有効な特許']);
  });

  it('reads Korean: NAME ORG TITLE은 “…”라고 말했다, “…”라고 NAME은 밝혔다, 억 and 만 glued, currencies and counters a space apart', () => {
    const korean = '서울, 2025년 11월 14일 – 화웨이는 오늘 포럼을 개최했다.\n\n송류핑 화웨이 최고법무책임자는 “개방형 혁신은 발전의 토대입니다”라고 말했다.\n\n“수입은 약 6억 3000만 달러였습니다”라고 판즈융 지식재산부장은 밝혔다. 2024년 화웨이의 투자는 1797억 위안으로 연간 매출의 20.8%를 차지했다. 화웨이는 15만 건 이상의 유효 특허를 보유하고 있다.';
    const ko = extractOutline(korean);
    assert.deepStrictEqual([ko.dateline?.place, ko.dateline?.date], ['서울', '2025년 11월 14일']);
    assert.deepStrictEqual(quotes(korean), ['송류핑 | 화웨이 최고법무책임자 | 개방형 혁신은 발전의 토대입니다', '판즈융 | 지식재산부장 | 수입은 약 6억 3000만 달러였습니다']);
    assert.deepStrictEqual(figures(korean), ['6억 3000만 달러 — 수입', '1797억 위안 — 화웨이의 투자, 2024', '20.8% — 연간 매출, 2024', '15만 건 — 유효 특허, 2024']);
    assert.deepStrictEqual(quotes('이날 송류핑 화웨이 최고법무책임자는 “개방형 혁신은 발전의 토대입니다”라고 말했다.'), ['송류핑 | 화웨이 최고법무책임자 | 개방형 혁신은 발전의 토대입니다']);
    // Dates glued to 년 월 일 are no figures.
    assert.deepStrictEqual(figures('2025년 11월 14일에 발표했다.'), []);
  });
});

describe('outline: robustness', () => {
  it('rejects a non-string with a clear error', () => {
    assert.throws(() => extractOutline(undefined as unknown as string), /expects the document text as a string/);
  });

  it('returns an empty outline for empty text', () => {
    assert.deepStrictEqual(extractOutline(''), { headline: null, dateline: null, quotes: [], figures: [], contacts: [] });
    assert.match(formatOutlineMarkdown(extractOutline('')), /no headline found/);
  });

  it('finishes on a large release and on long runs of quote marks and digits (sanity, not timed)', () => {
    const paragraph =
      '“We are adding 1,200 jobs,” said Ada Novak, chief executive. Revenue was $3 million in 2024. ' +
      "It's a 'big' year, as the 'team' says, for \"all\" of us.\n\n";
    const big = paragraph.repeat(7000); // about 1 MB
    const o = extractOutline(big);
    // One quote per paragraph: 'big', 'team' and "all" are terms, not speech.
    assert.strictEqual(o.quotes.length, 7000);
    assert.strictEqual(o.quotes[6999].speaker, 'Ada Novak');
    const marks = extractOutline("'a ".repeat(200000) + '"'.repeat(100000) + '1'.repeat(100000));
    assert.ok(Array.isArray(marks.quotes));
  });
});

describe('outline: long lines', () => {
  it('a line of names read whole (each name’s role once read to the sentence’s end: quadratic; not timed)', function () {
    this.timeout(60_000);
    // 400 K characters of `, Jane Contact` (one sentence, a name every 13 characters) once took
    // minutes; a role is read a bounded way past its name now.
    const outline = extractOutline(', Jane Contact'.repeat(30_000));
    assert.deepStrictEqual(outline.quotes, []);
    // A role after a name is still read to its end within a sentence.
    const text = '“We lead,” said Jane Doe, Chief Executive Officer of Acme Corporation and chair of its board, in Paris.';
    assert.strictEqual(extractOutline(text).quotes[0]?.role, 'Chief Executive Officer of Acme Corporation and chair of its board');
  });
});
