/**
 * The data layers of /carte/ on a MapLibre map: sources (points clustered, équipes, zones à domicile fetched on
 * demand, the selection ring) and their symbols. Points are filtered in JS (so clusters count only what is
 * shown), areas by id.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { GeoJSONSource, Map as MLMap } from 'maplibre-gl';
import type { DomicileJson, MapConfig, MapJson, MapPointProps } from '../../lib/map/contract';
import { addCanvasImage, clusterCanvas, lieuCanvas, markerCanvas } from './engine';

const TEAM_COLOR = '#5b3f8c';
const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/** Layers a click, Enter or the crosshair can open. */
export const CLICKABLE = ['clusters', 'offres-points', 'lieux-points', 'domicile-fill', 'equipes-fill'];

/** The symbols the layers draw: one marker per thématique, the lieu square, three sizes of group. Shared with the tiled map. */
export function addSymbolImages(map: MLMap, cfg: Pick<MapConfig, 'thematiques'>): void {
  for (const t of cfg.thematiques) addCanvasImage(map, `theme-${t.id}`, markerCanvas(t));
  addCanvasImage(map, 'lieu', lieuCanvas());
  // Clusters are symbols with an icon, so that they take room: commune names move around them instead of hiding under them.
  for (const [name, r] of [
    ['s', 15],
    ['m', 19],
    ['l', 24],
  ] as const)
    addCanvasImage(map, `cluster-${name}`, clusterCanvas(r));
}

export function addDataLayers(map: MLMap, cfg: MapConfig, data: MapJson, points: FeatureCollection<Point, MapPointProps>): void {
  addSymbolImages(map, cfg);
  map.addSource('equipes', { type: 'geojson', data: data.equipes, promoteId: 'id' });
  map.addSource('domicile', { type: 'geojson', data: empty(), promoteId: 'id' });
  map.addSource('points', { type: 'geojson', data: points, cluster: true, clusterRadius: 36, clusterMaxZoom: 12 });
  const themeColor = ['coalesce', ['get', ['get', 'theme'], ['literal', Object.fromEntries(cfg.thematiques.map((t) => [t.id, t.couleur]))]], '#555'];
  const selected = (on: number, off: number) => ['case', ['boolean', ['feature-state', 'selected'], false], on, off];
  map.addLayer({ id: 'domicile-fill', type: 'fill', source: 'domicile', paint: { 'fill-color': themeColor as never, 'fill-opacity': 0.14 } });
  map.addLayer({
    id: 'domicile-line',
    type: 'line',
    source: 'domicile',
    paint: { 'line-color': themeColor as never, 'line-width': 2, 'line-dasharray': [1, 1.5] },
  });
  map.addLayer({ id: 'equipes-fill', type: 'fill', source: 'equipes', paint: { 'fill-color': TEAM_COLOR, 'fill-opacity': selected(0.3, 0.1) as never } });
  map.addLayer({
    id: 'equipes-line',
    type: 'line',
    source: 'equipes',
    paint: { 'line-color': TEAM_COLOR, 'line-width': selected(4, 2) as never, 'line-dasharray': [4, 2] },
  });
  map.addLayer({
    id: 'clusters',
    type: 'symbol',
    source: 'points',
    filter: ['has', 'point_count'],
    layout: {
      'icon-image': ['step', ['get', 'point_count'], 'cluster-s', 10, 'cluster-m', 30, 'cluster-l'],
      'icon-allow-overlap': true,
      'text-field': ['get', 'point_count_abbreviated'],
      'text-font': ['Atkinson Bold'],
      'text-size': 15,
      'text-allow-overlap': true,
    },
    paint: { 'text-color': '#1f3a5f' },
  });
  map.addLayer({
    id: 'lieux-points',
    type: 'symbol',
    source: 'points',
    filter: ['all', ['!', ['has', 'point_count']], ['==', ['get', 'kind'], 'lieu']],
    layout: { 'icon-image': 'lieu', 'icon-allow-overlap': true },
  });
  map.addLayer({
    id: 'offres-points',
    type: 'symbol',
    source: 'points',
    filter: ['all', ['!', ['has', 'point_count']], ['==', ['get', 'kind'], 'offre']],
    layout: { 'icon-image': ['concat', 'theme-', ['get', 'theme']], 'icon-allow-overlap': true },
  });
  map.addSource('selection', { type: 'geojson', data: empty() });
  map.addLayer(
    {
      id: 'selection',
      type: 'circle',
      source: 'selection',
      paint: { 'circle-radius': 21, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#c2410c', 'circle-stroke-width': 4 },
    },
    'lieux-points',
  );
}

let domicileLoading: Promise<void> | undefined;
/** The zones of the offers at home are fetched the first time their layer is switched on. */
export function loadDomicile(map: MLMap): Promise<void> {
  return (domicileLoading ??= fetch('/carte/domicile.json')
    .then((r) => r.json() as Promise<DomicileJson>)
    .then((fc) => void (map.getSource('domicile') as GeoJSONSource).setData(fc)));
}

/** Shows the points that pass and the areas whose ids are given. */
export function applyToMap(map: MLMap, points: FeatureCollection<Point, MapPointProps>, areas: { equipes: string[]; domicile: string[] }): void {
  (map.getSource('points') as GeoJSONSource).setData(points);
  for (const layer of ['equipes', 'domicile'] as const) {
    const filter = ['in', ['get', 'id'], ['literal', areas[layer]]] as never;
    map.setFilter(`${layer}-fill`, filter);
    map.setFilter(`${layer}-line`, filter);
  }
}

/** Rings the chosen points (none for an area). */
export function ringSelection(map: MLMap, features: FeatureCollection<Point, MapPointProps>['features']): void {
  (map.getSource('selection') as GeoJSONSource).setData({ type: 'FeatureCollection', features });
}
