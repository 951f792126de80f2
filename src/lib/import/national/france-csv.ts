/** The France services (ANCT) and public libraries (Ministère de la Culture) national CSV files. */
import { hoursFromDays, text, num, type Candidate } from './candidate';

export const SOURCE_FRANCE_SERVICES = { nom: 'ANCT, liste des France services (1er août 2024)', licence: 'Licence Ouverte 2.0', date: '2024-08-01' };
export const SOURCE_BIBLIOTHEQUES = {
  nom: 'Ministère de la Culture, « Adresses des bibliothèques publiques » (Observatoire de la lecture publique)',
  licence: 'Licence Ouverte',
  date: '2023-01-01',
};

const DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];
const coords = (lat: unknown, lon: unknown) => {
  const la = num(lat);
  const lo = num(lon);
  return la !== undefined && lo !== undefined ? { lat: Number(la.toFixed(6)), lon: Number(lo.toFixed(6)) } : undefined;
};
const insee = (v: unknown) => text(v)?.padStart(5, '0');

export function franceServicesCandidates(rows: Record<string, string>[], where: (i: number) => string): Candidate[] {
  return rows.map((r, i) => {
    const c: Candidate = { externalId: text(r.id_fs) ?? '', where: where(i), record: {}, errors: [], notes: [] };
    if (!c.externalId) c.errors.push('identifiant « id_fs » absent');
    if (!text(r.lib_fs)) c.errors.push('nom « lib_fs » absent');
    c.record = {
      nom: text(r.lib_fs),
      type: 'france_services',
      description: 'Guichet de proximité pour les démarches administratives (retraite, santé, impôts, allocations, numérique), avec des agents formés.',
      adresse: text(r.adresse) ? { voie: text(r.adresse), complement: text(r.complement_adresse), code_postal: text(r.code_postal) } : undefined,
      commune: insee(r.insee_com),
      coordonnees: coords(r.latitude, r.longitude),
      horaires: hoursFromDays(DAYS.map((d) => r[`h_${d}`])),
      telephone: text(r.telephone),
      courriel: text(r.mail),
      services: ['Aide aux démarches administratives'],
      labels: ['France services', ...(text(r.labellisation_fs) ? [text(r.labellisation_fs)!] : [])],
      frais: ['Gratuit'],
      id_externe: c.externalId,
      source: { nom: SOURCE_FRANCE_SERVICES.nom, licence: SOURCE_FRANCE_SERVICES.licence },
      verifie_le: SOURCE_FRANCE_SERVICES.date,
    };
    return c;
  });
}

export function bibliothequesCandidates(rows: Record<string, string>[], where: (i: number) => string): Candidate[] {
  return rows.map((r, i) => {
    const id = text(r.Code_bib)?.replace(/\.0$/, '');
    const c: Candidate = { externalId: id ?? '', where: where(i), record: {}, errors: [], notes: [] };
    if (!id) c.errors.push('identifiant « Code_bib » absent');
    const nom = [text(r["Nom de l'établissement"]), text(r['Libellé 2'])].filter(Boolean).join(' — ');
    if (!nom) c.errors.push("nom « Nom de l'établissement » absent");
    const ville = text(r.Ville);
    c.record = {
      nom: nom && ville && /^(bibliothèque|médiathèque)( municipale| intercommunale| communale)?$/i.test(nom) ? `${nom} de ${ville}` : nom || undefined,
      type: 'bibliotheque',
      description: `${text(r.Statut) ?? 'Bibliothèque'} : lecture sur place, prêt, animations ; entrée libre.`,
      adresse: text(r.Adresse) ? { voie: text(r.Adresse), complement: text(r.Complément), code_postal: text(r.CP)?.padStart(5, '0') } : undefined,
      commune: insee(r['Code insee commune']),
      coordonnees: coords(r.Latitude, r.Longitude),
      labels: text(r.Statut) ? [text(r.Statut)!] : [],
      id_externe: id,
      source: { nom: SOURCE_BIBLIOTHEQUES.nom, licence: SOURCE_BIBLIOTHEQUES.licence },
      verifie_le: SOURCE_BIBLIOTHEQUES.date,
    };
    return c;
  });
}
