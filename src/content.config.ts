/**
 * Content collections: one per record kind, validated by the same zod schemas as `npm run check-data`.
 * The loader reads the whole dataset through `getDataset()`, so an invalid file stops the build with
 * the complete error report instead of Astro's first-error-only message.
 */
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { equipe, lieu, offre, structure } from './schemas';
import { getFullDataset } from './lib/data/site-data';
import type { Dataset } from './lib/data/dataset';

function datasetLoader(name: 'structures' | 'lieux' | 'offres' | 'equipes'): Loader {
  return {
    name: `carte-du-lien-${name}`,
    load: async ({ store, parseData, logger }) => {
      const records = getFullDataset()[name] as Dataset[typeof name];
      store.clear();
      for (const r of records) {
        const data = await parseData({ id: r.id, data: r as unknown as Record<string, unknown> });
        store.set({ id: r.id, data });
      }
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
