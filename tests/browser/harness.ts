/** Opens pages of the built site in Debian's Chromium and records what a user would notice. */
import { chromium, type Browser, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { PORT } from './server';

export const BASE = `http://127.0.0.1:${PORT}`;
const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: EXECUTABLE,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
    ],
  });
}

export interface Visit {
  page: Page;
  consoleErrors: string[];
  /** Every request that did not go to the test server: must stay empty. */
  externalRequests: string[];
  failedRequests: string[];
}

export async function visit(browser: Browser, path: string, opts: { width?: number; height?: number; javaScriptEnabled?: boolean } = {}): Promise<Visit> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    locale: 'fr-FR',
    javaScriptEnabled: opts.javaScriptEnabled ?? true,
  });
  const page = await context.newPage();
  const v: Visit = { page, consoleErrors: [], externalRequests: [], failedRequests: [] };
  page.on('console', (m) => m.type() === 'error' && v.consoleErrors.push(m.text()));
  page.on('pageerror', (e) => v.consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(BASE) && !u.startsWith('data:') && !u.startsWith('blob:')) v.externalRequests.push(u);
  });
  page.on('requestfailed', (r) => v.failedRequests.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  page.on('response', (r) => r.status() >= 400 && v.failedRequests.push(`${r.status()} ${r.url()}`));
  await page.goto(BASE + path, { waitUntil: 'networkidle' });
  return v;
}

/** axe-core WCAG 2.1 A/AA violations, as readable strings (empty when the page passes). */
export async function axeViolations(page: Page): Promise<string[]> {
  const res = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return res.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes
        .slice(0, 2)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('tests/browser/screenshots', { recursive: true });
  await page.screenshot({ path: `tests/browser/screenshots/${name}.png`, fullPage: false });
}
