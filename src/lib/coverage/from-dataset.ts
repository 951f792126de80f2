/**
 * Turns the validated dataset into the coverage model's plain inputs, and runs it once per build.
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Dataset } from '../data/dataset';
import { lieuThemes, teamsFill, teamThemes } from '../needs';
import type { Thematique } from '../../schemas';
import { indexFor } from '../records';
import { computeCoverage, type CoverageCommune, type CoverageInput, type CoverageResult, type CoverageTheme } from './model';
import { areaWeight, type AreaWeighted, type GridCellProps } from './population';

export interface SiteCommune extends CoverageCommune {
  /** Filosofi people attributed to the commune (fiscal households, 2021): the base of pop65 / pop80. */
  filosofi: number;
}

export function buildCoverageInput(
  ds: Dataset,
  grid: FeatureCollection<Polygon | MultiPolygon, GridCellProps> | undefined,
): CoverageInput & { communes: SiteCommune[] } {
  const idx = indexFor(ds);
  const codeOf = (f: { properties: unknown }) => (f.properties as { code: string }).code;
  const weighted = grid
    ? areaWeight(ds.communeShapes.features, codeOf, grid, (f) => ds.communes.get(codeOf(f))?.population ?? 0)
    : new Map<string, AreaWeighted>();
  const communes: SiteCommune[] = [...ds.communes.values()]
    .map((c) => {
      const w = weighted.get(c.code);
      return {
        code: c.code,
        nom: c.nom,
        lat: c.centre.lat,
        lon: c.centre.lon,
        population: c.population,
        pop65: w?.pop65 ?? 0,
        pop80: w?.pop80 ?? 0,
        filosofi: w?.ind ?? 0,
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  const themes: CoverageTheme[] = ds.territoire.thematiques.map((t) => ({
    id: t.id,
    libelle: t.libelle,
    portee_km: t.portee_km,
    distance_comble: t.distance_comble,
  }));
  const offers = ds.offres.map((o) => ({
    id: o.id,
    nom: o.nom,
    thematiques: o.thematiques,
    mode: o.mode.type,
    points: idx.offerPoints(o).map((p) => ({ lat: p.lat, lon: p.lon })),
    communes: idx.homeCommunes(o),
  }));
  const teams = ds.equipes.map((e) => ({ id: e.id, nom: e.nom, communes: e.communes, thematiques: teamThemes(e, ds.territoire.thematiques) }));
  const lieux = ds.lieux
    .map((l) => ({ id: l.id, nom: l.nom, lat: l.coordonnees.lat, lon: l.coordonnees.lon, thematiques: lieuThemes(l, ds.territoire.thematiques) }))
    .filter((l) => l.thematiques.length);
  return { communes, themes, offers, teams, lieux };
}

export interface SiteCoverage extends CoverageResult {
  /** False when no population grid covers the territory: seniors are « non estimés », never 0. */
  seniorsEstimated: boolean;
  input: CoverageInput & { communes: SiteCommune[] };
  /** Commune code → index in input.communes / rows[t]. */
  communeIndex: Map<string, number>;
  themeIndex: Map<string, number>;
}

/** Coverage of a dataset (area weighting takes about a second: call once, see site()). The grid was read and checked by loadDataset. */
export function coverageFor(ds: Dataset, _dataDir?: string): SiteCoverage {
  const input = buildCoverageInput(ds, ds.grid);
  const res: SiteCoverage = {
    ...computeCoverage(input),
    seniorsEstimated: ds.grid !== undefined,
    input,
    communeIndex: new Map(input.communes.map((c, i) => [c.code, i])),
    themeIndex: new Map(input.themes.map((t, i) => [t.id, i])),
  };
  return res;
}

/** Options of summarySentence for one thématique: which other ways can cover it, and whether seniors are estimated. */
export function sentenceOptions(theme: Thematique, cov: Pick<SiteCoverage, 'seniorsEstimated'>) {
  return { teamsFill: teamsFill(theme), lieuxCount: theme.lieux.length > 0, seniorsEstimated: cov.seniorsEstimated };
}
