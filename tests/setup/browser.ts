// Debian's Chromium driven by playwright-core (never a downloaded browser), and axe.
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
}

/** axe with WCAG 2.1 A/AA rules: zero violations expected. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const summary = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  // Reflow beyond axe: tables keep their words whole on a phone (WCAG 1.4.10).
  await expectTableWordsWhole(page);
}

/** Presses Tab until the element with this accessible name has focus, then returns. */
export async function tabTo(page: Page, name: RegExp, maxTabs = 60): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = el.getAttribute('aria-label') ?? '';
      const labels = (el as HTMLInputElement).labels;
      const labelText = labels && labels.length ? Array.from(labels).map((l) => l.textContent ?? '').join(' ') : '';
      // Roughly the accessible name: aria-label, else the label, else the text, else the value.
      return (labelled || labelText || el.textContent || (el as HTMLInputElement).value || '').replace(/\s+/g, ' ').trim();
    });
    if (name.test(focused)) return;
  }
  throw new Error(`could not reach ${name} by keyboard`);
}

/**
 * No word in a table cell is wider than its cell, i.e. the browser did not break words letter by
 * letter to squeeze a table onto a phone (cells marked `break-anywhere` are exempt).
 */
export async function expectTableWordsWhole(page: Page): Promise<void> {
  const broken = await page.evaluate(() => {
    const out: string[] = [];
    const context = document.createElement('canvas').getContext('2d')!;
    for (const cell of Array.from(document.querySelectorAll<HTMLElement>('table th, table td'))) {
      if (cell.classList.contains('break-anywhere')) continue;
      const style = getComputedStyle(cell);
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const width = cell.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      // A line may break at a space or after a hyphen ("hyvinvointi-|indeksi"), nowhere else.
      const pieces = (cell.innerText ?? '').split(/\s+/).flatMap((word) => word.split(/(?<=-)/));
      for (const piece of pieces) if (piece && context.measureText(piece).width > width + 1) out.push(piece);
    }
    return out;
  });
  expect(broken, `words broken inside table cells on ${page.url()}`).toEqual([]);
}

/** The page fits the viewport: no sideways scrolling of the whole document. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}
