import path from 'node:path';

/** The data folder: data/, or CARTE_DATA_DIR (tests and benches build other territories). */
export function dataDir(): string {
  return path.resolve(process.env.CARTE_DATA_DIR ?? 'data');
}
