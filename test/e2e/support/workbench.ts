// Drives the VS Code workbench in Chromium the way a person does: Quick Open,
// Go to Line, the mouse over a squiggle, the light bulb, the Problems panel.
// Everything waits for the state it needs by polling the DOM; nothing sleeps.
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT, until, type CodeServer } from './code-server';

/** Anything that can give the workbench URL: a started CodeServer, or the URL the demo printed. */
export type WorkbenchServer = Pick<CodeServer, 'url'>;

export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'e2e');
const ACTIVE_EDITOR = '.editor-group-container.active .monaco-editor';
const VISIBLE_HOVER = '.monaco-hover:not(.hidden)';
const HOVER_TIMEOUT_MS = 15_000;
const isMac = process.platform === 'darwin';
const mod = isMac ? 'Meta' : 'Control';

export class Workbench {
  private constructor(readonly page: Page) {}

  static async open(browser: Browser, server: WorkbenchServer, payload?: [string, string][]): Promise<Workbench> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(server.url(payload));
    const workbench = new Workbench(page);
    // The explorer lists the workspace once the remote file system answers.
    await workbench.waitFor('the explorer to list the workspace', '.explorer-folders-view .monaco-list-row', 90_000);
    return workbench;
  }

  async waitFor(what: string, selector: string, timeoutMs = 30_000): Promise<void> {
    await until(what, async () => ((await this.page.locator(selector).count()) > 0 ? true : undefined), timeoutMs);
  }

  /** Opens a workspace file through Quick Open and waits until its tab is active. */
  async openFile(name: string): Promise<void> {
    await this.dismiss();
    await this.page.keyboard.press(`${mod}+P`);
    await this.waitFor('Quick Open', '.quick-input-widget:visible');
    await this.page.keyboard.type(name);
    // The list first shows recently opened files; wait until it has filtered down to this one.
    await this.waitFor(`${name} focused in Quick Open`, `.quick-input-widget .monaco-list-row.focused[aria-label^="${name}"]`);
    await this.page.keyboard.press('Enter');
    await this.waitFor(`the ${name} tab`, `.tab.active[data-resource-name="${name}"]`);
    await this.waitFor(`the editor of ${name}`, `${ACTIVE_EDITOR} .view-line`);
  }

  /** Runs a command from the Command Palette by its full title, e.g. `Pythonic: Check Workspace`. */
  async runCommand(title: string): Promise<void> {
    await this.dismiss();
    await this.page.keyboard.press('F1');
    await this.waitFor('the Command Palette', '.quick-input-widget:visible');
    await this.page.keyboard.type(title);
    await this.waitFor(`${title} focused in the Command Palette`, `.quick-input-widget .monaco-list-row.focused[aria-label^="${title}"]`);
    await this.page.keyboard.press('Enter');
  }

  /** The active editor's text, read from its rendered lines (files in these tests fit on screen). */
  async editorText(): Promise<string> {
    const lines = await this.page.locator(`${ACTIVE_EDITOR} .view-lines .view-line`).evaluateAll((elements) =>
      elements.map((element) => ({ top: parseFloat(element.style.top), text: element.textContent ?? '' })),
    );
    lines.sort((a, b) => a.top - b.top);
    return lines.map((line) => line.text.replace(/\u00a0/g, ' ')).join('\n');
  }

  /** Moves the cursor with Go to Line (1-based line and column, as the box takes them). */
  async goTo(line: number, column: number): Promise<void> {
    await this.dismiss();
    await this.page.keyboard.press(`${mod}+G`);
    await this.waitFor('Go to Line', '.quick-input-widget:visible');
    await this.page.keyboard.type(`${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await until(`the cursor at ${line}:${column}`, async () => {
      const status = await this.page.locator('#status\\.editor\\.selection').innerText().catch(() => '');
      return status.includes(`Ln ${line}, Col ${column}`) ? true : undefined;
    });
  }

  /** Puts the mouse over the character after the cursor and returns the hover once it matches. */
  async hoverAtCursor(expected: RegExp): Promise<string> {
    const cursor = await until('the cursor', () => this.page.locator(`${ACTIVE_EDITOR} .cursors-layer .cursor`).first().boundingBox().then((b) => b ?? undefined));
    return this.hoverAt(cursor.x + 4, cursor.y + cursor.height / 2, expected);
  }

  /** Puts the mouse over the first warning squiggle and returns the hover once it matches. */
  async hoverSquiggle(expected: RegExp): Promise<string> {
    const box = await until('a visible warning squiggle', () => this.page.locator(`${ACTIVE_EDITOR} .squiggly-warning:visible`).first().boundingBox().then((b) => b ?? undefined));
    return this.hoverAt(box.x + box.width / 2, box.y + box.height / 2, expected);
  }

  private async hoverAt(x: number, y: number, expected: RegExp): Promise<string> {
    let seen = '';
    return until(() => `a hover matching ${expected} (last seen: ${JSON.stringify(seen.slice(0, 400))})`, async () => {
      // Jiggle by a pixel so the editor sees a fresh mouse move on every try.
      await this.page.mouse.move(x, y + 1);
      await this.page.mouse.move(x, y);
      const hovers = this.page.locator(VISIBLE_HOVER);
      if ((await hovers.count()) === 0) return undefined;
      seen = await hovers.first().innerText();
      return expected.test(seen) ? seen : undefined;
    }, HOVER_TIMEOUT_MS);
  }

  /** Clicks the light bulb on the cursor's line and picks the code action whose title matches. */
  async applyCodeActionFromLightBulb(title: RegExp, screenshotOfMenu?: string): Promise<void> {
    const bulb = this.page.locator(`${ACTIVE_EDITOR} .lightBulbWidget`);
    await until('the light bulb', async () => ((await bulb.isVisible()) ? true : undefined));
    await bulb.click();
    const item = this.page.locator('.action-widget .monaco-list-row.action').filter({ hasText: title });
    await until(`a code action matching ${title}`, async () => ((await item.count()) > 0 ? true : undefined));
    if (screenshotOfMenu) await this.screenshot(screenshotOfMenu);
    // The menu covers the rest of the window with a pointer block that goes away on the first mouse move.
    const box = await until('the code action on screen', () => item.first().boundingBox().then((b) => b ?? undefined));
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /** Waits for the suggest widget, moves its focus to the item labelled `label` and accepts it with Enter. */
  async acceptSuggestion(label: string, screenshotOfList?: string): Promise<string> {
    const rows = this.page.locator('.suggest-widget.visible .monaco-list-row');
    await until(`the suggestion ${label}`, async () => ((await rows.filter({ hasText: label }).count()) > 0 ? true : undefined));
    if (screenshotOfList) await this.screenshot(screenshotOfList);
    const focused = this.page.locator('.suggest-widget.visible .monaco-list-row.focused .label-name');
    for (let step = 0; step < 30; step++) {
      if ((await focused.first().innerText().catch(() => '')).trim() === label) {
        const offered = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
        await this.page.keyboard.press('Enter');
        return `accepted ${label} after ${step} steps among ${JSON.stringify(offered)}`;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`the suggest widget never focused ${label}`);
  }

  async openProblemsPanel(): Promise<void> {
    await this.page.keyboard.press(`${mod}+Shift+M`);
    await this.waitFor('the Problems panel', '.markers-panel');
  }

  /** Rows of the Problems panel under `file`'s heading, each as its visible text. */
  async problemsIn(file: string): Promise<string[]> {
    const rows = this.page.locator('.markers-panel .monaco-list-row');
    const labels = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
    const texts = await rows.allInnerTexts();
    const heading = labels.findIndex((label) => new RegExp(`problems? in file ${file.replace(/\./g, '\\.')} `).test(label));
    if (heading < 0) return [];
    const next = labels.findIndex((label, i) => i > heading && / in file /.test(label));
    return texts.slice(heading + 1, next < 0 ? undefined : next);
  }

  async save(): Promise<void> {
    await this.page.keyboard.press(`${mod}+S`);
  }

  async typeAtEnd(text: string): Promise<void> {
    await this.page.locator(`${ACTIVE_EDITOR} .view-lines`).click();
    await this.page.keyboard.press(`${mod}+End`);
    await this.page.keyboard.type(text);
  }

  /** Closes hovers, widgets and Quick Open, and moves the mouse off the editor. */
  async dismiss(): Promise<void> {
    await this.page.mouse.move(1, 1);
    await this.page.keyboard.press('Escape');
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    // Hovers fade in: finish CSS animations so the picture shows the settled widget.
    await this.page.screenshot({ path: file, animations: 'disabled' });
    return file;
  }
}
