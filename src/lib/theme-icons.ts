/**
 * Pictograms of the need catalogue. The territory config names an icon of the Lucide set (lucide-static,
 * ISC licence) instead of an emoji: emoji depend on the device's fonts (many show an empty box), while
 * these are drawn from the site's own files — inline SVG on pages, and canvas paths on the map.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type IconNode = [tag: string, attrs: Record<string, string>][];
let nodes: Record<string, IconNode> | undefined;
function iconNodes(): Record<string, IconNode> {
  nodes ??= JSON.parse(readFileSync(createRequire(import.meta.url).resolve('lucide-static/icon-nodes.json'), 'utf8')) as Record<string, IconNode>;
  return nodes;
}

export function iconExists(name: string): boolean {
  return Object.hasOwn(iconNodes(), name);
}

const escAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Markup made once per icon and class: the same few pictograms are on every card of every page. */
const svgCache = new Map<string, string>();

/** Inline SVG (24 × 24 grid, stroke in currentColor), hidden from assistive technology: the label says it. */
export function iconSvg(name: string, className = 'icon'): string {
  const key = `${name} ${className}`;
  let svg = svgCache.get(key);
  if (svg === undefined) svgCache.set(key, (svg = makeIconSvg(name, className)));
  return svg;
}

function makeIconSvg(name: string, className: string): string {
  const node = iconNodes()[name];
  if (!node) throw new Error(`icône inconnue : ${name}`);
  const body = node
    .map(
      ([tag, attrs]) =>
        `<${tag} ${Object.entries(attrs)
          .map(([k, v]) => `${k}="${escAttr(v)}"`)
          .join(' ')}/>`,
    )
    .join('');
  return `<svg class="${className}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${body}</svg>`;
}

const n = (v: string | undefined) => Number(v ?? 0);
/** One SVG element as path data, so that a canvas can draw it with Path2D (the map markers). */
function toPathData([tag, a]: [string, Record<string, string>]): string {
  switch (tag) {
    case 'path':
      return a.d ?? '';
    case 'line':
      return `M${n(a.x1)} ${n(a.y1)}L${n(a.x2)} ${n(a.y2)}`;
    case 'polyline':
    case 'polygon': {
      const v = (a.points ?? '')
        .trim()
        .split(/[\s,]+/)
        .map(Number);
      const pairs = Array.from({ length: Math.floor(v.length / 2) }, (_, i) => `${v[2 * i]} ${v[2 * i + 1]}`);
      return `M${pairs.join('L')}${tag === 'polygon' ? 'Z' : ''}`;
    }
    case 'circle':
    case 'ellipse': {
      const [cx, cy] = [n(a.cx), n(a.cy)];
      const [rx, ry] = tag === 'circle' ? [n(a.r), n(a.r)] : [n(a.rx), n(a.ry)];
      return `M${cx - rx} ${cy}a${rx} ${ry} 0 1 0 ${2 * rx} 0a${rx} ${ry} 0 1 0 ${-2 * rx} 0`;
    }
    case 'rect': {
      const [x, y, w, h] = [n(a.x), n(a.y), n(a.width), n(a.height)];
      const r = Math.min(n(a.rx ?? a.ry), w / 2, h / 2);
      if (!r) return `M${x} ${y}h${w}v${h}h${-w}Z`;
      return `M${x + r} ${y}h${w - 2 * r}a${r} ${r} 0 0 1 ${r} ${r}v${h - 2 * r}a${r} ${r} 0 0 1 ${-r} ${r}h${-(w - 2 * r)}a${r} ${r} 0 0 1 ${-r} ${-r}v${-(h - 2 * r)}a${r} ${r} 0 0 1 ${r} ${-r}Z`;
    }
    default:
      return '';
  }
}

/** The icon as SVG path data on its 24 × 24 grid (for Path2D). */
export function iconPathData(name: string): string {
  const node = iconNodes()[name];
  if (!node) throw new Error(`icône inconnue : ${name}`);
  return node.map(toPathData).filter(Boolean).join(' ');
}
