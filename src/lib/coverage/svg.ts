/**
 * Static SVG for maps and charts, rendered at build time: works without JavaScript and prints well.
 */
import { simplify } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

export interface Projection {
  width: number;
  height: number;
  project: (lon: number, lat: number) => [number, number];
}

/** Equirectangular projection scaled at the middle latitude: fine for a département. */
export function projection(features: Feature<Polygon | MultiPolygon>[], width = 640, pad = 8): Projection {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys)
      for (const [x, y] of poly[0]!) {
        if (x! < minX) minX = x!;
        if (x! > maxX) maxX = x!;
        if (y! < minY) minY = y!;
        if (y! > maxY) maxY = y!;
      }
  }
  const k = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const scale = (width - 2 * pad) / ((maxX - minX) * k);
  const height = Math.ceil((maxY - minY) * scale + 2 * pad);
  return {
    width,
    height,
    project: (lon, lat) => [pad + (lon - minX) * k * scale, pad + (maxY - lat) * scale],
  };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** SVG path data of a (multi)polygon, simplified (tolerance in degrees) and projected, one decimal. */
export function pathData(f: Feature<Polygon | MultiPolygon>, p: Projection, tolerance = 0.002): string {
  const g = tolerance > 0 ? simplify(f, { tolerance, highQuality: false }).geometry : f.geometry;
  const polys: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  let d = '';
  for (const poly of polys)
    for (const ring of poly) {
      let prev = '';
      ring.forEach(([lon, lat], i) => {
        const [x, y] = p.project(lon!, lat!);
        const pt = `${r1(x)} ${r1(y)}`;
        if (pt === prev) return;
        d += (i === 0 ? 'M' : 'L') + pt;
        prev = pt;
      });
      d += 'Z';
    }
  return d;
}

export interface Bar {
  label: string;
  values: number[];
  /** Text shown at the end of each bar (formatted value). */
  texts: string[];
}

export interface BarLayout {
  width: number;
  height: number;
  labelWidth: number;
  rows: { label: string; y: number; bars: { x: number; y: number; w: number; h: number; text: string; series: number }[] }[];
}

/** Horizontal (grouped) bar chart geometry; the scale starts at 0 and ends at `max` (default: largest value). */
export function barLayout(bars: Bar[], opts: { width?: number; labelWidth?: number; barHeight?: number; gap?: number; max?: number } = {}): BarLayout {
  const width = opts.width ?? 640;
  const labelWidth = opts.labelWidth ?? 230;
  const barHeight = opts.barHeight ?? 18;
  const gap = opts.gap ?? 12;
  const series = Math.max(1, ...bars.map((b) => b.values.length));
  const max = opts.max ?? Math.max(1e-9, ...bars.flatMap((b) => b.values));
  const room = width - labelWidth - 70; // keep space for the value text
  const rowH = series * barHeight + gap;
  const rows = bars.map((b, i) => {
    const y = i * rowH + gap / 2;
    return {
      label: b.label,
      y: y + (series * barHeight) / 2,
      bars: b.values.map((v, s) => ({
        x: labelWidth,
        y: y + s * barHeight,
        w: Math.max(0, (v / max) * room),
        h: barHeight - 3,
        text: b.texts[s] ?? '',
        series: s,
      })),
    };
  });
  return { width, height: Math.ceil(bars.length * rowH), labelWidth, rows };
}
