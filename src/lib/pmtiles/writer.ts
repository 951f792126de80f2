/**
 * A small PMTiles v3 writer (the `pmtiles` npm package only reads): 127-byte header, root directory
 * within the first 16 KiB (leaf directories when it would not fit), varint directories, identical
 * tiles stored once and consecutive identical tiles run-length encoded, gzip for directories,
 * metadata and tiles. Spec: protomaps/PMTiles spec/v3/spec.md.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Compression, TileType, zxyToTileId, type Entry } from 'pmtiles';

/** A directory entry, as the `pmtiles` reader defines it (runLength 0 = pointer to a leaf directory). */
export type DirEntry = Entry;

export interface ArchiveOptions {
  /** Tile format (the reader's enum); MVT by default. */
  tileType?: TileType;
  /** Whether the tile bytes given to addTile are already gzipped (else the writer gzips them). */
  tilesGzipped?: boolean;
  minZoom: number;
  maxZoom: number;
  /** [west, south, east, north] in degrees. */
  bounds: [number, number, number, number];
  center?: [number, number, number];
  metadata?: Record<string, unknown>;
}

const HEADER_LEN = 127;
const ROOT_MAX = 16384 - HEADER_LEN;

function writeVarint(out: number[], value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`varint hors limites : ${value}`);
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** Serializes one directory (entries sorted by tileId) then gzips it. */
export function serializeDirectory(entries: DirEntry[]): Uint8Array {
  const out: number[] = [];
  writeVarint(out, entries.length);
  let last = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - last);
    last = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    if (i > 0 && prev && e.offset === prev.offset + prev.length) writeVarint(out, 0);
    else writeVarint(out, e.offset + 1);
  });
  return gzipSync(Uint8Array.from(out), { level: 9 });
}

/** Root directory, leaf directories (concatenated) and the number of entries per leaf used. */
function buildDirectories(entries: DirEntry[]): { root: Uint8Array; leaves: Uint8Array } {
  const root = serializeDirectory(entries);
  if (root.length <= ROOT_MAX) return { root, leaves: new Uint8Array(0) };
  for (let leafSize = 4096; ; leafSize *= 2) {
    const rootEntries: DirEntry[] = [];
    const leafParts: Uint8Array[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const chunk = entries.slice(i, i + leafSize);
      const bytes = serializeDirectory(chunk);
      // A leaf pointer: run length 0.
      rootEntries.push({ tileId: chunk[0]!.tileId, offset, length: bytes.length, runLength: 0 });
      leafParts.push(bytes);
      offset += bytes.length;
    }
    const rootBytes = serializeDirectory(rootEntries);
    if (rootBytes.length <= ROOT_MAX) return { root: rootBytes, leaves: concat(leafParts) };
  }
}

function concat(parts: Uint8Array[]): Uint8Array {
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export interface ArchiveStats {
  addressedTiles: number;
  tileEntries: number;
  tileContents: number;
  bytes: number;
}

/** Collects tiles (any order), then writes the archive in one buffer with `finish()`. */
export class PMTilesWriter {
  private tiles = new Map<number, Uint8Array>();
  private readonly tileType: TileType;
  constructor(private readonly opts: ArchiveOptions) {
    const { minZoom, maxZoom, bounds } = opts;
    const zoomOk = (z: number) => Number.isInteger(z) && z >= 0 && z <= 31;
    if (!zoomOk(minZoom) || !zoomOk(maxZoom) || minZoom > maxZoom)
      throw new Error(`zooms invalides : ${minZoom}–${maxZoom} (entiers de 0 à 31, minimum ≤ maximum)`);
    const [w, s, e, n] = bounds;
    if (!bounds.every(Number.isFinite) || w < -180 || e > 180 || s < -90 || n > 90 || w > e || s > n)
      throw new Error(`emprise invalide : [${bounds.join(', ')}] (ouest, sud, est, nord en degrés)`);
    this.tileType = opts.tileType ?? TileType.Mvt;
  }

  addTile(z: number, x: number, y: number, data: Uint8Array): void {
    if (z < this.opts.minZoom || z > this.opts.maxZoom) throw new Error(`tuile ${z}/${x}/${y} hors des zooms ${this.opts.minZoom}–${this.opts.maxZoom}`);
    const n = 2 ** z;
    if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || y < 0 || x >= n || y >= n)
      throw new Error(`tuile ${z}/${x}/${y} hors de la grille du zoom ${z} (0 à ${n - 1})`);
    if (!data.length) throw new Error(`tuile ${z}/${x}/${y} vide : ne pas l'ajouter`);
    const bytes = this.opts.tilesGzipped || this.tileType !== TileType.Mvt ? data : gzipSync(data, { level: 9 });
    this.tiles.set(zxyToTileId(z, x, y), bytes);
  }

  get size(): number {
    return this.tiles.size;
  }

  finish(): { bytes: Uint8Array; stats: ArchiveStats } {
    const ids = [...this.tiles.keys()].sort((a, b) => a - b);
    const byHash = new Map<string, { offset: number; length: number }>();
    const dataParts: Uint8Array[] = [];
    let dataLen = 0;
    const entries: DirEntry[] = [];
    for (const id of ids) {
      const data = this.tiles.get(id)!;
      const hash = createHash('sha256').update(data).digest('hex');
      let loc = byHash.get(hash);
      if (!loc) {
        loc = { offset: dataLen, length: data.length };
        byHash.set(hash, loc);
        dataParts.push(data);
        dataLen += data.length;
      }
      const last = entries[entries.length - 1];
      if (last && last.offset === loc.offset && last.length === loc.length && last.tileId + last.runLength === id) last.runLength++;
      else entries.push({ tileId: id, offset: loc.offset, length: loc.length, runLength: 1 });
    }
    const { root, leaves } = buildDirectories(entries);
    const metadata = gzipSync(new TextEncoder().encode(JSON.stringify(this.opts.metadata ?? {})), { level: 9 });
    const tileData = concat(dataParts);

    const rootOffset = HEADER_LEN;
    const metadataOffset = rootOffset + root.length;
    const leafOffset = metadataOffset + metadata.length;
    const dataOffset = leafOffset + leaves.length;
    const total = dataOffset + tileData.length;

    const buf = new Uint8Array(total);
    const view = new DataView(buf.buffer);
    buf.set(new TextEncoder().encode('PMTiles'), 0);
    view.setUint8(7, 3);
    const u64 = (pos: number, v: number) => view.setBigUint64(pos, BigInt(v), true);
    u64(8, rootOffset);
    u64(16, root.length);
    u64(24, metadataOffset);
    u64(32, metadata.length);
    u64(40, leafOffset);
    u64(48, leaves.length);
    u64(56, dataOffset);
    u64(64, tileData.length);
    u64(72, ids.length);
    u64(80, entries.length);
    u64(88, byHash.size);
    view.setUint8(96, 1); // clustered: tile data follows tile id order
    view.setUint8(97, Compression.Gzip);
    view.setUint8(98, this.tileType === TileType.Mvt ? Compression.Gzip : Compression.None);
    view.setUint8(99, this.tileType);
    view.setUint8(100, this.opts.minZoom);
    view.setUint8(101, this.opts.maxZoom);
    const [w, s, e, n] = this.opts.bounds;
    const e7 = (v: number) => Math.round(v * 1e7);
    view.setInt32(102, e7(w), true);
    view.setInt32(106, e7(s), true);
    view.setInt32(110, e7(e), true);
    view.setInt32(114, e7(n), true);
    const center = this.opts.center ?? [(w + e) / 2, (s + n) / 2, this.opts.minZoom];
    view.setUint8(118, center[2]);
    view.setInt32(119, e7(center[0]), true);
    view.setInt32(123, e7(center[1]), true);
    buf.set(root, rootOffset);
    buf.set(metadata, metadataOffset);
    buf.set(leaves, leafOffset);
    buf.set(tileData, dataOffset);
    return { bytes: buf, stats: { addressedTiles: ids.length, tileEntries: entries.length, tileContents: byHash.size, bytes: total } };
  }
}
