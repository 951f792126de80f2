/**
 * Turns the validated dataset into the coverage model's plain inputs, and runs it once per build.
 */
import { readFileSync } from 'node:fs';
import { confinedOrThrow } from '../data/safe-path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Dataset } from '../data/dataset';
import { teamThemes } from '../needs';
import { indexFor } from '../records';
import { computeCoverage, type CoverageCommune, type CoverageInput, type CoverageResult, type CoverageTheme } from './model';
import { areaWeight, type AreaWeighted, type GridCellProps } from './population';

export interface SiteCommune extends CoverageCommune {
  /** Filosofi people attributed to the commune (fiscal households, 2021): the base of pop65 / pop80. */
  filosofi: number;
}

export function buildCoverageInput(ds: Dataset, grid: FeatureCollection<Polygon | MultiPolygon, GridCellProps> | undefined): CoverageInput & { communes: SiteCommune[] } {
  const idx = indexFor(ds);
  const codeOf = (f: { properties: unknown }) => (f.properties as { code: string }).code;
  const weighted = grid ? areaWeight(ds.communeShapes.features, codeOf, grid, (f) => ds.communes.get(codeOf(f))?.population ?? 0) : new Map<string, AreaWeighted>();
  const communes: SiteCommune[] = [...ds.communes.values()]
    .map((c) => {
      const w = weighted.get(c.code);
      return { code: c.code, nom: c.nom, lat: c.centre.lat, lon: c.centre.lon, population: c.population, pop65: w?.pop65 ?? 0, pop80: w?.pop80 ?? 0, filosofi: w?.ind ?? 0 };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  const themes: CoverageTheme[] = ds.territoire.thematiques.map((t) => ({ id: t.id, libelle: t.libelle, portee_km: t.portee_km, distance_comble: t.distance_comble }));
  const offers = ds.offres.map((o) => ({
    id: o.id,
    nom: o.nom,
    thematiques: o.thematiques,
    mode: o.mode.type,
    points: idx.offerPoints(o).map((p) => ({ lat: p.lat, lon: p.lon })),
    communes: idx.homeCommunes(o),
  }));
  const teams = ds.equipes.map((e) => ({ id: e.id, nom: e.nom, communes: e.communes, thematiques: teamThemes(e, ds.territoire.thematiques) }));
  return { communes, themes, offers, teams };
}

export interface SiteCoverage extends CoverageResult {
  input: CoverageInput & { communes: SiteCommune[] };
  /** Commune code → index in input.communes / rows[t]. */
  communeIndex: Map<string, number>;
  themeIndex: Map<string, number>;
}

/** Coverage of a dataset whose reference files are under dataDir (area weighting takes about a second: call once, see site()). */
export function coverageFor(ds: Dataset, dataDir: string): SiteCoverage {
  const gridFile = ds.territoire.fichiers.population_grille;
  const grid = gridFile ? (JSON.parse(readFileSync(confinedOrThrow(dataDir, gridFile), 'utf8')) as FeatureCollection<Polygon | MultiPolygon, GridCellProps>) : undefined;
  const input = buildCoverageInput(ds, grid);
  const res: SiteCoverage = {
    ...computeCoverage(input),
    input,
    communeIndex: new Map(input.communes.map((c, i) => [c.code, i])),
    themeIndex: new Map(input.themes.map((t, i) => [t.id, i])),
  };
  return res;
}
