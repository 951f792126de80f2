/**
 * The one way pages get data: `site()` loads and validates data/ once per build (the build FAILS with every error
 * listed when the data is invalid, the same report as `npm run check-data`) and owns everything derived from it
 * per build — the records index, coverage, static-map shapes, map layers, areas of communes, the search index —
 * each computed on first use and kept here, not in module-level caches spread across lib/. Pages and the content
 * loader call `site()`; components receive what they show as props. Node only (build time).
 */
import { bbox } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { coverageFor, type SiteCoverage } from './coverage/from-dataset';
import type { CommuneCoverage } from './coverage/model';
import { pathData, projection, type Projection } from './svg-path';
import { dataDir } from './data/data-dir';
import { loadDataset, type Dataset } from './data/dataset';
import { withoutEnded } from './data/ended';
import { DataValidationError } from './data/issues';
import { buildPart } from './build-part';
import { confirmedByEnv, countsFile } from './data/shrink-guard';
import { CommuneAreas, mapData, type MapData } from './map/data';
import { isTiled } from './map/tiles';
import { communeShapeIndex, overviewMap, staticMap, type CommuneShapeIndex, type OverviewMark, type StaticMap, type StaticMapInput } from './map/static-map';
import { type Index, indexFor } from './records';
import { buildSearchIndex, type BuiltIndex } from './search/build-index';
import { postalCodes } from './search/national';
import type { Thematique } from '../schemas';

export interface CoverageShapes extends Projection {
  /** Commune code → SVG path data. */
  paths: Map<string, string>;
  outline: string;
}

export interface ThemeView {
  theme: Thematique;
  /** Index of the thématique in coverage rows. */
  t: number;
  rows: CommuneCoverage[];
}

export { dataDir };

export class Site {
  readonly records: Index;
  /** Centre of the territory's extent: where schedules are read (sunrise and sunset rules). */
  readonly centre: { lat: number; lon: number };
  /**
   * The build's clock: fiches read their next dates from this instant (the « calculées le » date they print), so a
   * schedule shared by thousands of offers gives the same dates everywhere and is worked out once (schedule.ts).
   */
  readonly now = new Date();
  private readonly memo = new Map<string, unknown>();
  private readonly areas: CommuneAreas;

  /**
   * `ds` is what listings, maps, search and coverage read: offers whose dates are all past are left out
   * (lib/data/ended.ts). `all` keeps every record, for the fiche pages (links to them keep working) and the
   * /donnees/ exports.
   */
  constructor(
    readonly ds: Dataset,
    readonly dir: string,
    readonly all: Dataset = ds,
  ) {
    this.records = indexFor(ds);
    this.areas = new CommuneAreas(ds);
    const [w, s, e, n] = bbox(ds.contour);
    this.centre = { lat: (s + n) / 2, lon: (w + e) / 2 };
  }

  private once<T>(key: string, make: () => T): T {
    if (!this.memo.has(key)) this.memo.set(key, make());
    return this.memo.get(key) as T;
  }

  /** Zones blanches of every commune × thématique (area weighting of the population grid takes about a second). */
  coverage(): SiteCoverage {
    return this.once('coverage', () => coverageFor(this.ds, this.dir));
  }

  /** Commune outlines projected once for every static map of the build. */
  coverageShapes(): CoverageShapes {
    return this.once('shapes', () => {
      const p = projection(this.ds.communeShapes.features, 640);
      return {
        ...p,
        paths: new Map(this.ds.communeShapes.features.map((f) => [f.properties.code, pathData(f, p)])),
        outline: pathData(this.ds.contour, p, 0.002),
      };
    });
  }

  /** Physical points (on-site offers and itinerant stops) of one thématique, projected on the static maps. */
  themePoints(themeId: string): { x: number; y: number; nom: string }[] {
    const { project } = this.coverageShapes();
    return this.ds.offres
      .filter((o) => o.thematiques.includes(themeId))
      .flatMap((o) =>
        this.records.offerPoints(o).map((pt) => {
          const [x, y] = project(pt.lon, pt.lat);
          return { x, y, nom: `${o.nom} (${pt.nom})` };
        }),
      );
  }

  themeViews(): ThemeView[] {
    const cov = this.coverage();
    return this.ds.territoire.thematiques.map((theme) => {
      const t = cov.themeIndex.get(theme.id)!;
      return { theme, t, rows: cov.rows[t]! };
    });
  }

  /** What /carte/ shows (list items, points, areas). */
  mapData(): MapData {
    return this.once('map', () => mapData(this.ds, this.areas));
  }

  /** The merged area of a set of communes (an équipe, an offer at home), shared by the map and the small maps. */
  communesArea(codes: string[]): Feature<Polygon | MultiPolygon> | null {
    return this.areas.of(codes);
  }

  /** Spatial index of the communes' outlines, for the small static maps of the fiches and commune pages. */
  communeShapeIndex(): CommuneShapeIndex {
    return this.once('communeShapeIndex', () => communeShapeIndex(this.ds));
  }

  /** The small static map (SVG at build time) of a fiche or a commune page. */
  staticMap(input: StaticMapInput): StaticMap {
    return staticMap(this.ds, this.communeShapeIndex(), input);
  }

  /**
   * The static first view of /carte/ (SVG at build time): the territory, its communes and the points of the list map
   * (none for a tiled territory), keyed like the page's list entries.
   */
  overviewMap(): StaticMap & { marks: OverviewMark[] } {
    return this.once('overview', () => {
      const data = this.mapData();
      const points = isTiled(data)
        ? []
        : data.points.features.map((f) => {
            const [lon, lat] = f.geometry.coordinates as [number, number];
            const layer = f.properties.kind === 'lieu' ? 'lieux' : 'offres';
            return { lon, lat, key: `${layer}:${f.properties.id}`, kind: f.properties.kind, theme: f.properties.theme };
          });
      return overviewMap(this.ds, this.communeShapeIndex(), points);
    });
  }

  /** The search index of /recherche/ (manifest + shards). */
  searchIndex(): BuiltIndex {
    return this.once('search', () => buildSearchIndex(this.ds, { postalCodes: postalCodes(), where: this.centre }));
  }
}

let current: Site | undefined;

/**
 * `astro build` runs the content loader (content.config.ts, in Vite's module graph) and then the pages (in the
 * built bundle) in one process but in two module graphs, each with its own `current`: without a hand-over the
 * data would be read and validated twice (minutes and gigabytes at 100,000 offers). The loaded site is handed
 * over through a process-wide symbol, for production builds only (`astro dev` reloads each graph on change).
 */
const HANDOVER = Symbol.for('carte-du-lien.site');
type Handover = { [HANDOVER]?: { dir: string; site: Site } };

/** The site being built: data/ loaded and validated on first call. Throws DataValidationError with every error. */
export function site(): Site {
  if (current) return current;
  const dir = dataDir();
  const shared = process.env.NODE_ENV === 'production' ? (globalThis as Handover) : undefined;
  const handed = shared?.[HANDOVER];
  if (handed?.dir === dir) return (current = handed.site);
  const { dataset, issues } = loadDataset(dir, { countsFile: countsFile(dir), confirmShrink: confirmedByEnv() });
  const errors = issues.filter((i) => i.niveau === 'erreur');
  // A build in parts (lib/build-part.ts) would print the whole report once per part: the first part prints it.
  if ((errors.length || !dataset) && buildPart().index > 0) throw new Error('Données invalides : le rapport complet est écrit par la partie 1.');
  if (errors.length || !dataset) throw new DataValidationError(errors);
  current = new Site(withoutEnded(dataset, new Date()), dir, dataset);
  if (shared) shared[HANDOVER] = { dir, site: current };
  return current;
}
