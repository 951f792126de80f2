/**
 * The dataset as the site sees it: loaded once per build, and the build FAILS with every error listed
 * when the data is invalid (the same report as `npm run check-data`).
 */
import path from 'node:path';
import { loadDataset, type Dataset } from './dataset';
import { DataValidationError } from './issues';
import { confirmedByEnv, countsFile } from './shrink-guard';

let cached: Dataset | undefined;

export function dataDir(): string {
  return path.resolve(process.env.CARTE_DATA_DIR ?? 'data');
}

export function getDataset(): Dataset {
  if (cached) return cached;
  const { dataset, issues } = loadDataset(dataDir(), { countsFile: countsFile(dataDir()), confirmShrink: confirmedByEnv() });
  const errors = issues.filter((i) => i.niveau === 'erreur');
  if (errors.length || !dataset) throw new DataValidationError(errors);
  cached = dataset;
  return dataset;
}
