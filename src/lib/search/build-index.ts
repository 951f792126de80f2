/**
 * Build-time: turns a validated dataset into the browser's search index (manifest + one shard per
 * département + one shard for offers "à distance"). Node only; the pages under /recherche/ emit it.
 */
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

interface Draft {
  rec: Omit<SearchRecord, 'w'>;
  words: Map<string, number>;
  shards: Set<string>;
}

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
  const zoneShards = (codes: string[]) => new Set(codes.map(departement));
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
    let shards: Set<string>;
    if (o.mode.type === 'a_domicile') {
      rec.z = o.mode.communes;
      for (const c of o.mode.communes) addWords(words, nom(c), WEIGHT.context);
      shards = zoneShards(o.mode.communes);
    } else if (o.mode.type === 'a_distance') {
      shards = new Set([DISTANCE_SHARD]);
    } else {
      rec.p = pts.map((p) => [round(p.lat), round(p.lon), p.nom === o.nom ? nom(p.commune) : `${p.nom}, ${nom(p.commune)}`]);
      for (const p of pts) {
        addWords(words, nom(p.commune), WEIGHT.context);
        if (p.nom !== o.nom) addWords(words, p.nom, WEIGHT.context);
      }
      shards = new Set(pts.map((p) => departement(p.commune)));
    }
    drafts.push({ rec, words, shards });
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
    drafts.push({ rec, words, shards: new Set([departement(l.commune)]) });
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
    drafts.push({ rec, words, shards: zoneShards(e.communes) });
  }

  // Group into shards, each with its own sorted vocabulary.
  const byShard = new Map<string, Draft[]>();
  for (const d of drafts) for (const s of d.shards) (byShard.get(s) ?? byShard.set(s, []).get(s)!).push(d);
  const shards = new Map<string, Shard>();
  const infos: ShardInfo[] = [];
  for (const [id, list] of [...byShard].sort(([a], [b]) => a.localeCompare(b))) {
    const vocab = [...new Set(list.flatMap((d) => [...d.words.keys()]))].sort();
    const pos = new Map(vocab.map((w, i) => [w, i]));
    const r = list.map((d) => ({ ...d.rec, w: [...d.words].map(([w, wt]) => pos.get(w)! * 4 + wt) }));
    const shard: Shard = { v: vocab, r };
    shards.set(id, shard);
    let bbox: ShardInfo['bbox'] = null;
    if (id !== DISTANCE_SHARD) {
      const pts: { lat: number; lon: number }[] = [];
      for (const d of list) {
        for (const p of d.rec.p ?? []) pts.push({ lat: p[0], lon: p[1] });
        for (const c of d.rec.z ?? []) {
          const cc = ds.communes.get(c);
          if (cc && departement(c) === id) pts.push(cc.centre);
        }
      }
      if (pts.length) {
        const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
        for (const p of pts) {
          b[0] = Math.min(b[0], p.lat);
          b[1] = Math.min(b[1], p.lon);
          b[2] = Math.max(b[2], p.lat);
          b[3] = Math.max(b[3], p.lon);
        }
        bbox = b.map(round) as [number, number, number, number];
      }
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

