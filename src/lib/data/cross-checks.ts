/**
 * Checks that need more than one record: references, territory membership, places, freshness.
 * They run on the RAW records, valid or not, so that a record with a typo in one field still has its
 * references and communes checked in the same run ("all errors at once"). Each check only looks at
 * fields of the expected shape; shape errors are the schema's job.
 */
import { booleanPointInPolygon, point, pointToPolygonDistance } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Territoire } from '../../schemas';
import { isStale } from './freshness';
import { fieldPath, type DataIssue } from './issues';
import type { RawRecord } from './yaml-records';
import type { CollectionName } from './collections';

/** Simplified boundaries: accept points this close outside the outline (km). */
const BORDER_TOLERANCE_KM = 2;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const list = (v: unknown) => (Array.isArray(v) ? v : []);

export interface CrossCheckInput {
  territoire: Territoire;
  communes: Set<string>;
  contour: Feature<Polygon | MultiPolygon>;
  raw: Record<CollectionName, RawRecord[]>;
  files: Record<CollectionName, string>;
  today: Date;
}

export function crossChecks({ territoire, communes, contour, raw, files, today }: CrossCheckInput): DataIssue[] {
  const issues: DataIssue[] = [];
  const ids = (c: CollectionName) => new Set(raw[c].map((r) => (isObj(r.value) ? str(r.value.id) : undefined)).filter(Boolean));
  const known = { structures: ids('structures'), lieux: ids('lieux') };
  const themeIds = new Set(territoire.thematiques.map((t) => t.id));
  const themeList = territoire.thematiques.map((t) => t.id).join(', ');
  const inside = (lat: number, lon: number) => {
    const pt = point([lon, lat]);
    return booleanPointInPolygon(pt, contour) || pointToPolygonDistance(pt, contour, { units: 'kilometers' }) <= BORDER_TOLERANCE_KM;
  };

  for (const collection of Object.keys(raw) as CollectionName[]) {
    const fichier = files[collection];
    raw[collection].forEach((rec, index) => {
      if (!isObj(rec.value)) return;
      const r = rec.value;
      const label = str(r.id) ? `« ${r.id} »` : `n° ${index + 1} (sans identifiant)`;
      const err = (p: (string | number)[], message: string, valeur?: unknown, niveau: DataIssue['niveau'] = 'erreur') => {
        const i: DataIssue = { niveau, fichier, ligne: rec.lineOf(p), enregistrement: label, champ: fieldPath(p), message };
        if (valeur !== undefined) i.valeur = valeur;
        issues.push(i);
      };
      const commune = (p: (string | number)[], code: unknown) => {
        if (typeof code === 'string' && !communes.has(code))
          err(p, `commune hors du territoire ${territoire.nom} (code INSEE inconnu du fichier des communes)`, code);
      };
      const coords = (p: (string | number)[], c: unknown) => {
        if (!isObj(c) || typeof c.lat !== 'number' || typeof c.lon !== 'number' || inside(c.lat, c.lon)) return;
        if (inside(c.lon, c.lat)) err(p, 'latitude et longitude inversées (le point inversé tombe dans le territoire)', `lat ${c.lat}, lon ${c.lon}`);
        else err(p, `coordonnées hors du territoire ${territoire.nom}`, `lat ${c.lat}, lon ${c.lon}`);
      };
      const ref = (p: (string | number)[], target: 'structures' | 'lieux', value: unknown) => {
        if (typeof value === 'string' && !known[target].has(value))
          err(p, `référence introuvable : aucun${target === 'lieux' ? ' lieu' : 'e structure'} avec cet identifiant dans ${files[target]}`, value);
      };
      const place = (p: (string | number)[], v: unknown) => {
        if (!isObj(v)) return;
        ref([...p, 'lieu'], 'lieux', v.lieu);
        commune([...p, 'commune'], v.commune);
        coords([...p, 'coordonnees'], v.coordonnees);
      };

      commune(['commune'], r.commune);
      coords(['coordonnees'], r.coordonnees);
      if (collection === 'lieux') ref(['porteur'], 'structures', r.porteur);
      if (collection === 'structures') list(r.zone_intervention).forEach((c, i) => commune(['zone_intervention', i], c));
      if (collection === 'equipes') {
        ref(['porteur'], 'structures', r.porteur);
        list(r.communes).forEach((c, i) => commune(['communes', i], c));
      }
      if (collection === 'offres') {
        ref(['porteur'], 'structures', r.porteur);
        list(r.thematiques).forEach((t, i) => {
          if (typeof t === 'string' && !themeIds.has(t)) err(['thematiques', i], `thématique inconnue du catalogue du territoire (attendu : ${themeList})`, t);
        });
        const m = isObj(r.mode) ? r.mode : {};
        if (m.type === 'sur_place') place(['mode'], m);
        if (m.type === 'a_domicile') list(m.communes).forEach((c, i) => commune(['mode', 'communes', i], c));
        if (m.type === 'itinerant') list(m.arrets).forEach((a, i) => place(['mode', 'arrets', i], a));
      }
      const verified = typeof r.verifie_le === 'string' ? Date.parse(r.verifie_le) : NaN;
      if (Number.isNaN(verified)) return;
      const ageDays = (today.getTime() - verified) / 86_400_000;
      if (typeof r.verifie_le === 'string' && isStale(r.verifie_le, today, territoire.verification_mois))
        err(
          ['verifie_le'],
          `informations non vérifiées depuis plus de ${territoire.verification_mois} mois (${Math.floor(ageDays / 30.4)} mois) : à revérifier auprès du porteur`,
          r.verifie_le,
          'avertissement',
        );
      else if (ageDays < -1) err(['verifie_le'], 'date de vérification dans le futur', r.verifie_le);
    });
  }
  return issues;
}
