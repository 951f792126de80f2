/** The site's coverage, map shapes and indicators, computed once per build from the validated dataset. */
import { getDataset, dataDir } from '../data/site-data';
import { indexFor } from '../records';
import { coverageFor, type SiteCoverage } from './from-dataset';
import { pathData, projection, type Projection } from './svg';
import type { CommuneCoverage } from './model';
import type { Thematique } from '../../schemas';
import { teamsFill } from '../needs';

export function getCoverage(): SiteCoverage {
  return coverageFor(getDataset(), dataDir());
}

export interface MapShapes extends Projection {
  /** Commune code → SVG path data. */
  paths: Map<string, string>;
  outline: string;
}
let shapes: MapShapes | undefined;
/** Commune outlines projected once for every static map of the build. */
export function mapShapes(): MapShapes {
  if (shapes) return shapes;
  const ds = getDataset();
  const p = projection(ds.communeShapes.features, 640);
  shapes = {
    ...p,
    paths: new Map(ds.communeShapes.features.map((f) => [f.properties.code, pathData(f, p)])),
    outline: pathData(ds.contour, p, 0.002),
  };
  return shapes;
}

/** Physical points (on-site offers and itinerant stops) of one thématique, projected. */
export function themePoints(themeId: string): { x: number; y: number; nom: string }[] {
  const ds = getDataset();
  const idx = indexFor(ds);
  const { project } = mapShapes();
  return ds.offres
    .filter((o) => o.thematiques.includes(themeId))
    .flatMap((o) => idx.offerPoints(o).map((pt) => {
      const [x, y] = project(pt.lon, pt.lat);
      return { x, y, nom: `${o.nom} (${pt.nom})` };
    }));
}

export interface ThemeView {
  theme: Thematique;
  t: number;
  rows: CommuneCoverage[];
}
export function themeViews(): ThemeView[] {
  const cov = getCoverage();
  return getDataset().territoire.thematiques.map((theme) => {
    const t = cov.themeIndex.get(theme.id)!;
    return { theme, t, rows: cov.rows[t]! };
  });
}

/** Whether lieux open to all count toward this thématique (the territory maps lieu types or services onto it). */
export function lieuxCount(themeId: string): boolean {
  return (getDataset().territoire.thematiques.find((t) => t.id === themeId)?.lieux.length ?? 0) > 0;
}

/** Options of summarySentence for one thématique of the site. */
export function sentenceOptions(themeId: string) {
  const theme = getDataset().territoire.thematiques.find((t) => t.id === themeId);
  return { teamsFill: theme ? teamsFill(theme) : false, lieuxCount: lieuxCount(themeId), seniorsEstimated: getCoverage().seniorsEstimated };
}
