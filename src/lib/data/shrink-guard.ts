/**
 * A collection emptied or cut down by mistake (an offres.yaml saved with one comment left, a bad
 * copy-paste) must not silently publish a site without its offers. Compared with the previous successful
 * check of the same data folder, or with the counts written in `data/attendus.yaml`, a collection that
 * becomes empty or loses many records at once is an error, until a person confirms it:
 * `CONFIRMER_SUPPRESSIONS=1` (or `--confirmer-suppressions` for check-data), or `[]` written in the file
 * for a collection that is empty on purpose.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { DataIssue } from './issues';

/** A drop of at least this share AND this number of records is "many at once". */
export const DROP_SHARE = 0.25;
export const DROP_MIN = 3;

export type Counts = Record<string, number>;

export interface ShrinkInput {
  name: string;
  fichier: string;
  read: number;
  empty?: 'explicit' | 'implicit';
  previous?: number;
  expected?: number;
}

const HOW_TO_CONFIRM =
  'si c’est voulu, confirmez avec CONFIRMER_SUPPRESSIONS=1 (ex. « CONFIRMER_SUPPRESSIONS=1 npm run build ») ou « npm run check-data -- --confirmer-suppressions »';

export function shrinkIssues(collections: ShrinkInput[], confirmed: boolean): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const c of collections) {
    const niveau: DataIssue['niveau'] = confirmed ? 'avertissement' : 'erreur';
    if (c.empty === 'implicit') {
      issues.push({
        niveau,
        fichier: c.fichier,
        message: `aucun enregistrement dans le fichier (vide ou seulement des commentaires) : toutes les ${c.name} disparaîtraient du site. Si la liste est vide exprès, écrivez « [] » dans le fichier ; sinon, restaurez-le`,
      });
      continue;
    }
    if (c.expected !== undefined && c.read < c.expected) {
      issues.push({
        niveau,
        fichier: c.fichier,
        message: `${c.read} enregistrement(s) au lieu des ${c.expected} attendus (data/attendus.yaml) : des ${c.name} ont disparu ; ${HOW_TO_CONFIRM}, ou corrigez data/attendus.yaml`,
      });
      continue;
    }
    if (c.previous === undefined || c.empty === 'explicit') continue;
    const lost = c.previous - c.read;
    if (lost >= DROP_MIN && lost >= c.previous * DROP_SHARE)
      issues.push({
        niveau,
        fichier: c.fichier,
        message: `${lost} enregistrement(s) de moins qu’au contrôle précédent (${c.previous} → ${c.read}) : des ${c.name} ont disparu d’un coup ; ${HOW_TO_CONFIRM}`,
      });
  }
  return issues;
}

/** Where the counts of the last successful check of a data folder are kept (git-ignored, per folder). */
export function countsFile(dataDir: string, cacheDir = path.resolve('node_modules/.cache/carte-du-lien')): string {
  const key = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  return path.join(cacheDir, `comptes-${key}.json`);
}

export function readCounts(file: string): Counts | undefined {
  try {
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Counts) : undefined;
  } catch {
    return undefined; // a damaged cache only loses the comparison
  }
}

export function writeCounts(file: string, counts: Counts): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(counts));
}

export const confirmedByEnv = () => /^(1|oui|true)$/i.test(process.env.CONFIRMER_SUPPRESSIONS ?? '');
