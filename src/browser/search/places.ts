/**
 * Where the person searches: the territory's communes (in the manifest), the national list fetched one small file
 * at a time when a typed place is not in the territory, and a position ("lat,lon") from "autour de moi" or the map.
 */
import { nationalKey, nearestCommune, searchCommunes, toEntries, type CommuneEntry, type CommuneRow } from '../../lib/search/communes';
import type { Place } from '../../lib/search/engine';
import { departement } from '../../lib/search/geo-codes';
import type { Manifest } from '../../lib/search/model';
import { parseCoords } from '../../lib/search/state';

export const communeLabel = (c: CommuneEntry): string => `${c.nom}${c.cps[0] ? ` (${c.cps[0]})` : ''}`;

export interface Resolved {
  place: Place;
  /** Territory commune used for home coverage ('' outside the territory). */
  placeCommune: string;
  /** The text to show in the field. */
  text: string;
  /** The commune's code when `ou` named it otherwise (a name or a postal code in a link). */
  code?: string;
}

export class Places {
  readonly local: CommuneEntry[];
  private readonly national = new Map<string, Promise<CommuneEntry[]>>();
  private nationalEntries: CommuneEntry[] = [];
  private readonly shardIds: Set<string>;

  constructor(private readonly manifest: Manifest) {
    this.local = toEntries(manifest.communes, true);
    this.shardIds = new Set(manifest.shards.map((s) => s.id));
  }

  all(): CommuneEntry[] {
    return [...this.local, ...this.nationalEntries];
  }

  /** Fetches the part of the national list a query needs (one small file); resolves to every entry known. */
  async loadNational(query: string): Promise<CommuneEntry[]> {
    const key = nationalKey(query);
    if (!key) return this.nationalEntries;
    if (!this.national.has(key))
      this.national.set(
        key,
        fetch(`${this.manifest.national}${key}.json`)
          .then((r) => (r.ok ? (r.json() as Promise<CommuneRow[]>) : []))
          .then((rows) => {
            const known = new Set(this.nationalEntries.map((e) => e.code));
            const add = toEntries(rows, false).filter((e) => !known.has(e.code));
            if (this.manifest.communesInNational) for (const e of add) e.local = this.shardIds.has(departement(e.code));
            this.nationalEntries = [...this.nationalEntries, ...add];
            return add;
          })
          .catch(() => []),
      );
    await this.national.get(key);
    return this.nationalEntries;
  }

  nationalDone(query: string): boolean {
    const key = nationalKey(query);
    return !key || this.national.has(key);
  }

  /** The commune entry for a code, or the best match for a name or postal code typed in a link ("?ou=Nérac"). */
  async resolveCommune(ou: string): Promise<CommuneEntry | undefined> {
    const byCode = (list: CommuneEntry[]) => list.find((c) => c.code === ou);
    const found = byCode(this.local) ?? searchCommunes(ou, this.local, 1)[0]?.entry;
    if (found && (found.code === ou || !/^\d{5}$/.test(ou))) return found;
    const all = [...this.local, ...(await this.loadNational(ou))];
    return byCode(all) ?? searchCommunes(ou, all, 1)[0]?.entry ?? found;
  }

  /** The place named by the URL's `ou` (a commune code, a name, a postal code or "lat,lon"); null when unknown. */
  async resolve(ou: string): Promise<Resolved | null> {
    if (!ou) return null;
    const coords = parseCoords(ou);
    if (coords) {
      const near = nearestCommune(coords, this.local.length ? this.local : this.nationalEntries.filter((e) => e.local));
      return { place: { ...coords, commune: near?.code, label: 'votre position' }, placeCommune: near?.nom ?? '', text: 'Ma position' };
    }
    const c = await this.resolveCommune(ou);
    if (!c) return null;
    return {
      place: { lat: c.lat, lon: c.lon, commune: c.local ? c.code : undefined, label: c.nom },
      placeCommune: c.local ? c.nom : '',
      text: communeLabel(c),
      ...(ou !== c.code ? { code: c.code } : {}),
    };
  }
}
