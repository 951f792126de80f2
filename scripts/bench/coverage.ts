/**
 * National-scale coverage benchmark (`npm run bench:coverage`, part of `npm run bench`; never in `npm test`).
 * All communes of France (centres and populations from ../shared/data/france/communes_min.json)
 * × the 10 thématiques of the pilot catalogue × 100,000 synthetic offers (seeded, so every run computes
 * the same thing) and 900 synthetic équipes. Fails (exit 1) when the coverage takes more than 30 s,
 * or when the kd-tree's nearest offer disagrees with a brute-force scan on a sample of communes.
 * Options: BENCH_COMMUNES=<file>, BENCH_OFFERS=<n>, BENCH_LIMIT_MS=<ms>.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  computeCoverage,
  haversineKm,
  type CoverageCommune,
  type CoverageOffer,
  type CoverageTeam,
  type CoverageTheme,
  type OfferMode,
} from '../../src/lib/coverage/model';
import { mulberry32 } from '../../src/lib/seeded-random';

const candidates = [process.env.BENCH_COMMUNES, path.resolve('../shared/data/france/communes_min.json'), '/work/shared/data/france/communes_min.json'].filter(
  Boolean,
) as string[];
const file = candidates.find((f) => existsSync(f));
if (!file) {
  console.error(`communes_min.json introuvable (essayé : ${candidates.join(', ')}) ; indiquer BENCH_COMMUNES=<fichier>`);
  process.exit(2);
}
const N_OFFERS = Number(process.env.BENCH_OFFERS ?? 100_000);
const LIMIT_MS = Number(process.env.BENCH_LIMIT_MS ?? 30_000);

const rand = mulberry32(47); // deterministic: every run computes the same coverage
const pick = <T>(a: T[]): T => a[Math.floor(rand() * a.length)]!;

const raw = JSON.parse(readFileSync(file, 'utf8')) as { code: string; nom: string; dept: string; lat: number; lon: number; population: number }[];
const communes: CoverageCommune[] = raw
  .filter((c) => Number.isFinite(c.lat) && Number.isFinite(c.lon))
  .map((c) => ({ code: c.code, nom: c.nom, lat: c.lat, lon: c.lon, population: c.population ?? 0, pop65: 0, pop80: 0 }));
const deptOf = new Map(raw.map((c) => [c.code, c.dept]));
const byDept = new Map<string, CoverageCommune[]>();
for (const c of communes) {
  const d = deptOf.get(c.code)!;
  const list = byDept.get(d) ?? [];
  list.push(c);
  byDept.set(d, list);
}
const depts = [...byDept.values()];

const terr = parse(readFileSync('data/territoire.yaml', 'utf8')) as { thematiques: CoverageTheme[] };
const themes: CoverageTheme[] = terr.thematiques.map((t) => ({
  id: t.id,
  libelle: t.libelle,
  portee_km: t.portee_km ?? 10,
  distance_comble: t.distance_comble ?? false,
}));

const tGen = performance.now();
const offers: CoverageOffer[] = [];
for (let i = 0; i < N_OFFERS; i++) {
  const c = pick(communes);
  const t1 = pick(themes).id;
  const ths = rand() < 0.3 ? [t1, pick(themes).id] : [t1];
  const r = rand();
  const mode: OfferMode = r < 0.7 ? 'sur_place' : r < 0.8 ? 'itinerant' : r < 0.95 ? 'a_domicile' : 'a_distance';
  const jitter = () => ({ lat: c.lat + (rand() - 0.5) * 0.04, lon: c.lon + (rand() - 0.5) * 0.06 });
  const dept = byDept.get(deptOf.get(c.code)!) ?? [c];
  offers.push({
    id: `o${i}`,
    nom: `Offre ${i}`,
    thematiques: ths,
    mode,
    points:
      mode === 'sur_place'
        ? [jitter()]
        : mode === 'itinerant'
          ? Array.from({ length: 3 + Math.floor(rand() * 10) }, () => {
              const s = pick(dept);
              return { lat: s.lat, lon: s.lon };
            })
          : [],
    communes: mode === 'a_domicile' ? Array.from({ length: 1 + Math.floor(rand() * 8) }, () => pick(dept).code) : [],
  });
}
const teams: CoverageTeam[] = Array.from({ length: 900 }, (_, i) => {
  const d = pick(depts);
  return {
    id: `e${i}`,
    nom: `Équipe ${i}`,
    communes: Array.from({ length: 5 + Math.floor(rand() * 15) }, () => pick(d).code),
    thematiques: ['visites-domicile', 'ecoute-entraide'],
  };
});
const genMs = performance.now() - tGen;

const t0 = performance.now();
const res = computeCoverage({ communes, themes, offers, teams });
const ms = performance.now() - t0;

// Cross-check the kd-tree against a brute-force scan on 200 communes × every thématique.
const themePts = themes.map((t) =>
  offers.filter((o) => (o.mode === 'sur_place' || o.mode === 'itinerant') && o.thematiques.includes(t.id)).flatMap((o) => o.points),
);
let mismatches = 0;
for (let k = 0; k < 200; k++) {
  const ci = Math.floor(rand() * communes.length);
  const c = communes[ci]!;
  themes.forEach((_t, ti) => {
    let best = Infinity;
    for (const p of themePts[ti]!) best = Math.min(best, haversineKm(c.lat, c.lon, p.lat, p.lon));
    const got = res.rows[ti]![ci]!.distanceKm ?? Infinity;
    if (Math.abs(got - best) > 1e-9) mismatches++;
  });
}

const points = offers.reduce((s, o) => s + o.points.length, 0);
console.log(
  `Couverture nationale : ${communes.length.toLocaleString('fr-FR')} communes × ${themes.length} thématiques, ${N_OFFERS.toLocaleString('fr-FR')} offres (${points.toLocaleString('fr-FR')} points sur place ou arrêts), ${teams.length} équipes`,
);
console.log(`  génération des données synthétiques : ${(genMs / 1000).toFixed(1)} s (non comptée)`);
console.log(`  calcul de la couverture : ${(ms / 1000).toFixed(2)} s (limite ${(LIMIT_MS / 1000).toFixed(0)} s)`);
for (const s of res.summaries)
  console.log(`  ${s.thematique.padEnd(20)} ${((100 * s.communesCouvertes) / s.communes).toFixed(1).padStart(5)} % des communes couvertes`);
console.log(`  contrôle kd-tree / parcours exhaustif : ${200 * themes.length} cas, ${mismatches} écart(s)`);
if (mismatches > 0 || ms > LIMIT_MS) {
  console.error(mismatches > 0 ? 'ÉCHEC : distances différentes du parcours exhaustif' : `ÉCHEC : plus de ${LIMIT_MS} ms`);
  process.exit(1);
}
