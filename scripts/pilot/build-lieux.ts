/**
 * Builds data/lieux.yaml from the real places of the pilot (data/reference/lieux-reels-47.geojson,
 * derived from national open data) and the France services national file (opening hours, phone, mail).
 * Re-run after a reference update: `npx tsx scripts/pilot/build-lieux.ts`. Nothing is invented here:
 * a field the sources lack stays empty.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'yaml';
import { booleanPointInPolygon, point } from '@turf/turf';
import type { FeatureCollection, Point, Polygon, MultiPolygon } from 'geojson';
import { slugify, titleCase } from '../../src/lib/text';
import { hoursFromDays } from '../../src/lib/import/national/candidate';

type Place = { category: string; source: string; name: string; address: string; insee_com: string | null; id_fs?: string; statut?: string };
const places = JSON.parse(readFileSync('data/reference/lieux-reels-47.geojson', 'utf8')) as FeatureCollection<Point, Place>;
const communes = JSON.parse(readFileSync('data/reference/communes.geojson', 'utf8')) as FeatureCollection<
  Polygon | MultiPolygon,
  { code: string; nom: string }
>;
const fs = parse(readFileSync('data/reference/france-services-47.csv', 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
const fsById = new Map(fs.map((r) => [r.id_fs, r]));
const nomCommune = new Map(communes.features.map((f) => [f.properties.code, f.properties.nom]));

const SOURCES: Record<string, { nom: string; licence: string; verifie_le: string; type: string }> = {
  'bibliotheques-publiques-olp.csv': {
    nom: 'Ministère de la Culture, « Adresses des bibliothèques publiques » (Observatoire de la lecture publique)',
    licence: 'Licence Ouverte',
    verifie_le: '2023-01-01',
    type: 'bibliotheque',
  },
  'france-services-liste-20240801.csv': {
    nom: 'ANCT, liste des France services (1er août 2024)',
    licence: 'Licence Ouverte 2.0',
    verifie_le: '2024-08-01',
    type: 'france_services',
  },
  'cnfs-structures-2022.json': {
    nom: 'ANCT, structures accueillant un conseiller numérique France Services (2021-2022)',
    licence: 'Licence Ouverte 2.0',
    verifie_le: '2022-12-31',
    type: 'mediation_numerique',
  },
  'ehpad-prix-tillac.geojson': {
    nom: 'CNSA, prix des EHPAD (données ouvertes 2023)',
    licence: 'Licence Ouverte (CNSA)',
    verifie_le: '2023-12-31',
    type: 'ehpad',
  },
};
const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const;

/** Opening hours of a France services row, with the national importer's conversion (one copy of it). */
const franceServicesHours = (r: Record<string, string>) => hoursFromDays(DAYS.map((d) => r[`h_${d}`]));

function communeAt(lon: number, lat: number): string | undefined {
  return communes.features.find((f) => booleanPointInPolygon(point([lon, lat]), f))?.properties.code;
}

const used = new Set<string>();
const lieux = places.features.map((f) => {
  const p = f.properties;
  const [lon, lat] = f.geometry.coordinates as [number, number];
  const src = SOURCES[p.source];
  if (!src) throw new Error(`source inconnue : ${p.source}`);
  const commune = p.insee_com ?? communeAt(lon, lat);
  if (!commune) throw new Error(`aucune commune pour ${p.name} (${lon}, ${lat})`);
  const communeNom = nomCommune.get(commune) ?? '';
  let nom = titleCase(p.name.replace(/^Bibliotheque/i, 'Bibliothèque').replace(/^Mediatheque/i, 'Médiathèque'));
  if (/^(Bibliothèque|Médiathèque)( (Municipale|Intercommunale|Communale))?$/i.test(nom) || /^(Bibliothèque|Médiathèque)$/i.test(nom))
    nom = `${nom.replace(/ (Municipale|Intercommunale|Communale)/i, (m) => m.toLowerCase())} de ${communeNom}`;
  let id = slugify(`${src.type === 'mediation_numerique' ? 'numerique' : src.type}-${communeNom}`);
  for (let n = 2; used.has(id); n++) id = slugify(`${src.type === 'mediation_numerique' ? 'numerique' : src.type}-${communeNom}-${n}`);
  used.add(id);
  const m = /^(.*?)[\s,]*(\d{5})\s+.+$/.exec(p.address ?? '');
  const rec: Record<string, unknown> = { id, nom, type: src.type };
  if (m?.[1]) rec.adresse = { voie: titleCase(m[1]), code_postal: m[2] };
  rec.commune = commune;
  rec.coordonnees = { lat: Number(lat.toFixed(6)), lon: Number(lon.toFixed(6)) };
  if (p.source === 'france-services-liste-20240801.csv' && p.id_fs) {
    const r = fsById.get(p.id_fs);
    const h = r && franceServicesHours(r);
    if (h) rec.horaires = h;
    if (r?.telephone) rec.telephone = r.telephone;
    if (r?.mail) rec.courriel = r.mail;
    rec.description = 'Guichet de proximité pour les démarches administratives (retraite, santé, impôts, allocations, numérique), avec des agents formés.';
  }
  if (src.type === 'bibliotheque') rec.description = `${p.statut ?? 'Bibliothèque'} : lecture sur place, prêt, animations ; entrée libre.`;
  if (src.type === 'mediation_numerique')
    rec.description = 'Structure qui accueille un conseiller numérique : aide pour utiliser un ordinateur, un téléphone et les services en ligne.';
  rec.source = { nom: src.nom, licence: src.licence };
  rec.verifie_le = src.verifie_le;
  return rec;
});

const header = `# Lieux du lien réels du Lot-et-Garonne, générés par scripts/pilot/build-lieux.ts
# depuis data/reference/lieux-reels-47.geojson et data/reference/france-services-47.csv (sources : data/SOURCES.md).
# Des lieux peuvent être ajoutés à la main ou par « npm run import ». La date de vérification est celle de la source.
`;
writeFileSync('data/lieux.yaml', header + stringify(lieux, { lineWidth: 0 }));
console.log(`${lieux.length} lieux écrits dans data/lieux.yaml`);
