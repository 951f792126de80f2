/**
 * Lieux of type « mediation_numerique » in the national *schéma des lieux de médiation numérique*
 * (ANCT cartographie nationale), built and checked with the ANCT's own library
 * (@gouvfr-anct/lieux-de-mediation-numerique): each field goes through its model constructors, which throw
 * on a value the standard refuses. A lieu the standard cannot take (no postal address, for instance) is
 * listed with the reason, never dropped unnoticed.
 */
import {
  Adresse,
  Contact,
  Courriel,
  Id,
  Localisation,
  Nom,
  Pivot,
  Service,
  Services,
  Url,
  toSchemaLieuMediationNumerique,
  type LieuMediationNumerique,
  type SchemaLieuMediationNumerique,
} from '@gouvfr-anct/lieux-de-mediation-numerique';
import type { Dataset } from '../data/dataset';
import type { Lieu } from '../../schemas';
import { diSource } from './data-inclusion';

/** SIRET placeholder the national schema asks for when a place has neither SIRET nor RNA. */
const PIVOT_INCONNU = '00000000000000';

export interface MediationExport {
  lieux: SchemaLieuMediationNumerique[];
  exclus: { id: string; nom: string; raison: string }[];
}

function toModel(ds: Dataset, l: Lieu): LieuMediationNumerique {
  if (!l.adresse?.code_postal) throw new Error('adresse ou code postal manquant (obligatoires dans ce schéma)');
  return {
    id: Id(`${diSource(ds)}--${l.id}`),
    pivot: Pivot(PIVOT_INCONNU),
    nom: Nom(l.nom),
    adresse: Adresse({
      voie: l.adresse.voie,
      complement_adresse: l.adresse.complement,
      code_postal: l.adresse.code_postal,
      code_insee: l.commune,
      commune: ds.communes.get(l.commune)?.nom ?? l.commune,
    }),
    localisation: Localisation({ latitude: l.coordonnees.lat, longitude: l.coordonnees.lon }),
    contact:
      l.telephone || l.courriel || l.site_web
        ? Contact({ telephone: l.telephone, courriels: l.courriel ? [Courriel(l.courriel)] : undefined, site_web: l.site_web ? [Url(l.site_web)] : undefined })
        : undefined,
    horaires: l.horaires,
    presentation: l.description ? { resume: l.description.slice(0, 280), detail: l.description } : undefined,
    source: diSource(ds),
    date_maj: new Date(`${l.verifie_le}T00:00:00Z`),
    // A lieu de médiation numérique helps, at the least, with everyday digital tools.
    services: Services([Service.MaitriseDesOutilsNumeriquesDuQuotidien]),
    fiche_acces_libre: l.accessibilite?.acceslibre ? Url(l.accessibilite.acceslibre) : undefined,
  };
}

export function mediationNumerique(ds: Dataset): MediationExport {
  const out: MediationExport = { lieux: [], exclus: [] };
  for (const l of ds.lieux.filter((x) => x.type === 'mediation_numerique')) {
    try {
      out.lieux.push(toSchemaLieuMediationNumerique(toModel(ds, l)));
    } catch (e) {
      out.exclus.push({ id: l.id, nom: l.nom, raison: (e as Error).message || (e as Error).name });
    }
  }
  return out;
}
