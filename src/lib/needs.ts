/**
 * Which needs (thématiques of the territory's catalogue) each kind of record serves (publics and mode of équipes:
 * PUBLICS_EQUIPE and MODE_EQUIPE in src/schemas/vocabulary.ts). The one statement of these rules: coverage (zones blanches), the search index and the map all call these functions, and
 * tests/unit/needs-agreement.test.ts checks that they agree for every record.
 */
import type { Equipe, Lieu, Offre, Thematique } from '../schemas';

/** An offer serves the needs and publics it declares. */
export function offerThemes(o: Pick<Offre, 'thematiques'>): string[] {
  return o.thematiques;
}

/**
 * An équipe citoyenne fills a need when one of its activities is listed in that thématique's `equipes`
 * (data/territoire.yaml): the catalogue is territory data, so the rule is too.
 */
export function teamThemes(e: Pick<Equipe, 'activites'>, catalogue: readonly Thematique[]): string[] {
  return catalogue.filter((t) => t.equipes.some((a) => e.activites.includes(a))).map((t) => t.id);
}

/**
 * A lieu open to all fills a need when the thématique's `lieux` (data/territoire.yaml) names its type or one of
 * its services (e.g. numerique ← mediation_numerique, france_services). Coverage tells such a commune apart
 * (« couvert seulement par un lieu ouvert à tous »).
 */
export function lieuThemes(l: Pick<Lieu, 'type'> & { services?: readonly string[] }, catalogue: readonly Thematique[]): string[] {
  return catalogue.filter((t) => t.lieux.includes(l.type) || (l.services ?? []).some((s) => t.lieux.includes(s))).map((t) => t.id);
}

/** Activities per need, for the method text: « visites de convivialité à domicile → Visites à domicile ». */
export function teamRules(catalogue: readonly Thematique[]): { thematique: Thematique; activites: Equipe['activites'] }[] {
  return catalogue.filter((t) => t.equipes.length > 0).map((t) => ({ thematique: t, activites: t.equipes }));
}

/** Whether some équipe activity fills this need (to word « sans offre à domicile ni équipe citoyenne »). */
export function teamsFill(t: Pick<Thematique, 'equipes'>): boolean {
  return t.equipes.length > 0;
}
