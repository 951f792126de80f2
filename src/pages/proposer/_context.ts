/** What the /proposer/ pages hand to the browser: the territory's lists, without contacts or descriptions. */
import type { Dataset } from '../../lib/data/dataset';
import type { ProposalKind, ProposerContext } from '../../browser/proposer/record';

export function proposerContext(ds: Dataset, kind: ProposalKind): ProposerContext {
  return {
    kind,
    communes: [...ds.communes.values()]
      .map((c) => ({ code: c.code, nom: c.nom, lat: c.centre.lat, lon: c.centre.lon }))
      .sort((a, b) => a.nom.localeCompare(b.nom, 'fr')),
    lieux: kind === 'offres' ? ds.lieux.map((l) => ({ id: l.id, nom: l.nom, commune: l.commune })) : [],
    structures: ds.structures.map((s) => ({ id: s.id, nom: s.nom })).sort((a, b) => a.nom.localeCompare(b.nom, 'fr')),
    thematiques: ds.territoire.thematiques.map((t) => ({ id: t.id, libelle: t.libelle })),
    ids: ds[kind].map((r) => r.id),
    territoire: ds.territoire.nom,
    contact: ds.territoire.contact?.courriel ?? null,
  };
}

/** JSON safe inside a <script type="application/json"> element. */
export const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');
