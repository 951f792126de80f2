/**
 * `npm run territoire -- <code> [options]`: a territory's configuration and reference files from the
 * national reference data shipped in data/national/ (no network). See README, « Nouveau territoire ».
 *
 *   <code>                 département (47, 2A), SIREN d'EPCI (9 chiffres) ou codes INSEE (47001,47002 …)
 *   --dossier <dir>        dossier de données écrit (défaut : data)
 *   --contours <fichier>   GeoJSON des communes fourni (IGN Admin Express…), à la place des contours livrés
 *   --catalogue <fichier>  territoire.yaml dont on garde le catalogue des besoins
 *   --nom <nom> --id <id>  nom et identifiant du territoire
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateTerritory } from '../src/lib/territory/generate';

const started = performance.now();
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dossier: { type: 'string' },
    contours: { type: 'string' },
    catalogue: { type: 'string' },
    national: { type: 'string' },
    nom: { type: 'string' },
    id: { type: 'string' },
  },
});
try {
  const report = generateTerritory(positionals, {
    dataDir: path.resolve(values.dossier ?? 'data'),
    nationalDir: path.resolve(values.national ?? 'data/national'),
    centresFile: path.resolve('data/reference/communes-france.json'),
    polygonFile: values.contours && path.resolve(values.contours),
    catalogueFile: values.catalogue && path.resolve(values.catalogue),
    nom: values.nom,
    id: values.id,
  });
  const s = report.selection;
  console.log(`Territoire ${s.nom} (${s.niveau} ${s.code}) : ${report.communes} communes, ${report.gridCells} cellules de la grille de population.`);
  console.log('Écrit :');
  for (const f of report.written) console.log(`  ${f}`);
  for (const n of report.notes) console.log(`Note : ${n}`);
  if (report.approximated.length) {
    console.log(`Contours approchés (${report.approximated.length}) :`);
    for (const a of report.approximated) console.log(`  ${a}`);
  }
  if (report.missing.length) {
    console.log(`Introuvable (${report.missing.length}) :`);
    for (const m of report.missing) console.log(`  ${m}`);
  } else console.log('Rien d’introuvable.');
  console.log(
    `Terminé en ${((performance.now() - started) / 1000).toFixed(1)} s. Vérifier ensuite : npm run check-data${values.dossier ? ` -- ${values.dossier}` : ''}`,
  );
} catch (e) {
  console.error(`Erreur : ${(e as Error).message}`);
  process.exitCode = 1;
}
