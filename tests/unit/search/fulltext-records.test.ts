/**
 * The full-text index is written from the records (lib/search/fulltext-records.ts): every fiche a reader can open
 * is in it once, with the words its page shows, and an ended offer is not (it left every listing).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/data/dataset';
import { isEnded, withoutEnded } from '../../../src/lib/data/ended';
import { indexFor } from '../../../src/lib/records';
import { fullTextRecords } from '../../../src/lib/search/fulltext-records';

const all = loadDataset(path.resolve('data')).dataset!;

describe('full-text records', () => {
  it('one record per fiche of the pilot, at its page’s address, titled with its name', () => {
    const today = new Date();
    const ds = withoutEnded(all, today);
    const recs = [...fullTextRecords(ds, all, indexFor(ds))];
    const expected = [
      ...all.offres.filter((o) => !isEnded(o, today)).map((o) => [`/offres/${o.id}/`, o.nom]),
      ...all.lieux.map((l) => [`/lieux/${l.id}/`, l.nom]),
      ...all.equipes.map((e) => [`/equipes/${e.id}/`, e.nom]),
      ...all.structures.map((s) => [`/structures/${s.id}/`, s.nom]),
    ];
    expect(recs.map((r) => [r.url, r.meta.title])).toEqual(expected);
    expect(new Set(recs.map((r) => r.url)).size).toBe(recs.length);
  });

  it('holds the words of the fiche: name, description, where, by whom, its needs', () => {
    const ds = withoutEnded(all, new Date());
    const idx = indexFor(ds);
    const recs = new Map([...fullTextRecords(ds, all, idx)].map((r) => [r.url, r]));
    for (const o of ds.offres) {
      const r = recs.get(`/offres/${o.id}/`)!;
      expect(r.content).toContain(o.description.trim().replace(/[.!?…]$/, ''));
      expect(r.content).toContain(idx.structures.get(o.porteur)!.nom);
      const commune = idx.offerCommune(o);
      if (o.mode.type === 'sur_place' && commune) expect(r.content).toContain(idx.communeNom(commune));
      for (const t of idx.themes(o)) expect(r.content).toContain(t.libelle);
    }
    for (const l of all.lieux) expect(recs.get(`/lieux/${l.id}/`)!.content).toContain(idx.communeNom(l.commune));
    for (const s of all.structures) expect(recs.get(`/structures/${s.id}/`)!.content).toContain(s.presentation.trim().replace(/[.!?…]$/, ''));
  });

  it('leaves out an offer whose last date has passed', () => {
    const ended = all.offres.find((o) => o.periode?.fin);
    expect(ended).toBeDefined();
    const after = new Date(`${ended!.periode!.fin!}T12:00:00`);
    after.setDate(after.getDate() + 2);
    const ds = withoutEnded(all, after);
    const urls = [...fullTextRecords(ds, all, indexFor(ds))].map((r) => r.url);
    expect(urls).not.toContain(`/offres/${ended!.id}/`);
  });
});
