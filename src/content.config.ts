/**
 * Content collections: one per record kind, typed by the same zod schemas as `npm run check-data`. The loader
 * takes the records `site()` already validated (an invalid file stops the build with the complete error report,
 * not Astro's first error only) and stores them as they are: records are validated once per build.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { equipe, lieu, offre, structure } from './schemas';
import type { Dataset } from './lib/data/dataset';
import { site } from './lib/site';

function datasetLoader(name: 'structures' | 'lieux' | 'offres' | 'equipes'): Loader {
  return {
    name: `carte-du-lien-${name}`,
    load: async ({ store, logger }) => {
      const records = site().ds[name] as Dataset[typeof name];
      store.clear();
      for (const r of records) store.set({ id: r.id, data: r as unknown as Record<string, unknown> });
      logger.info(`${records.length} ${name}`);
    },
  };
}

export const collections = {
  structures: defineCollection({ loader: datasetLoader('structures'), schema: structure }),
  lieux: defineCollection({ loader: datasetLoader('lieux'), schema: lieu }),
  offres: defineCollection({ loader: datasetLoader('offres'), schema: offre }),
  equipes: defineCollection({ loader: datasetLoader('equipes'), schema: equipe }),
};
