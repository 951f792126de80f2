/**
 * data·inclusion v1 `structures` + `services` (JSON arrays, schemas and referentials in src/schemas/standards/data-inclusion-v1/):
 * each structure with a location becomes a lieu; its services give the lieu's services, publics and fees
 * (labels of the published referentials, not codes), its `reseaux_porteurs` the labels and the lieu type.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isoDate, list, num, text, type Candidate } from './candidate';

type Ref = { value: string; label: string }[];
function labels(dir: string, file: string): Map<string, string> {
  const rows = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Ref;
  return new Map(rows.map((r) => [r.value, r.label]));
}

/** Networks that say what kind of lieu a structure is (others: « autre »). */
const TYPE_BY_RESEAU: Record<string, string> = {
  'france-service': 'france_services',
  'conseillers-numeriques': 'mediation_numerique',
  'espaces-publics-numeriques': 'mediation_numerique',
};

export function dataInclusionCandidates(structures: Record<string, unknown>[], services: Record<string, unknown>[], referentials: string): Candidate[] {
  const publics = labels(referentials, 'publics.json');
  const frais = labels(referentials, 'frais.json');
  const reseaux = labels(referentials, 'reseaux-porteurs.json');
  const byStructure = new Map<string, Record<string, unknown>[]>();
  for (const s of services) {
    const key = `${text(s.source)}:${text(s.structure_id)}`;
    const l = byStructure.get(key);
    if (l) l.push(s);
    else byStructure.set(key, [s]);
  }
  return structures.map((st, i) => {
    const source = text(st.source);
    const id = text(st.id);
    const c: Candidate = {
      externalId: source && id ? `${source}:${id}` : '',
      where: `structure n° ${i + 1}${id ? ` (${id})` : ''}`,
      record: {},
      errors: [],
      notes: [],
    };
    for (const f of ['source', 'id', 'nom', 'date_maj'] as const)
      if (!text(st[f])) c.errors.push(`champ obligatoire « ${f} » absent (schéma data·inclusion structure)`);
    const svc = byStructure.get(c.externalId) ?? [];
    const res = list(st.reseaux_porteurs);
    const type = res.map((r) => TYPE_BY_RESEAU[r]).find(Boolean) ?? 'autre';
    const lat = num(st.latitude);
    const lon = num(st.longitude);
    const uniq = (xs: string[]) => [...new Set(xs)];
    c.record = {
      nom: text(st.nom),
      type,
      description: text(st.description),
      adresse: text(st.adresse) ? { voie: text(st.adresse), complement: text(st.complement_adresse), code_postal: text(st.code_postal) } : undefined,
      commune: text(st.code_insee),
      coordonnees: lat !== undefined && lon !== undefined ? { lat, lon } : undefined,
      horaires: text(st.horaires_accueil),
      telephone: text(st.telephone),
      courriel: text(st.courriel),
      site_web: text(st.site_web),
      accessibilite: text(st.accessibilite_lieu) ? { acceslibre: text(st.accessibilite_lieu) } : undefined,
      services: uniq(svc.map((s) => text(s.nom)).filter((x): x is string => !!x)),
      publics: uniq(svc.flatMap((s) => list(s.publics)).map((p) => publics.get(p) ?? p)),
      frais: uniq(
        svc
          .map((s) => text(s.frais))
          .filter((x): x is string => !!x)
          .map((f) => frais.get(f) ?? f),
      ),
      labels: res.map((r) => reseaux.get(r) ?? r),
      id_externe: c.externalId,
      source: { nom: `${source ?? 'data·inclusion'} (via data·inclusion)`, url: text(st.lien_source), licence: 'Licence Ouverte 2.0' },
      verifie_le: isoDate(st.date_maj),
    };
    return c;
  });
}
