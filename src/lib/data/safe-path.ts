/**
 * Reference files named in territoire.yaml must stay inside the data folder (the basemap inside public/):
 * a path such as « ../../../../etc/passwd » is refused BEFORE anything is opened, and no message ever
 * quotes a file's content. The rule is on the path WRITTEN in the data file: a symbolic link placed in the
 * folder by whoever manages it (as the test fixtures share data/reference/) is that person's choice.
 */
import path from 'node:path';
import { pathProblem } from '../../schemas/common';

export { pathProblem };

const inside = (base: string, target: string) => {
  const r = path.relative(base, target);
  return r === '' || (!r.startsWith('..') && !path.isAbsolute(r));
};

/**
 * Absolute path of `rel` under `baseDir`, or the French reason it is refused. The file need not exist
 * (the caller reports a missing file).
 */
export function confinedPath(baseDir: string, rel: string): { abs: string } | { error: string } {
  const problem = pathProblem(rel);
  if (problem) return { error: problem };
  const base = path.resolve(baseDir);
  const abs = path.resolve(base, rel);
  if (!inside(base, abs)) return { error: 'chemin refusé : le fichier doit se trouver dans le dossier' };
  return { abs };
}

/** Same check for code that reads a reference file outside loadDataset: throws the French reason. */
export function confinedOrThrow(baseDir: string, rel: string, what = 'fichier de référence'): string {
  const where = confinedPath(baseDir, rel);
  if ('error' in where) throw new Error(`${what} « ${rel} » : ${where.error}`);
  return where.abs;
}
