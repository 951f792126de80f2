/**
 * Cumulative Layout Shift as a person on a slow phone would live it: a PerformanceObserver (`layout-shift`,
 * buffered) installed before the first byte, and the page's fonts, scripts and data held back so that the
 * first paint happens before they arrive (on 127.0.0.1 everything arrives before the first paint and nothing
 * could be seen to move). Used by tests/browser/layout-shift.test.ts and by `npm run bench:lighthouse`, whose
 * Lighthouse 12 cannot name the shifted elements with the Chromium of this machine.
 */
import type { Page } from 'playwright-core';

export interface Shift {
  /** ms since navigation start */
  time: number;
  value: number;
  hadRecentInput: boolean;
  /** the elements that moved: `tag#id.class` and their top/height before → after */
  sources: string[];
}

/**
 * Passed as a string, not a function: tsx/esbuild would wrap named inner functions in a `__name` helper that
 * does not exist in the page, and the observer would die silently.
 */
const OBSERVER = `(() => {
  const shifts = [];
  window.__layoutShifts = shifts;
  const describe = (n) => {
    if (!n) return '(retiré)';
    if (!(n instanceof Element)) return n.nodeName === '#text' ? 'texte dans ' + describe(n.parentElement) : n.nodeName;
    const cls = typeof n.className === 'string' && n.className.trim() ? '.' + n.className.trim().split(/\\s+/).join('.') : '';
    return n.tagName.toLowerCase() + (n.id ? '#' + n.id : '') + cls;
  };
  const rect = (r) => Math.round(r.y) + '+' + Math.round(r.height) + '/' + Math.round(r.x) + '+' + Math.round(r.width);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      shifts.push({
        time: Math.round(e.startTime),
        value: e.value,
        hadRecentInput: e.hadRecentInput,
        sources: (e.sources || []).map((s) => describe(s.node) + ' ' + rect(s.previousRect) + ' → ' + rect(s.currentRect)),
      });
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

/** Installs the observer; call before `page.goto`. */
export async function observeLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(OBSERVER);
}

/** Holds back fonts, scripts and fetched data by `ms` (the HTML and the CSS come at once, as on a fast server). */
export async function holdBackAssets(page: Page, ms: number): Promise<void> {
  await page.route(/\.(m?js|woff2?|json|pf_meta|pf_index|pf_fragment|pagefind|wasm|pmtiles|pbf)(\?|$)/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    await route.continue().catch(() => undefined); // the page may have been closed meanwhile
  });
}

export async function layoutShifts(page: Page): Promise<Shift[]> {
  return page.evaluate(() => (window as unknown as { __layoutShifts?: Shift[] }).__layoutShifts ?? []);
}

/**
 * CLS as the Web Vitals define it: shifts not caused by input, grouped in session windows (gap < 1 s,
 * window ≤ 5 s); the score is the largest window.
 */
export function cumulativeLayoutShift(shifts: Shift[]): number {
  let best = 0;
  let current = 0;
  let start = -Infinity;
  let last = -Infinity;
  for (const s of shifts.filter((x) => !x.hadRecentInput).sort((a, b) => a.time - b.time)) {
    if (s.time - last > 1000 || s.time - start > 5000) {
      current = 0;
      start = s.time;
    }
    current += s.value;
    last = s.time;
    best = Math.max(best, current);
  }
  return best;
}

/** One line per shift, largest first: what a failing test or the bench prints. */
export function describeShifts(shifts: Shift[]): string {
  return [...shifts]
    .sort((a, b) => b.value - a.value)
    .map((s) => `${s.value.toFixed(3)} à ${s.time} ms${s.hadRecentInput ? ' (après une saisie)' : ''} : ${s.sources.join(' ; ')}`)
    .join('\n');
}
