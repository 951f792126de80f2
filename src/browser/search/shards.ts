/** Which index shards a place needs, and fetching them into the engine (each once). */
import { distanceKm } from '../../lib/geo';
import type { Place, SearchEngine } from '../../lib/search/engine';
import type { Manifest, Shard, ShardInfo } from '../../lib/search/model';

/** Shards whose box is within this distance of the place are fetched (territories split by département). */
const RADIUS_KM = 60;
/** Below this total, the whole index is fetched at once (a département-sized territory). */
const SMALL_INDEX_BYTES = 1_500_000;

function boxKm(b: NonNullable<ShardInfo['bbox']>, p: { lat: number; lon: number }): number {
  return distanceKm(p, { lat: Math.min(Math.max(p.lat, b[0]), b[2]), lon: Math.min(Math.max(p.lon, b[1]), b[3]) });
}

/** The shards to have for a place (all of them for a small territory; the "à distance" shard always). */
export function wantedShards(manifest: Manifest, place: Place | null): ShardInfo[] {
  const total = manifest.shards.reduce((s, x) => s + x.bytes, 0);
  return manifest.shards.filter((s) => !s.bbox || total <= SMALL_INDEX_BYTES || (place && boxKm(s.bbox, place) <= RADIUS_KM));
}

export async function ensureShards(manifest: Manifest, engine: SearchEngine, place: Place | null): Promise<void> {
  await Promise.all(
    wantedShards(manifest, place)
      .filter((s) => !engine.loaded.has(s.id))
      .map(async (s) => engine.addShard(s.id, (await (await fetch(s.url)).json()) as Shard)),
  );
}

/** Whether results are partial until a place is chosen (a large territory whose shards are not all here). */
export function needsPlace(manifest: Manifest, engine: SearchEngine, place: Place | null): boolean {
  return !place && manifest.shards.some((s) => s.bbox && !engine.loaded.has(s.id));
}
