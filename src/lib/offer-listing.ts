/**
 * /offres/: every current offer once, under its main need (first thématique), in the catalogue's order then by
 * name, cut into pages of OFFRES_PAR_PAGE (src/lib/pagination.ts). Computed once per dataset, not per page: at
 * 100 000 offers the listing has 500 pages, and sorting for each would make the build quadratic.
 */
import type { Dataset } from './data/dataset';
import { MODES, type Offre, type Thematique } from '../schemas';
import { OFFRES_PAR_PAGE, pageOf } from './pagination';

export interface OfferListing {
  /** Offers in listing order. */
  offres: Offre[];
  /** Per need: how many offers have it as main need, and the page where they start (1 when none). */
  themes: { t: Thematique; n: number; firstPage: number }[];
  byMode: { label: string; n: number }[];
  examples: number;
  last: number;
  /** Offers of page `n`, grouped by need (needs without an offer on the page left out). */
  page(n: number): { t: Thematique; list: Offre[]; continued: boolean }[];
}

const cache = new WeakMap<Dataset, OfferListing>();

export function offerListing(ds: Dataset, size = OFFRES_PAR_PAGE): OfferListing {
  const hit = cache.get(ds);
  if (hit) return hit;
  const rank = new Map(ds.territoire.thematiques.map((t, i) => [t.id, i]));
  const offres = [...ds.offres].sort((a, b) => rank.get(a.thematiques[0]!)! - rank.get(b.thematiques[0]!)! || a.nom.localeCompare(b.nom, 'fr'));
  const start = new Map<string, number>();
  const count = new Map<string, number>();
  offres.forEach((o, i) => {
    const t = o.thematiques[0]!;
    if (!start.has(t)) start.set(t, i);
    count.set(t, (count.get(t) ?? 0) + 1);
  });
  const byId = new Map(ds.territoire.thematiques.map((t) => [t.id, t]));
  const { last } = pageOf(offres, 1, size);
  const listing: OfferListing = {
    offres,
    themes: ds.territoire.thematiques.map((t) => ({ t, n: count.get(t.id) ?? 0, firstPage: start.has(t.id) ? Math.floor(start.get(t.id)! / size) + 1 : 1 })),
    byMode: Object.entries(MODES).map(([k, label]) => ({ label, n: offres.filter((o) => o.mode.type === k).length })),
    examples: offres.filter((o) => o.exemple).length,
    last,
    page(n) {
      const out: { t: Thematique; list: Offre[]; continued: boolean }[] = [];
      const first = (n - 1) * size;
      for (const [i, o] of pageOf(offres, n, size).items.entries()) {
        const id = o.thematiques[0]!;
        if (out[out.length - 1]?.t.id !== id) out.push({ t: byId.get(id)!, list: [], continued: start.get(id)! < first + i && i === 0 });
        out[out.length - 1]!.list.push(o);
      }
      return out;
    },
  };
  cache.set(ds, listing);
  return listing;
}
