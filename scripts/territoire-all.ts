/**
 * `npm run territoire:all` (outside `npm test`): runs the territory command and the check-data validation for
 * every metropolitan département, in a temporary folder, and reports failures and the slowest département.
 * Options: `-- 01 2A 47` to run some only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateTerritory } from '../src/lib/territory/generate';
import { loadCog } from '../src/lib/territory/national';
import { loadDataset } from '../src/lib/data/dataset';
import { formatIssue } from '../src/lib/data/issues';

const only = process.argv.slice(2);
const deps = loadCog()
  .departements.map((d) => d.code)
  .filter((c) => c.length === 2 && (!only.length || only.includes(c))); // metropolitan: 01–95, 2A, 2B
const tmp = mkdtempSync(path.join(os.tmpdir(), 'carte-all-'));
const results: { dep: string; ok: boolean; seconds: number; communes: number; missing: number; approximated: number; detail: string }[] = [];
for (const dep of deps) {
  const dir = path.join(tmp, dep);
  const t0 = performance.now();
  let ok = false;
  let detail = '';
  let communes = 0;
  let missing = 0;
  let approximated = 0;
  try {
    const r = generateTerritory([dep], {
      dataDir: dir,
      nationalDir: path.resolve('data/national'),
      centresFile: path.resolve('data/reference/communes-france.json'),
      catalogueFile: path.resolve('data/territoire.yaml'),
    });
    communes = r.communes;
    missing = r.missing.length;
    approximated = r.approximated.length;
    const errors = loadDataset(dir, { relRoot: dir }).issues.filter((i) => i.niveau === 'erreur');
    ok = errors.length === 0 && r.communes === r.selection.communes.length;
    detail = [...r.missing, ...errors.slice(0, 5).map(formatIssue)].join(' | ');
  } catch (e) {
    detail = (e as Error).message;
  }
  const seconds = (performance.now() - t0) / 1000;
  results.push({ dep, ok, seconds, communes, missing, approximated, detail });
  console.log(
    `${ok ? 'OK   ' : 'ÉCHEC'} ${dep} : ${communes} communes${approximated ? ` (dont ${approximated} au contour approché)` : ''}, ${seconds.toFixed(1)} s${detail ? ` — ${detail.slice(0, 300)}` : ''}`,
  );
  rmSync(dir, { recursive: true, force: true });
}
rmSync(tmp, { recursive: true, force: true });
const failures = results.filter((r) => !r.ok);
const slowest = [...results].sort((a, b) => b.seconds - a.seconds)[0];
console.log(`\n${results.length} départements, ${failures.length} échec(s)${failures.length ? ` : ${failures.map((f) => f.dep).join(', ')}` : ''}.`);
if (slowest)
  console.log(
    `Le plus long : ${slowest.dep} (${slowest.communes} communes), ${slowest.seconds.toFixed(1)} s ; total ${results.reduce((s, r) => s + r.seconds, 0).toFixed(0)} s.`,
  );
const approx = results.filter((r) => r.approximated);
if (approx.length)
  console.log(
    `Contours approchés (communes rétablies depuis 2018 et celles qui partagent leur ancien contour) : ${approx.map((r) => `${r.dep} (${r.approximated})`).join(', ')}.`,
  );
if (failures.length) process.exitCode = 1;
