/**
 * Questions pages, the map, search and coverage all ask of the records: where is an offer, which
 * communes does it serve, what is a thématique's label. One place so every view agrees.
 */
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import type { Dataset } from './data/dataset';
import type { Equipe, Lieu, Offre, Structure, Thematique } from '../schemas';
import { distanceKm, withinKm } from './geo';

export { distanceKm, formatDistance } from './geo';

export interface PlacePoint {
  lat: number;
  lon: number;
  /** Name of the place or stop. */
  nom: string;
  commune: string;
  /** Schedule at this stop (itinerant offers), else the offer's. */
  horaires?: string;
  lieu?: string;
}

/** Appends `v` to the list of key `k`. */
function add<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

export class Index {
  readonly lieux: Map<string, Lieu>;
  readonly structures: Map<string, Structure>;
  readonly thematiques: Map<string, Thematique>;
  constructor(readonly ds: Dataset) {
    this.lieux = new Map(ds.lieux.map((l) => [l.id, l]));
    this.structures = new Map(ds.structures.map((s) => [s.id, s]));
    this.thematiques = new Map(ds.territoire.thematiques.map((t) => [t.id, t]));
  }

  communeNom(code: string): string {
    return this.ds.communes.get(code)?.nom ?? code;
  }

  /** Resolves a place given as a lieu id or as address + commune + coordinates. */
  private place(
    p: { nom?: string; lieu?: string; commune?: string; coordonnees?: { lat: number; lon: number } },
    fallbackName: string,
  ): PlacePoint | undefined {
    if (p.lieu) {
      const l = this.lieux.get(p.lieu);
      if (!l) return undefined;
      return { lat: l.coordonnees.lat, lon: l.coordonnees.lon, nom: p.nom ?? l.nom, commune: l.commune, lieu: l.id };
    }
    if (!p.coordonnees || !p.commune) return undefined;
    return { lat: p.coordonnees.lat, lon: p.coordonnees.lon, nom: p.nom ?? fallbackName, commune: p.commune };
  }

  /** Physical points of an offer: its place (sur place) or its stops (itinérant); none otherwise. */
  offerPoints(o: Offre): PlacePoint[] {
    const m = o.mode;
    if (m.type === 'sur_place') {
      const p = this.place(m, o.nom);
      return p ? [{ ...p, horaires: o.horaires }] : [];
    }
    if (m.type === 'itinerant')
      return m.arrets.flatMap((a) => {
        const p = this.place(a, a.nom);
        return p ? [{ ...p, nom: a.nom, horaires: a.horaires }] : [];
      });
    return [];
  }

  /** Communes an offer reaches at home (à domicile) — empty for other modes. */
  homeCommunes(o: Offre): string[] {
    return o.mode.type === 'a_domicile' ? o.mode.communes : [];
  }

  /** Main commune of an offer, for listings ("à Nérac"). */
  offerCommune(o: Offre): string | undefined {
    return this.offerPoints(o)[0]?.commune ?? this.homeCommunes(o)[0];
  }

  themes(o: Offre): Thematique[] {
    return o.thematiques.map((t) => this.thematiques.get(t)).filter((t): t is Thematique => Boolean(t));
  }

  /** Records grouped by porteur, lieu and commune: built once, on first use. */
  private groups?: {
    offresByPorteur: Map<string, Offre[]>;
    offresByLieu: Map<string, Offre[]>;
    teamsByPorteur: Map<string, Equipe[]>;
    homeByCommune: Map<string, Offre[]>;
    teamsByCommune: Map<string, Equipe[]>;
    lieuxByCommune: Map<string, Lieu[]>;
    lieuxByPorteur: Map<string, Lieu[]>;
  };
  private lists() {
    if (!this.groups) {
      const g = (this.groups = {
        offresByPorteur: new Map(),
        offresByLieu: new Map(),
        teamsByPorteur: new Map(),
        homeByCommune: new Map(),
        teamsByCommune: new Map(),
        lieuxByCommune: new Map(),
        lieuxByPorteur: new Map(),
      });
      for (const o of this.ds.offres) {
        add(g.offresByPorteur, o.porteur, o);
        for (const l of new Set(
          this.offerPoints(o)
            .map((p) => p.lieu)
            .filter((x): x is string => Boolean(x)),
        ))
          add(g.offresByLieu, l, o);
        for (const c of this.homeCommunes(o)) add(g.homeByCommune, c, o);
      }
      for (const e of this.ds.equipes) {
        add(g.teamsByPorteur, e.porteur, e);
        for (const c of e.communes) add(g.teamsByCommune, c, e);
      }
      for (const l of this.ds.lieux) {
        add(g.lieuxByCommune, l.commune, l);
        if (l.porteur) add(g.lieuxByPorteur, l.porteur, l);
      }
    }
    return this.groups;
  }
  offersOfStructure(id: string): Offre[] {
    return this.lists().offresByPorteur.get(id) ?? [];
  }
  offersAtLieu(id: string): Offre[] {
    return this.lists().offresByLieu.get(id) ?? [];
  }
  teamsOfStructure(id: string): Equipe[] {
    return this.lists().teamsByPorteur.get(id) ?? [];
  }
  lieuxOfStructure(id: string): Lieu[] {
    return this.lists().lieuxByPorteur.get(id) ?? [];
  }

  // Per-commune questions are asked once per commune page: indexed once per build so that a territory
  // of thousands of communes and offers does not cost communes × offers.

  private points?: { index: KDBush | null; owners: { offre: Offre; point: PlacePoint; n: number }[] };
  private pointIndex() {
    if (!this.points) {
      // `n`: the offer's rank, to count distinct offers without building sets of ids.
      const owners = this.ds.offres.flatMap((offre, n) => this.offerPoints(offre).map((point) => ({ offre, point, n })));
      // kdbush refuses to finish an empty index: a new territory has no offer yet.
      const index = owners.length ? new KDBush(owners.length) : null;
      for (const { point } of owners) index!.add(point.lon, point.lat);
      index?.finish();
      this.points = { index, owners };
    }
    return this.points;
  }

  /** On-site offers within `km` of a place, each at its nearest point (an itinerant offer at its nearest stop), nearest first. */
  offersNear(center: { lat: number; lon: number }, km: number, limit = Infinity): { offre: Offre; point: PlacePoint; km: number }[] {
    const { index, owners } = this.pointIndex();
    if (!index) return [];
    // Ask the index for a few more points than offers wanted (an itinerant offer has several), and again for more
    // when that was not enough: in a dense city, sorting every point within 20 km for 30 offers is most of a page's work.
    for (let wanted = limit === Infinity ? Infinity : limit * 2; ; wanted *= 4) {
      const ids = around(index, center.lon, center.lat, wanted, km);
      const seen = new Set<string>();
      const out: { offre: Offre; point: PlacePoint; km: number }[] = [];
      // around() returns points nearest first: each offer is kept at its nearest point.
      for (const i of ids) {
        const { offre, point } = owners[i]!;
        if (seen.has(offre.id)) continue;
        seen.add(offre.id);
        out.push({ offre, point, km: distanceKm(center, point) });
        if (out.length >= limit) break;
      }
      if (out.length >= limit || ids.length < wanted) return out;
    }
  }

  private counted?: { stamp: Uint32Array; turn: number };
  /** How many offers `offersNear` would give without a limit (a commune page shows the nearest, and this count). */
  countOffersNear(center: { lat: number; lon: number }, km: number): number {
    const { index, owners } = this.pointIndex();
    if (!index) return 0;
    // A box query and a distance test (no sorting), distinct offers marked in a reused array (no set of ids).
    const c = (this.counted ??= { stamp: new Uint32Array(this.ds.offres.length), turn: 0 });
    c.turn++;
    const dLat = (km / 111.2) * 1.02; // a margin: the circle is a little wider than this box away from its centre's latitude
    const dLon = dLat / Math.max(Math.cos((center.lat * Math.PI) / 180), 0.01);
    const inside = withinKm(center, km);
    let n = 0;
    for (const i of index.range(center.lon - dLon, center.lat - dLat, center.lon + dLon, center.lat + dLat)) {
      const o = owners[i]!;
      if (c.stamp[o.n] === c.turn || !inside(o.point)) continue;
      c.stamp[o.n] = c.turn;
      n++;
    }
    return n;
  }

  /** Lieux located in this commune. */
  lieuxIn(code: string): Lieu[] {
    return this.lists().lieuxByCommune.get(code) ?? [];
  }
  /** Offers that come to people's homes in this commune. */
  homeOffersIn(code: string): Offre[] {
    return this.lists().homeByCommune.get(code) ?? [];
  }
  /** Équipes citoyennes whose communes include this one. */
  teamsIn(code: string): Equipe[] {
    return this.lists().teamsByCommune.get(code) ?? [];
  }

  private remote?: Offre[];
  /** Offers reachable by phone or online. */
  remoteOffers(): Offre[] {
    this.remote ??= this.ds.offres.filter((o) => o.mode.type === 'a_distance');
    return this.remote;
  }

  private offerMap?: Map<string, Offre>;
  offre(id: string): Offre | undefined {
    this.offerMap ??= new Map(this.ds.offres.map((o) => [o.id, o]));
    return this.offerMap.get(id);
  }

  private lieuPoints?: KDBush;
  /** Lieux within `km` of a place, nearest first. */
  lieuxNear(center: { lat: number; lon: number }, km: number): { lieu: Lieu; km: number }[] {
    if (!this.ds.lieux.length) return [];
    if (!this.lieuPoints) {
      this.lieuPoints = new KDBush(this.ds.lieux.length);
      for (const l of this.ds.lieux) this.lieuPoints.add(l.coordonnees.lon, l.coordonnees.lat);
      this.lieuPoints.finish();
    }
    return around(this.lieuPoints, center.lon, center.lat, Infinity, km).map((i) => {
      const lieu = this.ds.lieux[i]!;
      return { lieu, km: distanceKm(center, lieu.coordonnees) };
    });
  }
}

const indexes = new WeakMap<Dataset, Index>();
/** The index of a dataset, made once per dataset object (so every feature asking about the same records shares it). */
export function indexFor(ds: Dataset): Index {
  let idx = indexes.get(ds);
  if (!idx) indexes.set(ds, (idx = new Index(ds)));
  return idx;
}
