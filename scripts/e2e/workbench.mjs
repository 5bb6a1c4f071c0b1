// The DOM hooks of VS Code 1.100.3's workbench that the UI tests share (internal class names:
// code-server is pinned for that reason). `workbench(page, { workspace, stepMs })` returns them
// bound to one page; `workspace` is the folder waitForDisk reports paths against.

import fs from 'node:fs';
import path from 'node:path';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function workbench(page, { workspace, stepMs }) {
  const TIMEOUTS = { step: stepMs };
  const visible = (locator) => locator.filter({ visible: true });
  const line = (text) => visible(page.locator('.monaco-editor .view-line', { hasText: text })).first();
  const tab = (text) => page.locator('.tabs-container .tab', { hasText: text });
  const dialog = visible(page.locator('.monaco-dialog-box'));
  const dialogButton = (text) => dialog.locator('.monaco-button', { hasText: text });
  const menuItem = (text) => visible(page.locator('.monaco-menu .action-item', { hasText: text }));
  const toast = (text) => visible(page.locator('.notifications-toasts .notification-toast', { hasText: text }));
  const markerRows = page.locator('.markers-panel .monaco-list-row');
  const escape = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  /** Polls the file on disk until `check(text)` holds; the error shows what is there. */
  async function waitForDisk(file, check, what) {
    const deadline = Date.now() + TIMEOUTS.step;
    let text = '';
    while (Date.now() < deadline) {
      text = fs.readFileSync(file, 'utf8');
      if (check(text)) return text;
      await sleep(200);
    }
    throw new Error(`${path.relative(workspace, file)} on disk never ${what}; it holds:\n${text}`);
  }
  /** Opens a workspace file with Quick Open (Ctrl+P), clicking the row of exactly that folder. */
  async function quickOpen(relPath) {
    await page.keyboard.press('Control+P');
    const input = visible(page.locator('.quick-input-widget input'));
    await input.waitFor();
    await input.fill(relPath);
    const [dir, base] = [path.dirname(relPath), path.basename(relPath)];
    const exactly = (t) => new RegExp(`^\\s*${escape(t)}\\s*$`);
    const named = visible(page.locator('.quick-input-list .monaco-list-row')).filter({ has: page.locator('.label-name', { hasText: exactly(base) }) });
    // A file at the workspace root has no folder under its name.
    const row =
      dir === '.'
        ? named.filter({ hasNot: page.locator('.label-description', { hasText: /\S/ }) })
        : named.filter({ has: page.locator('.label-description', { hasText: exactly(dir) }) });
    await row.click();
    await visible(page.locator('.tabs-container .tab.active', { hasText: base })).waitFor();
  }
  /**
   * The code lenses of the visible editor: [{ text, line }], `line` being the text of the
   * editor line each sits above (a lens is a widget in a view zone over its line).
   */
  async function codeLenses() {
    return page.evaluate(() => {
      const lines = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-line')]
        .map((l) => ({ top: l.getBoundingClientRect().top, text: l.textContent.replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top);
      const lenses = [];
      for (const widget of document.querySelectorAll('.editor-group-container.active .monaco-editor .codelens-decoration')) {
        const box = widget.getBoundingClientRect();
        if (box.height === 0) continue;
        const below = lines.find((l) => l.top >= box.bottom - 2);
        for (const item of widget.querySelectorAll('a, span:not(:has(*))')) {
          const text = item.textContent.trim();
          if (text && text !== '|') lenses.push({ text, line: below?.text ?? '' });
        }
      }
      return lenses;
    });
  }
  /** Waits until the lenses satisfy `check`; the error lists what was shown. */
  async function waitForLenses(check, what) {
    const deadline = Date.now() + TIMEOUTS.step;
    let lenses = [];
    while (Date.now() < deadline) {
      lenses = await codeLenses();
      if (check(lenses)) return lenses;
      await sleep(250);
    }
    throw new Error(`${what}; the code lenses shown:\n  ${lenses.map((l) => `"${l.text}" above: ${l.line.slice(0, 90)}`).join('\n  ') || '(none)'}`);
  }
  const logLineOf = (position) => `"next_event_position":${position}`;
  async function suggestions() {
    const rows = visible(page.locator('.suggest-widget .monaco-list-row'));
    return (await rows.allInnerTexts()).map((t) => t.split('\n')[0].trim());
  }
  /** Waits until `locator` has not moved for a while (code lenses arriving push lines down). */
  async function settled(locator, quietMs = 1_000) {
    const deadline = Date.now() + TIMEOUTS.step;
    let last;
    let since = Date.now();
    while (Date.now() < deadline) {
      const box = JSON.stringify(await locator.boundingBox());
      if (box !== last) [last, since] = [box, Date.now()];
      else if (Date.now() - since >= quietMs) return;
      await sleep(100);
    }
    throw new Error('the editor kept moving');
  }
  /**
   * Right-click on the log line holding `text` (line `lineNumber`, 1-based) until the context
   * menu's "Resume from this line" (`title`, in the display language) shows with the cursor on that line. Code lenses that arrive
   * late (the server re-checks the log after every config change) push lines down between the
   * mouse's aim and the click, so the status bar's "Ln N" is checked before the menu is used.
   */
  async function resumeFromContextMenu(text, lineNumber, title = 'Resume from this line') {
    const cursor = visible(page.locator('#status\\.editor\\.selection'));
    let seen = '';
    for (let attempt = 1; attempt <= 3; attempt++) {
      await settled(line(text));
      await line(text).click({ button: 'right' });
      await menuItem(title).waitFor();
      seen = (await cursor.innerText()).trim();
      if (new RegExp(`^Ln ${lineNumber},`).test(seen)) return;
      console.log(`    (the right-click landed on "${seen}", not line ${lineNumber}: the editor moved; again)`);
      await page.keyboard.press('Escape');
    }
    throw new Error(`the right-click never put the cursor on line ${lineNumber} (status bar: "${seen}")`);
  }

  /**
   * Hovers `target` until `hover` shows, and returns its text. The server answers hovers from
   * its first lint of the file and the editor asks only when the mouse moves, so move away and
   * back until it shows (no edit is retried).
   */
  async function hoverUntil(target, hover) {
    const deadline = Date.now() + TIMEOUTS.step;
    for (;;) {
      await page.mouse.move(5, 5);
      await target.hover({ position: { x: 30, y: 8 } });
      try {
        await hover.waitFor({ timeout: 3_000 });
        await sleep(500); // let the fade-in end before the screenshot
        return await hover.innerText();
      } catch (err) {
        if (Date.now() > deadline) throw err;
      }
    }
  }

  return { hoverUntil, visible, line, tab, dialog, dialogButton, menuItem, toast, markerRows, escape, waitForDisk, quickOpen, codeLenses, waitForLenses, logLineOf, suggestions, settled, resumeFromContextMenu };
}
