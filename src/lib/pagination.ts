/**
 * Pages of a long listing (/offres/ at national scale: 100 000 offers would make one page of tens of MB). Pure:
 * which items go on which page, and which page links to show (first, last, and the neighbours of the current one).
 */

/** Offers per page of /offres/: the pilot (under it) keeps its single page. */
export const OFFRES_PAR_PAGE = 200;

/** The items of page `n` (1-based) and the number of pages (at least 1, so an empty listing still has its page). */
export function pageOf<T>(items: readonly T[], n: number, size: number): { items: T[]; last: number } {
  const last = Math.max(1, Math.ceil(items.length / size));
  return { items: items.slice((n - 1) * size, n * size), last };
}

/** Page numbers to link to, with `null` where numbers are skipped: 1 … 6 7 [8] 9 10 … 500. */
export function pageLinks(current: number, last: number, around = 2): (number | null)[] {
  const out: (number | null)[] = [];
  for (let p = 1; p <= last; p++) {
    if (p === 1 || p === last || Math.abs(p - current) <= around) out.push(p);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

/** URL of page `n` of a listing whose first page is `base` (`/offres/`, then `/offres/page/2/`). */
export const pageUrl = (base: string, n: number): string => (n === 1 ? base : `${base}page/${n}/`);
