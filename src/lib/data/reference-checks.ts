/**
 * Checks of the territory's reference files (communes, contour, population grid): a coordinator who
 * copies another territory's contour or grid, or a communes file without population, gets every problem
 * in French, with the file and the feature, instead of a crash (or silent zeros) later in the build.
 */
import Flatbush from 'flatbush';
import { bbox, booleanIntersects, booleanPointInPolygon, point, pointToPolygonDistance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { DataIssue } from './issues';

/** Simplified boundaries: a commune centre this close outside the contour is accepted (km). */
const CENTRE_TOLERANCE_KM = 2;
/** Listed by code in one message, beyond which the message gives the count. */
const MAX_LISTED = 15;

type Props = Record<string, unknown>;
const isPolygonal = (f: Feature | undefined) => f?.geometry?.type === 'Polygon' || f?.geometry?.type === 'MultiPolygon';
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const listed = (codes: string[]) => (codes.length > MAX_LISTED ? `${codes.slice(0, MAX_LISTED).join(', ')}… (${codes.length} en tout)` : codes.join(', '));

/** The communes file: every feature a polygon with code, nom, population and centre. Returns the usable ones. */
export function checkCommunesFile(fc: unknown, fichier: string): { issues: DataIssue[]; features: Feature<Polygon | MultiPolygon, Props>[] } {
  const issues: DataIssue[] = [];
  const err = (message: string, extra: Partial<DataIssue> = {}) => issues.push({ niveau: 'erreur', fichier, message, ...extra });
  const features = (fc as FeatureCollection | undefined)?.features;
  if ((fc as FeatureCollection | undefined)?.type !== 'FeatureCollection' || !Array.isArray(features)) {
    err('le fichier des communes doit être une FeatureCollection GeoJSON de polygones');
    return { issues, features: [] };
  }
  const ok: Feature<Polygon | MultiPolygon, Props>[] = [];
  const missing = new Map<string, string[]>();
  features.forEach((f, i) => {
    const p = (f?.properties ?? {}) as Props;
    const label = typeof p.code === 'string' ? `commune « ${p.code} »${typeof p.nom === 'string' ? ` (${p.nom})` : ''}` : `entité n° ${i + 1}`;
    const problems: [string, string][] = [];
    if (typeof p.code !== 'string' || !/^(?:\d{5}|2[AB]\d{3})$/.test(p.code)) problems.push(['code', 'code INSEE (texte de 5 caractères, ex. « 47001 »)']);
    if (typeof p.nom !== 'string' || !p.nom.trim()) problems.push(['nom', 'nom de la commune']);
    if (!finite(p.population) || p.population < 0) problems.push(['population', 'population (nombre d’habitants, 0 ou plus)']);
    if (!finite(p.centre_lat) || Math.abs(p.centre_lat) > 90) problems.push(['centre_lat', 'latitude du centre (nombre entre -90 et 90)']);
    if (!finite(p.centre_lon) || Math.abs(p.centre_lon) > 180) problems.push(['centre_lon', 'longitude du centre (nombre entre -180 et 180)']);
    if (!isPolygonal(f)) problems.push(['geometry', 'un contour (Polygon ou MultiPolygon)']);
    // One message per missing property, listing the communes, rather than one per commune.
    for (const [field, expected] of problems) {
      const key = `${field}\u0000${expected}`;
      const list = missing.get(key);
      if (list) list.push(label);
      else missing.set(key, [label]);
    }
    if (!problems.length) ok.push(f as Feature<Polygon | MultiPolygon, Props>);
  });
  for (const [key, labels] of missing) {
    const [field, expected] = key.split('\u0000') as [string, string];
    err(
      `propriété « ${field} » absente ou invalide pour ${labels.length} entité(s) : ${listed(labels)}. Attendu : ${expected}. Un fichier conforme se produit avec « npm run territoire -- <code> ».`,
      { champ: `properties.${field}` },
    );
  }
  return { issues, features: ok };
}

/** The contour must be a polygon that holds the communes' centres (it may have been copied from another territory). */
export function checkContour(contour: Feature | undefined, communes: { code: string; nom: string; lat: number; lon: number }[], fichier: string): DataIssue[] {
  if (!contour || !isPolygonal(contour))
    return [
      {
        niveau: 'erreur',
        fichier,
        message: 'le contour doit être un Polygon ou MultiPolygon GeoJSON (une Feature, ou une FeatureCollection dont la première entité est le contour)',
      },
    ];
  const poly = contour as Feature<Polygon | MultiPolygon>;
  // Distances are slow on a detailed contour: only computed when most centres are inside.
  const notInside = communes.filter((c) => !booleanPointInPolygon(point([c.lon, c.lat]), poly));
  const outside =
    notInside.length > communes.length / 2
      ? notInside
      : notInside.filter((c) => pointToPolygonDistance(point([c.lon, c.lat]), poly, { units: 'kilometers' }) > CENTRE_TOLERANCE_KM);
  if (!outside.length) return [];
  if (outside.length > communes.length / 2)
    return [
      {
        niveau: 'erreur',
        fichier,
        message: `le contour ne correspond pas aux communes du territoire : ${outside.length} centre(s) de commune sur ${communes.length} sont hors du contour (contour d’un autre territoire ?). Refaire le contour avec « npm run territoire -- <code> ».`,
      },
    ];
  return [
    {
      niveau: 'erreur',
      fichier,
      message: `centre hors du contour pour ${outside.length} commune(s) : ${listed(outside.map((c) => `${c.code} (${c.nom})`))} ; vérifier leurs centre_lat / centre_lon ou le contour.`,
    },
  ];
}

/** The population grid: cells with the age counts, overlapping the territory. Returns whether it is usable. */
export function checkGrid(
  grid: unknown,
  contour: Feature<Polygon | MultiPolygon>,
  communes: { code: string; nom: string; lat: number; lon: number }[],
  fichier: string,
): { issues: DataIssue[]; usable: boolean } {
  const issues: DataIssue[] = [];
  const err = (message: string, niveau: DataIssue['niveau'] = 'erreur') => issues.push({ niveau, fichier, message });
  const cells = (grid as FeatureCollection | undefined)?.features;
  if ((grid as FeatureCollection | undefined)?.type !== 'FeatureCollection' || !Array.isArray(cells)) {
    err('la grille de population doit être une FeatureCollection GeoJSON de carreaux (polygones)');
    return { issues, usable: false };
  }
  const bad = cells
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => {
      const p = (c?.properties ?? {}) as Props;
      return !isPolygonal(c) || !finite(p.ind) || !finite(p.ind_65_79) || !finite(p.ind_80p);
    });
  if (bad.length)
    err(
      `${bad.length} carreau(x) sans contour ou sans les effectifs attendus (propriétés numériques ind, ind_65_79, ind_80p), par ex. l’entité n° ${bad[0]!.i + 1}`,
    );
  if (!cells.length || bad.length) return { issues, usable: false };
  const [minX, minY, maxX, maxY] = bbox(contour);
  const overlapping = cells.filter((c) => {
    const [a, b, cc, d] = bbox(c);
    return a <= maxX && cc >= minX && b <= maxY && d >= minY && booleanIntersects(c, contour);
  });
  if (!overlapping.length) {
    err(
      'la grille de population ne recouvre pas le territoire (aucun carreau ne touche le contour : grille d’un autre territoire ?). La produire avec « npm run territoire -- <code> », ou retirer « population_grille » de territoire.yaml : les personnes âgées seront alors « non estimées ».',
    );
    return { issues, usable: false };
  }
  // Communes whose centre falls in no cell: their seniors would be undercounted without a word.
  const index = new Flatbush(overlapping.length);
  for (const c of overlapping) {
    const [a, b, cc, d] = bbox(c);
    index.add(a, b, cc, d);
  }
  index.finish();
  const uncovered = communes.filter(
    (c) => !index.search(c.lon, c.lat, c.lon, c.lat).some((i) => booleanPointInPolygon(point([c.lon, c.lat]), overlapping[i] as Feature<Polygon>)),
  );
  if (uncovered.length > communes.length / 2)
    err(
      `la grille de population ne couvre qu’une partie du territoire : ${uncovered.length} commune(s) sur ${communes.length} ont leur centre hors de tout carreau.`,
    );
  else if (uncovered.length)
    err(
      `${uncovered.length} commune(s) ont leur centre hors de tout carreau habité de la grille (sans doute peu peuplées) : ${listed(uncovered.map((c) => `${c.code} (${c.nom})`))}`,
      'avertissement',
    );
  return { issues, usable: uncovered.length <= communes.length / 2 };
}
