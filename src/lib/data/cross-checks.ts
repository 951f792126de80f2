/** Checks that need more than one record: references, territory membership, places, freshness. */
import { booleanPointInPolygon, point, pointToPolygonDistance } from '@turf/turf';
import type { Equipe, Lieu, Offre, Structure } from '../../schemas';
import type { Dataset, Located } from './dataset';
import { fieldPath, type DataIssue } from './issues';

/** Simplified boundaries: accept points this close outside the outline (km). */
const BORDER_TOLERANCE_KM = 2;
const STALE_AFTER_DAYS = 365;

type Parsed = { structures: Located<Structure>[]; lieux: Located<Lieu>[]; offres: Located<Offre>[]; equipes: Located<Equipe>[] };

export function crossChecks(ds: Dataset, parsed: Parsed, ctx: { rel: (f: string) => string; today: Date }): DataIssue[] {
  const issues: DataIssue[] = [];
  const ids = {
    structures: new Set(ds.structures.map((s) => s.id)),
    lieux: new Set(ds.lieux.map((l) => l.id)),
  };
  const themeIds = new Set(ds.territoire.thematiques.map((t) => t.id));
  const themeList = ds.territoire.thematiques.map((t) => t.id).join(', ');

  const inside = (lat: number, lon: number) => {
    const pt = point([lon, lat]);
    return booleanPointInPolygon(pt, ds.contour) || pointToPolygonDistance(pt, ds.contour, { units: 'kilometers' }) <= BORDER_TOLERANCE_KM;
  };

  function check(collection: keyof Parsed, file: string) {
    const fichier = ctx.rel(file);
    for (const loc of parsed[collection]) {
      const rec = loc.record as { id: string };
      const err = (p: (string | number)[], message: string, valeur?: unknown, niveau: DataIssue['niveau'] = 'erreur') => {
        const i: DataIssue = { niveau, fichier, ligne: loc.lineOf(p), enregistrement: `« ${rec.id} »`, champ: fieldPath(p), message };
        if (valeur !== undefined) i.valeur = valeur;
        issues.push(i);
      };
      const commune = (p: (string | number)[], code: string | undefined) => {
        if (code !== undefined && !ds.communes.has(code)) err(p, `commune hors du territoire ${ds.territoire.nom} (code INSEE inconnu du fichier des communes)`, code);
      };
      const coords = (p: (string | number)[], c: { lat: number; lon: number } | undefined) => {
        if (!c || inside(c.lat, c.lon)) return;
        if (inside(c.lon, c.lat)) err(p, 'latitude et longitude inversées (le point inversé tombe dans le territoire)', `lat ${c.lat}, lon ${c.lon}`);
        else err(p, `coordonnées hors du territoire ${ds.territoire.nom}`, `lat ${c.lat}, lon ${c.lon}`);
      };
      const ref = (p: (string | number)[], target: 'structures' | 'lieux', value: string | undefined) => {
        if (value !== undefined && !ids[target].has(value))
          err(p, `référence introuvable : aucun${target === 'lieux' ? ' lieu' : 'e structure'} avec cet identifiant dans ${ctx.rel(target + '.yaml')}`, value);
      };
      const r = loc.record as Record<string, unknown>;
      commune(['commune'], r.commune as string | undefined);
      coords(['coordonnees'], r.coordonnees as { lat: number; lon: number } | undefined);
      if (collection === 'lieux') ref(['porteur'], 'structures', (r as Lieu).porteur);
      if (collection === 'structures') (r as Structure).zone_intervention.forEach((c, i) => commune(['zone_intervention', i], c));
      if (collection === 'equipes') {
        const e = r as Equipe;
        ref(['porteur'], 'structures', e.porteur);
        e.communes.forEach((c, i) => commune(['communes', i], c));
      }
      if (collection === 'offres') {
        const o = r as Offre;
        ref(['porteur'], 'structures', o.porteur);
        o.thematiques.forEach((t, i) => {
          if (!themeIds.has(t)) err(['thematiques', i], `thématique inconnue du catalogue du territoire (attendu : ${themeList})`, t);
        });
        const m = o.mode;
        if (m.type === 'sur_place') {
          ref(['mode', 'lieu'], 'lieux', m.lieu);
          commune(['mode', 'commune'], m.commune);
          coords(['mode', 'coordonnees'], m.coordonnees);
        } else if (m.type === 'a_domicile') m.communes.forEach((c, i) => commune(['mode', 'communes', i], c));
        else if (m.type === 'itinerant')
          m.arrets.forEach((a, i) => {
            ref(['mode', 'arrets', i, 'lieu'], 'lieux', a.lieu);
            commune(['mode', 'arrets', i, 'commune'], a.commune);
            coords(['mode', 'arrets', i, 'coordonnees'], a.coordonnees);
          });
      }
      const verified = Date.parse(r.verifie_le as string);
      const ageDays = (ctx.today.getTime() - verified) / 86_400_000;
      if (ageDays > STALE_AFTER_DAYS)
        err(['verifie_le'], `informations non vérifiées depuis plus de 12 mois (${Math.floor(ageDays / 30.4)} mois) : à revérifier auprès du porteur`, r.verifie_le, 'avertissement');
      else if (ageDays < -1) err(['verifie_le'], 'date de vérification dans le futur', r.verifie_le);
    }
  }
  check('structures', 'structures.yaml');
  check('lieux', 'lieux.yaml');
  check('offres', 'offres.yaml');
  check('equipes', 'equipes.yaml');
  return issues;
}
