/** Freshness threshold (months, from the territory) and offers whose dates are all past. */
import { describe, expect, it } from 'vitest';
import { isStale, monthsSince, staleBefore } from '../../src/lib/data/freshness';
import { isEnded, lastDatedSession, offerEndDate } from '../../src/lib/data/ended';
import { staleCsv, staleRecords } from '../../src/lib/export/a-verifier';
import { loadDataset } from '../../src/lib/data/dataset';
import type { Offre } from '../../src/schemas';

describe('freshness', () => {
  it('counts calendar months', () => {
    const today = new Date('2026-11-25T10:00:00Z');
    expect(staleBefore(today, 12)).toBe('2025-11-25');
    expect(staleBefore(new Date('2026-03-31T10:00:00Z'), 1)).toBe('2026-02-28');
    expect(isStale('2025-11-24', today, 12)).toBe(true);
    expect(isStale('2025-11-25', today, 12)).toBe(false);
    expect(isStale('2026-06-01', today, 3)).toBe(true);
    expect(monthsSince('2023-01-01', today)).toBe(46);
  });
  it('lists stale records oldest first, with a contact, for every collection, and the threshold comes from the territory', () => {
    const ds = loadDataset('data').dataset!;
    const today = new Date('2026-11-25T10:00:00Z');
    const rows = staleRecords(ds, today);
    expect(rows.length).toBeGreaterThan(0);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.verifie_le <= rows[i]!.verifie_le).toBe(true);
    for (const r of rows) expect(r.verifie_le < '2025-11-25').toBe(true);
    const all = [...ds.structures, ...ds.lieux, ...ds.offres, ...ds.equipes];
    expect(rows).toHaveLength(all.filter((r) => r.verifie_le < '2025-11-25').length);
    const stricter = staleRecords({ ...ds, territoire: { ...ds.territoire, verification_mois: 1 } }, today);
    expect(stricter.length).toBeGreaterThan(rows.length);
    const csv = staleCsv(rows);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFtype;id;nom;verifie_le;mois;telephone;courriel;porteur;source;fiche');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(rows.length + 1);
  }, 60_000);
});

describe('ended offers', () => {
  const base = { mode: { type: 'sur_place' }, horaires: 'Tu 14:00-16:00' } as unknown as Offre;
  it('a repeating schedule never ends; dated sessions end after the last one; periode.fin ends too', () => {
    expect(offerEndDate(base)).toBeNull();
    expect(lastDatedSession('2026 Dec 05 14:00-17:00; 2027 Jan 16,23 14:00-17:00')).toBe('2027-01-23');
    expect(lastDatedSession('2026 Dec 05 14:00-17:00; Tu 10:00-11:00')).toBeNull();
    const dated = { ...base, horaires: '2026 Dec 05 14:00-17:00' } as Offre;
    expect(isEnded(dated, new Date(2026, 11, 5, 18))).toBe(false); // same day: still listed
    expect(isEnded(dated, new Date(2026, 11, 6, 9))).toBe(true);
    expect(isEnded({ ...base, periode: { fin: '2026-01-31' } } as Offre, new Date(2026, 1, 1))).toBe(true);
    const itinerant = { mode: { type: 'itinerant', arrets: [{ horaires: '2026 Dec 01 10:00-11:00' }, { horaires: 'Mo 10:00-11:00' }] } } as unknown as Offre;
    expect(offerEndDate(itinerant)).toBeNull();
  });
});
