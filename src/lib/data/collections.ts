/** The record collections of data/: file name, label used in messages, schema. Shared by the loader and the cross-checks. */
import { equipe, lieu, offre, structure } from '../../schemas';

/** The record collections: file name, label used in messages, schema. */
export const COLLECTIONS = {
  structures: { file: 'structures.yaml', label: 'structure', schema: structure },
  lieux: { file: 'lieux.yaml', label: 'lieu', schema: lieu },
  offres: { file: 'offres.yaml', label: 'offre', schema: offre },
  equipes: { file: 'equipes.yaml', label: 'équipe', schema: equipe },
} as const;
export type CollectionName = keyof typeof COLLECTIONS;
