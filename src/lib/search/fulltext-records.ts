/**
 * What the full-text search (Pagefind, under the results of /recherche/) knows of each fiche, written from the
 * records rather than read back from the built pages: the words that tell one fiche from another — its name,
 * needs, description, place, by whom — without the page's headings, menus and buttons, nor the fields every fiche
 * has (for whom, cost, languages: the search's filters answer those, and in every fiche they made the indexer's
 * longest lists). Reading 116,000 built fiches back (2 GB of HTML) was a quarter of a national build, and could
 * only start once every page was written.
 * Ended offers are left out, as from every listing (their page stays, for links to it). No Pagefind filters: the
 * search page does not use them, and each costs the indexer work per fiche.
 */
import type { Dataset } from '../data/dataset';
import type { Index } from '../records';
import { ACTIVITES_EQUIPE, CANAUX, TYPES_LIEU, TYPOLOGIES_STRUCTURE } from '../../schemas/vocabulary';

export interface FullTextRecord {
  url: string;
  /** Sentences in the fiche's order: Pagefind's excerpt is cut from them. */
  content: string;
  language: 'fr';
  meta: { title: string };
}

const sentences = (parts: (string | undefined | false)[]) =>
  parts
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => (/[.!?…]$/.test(p.trim()) ? p.trim() : `${p.trim()}.`))
    .join(' ');

/** « Activités : a, b. », or nothing when the list is empty. */
const named = (label: string, xs: { nom: string }[]) => xs.length > 0 && `${label} : ${xs.map((x) => x.nom).join(', ')}`;

const address = (a: { voie: string; complement?: string; code_postal?: string } | undefined, commune: string) =>
  a ? `${a.voie}${a.complement ? `, ${a.complement}` : ''}, ${a.code_postal ?? ''} ${commune}`.replace(/\s+/g, ' ') : undefined;

/**
 * Every fiche of the site: `ds` the listed records (ended offers left out), `all` every record, `idx` the
 * records index of `ds` (names of communes, needs, places and structures).
 */
export function* fullTextRecords(ds: Dataset, all: Dataset, idx: Index): Generator<FullTextRecord> {
  const nom = (id: string | undefined) => (id ? idx.structures.get(id)?.nom : undefined);
  for (const o of ds.offres) {
    const m = o.mode;
    const themes = idx.themes(o).map((t) => t.libelle);
    const points = idx.offerPoints(o);
    const where =
      m.type === 'sur_place'
        ? points[0] &&
          `${points[0].nom}, ${address(m.adresse ?? (m.lieu ? idx.lieux.get(m.lieu)?.adresse : undefined), idx.communeNom(points[0].commune)) ?? idx.communeNom(points[0].commune)}`
        : m.type === 'a_domicile'
          ? `À domicile : ${m.communes.map((c) => idx.communeNom(c)).join(', ')}`
          : m.type === 'itinerant'
            ? `Arrêts : ${points.map((p) => `${p.nom} (${idx.communeNom(p.commune)})`).join(', ')}`
            : `À distance : ${m.canal.map((c) => CANAUX[c]).join(', ')}`;
    yield {
      url: `/offres/${o.id}/`,
      content: sentences([
        o.nom,
        themes.join(', '),
        o.description,
        where,
        o.frais.precisions,
        o.inscription.precisions,
        nom(o.porteur) && `Proposé par ${nom(o.porteur)}`,
      ]),
      language: 'fr',
      meta: { title: o.nom },
    };
  }
  for (const l of all.lieux) {
    const commune = idx.communeNom(l.commune);
    yield {
      url: `/lieux/${l.id}/`,
      content: sentences([
        l.nom,
        `${TYPES_LIEU[l.type]} à ${commune}`,
        l.description,
        address(l.adresse, commune),
        l.services.join(', '),
        l.labels.join(', '),
        nom(l.porteur) && `Géré par ${nom(l.porteur)}`,
        named('Activités', idx.offersAtLieu(l.id)),
      ]),
      language: 'fr',
      meta: { title: l.nom },
    };
  }
  for (const e of all.equipes) {
    yield {
      url: `/equipes/${e.id}/`,
      content: sentences([
        e.nom,
        'Équipe citoyenne de bénévoles qui rend visite ou téléphone à des personnes âgées qui le souhaitent',
        e.description,
        e.activites.map((a) => ACTIVITES_EQUIPE[a]).join(', '),
        `Communes couvertes : ${e.communes.map((c) => idx.communeNom(c)).join(', ')}`,
        nom(e.porteur) && `Portée par ${nom(e.porteur)}`,
      ]),
      language: 'fr',
      meta: { title: e.nom },
    };
  }
  for (const s of all.structures) {
    const commune = idx.communeNom(s.commune);
    yield {
      url: `/structures/${s.id}/`,
      content: sentences([
        s.nom,
        `${TYPOLOGIES_STRUCTURE[s.typologie]}, ${commune}`,
        s.presentation,
        s.modalites_contact,
        address(s.adresse, commune),
        named('Activités', idx.offersOfStructure(s.id)),
        named('Équipes citoyennes', idx.teamsOfStructure(s.id)),
        named('Lieux', idx.lieuxOfStructure(s.id)),
      ]),
      language: 'fr',
      meta: { title: s.nom },
    };
  }
}
