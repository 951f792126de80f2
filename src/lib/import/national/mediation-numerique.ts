/**
 * National schema of the lieux de médiation numérique (JSON or CSV), read with the ANCT reference
 * implementation (@gouvfr-anct/lieux-de-mediation-numerique): a row it refuses is rejected with its reason.
 */
import { fromSchemaLieuDeMediationNumerique, type SchemaLieuMediationNumerique } from '@gouvfr-anct/lieux-de-mediation-numerique';
import { hoursFromDays, isoDate, list, num, text, type Candidate } from './candidate';

export const SOURCE_MEDIATION = { nom: 'Lieux de médiation numérique (schéma national, ANCT)', licence: 'Licence Ouverte 2.0' };

export function mediationCandidates(rows: Record<string, unknown>[], where: (i: number) => string): Candidate[] {
  return rows.map((raw, i) => {
    const c: Candidate = { externalId: text(raw.id) ?? '', where: where(i), record: {}, errors: [], notes: [] };
    // CSV cells are text and empty cells are "": the reference implementation expects numbers for the
    // coordinates and absent optional fields.
    const clean = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== '' && v !== null && v !== undefined));
    const row = { ...clean, latitude: num(raw.latitude), longitude: num(raw.longitude) } as unknown as SchemaLieuMediationNumerique;
    // Enough to place the row, so that a refused row of the territory is reported (and one elsewhere is not).
    const lat = num(raw.latitude);
    const lon = num(raw.longitude);
    c.record = { nom: text(raw.nom), commune: text(raw.code_insee), coordonnees: lat !== undefined && lon !== undefined ? { lat, lon } : undefined };
    let lieu: ReturnType<typeof fromSchemaLieuDeMediationNumerique>;
    try {
      lieu = fromSchemaLieuDeMediationNumerique(row);
    } catch (e) {
      c.errors.push(`non conforme au schéma national des lieux de médiation numérique : ${(e as Error).message}`);
      return c;
    }
    if (!c.externalId) c.errors.push('identifiant « id » absent');
    // biome-ignore lint/suspicious/noExplicitAny: the model's value objects are read through their plain fields
    const l = lieu as unknown as Record<string, any>;
    const contact = l.contact ?? {};
    c.record = {
      nom: String(l.nom),
      type: 'mediation_numerique',
      description: text(l.presentation?.resume) ?? text(l.presentation?.detail),
      adresse: { voie: String(l.adresse.voie), complement: text(l.adresse.complement_adresse), code_postal: text(l.adresse.code_postal) },
      commune: text(l.adresse.code_insee),
      coordonnees: l.localisation ? { lat: Number(l.localisation.latitude), lon: Number(l.localisation.longitude) } : undefined,
      horaires: text(l.horaires),
      telephone: text(contact.telephone),
      courriel: text(list(contact.courriels?.map?.((x: unknown) => String(x)) ?? [])[0]),
      site_web: text(list(contact.site_web?.map?.((x: unknown) => String(x)) ?? [])[0]),
      accessibilite: l.fiche_acces_libre ? { acceslibre: String(l.fiche_acces_libre) } : undefined,
      services: list(l.services),
      publics: list(l.publics_specifiquement_adresses),
      frais: list(l.frais_a_charge),
      labels: [...list(l.dispositif_programmes_nationaux), ...list(l.formations_labels)],
      id_externe: c.externalId,
      source: { nom: text(l.source) ? `${text(l.source)} (lieux de médiation numérique)` : SOURCE_MEDIATION.nom, licence: SOURCE_MEDIATION.licence },
      verifie_le: isoDate(l.date_maj),
    };
    void hoursFromDays;
    return c;
  });
}
