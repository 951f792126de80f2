/**
 * The files published under /donnees/: name, format, documentation, record count and content.
 * One list drives the /donnees/ page, the build of each file (src/pages/donnees/[fichier].ts) and the
 * browser test that downloads every one of them.
 */
import type { Dataset } from '../data/dataset';
import { recordsToCsv } from './csv';
import { equipesGeojson, lieuxGeojson, offresGeojson, type AreaOf } from './geojson';
import { diServices, diStructures } from './data-inclusion';
import { mediationNumerique } from './mediation-numerique';
import type { RecordKind } from './columns';

export interface DataFile {
  fichier: string;
  titre: string;
  format: 'GeoJSON' | 'CSV' | 'JSON';
  /** What the file holds, in a sentence. */
  description: string;
  documentation: { label: string; href: string };
  count: number;
  /** Built content; absent when another route builds the file (zones-blanches.csv). */
  contenu?: () => string;
  type: string;
}

const GEOJSON_DOC = { label: 'GeoJSON (RFC 7946)', href: 'https://www.rfc-editor.org/rfc/rfc7946' };
const CSV_DOC = { label: 'colonnes du tableur, ci-dessous', href: '#format-tableur' };
const DI_DOC = { label: 'schéma data·inclusion v1', href: 'https://github.com/gip-inclusion/data-inclusion-schema' };
const MEDNUM_DOC = { label: 'schéma des lieux de médiation numérique', href: 'https://schema.data.gouv.fr/LaMednum/standard-mediation-num/' };
const LABELS: Record<RecordKind, string> = {
  offres: 'Activités et services',
  lieux: 'Lieux du lien',
  structures: 'Structures (porteurs)',
  equipes: 'Équipes citoyennes',
};

const json = (v: unknown) => JSON.stringify(v) + '\n';
const GEO = 'application/geo+json; charset=utf-8';
const CSV = 'text/csv; charset=utf-8';
const JSONT = 'application/json; charset=utf-8';

export function dataFiles(ds: Dataset, area: AreaOf): DataFile[] {
  const med = () => mediationNumerique(ds);
  const csvFile = (k: RecordKind): DataFile => ({
    fichier: `${k}.csv`,
    titre: `${LABELS[k]} (tableur)`,
    format: 'CSV',
    description: `Une ligne par enregistrement, dans les colonnes que lit « npm run import » : le fichier modifié peut être réimporté.`,
    documentation: CSV_DOC,
    count: ds[k].length,
    contenu: () => recordsToCsv(k, ds[k]),
    type: CSV,
  });
  const thematiques = ds.territoire.thematiques.length;
  return [
    {
      fichier: 'offres.geojson',
      titre: LABELS.offres,
      format: 'GeoJSON',
      description:
        'Un point par activité sur place, les arrêts des activités itinérantes, la zone desservie des activités à domicile ; sans géométrie pour les activités par téléphone ou en ligne.',
      documentation: GEOJSON_DOC,
      count: ds.offres.length,
      contenu: () => json(offresGeojson(ds, area)),
      type: GEO,
    },
    {
      fichier: 'lieux.geojson',
      titre: LABELS.lieux,
      format: 'GeoJSON',
      description: 'Un point par lieu.',
      documentation: GEOJSON_DOC,
      count: ds.lieux.length,
      contenu: () => json(lieuxGeojson(ds)),
      type: GEO,
    },
    {
      fichier: 'equipes.geojson',
      titre: LABELS.equipes,
      format: 'GeoJSON',
      description: 'La zone (réunion des communes) où intervient chaque équipe.',
      documentation: GEOJSON_DOC,
      count: ds.equipes.length,
      contenu: () => json(equipesGeojson(ds, area)),
      type: GEO,
    },
    csvFile('offres'),
    csvFile('lieux'),
    csvFile('structures'),
    csvFile('equipes'),
    {
      fichier: 'structures.json',
      titre: 'Structures au format data·inclusion',
      format: 'JSON',
      description: 'Les porteurs, pour les annuaires nationaux de l’inclusion (data·inclusion et les outils qu’il alimente).',
      documentation: DI_DOC,
      count: ds.structures.length,
      contenu: () => json(diStructures(ds)),
      type: JSONT,
    },
    {
      fichier: 'services.json',
      titre: 'Services au format data·inclusion',
      format: 'JSON',
      description: 'Les activités et services, rattachés à leur structure, avec les thématiques data·inclusion du catalogue.',
      documentation: DI_DOC,
      count: ds.offres.length,
      contenu: () => json(diServices(ds)),
      type: JSONT,
    },
    {
      fichier: 'lieux-mediation-numerique.json',
      titre: 'Lieux de médiation numérique',
      format: 'JSON',
      description: 'Les lieux de type « médiation numérique », pour la cartographie nationale des lieux d’inclusion numérique.',
      documentation: MEDNUM_DOC,
      count: med().lieux.length,
      contenu: () => json(med().lieux),
      type: JSONT,
    },
    {
      fichier: 'zones-blanches.csv',
      titre: 'Zones blanches par commune et par besoin',
      format: 'CSV',
      description: 'Une ligne par commune et par besoin : couverte ou non, distance à l’offre la plus proche, habitants et personnes âgées (estimations).',
      documentation: { label: 'colonnes décrites sur la page des zones blanches', href: '/zones-blanches/' },
      count: ds.communes.size * thematiques,
      type: CSV,
    },
  ];
}
