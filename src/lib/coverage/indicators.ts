/** Indicators of the tableau de bord and of the yearly report, from the dataset and its coverage. */
import type { Dataset } from '../data/dataset';
import { MODES, type Mode } from '../../schemas';
import type { SiteCoverage } from './from-dataset';
import type { CoverageCommune } from './model';

export interface Indicators {
  offres: number;
  byTheme: { id: string; libelle: string; offres: number; per1000Seniors: number }[];
  byMode: { mode: Mode; libelle: string; offres: number }[];
  population: number;
  /** False when no population grid covers the territory: every seniors figure is « non estimé ». */
  seniorsEstimated: boolean;
  /** Lieux that count toward coverage (their type or services are mapped onto a thématique). */
  lieuxCouvrants: number;
  pop65: number;
  pop80: number;
  coverage: {
    id: string;
    libelle: string;
    portee_km: number;
    population: number;
    pop65: number;
    pop80: number;
    communes: number;
    communesLieuSeulement: number;
  }[];
  equipes: { id: string; nom: string; porteur: string; communes: number; pop65: number; activites: string[] }[];
  equipesCommunes: number;
  equipesPop65: number;
  freshness: { collection: string; libelle: string; total: number; recent: number }[];
  examples: number;
}

/** Records verified within 365 days before `today` count as fresh. */
export function isRecent(verifieLe: string, today: Date): boolean {
  const d = new Date(verifieLe + 'T00:00:00Z').getTime();
  const days = (today.getTime() - d) / 86_400_000;
  return days >= -1 && days <= 365;
}

export function computeIndicators(ds: Dataset, cov: SiteCoverage, today: Date): Indicators {
  const communes = cov.input.communes;
  const sum = (f: (c: CoverageCommune) => number) => communes.reduce((s, c) => s + f(c), 0);
  const pop65 = sum((c) => c.pop65);
  const structures = new Map(ds.structures.map((s) => [s.id, s.nom]));
  const teamCommunes = new Set(ds.equipes.flatMap((e) => e.communes));
  const pop65Of = (codes: Iterable<string>) => [...new Set(codes)].reduce((s, code) => s + (communes[cov.communeIndex.get(code) ?? -1]?.pop65 ?? 0), 0);
  const collections = [
    { collection: 'structures', libelle: 'Structures', list: ds.structures },
    { collection: 'lieux', libelle: 'Lieux', list: ds.lieux },
    { collection: 'offres', libelle: 'Offres', list: ds.offres },
    { collection: 'equipes', libelle: 'Équipes citoyennes', list: ds.equipes },
  ];
  return {
    offres: ds.offres.length,
    byTheme: ds.territoire.thematiques.map((t) => {
      const n = ds.offres.filter((o) => o.thematiques.includes(t.id)).length;
      return { id: t.id, libelle: t.libelle, offres: n, per1000Seniors: pop65 > 0 ? (1000 * n) / pop65 : 0 };
    }),
    byMode: (Object.keys(MODES) as Mode[]).map((m) => ({ mode: m, libelle: MODES[m], offres: ds.offres.filter((o) => o.mode.type === m).length })),
    population: sum((c) => c.population),
    seniorsEstimated: cov.seniorsEstimated,
    lieuxCouvrants: cov.input.lieux?.length ?? 0,
    pop65,
    pop80: sum((c) => c.pop80),
    coverage: cov.summaries.map((s, i) => ({
      id: s.thematique,
      libelle: cov.input.themes[i]!.libelle,
      portee_km: cov.input.themes[i]!.portee_km,
      population: s.population > 0 ? s.populationCouverte / s.population : 0,
      pop65: s.pop65 > 0 ? s.pop65Couverte / s.pop65 : 0,
      pop80: s.pop80 > 0 ? s.pop80Couverte / s.pop80 : 0,
      communes: s.communesCouvertes,
      communesLieuSeulement: s.communesLieuSeulement,
    })),
    equipes: ds.equipes
      .map((e) => ({
        id: e.id,
        nom: e.nom,
        porteur: structures.get(e.porteur) ?? e.porteur,
        communes: new Set(e.communes).size,
        pop65: pop65Of(e.communes),
        activites: e.activites,
      }))
      .sort((a, b) => b.communes - a.communes || a.nom.localeCompare(b.nom, 'fr')),
    equipesCommunes: teamCommunes.size,
    equipesPop65: pop65Of(teamCommunes),
    freshness: collections.map((c) => ({
      collection: c.collection,
      libelle: c.libelle,
      total: c.list.length,
      recent: c.list.filter((r) => isRecent(r.verifie_le, today)).length,
    })),
    examples: ds.offres.filter((o) => o.exemple).length + ds.equipes.filter((e) => e.exemple).length + ds.structures.filter((s) => s.exemple).length,
  };
}

/** Date of the build in words: "23 novembre 2026". */
export function dateInWords(d: Date): string {
  return new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' }).format(d).replace(/^1 /, '1er ');
}
