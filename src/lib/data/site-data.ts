/**
 * The dataset as the site sees it: loaded once per build, and the build FAILS with every error listed
 * when the data is invalid (the same report as `npm run check-data`).
 * `getDataset()` is what listings, maps, search and coverage read: offers whose dates are all past are
 * left out (src/lib/data/ended.ts). `getFullDataset()` keeps them, for their own fiche pages and the exports.
 */
import path from 'node:path';
import { loadDataset, type Dataset } from './dataset';
import { DataValidationError } from './issues';
import { isEnded } from './ended';

let full: Dataset | undefined;
let current: Dataset | undefined;

export function dataDir(): string {
  return path.resolve(process.env.CARTE_DATA_DIR ?? 'data');
}

export function getFullDataset(): Dataset {
  if (full) return full;
  const { dataset, issues } = loadDataset(dataDir());
  const errors = issues.filter((i) => i.niveau === 'erreur');
  if (errors.length || !dataset) throw new DataValidationError(errors);
  full = dataset;
  return dataset;
}

export function getDataset(): Dataset {
  if (current) return current;
  const ds = getFullDataset();
  const today = new Date();
  current = { ...ds, offres: ds.offres.filter((o) => !isEnded(o, today)) };
  return current;
}
