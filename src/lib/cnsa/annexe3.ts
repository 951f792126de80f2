/**
 * The CNSA « fiche de présentation des acteurs du territoire » (guide CNSA 2025 sur l'isolement social,
 * annexe 3): the form a territory sends every actor. Each rubrique of the form is either a field of the
 * structure model or derived from its offers and hours; the structure fiche prints these rubriques, in
 * this order, as the annex. tests/unit/cnsa-annexe3.test.ts checks every rubrique against the model.
 */
import OpeningHours from 'opening_hours';
import type { Offre, Structure } from '../../schemas';
import { MODES, PUBLICS } from '../../schemas';
import { describeSchedule, isAppointmentOnly, joinFr } from '../schedule';

export interface Rubrique {
  /** Label as written on the CNSA form. */
  libelle: string;
  /** Structure fields (top-level keys of the zod schema) the rubrique reads. */
  champs: (keyof Structure)[];
  /** Set when the rubrique is computed rather than typed in: what it is derived from. */
  derive?: 'offres' | 'horaires';
}

export const ANNEXE3: readonly Rubrique[] = [
  { libelle: 'Nom de la structure', champs: ['nom'] },
  { libelle: 'Objectifs de la structure', champs: ['presentation'] },
  { libelle: 'Types de services proposés', champs: [], derive: 'offres' },
  { libelle: 'Populations concernées', champs: [], derive: 'offres' },
  { libelle: "Zone d'intervention", champs: ['zone_intervention'] },
  { libelle: 'Compétences des professionnels', champs: ['competences_professionnels'] },
  { libelle: "Méthodes et outils spécifiques de lutte contre l'isolement", champs: ['methodes_outils'] },
  { libelle: 'Intervention de bénévoles', champs: ['benevoles'] },
  { libelle: 'Modes de financement', champs: ['financements'] },
  { libelle: "Site d'accueil", champs: ['adresse', 'commune'] },
  { libelle: "Horaires d'ouverture", champs: ['horaires'] },
  { libelle: 'Permanences le week-end', champs: ['horaires'], derive: 'horaires' },
  { libelle: 'Modalités de prise de contact', champs: ['modalites_contact'] },
  { libelle: 'Personne référente', champs: ['referent'] },
  { libelle: 'Adresse', champs: ['adresse', 'commune'] },
  { libelle: 'Téléphone', champs: ['telephone'] },
  { libelle: 'Courriel', champs: ['courriel'] },
  { libelle: 'Document de présentation', champs: ['document_presentation'] },
];

export const NON_RENSEIGNE = 'Non renseigné';

/**
 * Whether a schedule has opening on a Saturday or Sunday: two full weeks are enumerated with the
 * opening_hours library (so "Mo-Sa", "Su[1]" or "week 1-53/2 Sa" are all understood).
 * null when there are no fixed hours ("sur rendez-vous").
 */
export function weekendOpening(horaires: string): boolean | null {
  if (isAppointmentOnly(horaires)) return null;
  const oh = new OpeningHours(horaires, { lat: 46.5, lon: 2.5, address: { country_code: 'fr', state: '' } }, { locale: 'fr' } as never);
  const from = new Date(2026, 0, 5); // a Monday; five weeks covers "1st Saturday of the month" rules
  const to = new Date(from.getTime() + 35 * 86_400_000);
  let any = false;
  for (const [start, end, unknown] of oh.getOpenIntervals(from, to)) {
    if (unknown && end.getTime() - start.getTime() > 86_400_000) continue;
    any = true;
    if (start.getDay() === 0 || start.getDay() === 6) return true;
  }
  return any ? false : null;
}

export interface AnnexeContext {
  offres: Offre[];
  communeNom: (code: string) => string;
  territoireNom: string;
  themeLabel: (id: string) => string;
}

function address(s: Structure, ctx: AnnexeContext): string {
  if (!s.adresse) return ctx.communeNom(s.commune);
  return [s.adresse.voie, s.adresse.complement, `${s.adresse.code_postal ?? ''} ${ctx.communeNom(s.commune)}`.trim()].filter(Boolean).join(', ');
}

/** The value shown for each rubrique, in plain French. */
export function annexe3Values(s: Structure, ctx: AnnexeContext): { libelle: string; valeur: string; derive?: string }[] {
  const unique = <T>(xs: T[]) => [...new Set(xs)];
  const services = unique(ctx.offres.flatMap((o) => o.thematiques.map(ctx.themeLabel)));
  const modes = unique(ctx.offres.map((o) => MODES[o.mode.type].toLowerCase()));
  const publics = unique(ctx.offres.flatMap((o) => o.publics.map((p) => PUBLICS[p])));
  const weekend = s.horaires ? weekendOpening(s.horaires) : null;
  const r = s.referent;
  const values: Record<string, string> = {
    'Nom de la structure': s.nom,
    'Objectifs de la structure': s.presentation,
    'Types de services proposés': services.length ? `${joinFr(services)} (${joinFr(modes)})` : 'Aucune activité recensée',
    'Populations concernées': publics.length ? joinFr(publics) : 'Aucune activité recensée',
    "Zone d'intervention": s.zone_intervention.length
      ? s.zone_intervention
          .map(ctx.communeNom)
          .sort((a, b) => a.localeCompare(b, 'fr'))
          .join(', ')
      : `Tout le territoire ${ctx.territoireNom}`,
    'Compétences des professionnels': s.competences_professionnels ?? NON_RENSEIGNE,
    "Méthodes et outils spécifiques de lutte contre l'isolement": s.methodes_outils ?? NON_RENSEIGNE,
    'Intervention de bénévoles': s.benevoles ? 'Oui' : 'Non',
    'Modes de financement': s.financements ?? NON_RENSEIGNE,
    "Site d'accueil": address(s, ctx),
    "Horaires d'ouverture": s.horaires ? describeSchedule(s.horaires).join(' ; ') : NON_RENSEIGNE,
    'Permanences le week-end': weekend === null ? 'Non précisé' : weekend ? 'Oui' : 'Non',
    'Modalités de prise de contact': s.modalites_contact,
    'Personne référente': r ? [r.nom ? `${r.nom}, ${r.fonction}` : r.fonction, r.telephone, r.courriel].filter(Boolean).join(' · ') : NON_RENSEIGNE,
    Adresse: address(s, ctx),
    Téléphone: s.telephone ?? NON_RENSEIGNE,
    Courriel: s.courriel ?? NON_RENSEIGNE,
    'Document de présentation': s.document_presentation ?? NON_RENSEIGNE,
  };
  return ANNEXE3.map((rub) => ({
    libelle: rub.libelle,
    valeur: values[rub.libelle] ?? NON_RENSEIGNE,
    derive: rub.derive && (rub.derive === 'offres' ? 'déduit des activités recensées' : 'déduit des horaires'),
  }));
}
