/**
 * /donnees/*.geojson: each record with all its fields as properties (nested as in the YAML) and a geometry:
 * lieux and on-site offers → Point; itinerant offers → MultiPoint of their stops; offers at home and
 * équipes → the (merged) polygons of the communes they serve; offers by phone or online → null geometry
 * (GeoJSON allows it: the record is still published). Coordinates in WGS 84, as RFC 7946 requires.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Dataset } from '../data/dataset';
import type { Equipe, Lieu, Offre } from '../../schemas';
import { indexFor } from '../records';
import type { Feature as F, MultiPolygon, Polygon } from 'geojson';

/** The merged shape of a set of communes (site().communesArea at build time). */
export type AreaOf = (codes: string[]) => F<Polygon | MultiPolygon> | null;

type Props = Record<string, unknown> & { fiche: string };

function collection(features: Feature<Geometry | null, Props>[]): FeatureCollection<Geometry | null, Props> {
  return { type: 'FeatureCollection', features };
}

export function lieuxGeojson(ds: Dataset): FeatureCollection<Geometry | null, Props> {
  return collection(
    ds.lieux.map((l: Lieu) => ({
      type: 'Feature',
      id: l.id,
      geometry: { type: 'Point', coordinates: [l.coordonnees.lon, l.coordonnees.lat] },
      properties: { ...l, fiche: `/lieux/${l.id}/` },
    })),
  );
}

export function offreGeometry(ds: Dataset, o: Offre, area: AreaOf): Geometry | null {
  const idx = indexFor(ds);
  if (o.mode.type === 'a_domicile') return area(o.mode.communes)?.geometry ?? null;
  const pts = idx.offerPoints(o).map((p) => [p.lon, p.lat]);
  if (!pts.length) return null;
  return o.mode.type === 'itinerant' ? { type: 'MultiPoint', coordinates: pts } : { type: 'Point', coordinates: pts[0]! };
}

export function offresGeojson(ds: Dataset, area: AreaOf): FeatureCollection<Geometry | null, Props> {
  return collection(
    ds.offres.map((o) => ({ type: 'Feature', id: o.id, geometry: offreGeometry(ds, o, area), properties: { ...o, fiche: `/offres/${o.id}/` } })),
  );
}

export function equipesGeojson(ds: Dataset, area: AreaOf): FeatureCollection<Geometry | null, Props> {
  return collection(
    ds.equipes.map((e: Equipe) => ({
      type: 'Feature',
      id: e.id,
      geometry: area(e.communes)?.geometry ?? null,
      properties: { ...e, fiche: `/equipes/${e.id}/` },
    })),
  );
}
