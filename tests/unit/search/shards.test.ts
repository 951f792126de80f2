import { describe, expect, it } from 'vitest';
import { buildSearchIndex, DISTANCE_SHARD, SHARD_SPLIT_BYTES } from '../../../src/lib/search/build-index';
import { departement, shardDepartement } from '../../../src/lib/search/geo-codes';
import { distanceKm } from '../../../src/lib/geo';
import { generate } from '../../../scripts/bench/generate';
import { wantedShards } from '../../../src/browser/search/shards';

describe('search shards of a national territory', () => {
  const { ds } = generate(20_000, 3);
  const { manifest, shards } = buildSearchIndex(ds, { today: new Date('2026-11-23T00:00:00Z') });
  const pieces = manifest.shards.filter((s) => s.id !== DISTANCE_SHARD);

  it('cuts the big départements into pieces that keep the département as prefix', () => {
    const depts = new Set(pieces.map((s) => shardDepartement(s.id)));
    expect(pieces.length).toBeGreaterThan(depts.size);
    for (const s of pieces) expect(s.id).toMatch(/^[0-9AB]{2,3}(_[0-3]+)?$/);
    // Pieces stay near the split size (a piece is not cut below depth 4, nor when all its points are in one place).
    const big = pieces.filter((s) => s.bytes > SHARD_SPLIT_BYTES * 3);
    expect(big.length).toBeLessThan(pieces.length * 0.05);
  });

  it('loses no record: every offer, lieu and équipe is in the piece of each of its places', () => {
    const where = new Map<string, Set<string>>();
    for (const [id, sh] of shards) for (const r of sh.r) (where.get(`${r.k}:${r.id}`) ?? where.set(`${r.k}:${r.id}`, new Set()).get(`${r.k}:${r.id}`)!).add(id);
    expect(where.size).toBe(ds.offres.length + ds.lieux.length + ds.equipes.length);
    for (const o of ds.offres.slice(0, 500)) {
      const got = where.get(`o:${o.id}`)!;
      if (o.mode.type === 'a_distance') expect([...got]).toEqual([DISTANCE_SHARD]);
      else if (o.mode.type === 'sur_place' && o.mode.commune)
        expect([...got].some((s) => shardDepartement(s) === departement(o.mode.type === 'sur_place' ? o.mode.commune! : ''))).toBe(true);
    }
  });

  it('gives each piece the box of its records, so that the nearest pieces of a place can be chosen', () => {
    for (const s of pieces.slice(0, 200)) {
      const [south, west, north, east] = s.bbox!;
      for (const r of shards.get(s.id)!.r) {
        if (!r.p) continue;
        // At least one point of the record is inside the piece's box.
        expect(r.p.some(([lat, lon]) => lat >= south - 1e-5 && lat <= north + 1e-5 && lon >= west - 1e-5 && lon <= east + 1e-5)).toBe(true);
      }
    }
  });

  it('fetches the nearest pieces first (about 500 records), the farther ones and the à distance offers after', () => {
    const paris = { lat: 48.8566, lon: 2.3522, commune: '75056', label: 'Paris' };
    const { first, later } = wantedShards(manifest, paris);
    const n = (l: typeof first) => l.reduce((s, x) => s + x.n, 0);
    expect(n(first)).toBeGreaterThanOrEqual(500);
    expect(first.map((s) => s.id)).not.toContain(DISTANCE_SHARD);
    expect(later.map((s) => s.id)).toContain(DISTANCE_SHARD);
    expect(n(first) + n(later)).toBeLessThan(4000 + n(later.filter((s) => s.id === DISTANCE_SHARD)));
    // Without a place, only the à distance offers; a small territory gets everything at once.
    expect(wantedShards(manifest, null).first.map((s) => s.id)).toEqual([DISTANCE_SHARD]);
    const small = { ...manifest, shards: manifest.shards.slice(0, 3).map((s) => ({ ...s, bytes: 1000 })) };
    expect(wantedShards(small, paris)).toEqual({ first: small.shards, later: [] });
  });

  it('lets a dense city reach its first 500 records from pieces within a few km', () => {
    const paris = { lat: 48.8566, lon: 2.3522 };
    const near = pieces
      .map((s) => ({
        s,
        km: distanceKm(paris, { lat: Math.min(Math.max(paris.lat, s.bbox![0]), s.bbox![2]), lon: Math.min(Math.max(paris.lon, s.bbox![1]), s.bbox![3]) }),
      }))
      .sort((a, b) => a.km - b.km);
    let n = 0;
    let bytes = 0;
    for (const { s } of near) {
      if (n >= 500) break;
      n += s.n;
      bytes += s.bytes;
    }
    expect(bytes).toBeLessThan(600_000);
  });
});
