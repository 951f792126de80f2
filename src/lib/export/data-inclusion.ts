/**
 * data·inclusion v1 (gip-inclusion/data-inclusion-schema, schemas/v1): structures.json and services.json.
 * Field by field as noted in src/schemas/ (`// DI:`); thématiques through the territory catalogue's
 * `data_inclusion` codes. Offers are the services; the porteur is the structure. Values the standard has
 * no code for (e.g. the public "aidants") go to the free-text `*_precisions` fields rather than being lost.
 * Validated against the published JSON Schemas in tests/unit/export-data-inclusion.test.ts.
 */
import type { Dataset } from '../data/dataset';
import type { Offre, Public, Structure } from '../../schemas';
import { PUBLICS, normalizePhone } from '../../schemas';
import { indexFor } from '../records';

/** Our publics → data·inclusion `publics` codes (none for aidants and isolated people: said in publics_precisions). */
const DI_PUBLICS: Partial<Record<Public, string>> = {
  tous: 'tous-publics',
  seniors: 'seniors',
  personnes_handicap: 'personnes-en-situation-de-handicap',
  jeunes: 'jeunes',
  familles: 'familles',
};

/** Producer id of the territory (`source`), prefix of every id: "carte-du-lien-<territoire>". */
export const diSource = (ds: Dataset) => `carte-du-lien-${ds.territoire.id}`;

/** E.164 (+33…) as the standard prefers; short numbers (3919) stay as they are. */
export function e164(phone: string | undefined): string | null {
  const n = phone ? normalizePhone(phone) : null;
  if (!n) return null;
  return n.startsWith('0') ? `+33${n.slice(1)}` : n;
}

/** The standard asks for a name of 3 to 150 characters not ending with a full stop. */
const diNom = (nom: string) => (nom.length > 150 ? nom.slice(0, 149).trimEnd() + '…' : nom).replace(/\.+$/, '');

export function diStructure(ds: Dataset, s: Structure) {
  const source = diSource(ds);
  return {
    source,
    id: `${source}--${s.id}`,
    nom: diNom(s.nom),
    description: s.presentation.length >= 5 ? s.presentation : null,
    adresse: s.adresse?.voie ?? null,
    complement_adresse: s.adresse?.complement ?? null,
    code_postal: s.adresse?.code_postal ?? null,
    code_insee: s.commune,
    commune: ds.communes.get(s.commune)?.nom ?? null,
    latitude: s.coordonnees?.lat ?? null,
    longitude: s.coordonnees?.lon ?? null,
    telephone: e164(s.telephone),
    courriel: s.courriel ?? null,
    site_web: s.site_web ?? null,
    horaires_accueil: s.horaires ?? null,
    accessibilite_lieu: s.accessibilite?.acceslibre ?? null,
    lien_source: null,
    siret: null,
    reseaux_porteurs: null,
    date_maj: s.verifie_le,
  };
}

function zoneEligibilite(ds: Dataset, o: Offre): string[] | null {
  if (o.mode.type === 'a_domicile') return o.mode.communes;
  if (o.mode.type !== 'a_distance') return null;
  if (o.mode.portee === 'national') return ['france'];
  // The territory: a département or EPCI code when it is one, else its communes.
  const t = ds.territoire;
  if (t.niveau === 'departement' && /^\w{2,3}$/.test(t.code)) return [t.code];
  if (t.niveau === 'epci' && /^\d{9}$/.test(t.code)) return [t.code];
  return t.communes;
}

export function diService(ds: Dataset, o: Offre) {
  const source = diSource(ds);
  const idx = indexFor(ds);
  const place = idx.offerPoints(o)[0];
  const lieu = place?.lieu ? idx.lieux.get(place.lieu) : undefined;
  const adresse = o.mode.type === 'sur_place' ? (o.mode.adresse ?? lieu?.adresse) : undefined;
  const thematiques = [...new Set(o.thematiques.flatMap((t) => idx.thematiques.get(t)?.data_inclusion ?? []))];
  const publics = [...new Set(o.publics.map((p) => DI_PUBLICS[p]).filter((p): p is string => Boolean(p)))];
  const unmapped = o.publics.filter((p) => !DI_PUBLICS[p]).map((p) => PUBLICS[p]);
  const modes: string[] = [];
  if (o.contact.telephone) modes.push('telephoner');
  if (o.contact.courriel) modes.push('envoyer-un-courriel');
  if (o.contact.site_web) modes.push('utiliser-lien-mobilisation');
  if ((o.mode.type === 'sur_place' || o.mode.type === 'itinerant') && !o.inscription.obligatoire) modes.push('se-presenter');
  const precisions = [
    o.contact.modalites,
    o.inscription.obligatoire ? `Inscription obligatoire${o.inscription.precisions ? ' : ' + o.inscription.precisions : '.'}` : o.inscription.precisions,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    source,
    structure_id: `${source}--${o.porteur}`,
    id: `${source}--${o.id}`,
    nom: diNom(o.nom),
    description: o.description,
    type: null,
    thematiques: thematiques.length ? thematiques : null,
    publics: publics.length ? publics : null,
    publics_precisions: unmapped.length ? unmapped.join(', ') : null,
    frais: o.frais.type === 'sur_conditions' ? null : o.frais.type,
    frais_precisions: [o.frais.type === 'payant' ? o.frais.montant : null, o.frais.precisions].filter(Boolean).join('. ') || null,
    conditions_acces: null,
    modes_accueil: [o.mode.type === 'a_distance' ? 'a-distance' : 'en-presentiel'],
    zone_eligibilite: zoneEligibilite(ds, o),
    adresse: adresse?.voie ?? null,
    complement_adresse: adresse?.complement ?? null,
    code_postal: adresse?.code_postal ?? null,
    code_insee: place?.commune ?? null,
    commune: place ? (ds.communes.get(place.commune)?.nom ?? null) : null,
    latitude: o.mode.type === 'itinerant' ? null : (place?.lat ?? null),
    longitude: o.mode.type === 'itinerant' ? null : (place?.lon ?? null),
    telephone: e164(o.contact.telephone),
    courriel: o.contact.courriel ?? null,
    contact_nom_prenom: null, // never a private person's name
    lien_mobilisation: o.contact.site_web ?? null,
    modes_mobilisation: modes.length ? modes : null,
    mobilisable_par: ['usagers', 'professionnels'],
    mobilisation_precisions: precisions || null,
    horaires_accueil: o.horaires ?? null,
    lien_source: null,
    nombre_semaines: null,
    volume_horaire_hebdomadaire: null,
    date_maj: o.verifie_le,
  };
}

export const diStructures = (ds: Dataset) => ds.structures.map((s) => diStructure(ds, s));
export const diServices = (ds: Dataset) => ds.offres.map((o) => diService(ds, o));
