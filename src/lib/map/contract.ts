/**
 * The map's wire contract: what the build writes into /carte/ (the page's `data-config`, `donnees.json`,
 * `domicile.json`) and what the browser reads. Types only, imported by both sides (src/lib/map/data.ts writes,
 * src/browser/map/ reads), so the two cannot drift apart.
 */
import type { FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';

export type MapKind = 'offre' | 'lieu' | 'equipe';
/** The layers of the legend, which is also the layer switch. */
export type MapLayer = 'offres' | 'lieux' | 'equipes' | 'domicile';
/** [west, south, east, north]. */
export type BBox = [number, number, number, number];

export interface BasemapPaths {
  /** Path of the generated archive on the site. */
  generated: string;
  /** Path of a full OpenStreetMap archive placed by the deployer, if any. */
  osm?: string;
}

export interface ThemeSymbol {
  id: string;
  libelle: string;
  couleur: string;
  /** The pictogram as SVG path data on a 24 × 24 grid (from lucide-static, built into the page data). */
  iconPath: string;
}

/** `data-config` of /carte/. */
export interface MapConfig {
  basemap: BasemapPaths;
  bounds: BBox;
  layers: { id: MapLayer; libelle: string; parDefaut: boolean }[];
  thematiques: ThemeSymbol[];
  publics: { id: string; libelle: string }[];
  modes: { id: string; libelle: string }[];
}

export interface MapPointProps {
  id: string;
  kind: 'offre' | 'lieu';
  /** First thématique of an offer (its symbol); '' for a lieu. */
  theme: string;
  nom: string;
  /** Stop name of an itinerant offer. */
  arret?: string;
}

/** /carte/donnees.json. */
export interface MapJson {
  /** Offer points (sur place, itinerant stops) and lieux. */
  points: FeatureCollection<Point, MapPointProps>;
  /** Équipes: the union of their communes. */
  equipes: FeatureCollection<Polygon | MultiPolygon, { id: string; nom: string }>;
}

/** /carte/domicile.json: offers at home, the union of the communes served, fetched on demand. */
export type DomicileJson = FeatureCollection<Polygon | MultiPolygon, { id: string; nom: string; theme: string }>;
