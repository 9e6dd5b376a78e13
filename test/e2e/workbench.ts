// Helpers that drive the code-server workbench in chromium the way a person would: click, type,
// read what is on screen. The server itself is started by scripts/test-e2e.js, which passes its
// URL and workspace through the environment.
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

// Code passed to page.evaluate runs in chromium. This Node project has no DOM typings, so the
// little of the DOM that code uses is declared here, for this file only.
interface PageTextNode {
  data: string;
}
interface PageRect {
  left: number;
  top: number;
  width: number;
  height: number;
}
declare const document: {
  createTreeWalker(root: unknown, whatToShow: number): { nextNode(): PageTextNode | null };
  createRange(): {
    setStart(node: PageTextNode, offset: number): void;
    setEnd(node: PageTextNode, offset: number): void;
    getBoundingClientRect(): PageRect;
  };
};

export interface E2eEnv {
  url: string;
  workspace: string;
  screenshots: string;
}

export function e2eEnv(): E2eEnv {
  const url = process.env.CLEAN_COPY_E2E_URL;
  const workspace = process.env.CLEAN_COPY_E2E_WORKSPACE;
  if (!url || !workspace) {
    throw new Error('CLEAN_COPY_E2E_URL and CLEAN_COPY_E2E_WORKSPACE are unset: run the e2e tests with `npm run test:e2e`');
  }
  const screenshots = process.env.CLEAN_COPY_E2E_SCREENSHOTS ?? path.resolve('test', 'e2e', 'screenshots');
  fs.mkdirSync(screenshots, { recursive: true });
  return { url, workspace, screenshots };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CLEAN_COPY_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Monaco renders spaces as no-break spaces; compare text the way a reader sees it. */
export function visibleText(text: string): string {
  return text.replace(/\u00a0/g, ' ');
}

export function editor(page: Page): Locator {
  return page.locator('.editor-instance .monaco-editor').first();
}

/** The rendered editor line (a `.view-line`) whose visible text contains or matches `text`. */
export function editorLine(page: Page, text: string | RegExp): Locator {
  return editor(page).locator('.view-line').filter({ hasText: text });
}

export async function lineText(line: Locator): Promise<string> {
  return visibleText(await line.innerText());
}

/** Cursor position as the status bar shows it, e.g. "Ln 15, Col 8". */
export async function cursorPosition(page: Page): Promise<string> {
  return visibleText((await page.locator('[id="status.editor.selection"]').innerText()).trim());
}

/**
 * Clicks on the character at `offset` within the first occurrence of `snippet` in a rendered
 * line: finds the text across the token spans Monaco splits lines into, and clicks the middle
 * of that character's box.
 */
export async function clickInText(page: Page, line: Locator, snippet: string, offset: number): Promise<void> {
  const point = await pointInText(line, snippet, offset);
  await page.mouse.click(point.x, point.y);
}

/** Rests the mouse on the character at `offset` of `snippet` in a rendered editor line (a hover). */
export async function hoverInText(page: Page, line: Locator, snippet: string, offset: number): Promise<void> {
  const point = await pointInText(line, snippet, offset);
  await page.mouse.move(point.x - 20, point.y);
  await page.mouse.move(point.x, point.y, { steps: 5 });
}

/** Screen point of the character at `offset` of `snippet` in a rendered editor line. */
async function pointInText(line: Locator, snippet: string, offset: number): Promise<{ x: number; y: number }> {
  const box = await line.evaluate(
    (element, [wanted, at]) => {
      const showText = 4; // NodeFilter.SHOW_TEXT
      const walker = document.createTreeWalker(element, showText);
      const nodes: PageTextNode[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
      const whole = nodes.map((n) => n.data.replace(/\u00a0/g, ' ')).join('');
      let index = whole.indexOf(wanted as string);
      if (index < 0) return null;
      index += at as number;
      for (const node of nodes) {
        if (index < node.data.length) {
          const range = document.createRange();
          range.setStart(node, index);
          range.setEnd(node, index + 1);
          const rect = range.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
        index -= node.data.length;
      }
      return null;
    },
    [snippet, offset] as const,
  );
  if (!box) throw new Error(`"${snippet}" is not in the rendered line`);
  return box;
}

/** Waits until the status bar's cursor position differs from `previous`; returns the new one. */
export async function cursorMovedFrom(page: Page, previous: string, timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await cursorPosition(page);
    if (now !== previous || Date.now() > deadline) return now;
    await page.waitForTimeout(100);
  }
}

/**
 * Waits until the rows under `container` have not changed for `quietMs`, like a person who reads
 * a freshly drawn tree before clicking. (Clicking a tree row while its view is being refreshed
 * fails in VS Code with "Actual command not found": the row's command died with the old items.)
 */
export async function waitForStableRows(container: Locator, quietMs: number, timeoutMs: number): Promise<void> {
  const snapshot = () => container.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => `${r.id}:${r.textContent}`).join('|'));
  const deadline = Date.now() + timeoutMs;
  let last = await snapshot();
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs) {
    if (Date.now() > deadline) throw new Error(`the tree kept changing for ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await snapshot();
    if (now !== last) {
      last = now;
      quietSince = Date.now();
    }
  }
}

/** Texts of the notification toasts on screen (errors such as "command not found" show here). */
export async function notificationTexts(page: Page): Promise<string[]> {
  return (await page.locator('.notification-toast').allInnerTexts()).map(visibleText);
}

export async function screenshot(page: Page, dir: string, name: string): Promise<string> {
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Closes notification toasts so they don't cover the editor or the status bar. */
export async function dismissNotifications(page: Page): Promise<void> {
  const toasts = page.locator('.notification-toast');
  for (let i = 0; i < 5 && (await toasts.count()) > 0; i++) {
    await page.keyboard.press('Escape');
    const clear = page.locator('.notification-toast .codicon-notifications-clear, .notification-toast .codicon-close').first();
    if (await clear.isVisible().catch(() => false)) await clear.click().catch(() => undefined);
  }
}
