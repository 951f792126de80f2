/**
 * Questions pages, the map, search and coverage all ask of the records: where is an offer, which
 * communes does it serve, what is a thématique's label. One place so every view agrees.
 */
import type { Dataset } from './data/dataset';
import type { Equipe, Lieu, Offre, Structure, Thematique } from '../schemas';

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
  private place(p: { nom?: string; lieu?: string; commune?: string; coordonnees?: { lat: number; lon: number } }, fallbackName: string): PlacePoint | undefined {
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

  offersOfStructure(id: string): Offre[] {
    return this.ds.offres.filter((o) => o.porteur === id);
  }
  offersAtLieu(id: string): Offre[] {
    return this.ds.offres.filter((o) => this.offerPoints(o).some((p) => p.lieu === id));
  }
  teamsOfStructure(id: string): Equipe[] {
    return this.ds.equipes.filter((e) => e.porteur === id);
  }
}

let cached: Index | undefined;
export function indexFor(ds: Dataset): Index {
  if (!cached || cached.ds !== ds) cached = new Index(ds);
  return cached;
}

/** Great-circle distance in km (haversine); enough for "à 2,3 km" and for reach distances. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const R = 6371.0088;
  const dLat = ((b.lat - a.lat) * Math.PI) / 180;
  const dLon = ((b.lon - a.lon) * Math.PI) / 180;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos((a.lat * Math.PI) / 180) * Math.cos((b.lat * Math.PI) / 180) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(s));
}

/** "2,3 km", "850 m". */
export function formatDistance(km: number): string {
  if (km < 1) return `${Math.round(km * 100) * 10} m`;
  return `${km.toLocaleString('fr-FR', { maximumFractionDigits: km < 10 ? 1 : 0 })} km`;
}
