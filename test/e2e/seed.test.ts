// A person's session with the packaged extension in code-server: open the garbled seed, see the
// squiggles, fix one word with Ctrl+. and jump to a quote from the Release Outline. Each step
// leaves a screenshot in test/e2e/screenshots/. The steps share one page and run in order.
import * as assert from 'assert';
import type { Browser, Page } from 'playwright-core';
import {
  clickInText,
  cursorMovedFrom,
  cursorPosition,
  dismissNotifications,
  e2eEnv,
  editor,
  editorLine,
  hoverInText,
  launchBrowser,
  lineText,
  notificationTexts,
  screenshot,
  waitForStableRows,
} from './workbench';

// Line 15 of the seed: "Liuping Song, Huaweiâ??s Chief Legal Officer, delivering opening remarks".
// Its speaker is named again later in the text, so the line is found by how it starts.
// (\s: Monaco renders spaces as no-break spaces.)
const garbledLine = /^Liuping\sSong,\sHuawei/;
const garbledWord = 'Huaweiâ??s';
const repairedWord = 'Huawei’s';

describe('Clean Copy in code-server (packaged VSIX)', function () {
  this.timeout(120_000);
  const env = e2eEnv();
  let browser: Browser;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${env.url}/?folder=${encodeURIComponent(env.workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  });

  // A failed step still leaves a picture of what was on screen.
  afterEach(async function () {
    const test = this.currentTest;
    if (test?.state !== 'failed' || !page) return;
    const name = `failed-${test.title.replace(/[^\w]+/g, '-').slice(0, 50)}`;
    await screenshot(page, env.screenshots, name).catch(() => undefined);
  });

  after(async () => {
    await browser?.close();
  });

  it('opens seed.txt from the explorer and shows its text', async () => {
    const entry = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'seed.txt' }).first();
    await entry.waitFor({ timeout: 60_000 });
    await entry.click();
    await editorLine(page, 'Advancing Innovation with Openness').waitFor({ timeout: 30_000 });
    await dismissNotifications(page);
    await screenshot(page, env.screenshots, '01-seed-open');
    assert.match(await lineText(editorLine(page, garbledLine)), /Huaweiâ\?\?s Chief Legal Officer/);
  });

  it('underlines garbled text with squiggles', async () => {
    const squiggles = editor(page).locator('.squiggly-error, .squiggly-warning, .squiggly-info, .squiggly-hint');
    await squiggles.first().waitFor({ timeout: 30_000 });
    await screenshot(page, env.screenshots, '02-squiggles');
    assert.ok((await squiggles.count()) > 0);
  });

  it('explains a garbled word on hover: what it was, the bytes and the wrong codecs', async () => {
    await hoverInText(page, editorLine(page, garbledLine), garbledWord, 'Huawei'.length + 1);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Windows-1252' }).first();
    await hover.waitFor({ timeout: 15_000 });
    await screenshot(page, env.screenshots, '02b-hover');
    const text = await hover.innerText();
    assert.match(text, /’/);
    assert.match(text, /E2 80/);
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 450);
  });

  it('repairs a garbled word with Ctrl+. → "Replace with ’"', async () => {
    const line = editorLine(page, garbledLine);
    const before = await cursorPosition(page);
    await clickInText(page, line, garbledWord, 'Huawei'.length + 1);
    const inWord = await cursorMovedFrom(page, before, 5_000);
    await screenshot(page, env.screenshots, '03-cursor-in-word');
    assert.match(inWord, /^Ln 15, Col \d+/);
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget');
    const fix = menu.locator('.monaco-list-row', { hasText: 'Replace with ’' }).first();
    await fix.waitFor({ timeout: 15_000 });
    await screenshot(page, env.screenshots, '04-quick-fix-menu');
    // The menu ignores clicks until the mouse has moved over it (a guard against stray clicks),
    // so move onto the item first, as a hand on a mouse would.
    const box = await fix.boundingBox();
    assert.ok(box, 'the quick fix item has no box on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await fix.click();
    await editorLine(page, /^Liuping\sSong,\sHuawei’s\sChief/).waitFor({ timeout: 15_000 });
    await screenshot(page, env.screenshots, '05-word-repaired');
    const repaired = await lineText(editorLine(page, garbledLine));
    assert.ok(repaired.startsWith(`Liuping Song, ${repairedWord} Chief Legal Officer`), `line reads: ${repaired}`);
  });

  it('jumps to a quote from the Release Outline view', async () => {
    const before = await cursorPosition(page);
    await page.locator('.part.activitybar .action-label[aria-label^="Clean Copy"]').first().click();
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Release Outline' }) });
    await view.locator('.monaco-list-row').first().waitFor({ timeout: 30_000 });

    // Quotes → speaker → quote: open collapsed levels until a quote row is visible.
    const quotes = view.locator('.monaco-list-row[aria-level="1"]', { hasText: 'Quotes' }).first();
    if ((await quotes.getAttribute('aria-expanded')) === 'false') await quotes.click();
    const speaker = view.locator('.monaco-list-row[aria-level="2"]').first();
    await speaker.waitFor({ timeout: 10_000 });
    if ((await speaker.getAttribute('aria-expanded')) === 'false') await speaker.click();
    const quote = view.locator('.monaco-list-row[aria-level="3"]').first();
    await quote.waitFor({ timeout: 10_000 });
    await waitForStableRows(view, 1_500, 20_000);
    await screenshot(page, env.screenshots, '06-release-outline');
    // Each group shows its own rows (a refresh while the view was hidden once put quotes under Figures).
    const figures = view.locator('.monaco-list-row[aria-level="1"]', { hasText: 'Figures' }).first();
    if ((await figures.getAttribute('aria-expanded')) === 'false') await figures.click();
    await view.locator('.monaco-list-row[aria-level="2"]', { hasText: 'US$630 million' }).first().waitFor({ timeout: 10_000 });

    await quote.click();
    const after = await cursorMovedFrom(page, before, 10_000);
    await screenshot(page, env.screenshots, '07-quote-revealed');
    const errors = (await notificationTexts(page)).filter((text) => /not found|error/i.test(text));
    assert.deepStrictEqual(errors, [], 'clicking the quote showed an error');
    assert.notStrictEqual(after, before);
    assert.match(after, /^Ln \d+, Col \d+/);
  });
});
