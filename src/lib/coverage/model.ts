/**
 * Coverage model ("zones blanches"): for each commune and each need type (thématique), is the need
 * covered, and how far is the nearest offer one can go to?
 *
 * Rules (documented on /zones-blanches/ and in README):
 * - a commune is covered by a physical offer (sur place, or one stop of an itinerant offer) when the
 *   straight-line distance from the commune's centre (chef-lieu) to that point is at most the
 *   thématique's `portee_km`;
 * - it is covered at home by an `a_domicile` offer that lists the commune, or by an équipe citoyenne
 *   that lists the commune and whose activities map onto the thématique (see EQUIPE_THEMATIQUES);
 * - it is covered by a lieu (a place open to all: library, France services…) within `portee_km` when the
 *   territory maps the lieu's type or services onto the thématique (`lieux` of the thématique); such a
 *   commune is "covered only by a lieu" when no activity covers it, and every view says so;
 * - `a_distance` offers (phone, online) are reported apart and fill the gap only when the thématique
 *   says `distance_comble: true`;
 * - `distanceKm` is always the distance to the nearest physical point of the thématique, even when the
 *   commune is covered another way (null when the thématique has no physical offer at all).
 *
 * Pure functions over plain inputs, so the same code runs on the pilot and on the national bench.
 * Nearest-point queries use a kd-tree (kdbush + geokdbush): O(log n) per commune and thématique.
 */
import { haversineKm } from '../geo';
import KDBush from 'kdbush';
import { around } from 'geokdbush';

export interface CoverageCommune {
  code: string;
  nom: string;
  lat: number;
  lon: number;
  population: number;
  /** Estimated residents aged 65 and over (65–79 + 80+). */
  pop65: number;
  /** Estimated residents aged 80 and over. */
  pop80: number;
}

export interface CoverageTheme {
  id: string;
  libelle: string;
  portee_km: number;
  distance_comble: boolean;
}

export type OfferMode = 'sur_place' | 'itinerant' | 'a_domicile' | 'a_distance';

export interface CoverageOffer {
  id: string;
  nom: string;
  thematiques: string[];
  mode: OfferMode;
  /** Physical points (sur place: one; itinerant: its stops). Empty for other modes. */
  points: { lat: number; lon: number }[];
  /** Communes served at home (a_domicile). Empty for other modes. */
  communes: string[];
}

export interface CoverageTeam {
  id: string;
  nom: string;
  communes: string[];
  /** Thématiques the team's activities cover (already mapped by teamThemes in src/lib/needs.ts). */
  thematiques: string[];
}

export interface CoverageLieu {
  id: string;
  nom: string;
  lat: number;
  lon: number;
  /** Thématiques the lieu covers (already mapped from its type and services by the territory's catalogue). */
  thematiques: string[];
}

/** How a commune is covered for one thématique. Several can hold at once; every way but `lieu` is an activity. */
export type CoverageWay = 'proximite' | 'domicile' | 'equipe' | 'distance' | 'lieu';

export interface CommuneCoverage {
  code: string;
  thematique: string;
  couvert: boolean;
  /** Every way the need is met, in the order proximite, domicile, equipe, distance, lieu. */
  via: CoverageWay[];
  /** Covered by an activity (offer or équipe), not only by a lieu open to all. */
  parActivite: boolean;
  /** Nearest lieu mapped onto the thématique, and its distance (null when none). */
  nearestLieu: string | null;
  lieuKm: number | null;
  /** Great-circle km from the commune centre to the nearest physical point; null when there is none. */
  distanceKm: number | null;
  /** The offer owning that nearest point. */
  nearestOffer: string | null;
  /** Ids of à-domicile offers and équipes serving the commune for this thématique. */
  homeOffers: string[];
  teams: string[];
}

export interface ThemeSummary {
  thematique: string;
  communes: number;
  communesCouvertes: number;
  /** Communes covered only by a lieu open to all (no activity). */
  communesLieuSeulement: number;
  population: number;
  populationCouverte: number;
  pop65: number;
  pop65Couverte: number;
  pop80: number;
  pop80Couverte: number;
  /** Offers of the thématique reachable by phone or online (shown apart). */
  distanceOffers: string[];
}

export interface CoverageResult {
  /** rows[t][i]: thématique index t (order of `themes`), commune index i (order of `communes`). */
  rows: CommuneCoverage[][];
  summaries: ThemeSummary[];
}

export { haversineKm };

export interface CoverageInput {
  communes: CoverageCommune[];
  themes: CoverageTheme[];
  offers: CoverageOffer[];
  teams: CoverageTeam[];
  /** Lieux open to all that count toward coverage (optional: none by default). */
  lieux?: CoverageLieu[];
}

interface PointIndex {
  index: KDBush | null;
  owner: string[]; // offer id per point
  lat: Float64Array;
  lon: Float64Array;
}

function pointIndex(points: { lat: number; lon: number; owner: string }[]): PointIndex {
  const lat = new Float64Array(points.length);
  const lon = new Float64Array(points.length);
  if (!points.length) return { index: null, owner: [], lat, lon };
  const index = new KDBush(points.length);
  points.forEach((p, i) => {
    index.add(p.lon, p.lat);
    lat[i] = p.lat;
    lon[i] = p.lon;
  });
  index.finish();
  return { index, owner: points.map((p) => p.owner), lat, lon };
}

function nearest(idx: PointIndex, c: { lat: number; lon: number }): { km: number | null; owner: string | null } {
  if (!idx.index) return { km: null, owner: null };
  const [i] = around(idx.index, c.lon, c.lat, 1);
  if (i === undefined) return { km: null, owner: null };
  return { km: haversineKm(c.lat, c.lon, idx.lat[i]!, idx.lon[i]!), owner: idx.owner[i]! };
}

export function computeCoverage({ communes, themes, offers, teams, lieux = [] }: CoverageInput): CoverageResult {
  const rows: CommuneCoverage[][] = [];
  const summaries: ThemeSummary[] = [];

  // Group once: physical points, home offers and distance offers per thématique.
  const points = new Map<string, { lat: number; lon: number; owner: string }[]>();
  const home = new Map<string, Map<string, string[]>>(); // thématique → commune → offer ids
  const teamHome = new Map<string, Map<string, string[]>>(); // thématique → commune → team ids
  const distance = new Map<string, string[]>();
  const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
    const a = m.get(k);
    if (a) a.push(v);
    else m.set(k, [v]);
  };
  const nested = (m: Map<string, Map<string, string[]>>, t: string) => {
    let inner = m.get(t);
    if (!inner) m.set(t, (inner = new Map()));
    return inner;
  };
  for (const o of offers) {
    for (const t of new Set(o.thematiques)) {
      if (o.mode === 'sur_place' || o.mode === 'itinerant') for (const p of o.points) push(points, t, { lat: p.lat, lon: p.lon, owner: o.id });
      else if (o.mode === 'a_domicile') for (const c of new Set(o.communes)) push(nested(home, t), c, o.id);
      else push(distance, t, o.id);
    }
  }
  const lieuPoints = new Map<string, { lat: number; lon: number; owner: string }[]>();
  for (const l of lieux) for (const t of new Set(l.thematiques)) push(lieuPoints, t, { lat: l.lat, lon: l.lon, owner: l.id });
  for (const e of teams) for (const t of new Set(e.thematiques)) for (const c of new Set(e.communes)) push(nested(teamHome, t), c, e.id);

  for (const theme of themes) {
    const idx = pointIndex(points.get(theme.id) ?? []);
    const lieuIdx = pointIndex(lieuPoints.get(theme.id) ?? []);
    const homeOf = home.get(theme.id);
    const teamsOf = teamHome.get(theme.id);
    const distanceOffers = distance.get(theme.id) ?? [];
    const fillsByDistance = theme.distance_comble && distanceOffers.length > 0;
    const s: ThemeSummary = {
      thematique: theme.id,
      communes: communes.length,
      communesCouvertes: 0,
      communesLieuSeulement: 0,
      population: 0,
      populationCouverte: 0,
      pop65: 0,
      pop65Couverte: 0,
      pop80: 0,
      pop80Couverte: 0,
      distanceOffers,
    };
    const themeRows: CommuneCoverage[] = new Array(communes.length);
    communes.forEach((c, i) => {
      const { km: distanceKm, owner: nearestOffer } = nearest(idx, c);
      const { km: lieuKm, owner: nearestLieu } = nearest(lieuIdx, c);
      const homeOffers = homeOf?.get(c.code) ?? [];
      const teamIds = teamsOf?.get(c.code) ?? [];
      const via: CoverageWay[] = [];
      if (distanceKm !== null && distanceKm <= theme.portee_km) via.push('proximite');
      if (homeOffers.length) via.push('domicile');
      if (teamIds.length) via.push('equipe');
      if (fillsByDistance) via.push('distance');
      const parActivite = via.length > 0;
      if (lieuKm !== null && lieuKm <= theme.portee_km) via.push('lieu');
      const couvert = via.length > 0;
      if (couvert && !parActivite) s.communesLieuSeulement++;
      themeRows[i] = {
        code: c.code,
        thematique: theme.id,
        couvert,
        via,
        parActivite,
        distanceKm,
        nearestOffer,
        nearestLieu,
        lieuKm,
        homeOffers,
        teams: teamIds,
      };
      s.population += c.population;
      s.pop65 += c.pop65;
      s.pop80 += c.pop80;
      if (couvert) {
        s.communesCouvertes++;
        s.populationCouverte += c.population;
        s.pop65Couverte += c.pop65;
        s.pop80Couverte += c.pop80;
      }
    });
    rows.push(themeRows);
    summaries.push(s);
  }
  return { rows, summaries };
}

/** Uncovered communes of one thématique, most seniors without the offer first (then most people, then name). */
export function uncoveredBySeniors<C extends CoverageCommune>(communes: C[], rows: CommuneCoverage[]): { commune: C; row: CommuneCoverage }[] {
  return rows
    .map((row, i) => ({ commune: communes[i]!, row }))
    .filter((x) => !x.row.couvert)
    .sort((a, b) => b.commune.pop65 - a.commune.pop65 || b.commune.population - a.commune.population || a.commune.nom.localeCompare(b.commune.nom, 'fr'));
}
