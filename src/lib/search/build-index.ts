/**
 * Build-time: turns a validated dataset into the browser's search index (manifest + one shard per
 * département + one shard for offers "à distance"). Node only; the pages under /recherche/ emit it.
 */
import { toRecurrence } from '../recurrence/from-opening-hours';
import type { Series } from '../recurrence/series';
import { iconSvg } from '../theme-icons';
import type { Dataset } from '../data/dataset';
import { indexFor } from '../records';
import { scheduleFacets, type Where } from '../schedule';
import { ACTIVITES_EQUIPE, MODE_EQUIPE, MODES, PUBLICS, PUBLICS_EQUIPE, TYPES_LIEU, type Public } from '../../schemas/vocabulary';
import { lieuThemes, offerThemes, teamThemes } from '../needs';
import { tokenize } from './tokens';
import { departement } from './geo-codes';
import { FLAG, MODE_KEYS, MOMENT_KEYS, PUBLIC_KEYS, WEIGHT, type Manifest, type SearchRecord, type Shard, type ShardInfo } from './model';

export const DISTANCE_SHARD = 'a-distance';
/** Above this many communes the manifest does not list them (the national files have them all). */
export const MAX_MANIFEST_COMMUNES = 3000;

export { departement };

/** Where a record is: its points, or the centres of the communes it serves, each with its département. */
interface Spot {
  dept: string;
  lat: number;
  lon: number;
}

interface Draft {
  rec: Omit<SearchRecord, 'w'>;
  words: Map<string, number>;
  /** Empty for offers « à distance » (their own shard). */
  spots: Spot[];
  /** Estimated size in a shard (JSON), to decide where to split. */
  bytes: number;
}

/**
 * A département's shard above this size (JSON bytes, about a fifth of it gzipped) is cut into quarters
 * of its extent, again and again, so that the browser fetches the few pieces nearest to a place first
 * instead of whole départements: at 100,000 offers over France a département is 1,000 to 3,000 records.
 */
export const SHARD_SPLIT_BYTES = 60_000;
/** Quarters are not cut below this depth (a piece of a département ~ 1/256 of its extent). */
const MAX_SPLIT_DEPTH = 4;

const publicsMask = (publics: readonly Public[]) => publics.reduce((m, p) => m | (1 << PUBLIC_KEYS.indexOf(p)), 0);

function addWords(words: Map<string, number>, text: string | undefined, weight: number) {
  if (!text) return;
  for (const w of tokenize(text)) if ((words.get(w) ?? 0) < weight) words.set(w, weight);
}

/** scheduleFacets per distinct schedule string, day and place (parsing opening_hours is the slow part of the build). */
const facetMemo = new Map<string, ReturnType<typeof scheduleFacets>>();
function facetsOf(values: (string | undefined)[], today: Date, where?: Where): { j: number; mo: number } {
  let j = 0;
  let mo = 0;
  for (const v of values) {
    if (!v) continue;
    try {
      const key = `${today.toISOString().slice(0, 10)}|${where?.lat},${where?.lon}|${v}`;
      const f = facetMemo.get(key) ?? facetMemo.set(key, scheduleFacets(v, today, where)).get(key)!;
      for (const d of f.jours) j |= 1 << d;
      for (const m of f.moments) mo |= 1 << MOMENT_KEYS.indexOf(m);
    } catch {
      // Validated schedules always parse; an unreadable one simply gives no day facet.
    }
  }
  return { j, mo };
}

/** Recurrence of one or more schedules (an itinerant offer's stops together), for facets computed in the browser. */
function recurrenceOf(values: (string | undefined)[], today: Date, where?: Where): Series[] {
  return values.flatMap((v) => {
    if (!v) return [];
    try {
      return toRecurrence(v, today, where);
    } catch {
      return []; // as facetsOf: an unreadable schedule gives no day facet
    }
  });
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;

export interface BuiltIndex {
  manifest: Manifest;
  shards: Map<string, Shard>;
}

export interface BuildOptions {
  today?: Date;
  /** Postal codes by INSEE code (from @etalab/decoupage-administratif). */
  postalCodes?: Map<string, string[]>;
  base?: string;
  /** Where schedules are read (the territory's centre); France's centre when not given. */
  where?: Where;
}

export function buildSearchIndex(ds: Dataset, opts: BuildOptions = {}): BuiltIndex {
  const today = opts.today ?? new Date();
  const base = opts.base ?? '/recherche/';
  const idx = indexFor(ds);
  const themeIndex = new Map(ds.territoire.thematiques.map((t, i) => [t.id, i]));
  const nom = (code: string) => idx.communeNom(code);
  const drafts: Draft[] = [];
  const cps = opts.postalCodes ?? new Map<string, string[]>();

  const themeWords = (words: Map<string, number>, ids: string[]) => {
    for (const id of ids) addWords(words, idx.thematiques.get(id)?.libelle, WEIGHT.context);
  };
  const zoneSpots = (codes: string[]): Spot[] =>
    codes.flatMap((c) => {
      const cc = ds.communes.get(c);
      return cc ? [{ dept: departement(c), lat: cc.centre.lat, lon: cc.centre.lon }] : [];
    });
  const pointSpots = (pts: { lat: number; lon: number; commune: string }[]): Spot[] =>
    pts.map((p) => ({ dept: departement(p.commune), lat: p.lat, lon: p.lon }));
  const draft = (rec: Omit<SearchRecord, 'w'>, words: Map<string, number>, spots: Spot[]): Draft => ({
    rec,
    words,
    spots,
    bytes: JSON.stringify(rec).length + words.size * 6,
  });
  const themeIndexes = (ids: string[]) => ids.map((t) => themeIndex.get(t)).filter((i): i is number => i !== undefined);

  for (const o of ds.offres) {
    const words = new Map<string, number>();
    addWords(words, o.nom, WEIGHT.name);
    addWords(words, o.description, WEIGHT.description);
    const themes = offerThemes(o);
    themeWords(words, themes);
    const porteur = idx.structures.get(o.porteur)?.nom;
    addWords(words, porteur, WEIGHT.context);
    addWords(words, MODES[o.mode.type], WEIGHT.context);
    for (const p of o.publics) addWords(words, PUBLICS[p], WEIGHT.context);
    let f = 0;
    if (o.frais.type === 'gratuit') f |= FLAG.gratuit;
    if (!o.inscription.obligatoire) f |= FLAG.sansInscription;
    const pts = idx.offerPoints(o);
    const lieuPmr = pts.some((p) => p.lieu && idx.lieux.get(p.lieu)?.accessibilite?.pmr);
    if (o.accessibilite?.pmr || lieuPmr) f |= FLAG.pmr;
    if (o.exemple) f |= FLAG.exemple;
    const { j, mo } = facetsOf(o.mode.type === 'itinerant' ? pts.map((p) => p.horaires) : [o.horaires], today, opts.where);
    const rec: Omit<SearchRecord, 'w'> = {
      k: 'o',
      id: o.id,
      n: o.nom,
      u: `/offres/${o.id}/`,
      m: MODE_KEYS.indexOf(o.mode.type),
      f,
      t: themeIndexes(themes),
      pu: publicsMask(o.publics),
    };
    if (porteur) rec.s = porteur;
    if (j) rec.j = j;
    if (mo) rec.mo = mo;
    const h = recurrenceOf(o.mode.type === 'itinerant' ? pts.map((p) => p.horaires) : [o.horaires], today, opts.where);
    if (h.length) rec.h = h;
    let spots: Spot[] = [];
    if (o.mode.type === 'a_domicile') {
      rec.z = o.mode.communes;
      for (const c of o.mode.communes) addWords(words, nom(c), WEIGHT.context);
      spots = zoneSpots(o.mode.communes);
    } else if (o.mode.type === 'a_distance') {
      spots = [];
    } else {
      rec.p = pts.map((p) => [round(p.lat), round(p.lon), p.nom === o.nom ? nom(p.commune) : `${p.nom}, ${nom(p.commune)}`]);
      for (const p of pts) {
        addWords(words, nom(p.commune), WEIGHT.context);
        if (p.nom !== o.nom) addWords(words, p.nom, WEIGHT.context);
      }
      spots = pointSpots(pts);
    }
    drafts.push(draft(rec, words, spots));
  }

  for (const l of ds.lieux) {
    const words = new Map<string, number>();
    addWords(words, l.nom, WEIGHT.name);
    addWords(words, l.description, WEIGHT.description);
    addWords(words, TYPES_LIEU[l.type], WEIGHT.context);
    addWords(words, nom(l.commune), WEIGHT.context);
    const themes = lieuThemes(l, ds.territoire.thematiques);
    themeWords(words, themes);
    let f = 0;
    if (l.accessibilite?.pmr) f |= FLAG.pmr;
    if (l.exemple) f |= FLAG.exemple;
    const { j, mo } = facetsOf([l.horaires], today, opts.where);
    const rec: Omit<SearchRecord, 'w'> = {
      k: 'l',
      id: l.id,
      n: l.nom,
      u: `/lieux/${l.id}/`,
      s: TYPES_LIEU[l.type],
      m: 0,
      f,
      p: [[round(l.coordonnees.lat), round(l.coordonnees.lon), nom(l.commune)]],
    };
    if (themes.length) rec.t = themeIndexes(themes);
    if (j) rec.j = j;
    if (mo) rec.mo = mo;
    const h = recurrenceOf([l.horaires], today, opts.where);
    if (h.length) rec.h = h;
    drafts.push(draft(rec, words, [{ dept: departement(l.commune), lat: l.coordonnees.lat, lon: l.coordonnees.lon }]));
  }

  for (const e of ds.equipes) {
    const words = new Map<string, number>();
    addWords(words, e.nom, WEIGHT.name);
    addWords(words, e.description, WEIGHT.description);
    addWords(words, 'équipe citoyenne bénévoles', WEIGHT.context);
    const themes = teamThemes(e, ds.territoire.thematiques);
    themeWords(words, themes);
    for (const a of e.activites) addWords(words, ACTIVITES_EQUIPE[a], WEIGHT.context);
    const porteur = idx.structures.get(e.porteur)?.nom;
    addWords(words, porteur, WEIGHT.context);
    for (const c of e.communes) addWords(words, nom(c), WEIGHT.context);
    const rec: Omit<SearchRecord, 'w'> = {
      k: 'e',
      id: e.id,
      n: e.nom,
      u: `/equipes/${e.id}/`,
      m: MODE_KEYS.indexOf(MODE_EQUIPE),
      f: e.exemple ? FLAG.exemple : 0,
      t: themeIndexes(themes),
      pu: publicsMask(PUBLICS_EQUIPE),
      z: e.communes,
    };
    if (porteur) rec.s = porteur;
    drafts.push(draft(rec, words, zoneSpots(e.communes)));
  }

  // Group into shards, each with its own sorted vocabulary.
  const shards = new Map<string, Shard>();
  const infos: ShardInfo[] = [];
  for (const piece of pieces(drafts)) {
    const { id, list, spots } = piece;
    const vocab = [...new Set(list.flatMap((d) => [...d.words.keys()]))].sort();
    const pos = new Map(vocab.map((w, i) => [w, i]));
    const r = list.map((d) => ({ ...d.rec, w: [...d.words].map(([w, wt]) => pos.get(w)! * 4 + wt) }));
    const shard: Shard = { v: vocab, r };
    shards.set(id, shard);
    let bbox: ShardInfo['bbox'] = null;
    if (spots.length) {
      const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const p of spots) {
        b[0] = Math.min(b[0], p.lat);
        b[1] = Math.min(b[1], p.lon);
        b[2] = Math.max(b[2], p.lat);
        b[3] = Math.max(b[3], p.lon);
      }
      bbox = b.map(round) as [number, number, number, number];
    }
    infos.push({ id, url: `${base}idx/${id}.json`, bbox, n: r.length, bytes: JSON.stringify(shard).length });
  }

  const manifest: Manifest = {
    territoire: { id: ds.territoire.id, nom: ds.territoire.nom },
    themes: ds.territoire.thematiques.map((t) => ({ id: t.id, libelle: t.libelle, icon: iconSvg(t.icone), couleur: t.couleur })),
    // A territory of thousands of communes reads them from the national files instead (see Manifest).
    communes: [...ds.communes.values()]
      .filter(() => ds.communes.size <= MAX_MANIFEST_COMMUNES)
      .sort((a, b) => a.nom.localeCompare(b.nom, 'fr'))
      .map((c) => [c.code, c.nom, round(c.centre.lat), round(c.centre.lon), (cps.get(c.code) ?? []).join(' '), c.population]),
    shards: infos,
    national: `${base}communes/`,
    communesInNational: ds.communes.size > MAX_MANIFEST_COMMUNES,
    built: today.toISOString().slice(0, 10),
  };
  return { manifest, shards };
}

interface Piece {
  id: string;
  list: Draft[];
  /** The spots of these records inside the piece (its bounding box). */
  spots: Spot[];
}

/**
 * Shards: one per département ("47"), cut into quarters of its extent while too big ("75_0", "75_03"…),
 * plus "a-distance". A record lies in every piece one of its spots falls in. The département stays the
 * id's prefix: the page reads it to know which communes are in the territory.
 */
function pieces(drafts: Draft[]): Piece[] {
  const out: Piece[] = [];
  const byDept = new Map<string, Piece>();
  const remote: Draft[] = [];
  for (const d of drafts) {
    if (!d.spots.length) {
      remote.push(d);
      continue;
    }
    const seen = new Set<string>();
    for (const sp of d.spots) {
      let p = byDept.get(sp.dept);
      if (!p) byDept.set(sp.dept, (p = { id: sp.dept, list: [], spots: [] }));
      if (!seen.has(sp.dept)) p.list.push(d);
      seen.add(sp.dept);
      p.spots.push(sp);
    }
  }
  const split = (p: Piece, depth: number) => {
    const size = p.list.reduce((n, d) => n + d.bytes, 0);
    if (size <= SHARD_SPLIT_BYTES || depth >= MAX_SPLIT_DEPTH) return void out.push(p);
    let [s, w, n, e] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const sp of p.spots) [s, w, n, e] = [Math.min(s, sp.lat), Math.min(w, sp.lon), Math.max(n, sp.lat), Math.max(e, sp.lon)];
    const midLat = (s + n) / 2;
    const midLon = (w + e) / 2;
    const quarter = (sp: Spot) => (sp.lat >= midLat ? 2 : 0) + (sp.lon >= midLon ? 1 : 0);
    const sub: Piece[] = [0, 1, 2, 3].map((q) => ({ id: `${p.id}${depth === 0 ? '_' : ''}${q}`, list: [], spots: [] }));
    const mine = new Set(p.spots);
    for (const d of p.list) {
      const qs = new Set<number>();
      for (const sp of d.spots) {
        if (!mine.has(sp)) continue;
        const q = quarter(sp);
        sub[q]!.spots.push(sp);
        if (!qs.has(q)) sub[q]!.list.push(d);
        qs.add(q);
      }
    }
    // All spots in one place (a single town): cutting further would not help.
    if (sub.filter((x) => x.list.length).length < 2) return void out.push(p);
    for (const x of sub) if (x.list.length) split(x, depth + 1);
  };
  for (const p of [...byDept.values()].sort((a, b) => a.id.localeCompare(b.id))) split(p, 0);
  if (remote.length) out.push({ id: DISTANCE_SHARD, list: remote, spots: [] });
  return out;
}
