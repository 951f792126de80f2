import { describe, expect, it } from 'vitest';
import { pilotWithCoursesTeam } from './helpers/pilot-with-courses-team';
import { passes } from '../../src/browser/map/state';
import { buildCoverageInput } from '../../src/lib/coverage/from-dataset';
import { computeCoverage } from '../../src/lib/coverage/model';
import { mapData } from '../../src/lib/map/data';
import { lieuThemes, teamThemes } from '../../src/lib/needs';
import { buildSearchIndex } from '../../src/lib/search/build-index';
import { SearchEngine } from '../../src/lib/search/engine';
import { MODE_KEYS, PUBLIC_KEYS, type SearchRecord } from '../../src/lib/search/model';
import { emptyState } from '../../src/lib/search/state';

const ds = pilotWithCoursesTeam();
const courses = ds.equipes.at(-1)!;
const themeIds = ds.territoire.thematiques.map((t) => t.id);

const cov = computeCoverage(buildCoverageInput(ds, undefined));
const { manifest, shards } = buildSearchIndex(ds, { today: new Date('2026-11-23T00:00:00Z') });
const engine = new SearchEngine(manifest.themes);
for (const [id, s] of shards) engine.addShard(id, s);
const records = new Map<string, SearchRecord>();
for (const s of shards.values()) for (const r of s.r) records.set(`${r.k}:${r.id}`, r);
const map = mapData(ds);
const mapItem = (layer: string, id: string) => map.items.find((i) => i.layer === layer && i.id === id)!;

const searchThemes = (r: SearchRecord) => (r.t ?? []).map((i) => manifest.themes[i]!.id).sort();
const searchPublics = (r: SearchRecord) => PUBLIC_KEYS.filter((_, i) => ((r.pu ?? 0) >> i) & 1).sort();
/** Ids the search engine returns for one thématique, with no place chosen. */
function foundFor(theme: string): Set<string> {
  const res = engine.search({ ...emptyState(), thematique: [theme] }, null);
  return new Set([...res.near, ...res.home, ...res.remote].map((h) => h.rec.id));
}
const found = new Map(themeIds.map((t) => [t, foundFor(t)]));
const noFilter = { thematique: '', public: '', mode: '' };

describe('what an équipe citoyenne serves', () => {
  it.each(ds.equipes.map((e) => [e.id, e] as const))('%s: coverage, search and map agree', (_, e) => {
    const expected = teamThemes(e, ds.territoire.thematiques).sort();
    // Coverage: the team is listed on every commune row of exactly these thématiques.
    const ci = cov.rows[0]!.findIndex((r) => r.code === e.communes[0]);
    const covered = themeIds.filter((_, t) => cov.rows[t]![ci]!.teams.includes(e.id)).sort();
    expect(covered).toEqual(expected);
    // Search: the record carries them and a search by thématique finds the team for them only.
    const rec = records.get(`e:${e.id}`)!;
    expect(searchThemes(rec)).toEqual(expected);
    expect(themeIds.filter((t) => found.get(t)!.has(e.id)).sort()).toEqual(expected);
    // Map: the item carries them and the /carte/ filter keeps the team for them only.
    const item = mapItem('equipes', e.id);
    expect([...item.themes].sort()).toEqual(expected);
    expect(themeIds.filter((t) => passes(item, { ...noFilter, thematique: t })).sort()).toEqual(expected);
    // Publics and mode: the same on both sides.
    expect([...item.publics].sort()).toEqual(searchPublics(rec));
    expect(item.mode).toBe(MODE_KEYS[rec.m]);
  });

  it('a team doing only « courses » fills « Mobilité » everywhere, as the territory says', () => {
    expect(ds.territoire.thematiques.find((t) => t.id === 'mobilite')!.equipes).toContain('courses');
    expect(teamThemes(courses, ds.territoire.thematiques)).toEqual(['mobilite']);
    expect(found.get('mobilite')!.has(courses.id)).toBe(true);
    expect(found.get('visites-domicile')!.has(courses.id)).toBe(false);
    expect(passes(mapItem('equipes', courses.id), { ...noFilter, thematique: 'mobilite' })).toBe(true);
    expect(passes(mapItem('equipes', courses.id), { ...noFilter, public: 'seniors' })).toBe(true);
  });
});

describe('what a lieu du lien serves', () => {
  it('search and map give every lieu the needs of lieuThemes, and coverage counts none beyond them', () => {
    for (const l of ds.lieux) {
      const expected = lieuThemes(l, ds.territoire.thematiques).sort();
      expect(searchThemes(records.get(`l:${l.id}`)!), l.id).toEqual(expected);
      expect([...mapItem('lieux', l.id).themes].sort(), l.id).toEqual(expected);
      expect(themeIds.filter((t) => found.get(t)!.has(l.id)).sort(), l.id).toEqual(expected);
    }
    // Coverage rows only name offers and teams: no need is filled by a lieu unless lieuThemes says so.
    const named = new Set(cov.rows.flat().flatMap((r) => [...r.homeOffers, ...r.teams, r.nearestOffer ?? '', r.nearestLieu ?? '']));
    for (const l of ds.lieux) if (!lieuThemes(l, ds.territoire.thematiques).length) expect(named.has(l.id), l.id).toBe(false);
  });
});
