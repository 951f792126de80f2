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
  /** A large territory: the layers as PMTiles archives (src/lib/map/tiles.ts), no list in the page. */
  tuiles?: MapTiles;
}

export interface MapTiles {
  points: string;
  equipes: string;
  domicile: string;
  minZoom: number;
  /** Points are exact from this zoom, grouped with their count below. */
  rawZoom: number;
}

/** Properties of a point in the tiles: what the list beside the map and the popups show. */
export interface TilePointProps {
  id: string;
  kind: 'offre' | 'lieu';
  layer: 'offres' | 'lieux';
  /** First thématique (the symbol); all of them, space-separated; publics, space-separated; mode. */
  theme: string;
  themes: string;
  publics: string;
  mode: string;
  nom: string;
  resume: string;
  arret?: string;
  exemple?: boolean;
}

/** Properties of an area in the tiles (an équipe, an offer at home): the same filter fields as a point. */
export interface TileAreaProps {
  id: string;
  nom: string;
  /** Thématique of the colour (offers at home); an équipe's first need, '' when none. */
  theme: string;
  themes: string;
  publics: string;
  mode: string;
  resume: string;
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
