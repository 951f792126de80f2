/**
 * `npm run import:national -- <format> [fichier…] [--data data]`: lieux from a national dataset, filtered
 * to the territory, through the validation of check-data; prints a report (added, updated by source id,
 * unchanged, rejected with reasons, commune derived from the point, point outside its declared commune).
 * Re-running it on the same file changes nothing.
 *
 *   mediation-numerique <lieux.json|lieux.csv>        schéma national des lieux de médiation numérique
 *   data-inclusion <structures.json> <services.json>   data·inclusion v1
 *   france-services [fichier.csv]                      défaut : data/national/france-services-liste-20240801.csv.gz
 *   bibliotheques [fichier.csv]                        défaut : data/national/bibliotheques-publiques-olp.csv.gz
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isCsv, readCsvRows, readJsonRows } from '../src/lib/import/national/read';
import { mediationCandidates } from '../src/lib/import/national/mediation-numerique';
import { bibliothequesCandidates, franceServicesCandidates } from '../src/lib/import/national/france-csv';
import { dataInclusionCandidates } from '../src/lib/import/national/data-inclusion';
import { importLieux } from '../src/lib/import/national/merge';
import type { Candidate } from '../src/lib/import/national/candidate';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { data: { type: 'string' } } });
const [format, ...files] = positionals;
const dataDir = path.resolve(values.data ?? 'data');
const line = (i: number) => `ligne ${i + 2}`;
const item = (i: number) => `élément n° ${i + 1}`;

function candidates(): Candidate[] {
  switch (format) {
    case 'mediation-numerique': {
      const f = files[0];
      if (!f) throw new Error('indiquer le fichier des lieux de médiation numérique (JSON ou CSV)');
      return isCsv(f) ? mediationCandidates(readCsvRows(f), line) : mediationCandidates(readJsonRows(f), item);
    }
    case 'data-inclusion': {
      const [s, v] = files;
      if (!s || !v) throw new Error('indiquer les fichiers structures.json et services.json de data·inclusion');
      return dataInclusionCandidates(readJsonRows(s), readJsonRows(v), path.resolve('src/schemas/standards/data-inclusion-v1/extra'));
    }
    case 'france-services':
      return franceServicesCandidates(readCsvRows(files[0] ?? 'data/national/france-services-liste-20240801.csv.gz'), line);
    case 'bibliotheques':
      return bibliothequesCandidates(readCsvRows(files[0] ?? 'data/national/bibliotheques-publiques-olp.csv.gz'), line);
    default:
      throw new Error('format attendu : mediation-numerique, data-inclusion, france-services ou bibliotheques');
  }
}

try {
  const r = importLieux(dataDir, candidates());
  if (r.blocking.length) {
    console.log('Les données du dossier contiennent des erreurs : rien n’a été écrit.');
    for (const b of r.blocking) console.log(`  ${b}`);
    process.exitCode = 1;
  } else {
    const kept = r.added.length + r.updated.length + r.unchanged;
    console.log(
      `${r.read} ligne(s) lue(s) ; ${r.outside} hors du territoire${r.unplaced ? `, ${r.unplaced} sans point ni commune` : ''} ; ${kept} lieu(x) du territoire : ${r.added.length} ajouté(s), ${r.updated.length} mis à jour (même identifiant de la source), ${r.unchanged} inchangé(s) ; ${r.rejected.length} rejeté(s).`,
    );
    for (const x of r.rejected) console.log(`REJETÉ ${x.where}${x.nom ? ` « ${x.nom} »` : ''} : ${x.reasons.join(' ; ')}`);
    for (const x of r.derived) console.log(`COMMUNE DÉDUITE DU POINT ${x.where} « ${x.id} » : ${x.commune}`);
    for (const x of r.misplaced) console.log(`À VÉRIFIER ${x.where} « ${x.id} » : ${x.message}`);
    for (const x of r.notes) console.log(`CHAMP IGNORÉ ${x.where} « ${x.id} » : ${x.note}`);
    console.log(
      r.written ? `Écrit : ${path.relative(process.cwd(), path.join(dataDir, 'lieux.yaml'))}. Données valides.` : 'Aucun changement : rien n’a été écrit.',
    );
  }
} catch (e) {
  console.error(`Erreur : ${(e as Error).message}`);
  process.exitCode = 1;
}
