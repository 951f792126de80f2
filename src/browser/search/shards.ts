/**
 * Which index shards a place needs, and fetching them into the engine (each once). Nearest first: the
 * pieces nearest to the place, until they hold FIRST_RECORDS records, are awaited (the first results come
 * from them); nearer-to-farther pieces up to RADIUS_KM then follow in the background, stopping at
 * MAX_RECORDS, so that a dense city does not download a whole region.
 */
import { distanceKm } from '../../lib/geo';
import type { Place, SearchEngine } from '../../lib/search/engine';
import type { Manifest, Shard, ShardInfo } from '../../lib/search/model';

/** Shards whose box is within this distance of the place are fetched (territories split by département). */
const RADIUS_KM = 60;
/** Below this total, the whole index is fetched at once (a département-sized territory). */
const SMALL_INDEX_BYTES = 1_500_000;
/** Records of the nearest shards awaited before the first results, and the most fetched around a place. */
const FIRST_RECORDS = 500;
const MAX_RECORDS = 3000;

function boxKm(b: NonNullable<ShardInfo['bbox']>, p: { lat: number; lon: number }): number {
  return distanceKm(p, { lat: Math.min(Math.max(p.lat, b[0]), b[2]), lon: Math.min(Math.max(p.lon, b[1]), b[3]) });
}

/**
 * The shards to have for a place, in two steps: `first` before the first results, `later` in the background
 * (all of them at once for a small territory).
 */
export function wantedShards(manifest: Manifest, place: Place | null): { first: ShardInfo[]; later: ShardInfo[] } {
  const total = manifest.shards.reduce((s, x) => s + x.bytes, 0);
  if (total <= SMALL_INDEX_BYTES) return { first: manifest.shards, later: [] };
  // Offers by phone or online (no box) come after the nearest ones: at national scale they are thousands.
  const remote = manifest.shards.filter((s) => !s.bbox);
  if (!place) return { first: remote, later: [] };
  const first: ShardInfo[] = [];
  const later: ShardInfo[] = [...remote];
  const near = manifest.shards
    .filter((s) => s.bbox)
    .map((s) => ({ s, km: boxKm(s.bbox!, place) }))
    .filter((x) => x.km <= RADIUS_KM)
    .sort((a, b) => a.km - b.km);
  let n = 0;
  for (const { s, km } of near) {
    if (n < FIRST_RECORDS || km === 0) first.push(s);
    else if (n < MAX_RECORDS) later.push(s);
    n += s.n;
  }
  return { first, later };
}

async function load(engine: SearchEngine, list: ShardInfo[]): Promise<void> {
  await Promise.all(list.filter((s) => !engine.loaded.has(s.id)).map(async (s) => engine.addShard(s.id, (await (await fetch(s.url)).json()) as Shard)));
}

let round = 0;
/**
 * Fetches the nearest shards, then (after the caller's first results) the farther ones in the background,
 * calling `more` after each batch (to search again); a newer call stops an older background. Sets
 * data-recherche-index="complet" on <html> when everything the place needs is in.
 */
export async function ensureShards(manifest: Manifest, engine: SearchEngine, place: Place | null, more: () => void = () => {}): Promise<void> {
  const mine = ++round;
  const { first, later } = wantedShards(manifest, place);
  delete document.documentElement.dataset.rechercheIndex;
  await load(engine, first);
  // The farther pieces are asked for a task later, once the caller has shown the first results: each piece is
  // parsed and added on the main thread as it arrives, and would otherwise hold back the first results' paint.
  setTimeout(async () => {
    for (let i = 0; i < later.length && mine === round; i += 4) {
      await load(engine, later.slice(i, i + 4));
      if (mine === round) more();
    }
    if (mine === round) document.documentElement.dataset.rechercheIndex = 'complet';
  });
}

/** Whether results are partial until a place is chosen (a large territory whose shards are not all here). */
export function needsPlace(manifest: Manifest, engine: SearchEngine, place: Place | null): boolean {
  return !place && manifest.shards.some((s) => s.bbox && !engine.loaded.has(s.id));
}
