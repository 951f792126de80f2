/**
 * What the map shows, computed at build time from the dataset: one item per record that has a place
 * on the map (offers on site and itinerant stops, lieux du lien, équipes citoyennes as the area of
 * their communes) and the zones of the offers at home, shown on demand. The /carte/ page lists the
 * same items in HTML; the client only adds the map.
 */
import { iconPathData } from '../theme-icons';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { BBox, DomicileJson, MapConfig, MapJson, MapKind, MapLayer } from './contract';
import { featureCollection, truncate, union, bbox as turfBbox } from '@turf/turf';
import * as polygonClippingModule from 'polygon-clipping';
import type { Dataset } from '../data/dataset';
import { indexFor } from '../records';
import { ACTIVITES_EQUIPE, MODE_EQUIPE, MODES, PUBLICS, PUBLICS_EQUIPE, TYPES_LIEU, options } from '../../schemas/vocabulary';
import { lieuThemes, offerThemes, teamThemes } from '../needs';

export type { BBox, MapKind, MapLayer } from './contract';
export const MAP_LAYERS: MapConfig['layers'] = [
  { id: 'offres', libelle: 'Activités sur place et arrêts itinérants', parDefaut: true },
  { id: 'lieux', libelle: 'Lieux du lien', parDefaut: true },
  { id: 'equipes', libelle: 'Équipes citoyennes (communes couvertes)', parDefaut: true },
  { id: 'domicile', libelle: 'Services à domicile (communes desservies)', parDefaut: false },
];

export interface MapItem {
  id: string;
  kind: MapKind;
  layer: MapLayer;
  nom: string;
  url: string;
  /** One line under the name: type of place, mode, commune. */
  resume: string;
  /** Thématique ids (offers); the first one gives the symbol. */
  themes: string[];
  publics: string[];
  /** Mode of an offer or an équipe (MODE_EQUIPE), or 'lieu'. */
  mode: string;
  /** Extent of the item's points or area, to test "in view". */
  bbox: BBox;
  exemple: boolean;
}

export interface MapData extends MapJson {
  items: MapItem[];
  domicile: DomicileJson;
}

// The package's types name its functions, but its modules export them as one default object (ES and CommonJS alike).
const polygonClipping = (polygonClippingModule as unknown as { default?: typeof polygonClippingModule }).default ?? polygonClippingModule;

/**
 * The union of communes' shapes. polygon-clipping (what turf 6 used) is ten times as fast as turf 7's union
 * (polyclip-ts, exact arithmetic with big numbers): on the 14,392 sets of a national bench, 2.9 s instead of 30.5 s
 * for the same areas (largest relative difference 2e-12). A set it cannot merge (it throws on some degenerate
 * rings) goes to turf's.
 */
function unionOf(shapes: Feature<Polygon | MultiPolygon>[]): Feature<Polygon | MultiPolygon> | null {
  try {
    const [first, ...rest] = shapes.map((f) => f.geometry.coordinates as polygonClippingModule.Polygon | polygonClippingModule.MultiPolygon);
    const merged = polygonClipping.union(first!, ...rest);
    if (!merged.length) return null;
    return {
      type: 'Feature',
      properties: {},
      geometry: merged.length === 1 ? { type: 'Polygon', coordinates: merged[0]! } : { type: 'MultiPolygon', coordinates: merged },
    };
  } catch {
    return union(featureCollection(shapes));
  }
}

/** Merged areas of sets of communes, computed once per set (union is the slow part of the map data). */
export class CommuneAreas {
  private readonly byCode: Map<string, Feature<Polygon | MultiPolygon>>;
  private readonly done = new Map<string, Feature<Polygon | MultiPolygon> | null>();
  constructor(ds: Dataset) {
    this.byCode = new Map(ds.communeShapes.features.map((f) => [f.properties.code, f as Feature<Polygon | MultiPolygon>]));
  }
  /** Union of the communes' shapes, rounded to ~10 m (plenty at the zooms an area is looked at); null when none is known. */
  of(codes: string[]): Feature<Polygon | MultiPolygon> | null {
    const key = [...codes].sort().join(',');
    if (this.done.has(key)) return this.done.get(key)!;
    const shapes = codes.map((c) => this.byCode.get(c)).filter((f): f is Feature<Polygon | MultiPolygon> => Boolean(f));
    let area: Feature<Polygon | MultiPolygon> | null = null;
    if (shapes.length === 1) area = shapes[0]!;
    else if (shapes.length > 1) area = unionOf(shapes);
    if (area) area = truncate(area, { precision: 4, coordinates: 2 });
    this.done.set(key, area);
    return area;
  }
}

function bboxOfPoints(pts: { lon: number; lat: number }[]): BBox {
  return [Math.min(...pts.map((p) => p.lon)), Math.min(...pts.map((p) => p.lat)), Math.max(...pts.map((p) => p.lon)), Math.max(...pts.map((p) => p.lat))];
}

export function mapData(ds: Dataset, areas = new CommuneAreas(ds)): MapData {
  const idx = indexFor(ds);
  const items: MapItem[] = [];
  const points: MapData['points']['features'] = [];
  const equipes: MapData['equipes']['features'] = [];
  const domicile: MapData['domicile']['features'] = [];

  for (const o of [...ds.offres].sort((a, b) => a.nom.localeCompare(b.nom, 'fr'))) {
    const theme = o.thematiques[0]!;
    const pts = idx.offerPoints(o);
    if (o.mode.type === 'a_domicile') {
      const area = areas.of(o.mode.communes);
      if (!area) continue;
      const n = o.mode.communes.length;
      items.push({
        id: o.id,
        kind: 'offre',
        layer: 'domicile',
        nom: o.nom,
        url: `/offres/${o.id}/`,
        resume: `${MODES.a_domicile} · ${n} commune${n > 1 ? 's' : ''}`,
        themes: offerThemes(o),
        publics: o.publics,
        mode: o.mode.type,
        bbox: turfBbox(area) as BBox,
        exemple: Boolean(o.exemple),
      });
      domicile.push({ type: 'Feature', properties: { id: o.id, nom: o.nom, theme }, geometry: area.geometry });
      continue;
    }
    if (!pts.length) continue;
    const commune = idx.communeNom(pts[0]!.commune);
    const resume = o.mode.type === 'itinerant' ? `${MODES.itinerant}, ${pts.length} arrêts dont ${commune}` : `${MODES[o.mode.type]} · ${commune}`;
    items.push({
      id: o.id,
      kind: 'offre',
      layer: 'offres',
      nom: o.nom,
      url: `/offres/${o.id}/`,
      resume,
      themes: offerThemes(o),
      publics: o.publics,
      mode: o.mode.type,
      bbox: bboxOfPoints(pts),
      exemple: Boolean(o.exemple),
    });
    for (const p of pts)
      points.push({
        type: 'Feature',
        properties: { id: o.id, kind: 'offre', theme, nom: o.nom, ...(o.mode.type === 'itinerant' ? { arret: `${p.nom}, ${idx.communeNom(p.commune)}` } : {}) },
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      });
  }

  for (const l of [...ds.lieux].sort((a, b) => a.nom.localeCompare(b.nom, 'fr'))) {
    const pt = { lon: l.coordonnees.lon, lat: l.coordonnees.lat };
    items.push({
      id: l.id,
      kind: 'lieu',
      layer: 'lieux',
      nom: l.nom,
      url: `/lieux/${l.id}/`,
      resume: `${TYPES_LIEU[l.type]} · ${idx.communeNom(l.commune)}`,
      themes: lieuThemes(l, ds.territoire.thematiques),
      publics: [],
      mode: 'lieu',
      bbox: bboxOfPoints([pt]),
      exemple: Boolean(l.exemple),
    });
    points.push({ type: 'Feature', properties: { id: l.id, kind: 'lieu', theme: '', nom: l.nom }, geometry: { type: 'Point', coordinates: [pt.lon, pt.lat] } });
  }

  for (const e of [...ds.equipes].sort((a, b) => a.nom.localeCompare(b.nom, 'fr'))) {
    const area = areas.of(e.communes);
    if (!area) continue;
    const acts = e.activites.map((a) => ACTIVITES_EQUIPE[a].toLowerCase()).join(', ');
    items.push({
      id: e.id,
      kind: 'equipe',
      layer: 'equipes',
      nom: e.nom,
      url: `/equipes/${e.id}/`,
      resume: `Équipe citoyenne · ${e.communes.length} commune${e.communes.length > 1 ? 's' : ''} · ${acts}`,
      themes: teamThemes(e, ds.territoire.thematiques),
      publics: [...PUBLICS_EQUIPE],
      mode: MODE_EQUIPE,
      bbox: turfBbox(area) as BBox,
      exemple: Boolean(e.exemple),
    });
    equipes.push({ type: 'Feature', properties: { id: e.id, nom: e.nom }, geometry: area.geometry });
  }

  return { items, points: featureCollection(points), equipes: featureCollection(equipes), domicile: featureCollection(domicile) };
}

/** Labels the client needs for filters and popups, without shipping the schemas. */
export function mapLabels(ds: Dataset) {
  return {
    thematiques: ds.territoire.thematiques.map((t) => ({ id: t.id, libelle: t.libelle, couleur: t.couleur, iconPath: iconPathData(t.icone) })),
    publics: options(PUBLICS),
    modes: options(MODES),
  };
}
