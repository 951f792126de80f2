/**
 * Freshness of a record: "vérifié le" older than the territory's threshold (verification_mois, 12 by default)
 * means the information must be checked again with its contact. One rule for check-data, the fiches and
 * the coordinator's desk (/donnees/a-verifier/). Pure: also usable in the browser.
 */

/** The date `months` calendar months before `today` (same day of month, clamped), as AAAA-MM-JJ. */
export function staleBefore(today: Date, months: number): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, 1));
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(today.getUTCDate(), lastDay));
  return d.toISOString().slice(0, 10);
}

/** True when the ISO date `verifieLe` is strictly before `months` months ago. */
export function isStale(verifieLe: string, today: Date, months: number): boolean {
  return verifieLe < staleBefore(today, months);
}

/** Whole months between an ISO date and today (for "il y a 14 mois"). */
export function monthsSince(verifieLe: string, today: Date): number {
  const [y, m, d] = verifieLe.split('-').map(Number) as [number, number, number];
  let months = (today.getUTCFullYear() - y) * 12 + (today.getUTCMonth() + 1 - m);
  if (today.getUTCDate() < d) months--;
  return Math.max(0, months);
}
