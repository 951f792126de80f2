/**
 * Static SVG charts, rendered at build time: work without JavaScript and print well. (Outlines of maps as SVG
 * paths: lib/svg-path.ts, shared with the small maps of lib/map/.)
 */
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
