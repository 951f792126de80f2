/**
 * A content-keyed cache for the build's slow outputs (basemap, map tiles): the key is a hash of
 * everything the output depends on (input data, options, the code that makes it), so changing one
 * offer rebuilds only what reads offers. Files live in node_modules/.cache/carte-du-lien/ (not
 * versioned; CARTE_CACHE_DIR elsewhere, CARTE_CACHE=0 to turn it off); one file per output name, the
 * previous one is replaced.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function cacheDir(): string {
  return path.resolve(process.env.CARTE_CACHE_DIR ?? 'node_modules/.cache/carte-du-lien');
}

/** Hash of strings and byte arrays, in order. */
export function contentKey(parts: (string | Uint8Array)[]): string {
  const h = createHash('sha256');
  for (const p of parts) {
    h.update(typeof p === 'string' ? `s${p.length}:` : `b${p.length}:`);
    h.update(p);
  }
  return h.digest('hex').slice(0, 32);
}

export interface CacheResult {
  bytes: Uint8Array;
  /** True when the bytes came from the cache. */
  hit: boolean;
}

/** The output `name` for these key parts: from the cache when they did not change, else computed and stored. */
export function cachedBytes(name: string, keyParts: (string | Uint8Array)[], compute: () => Uint8Array): CacheResult {
  if (process.env.CARTE_CACHE === '0') return { bytes: compute(), hit: false };
  const dir = cacheDir();
  const key = contentKey(keyParts);
  const file = path.join(dir, `${name}.${key}.bin`);
  if (existsSync(file)) return { bytes: new Uint8Array(readFileSync(file)), hit: true };
  const bytes = compute();
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.startsWith(`${name}.`) && f.endsWith('.bin')) rmSync(path.join(dir, f), { force: true });
  writeFileSync(file, bytes);
  return { bytes, hit: false };
}
