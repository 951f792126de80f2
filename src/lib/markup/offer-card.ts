/**
 * An offer's card (commune, lieu, structure, /a-distance/ and need pages) as an HTML string.
 *
 * Why not an Astro component per card: a commune page shows up to 72 cards, each with its pictograms and
 * selection button; at one component instance per card, icon and button (Astro's rendering machinery, and
 * the garbage it leaves) the cards were most of the pages phase of a national build (profile at 10,000
 * offers: commune pages 8.2 ms each, 70 % of the page time). The markup is the component's, byte for byte
 * (see escape.ts); `components/OfferCards.astro` renders a list of them with the card's script.
 */
import type { Index } from '../records';
import { MODES, type Offre } from '../../schemas';
import { offerEndDate } from '../data/ended';
import { formatDistance } from '../geo';
import { describeSchedule } from '../schedule';
import { iconSvg } from '../theme-icons';
import { escapeAttr, escapeText } from './escape';
import { selectionButtonHtml } from './selection-button';

export interface OfferCardOptions {
  /** Distance from the place the reader chose, and the commune of the point it was measured to. */
  distanceKm?: number;
  atCommune?: string;
  headingLevel?: 2 | 3;
}

export function offerCardHtml(offre: Offre, idx: Index, { distanceKm, atCommune, headingLevel = 3 }: OfferCardOptions = {}): string {
  // Not memoized per offer: keeping every offer's card for the whole build would hold memory that grows with the data
  // (100,000 offers nationally) for about 2 % of the pages' CPU time.
  const m = offre.mode;
  const h = `h${headingLevel}`;
  const commune = atCommune ?? idx.offerCommune(offre);
  const where =
    m.type === 'a_distance'
      ? m.portee === 'national'
        ? 'partout en France'
        : 'sur tout le territoire'
      : m.type === 'a_domicile'
        ? `à domicile, ${m.communes.length} commune(s)`
        : commune
          ? idx.communeNom(commune)
          : '';
  const when = offre.horaires ? describeSchedule(offre.horaires)[0] : m.type === 'itinerant' ? `${m.arrets.length} arrêts` : undefined;
  const fin = offerEndDate(offre);
  const id = escapeAttr(offre.id);
  const badges = idx
    .themes(offre)
    .map((t) => `<span class="badge th-fg-${escapeAttr(t.id)}">${iconSvg(t.icone)} ${escapeText(t.libelle)}</span>`)
    .join('');
  const cost = offre.frais.type === 'gratuit' ? 'Gratuit' : offre.frais.type === 'payant' ? offre.frais.montant : 'Sous conditions';
  return (
    `<li class="card offer-card" data-id="${id}"${fin ? ` data-fin="${escapeAttr(fin)}"` : ''}> ` +
    `<${h}><a href="/offres/${id}/" dir="auto">${escapeText(offre.nom)}</a></${h}> ` +
    `<p>${badges}</p> ` +
    `<p><strong>${escapeText(MODES[m.type])}</strong>${where ? escapeText(` · ${where}`) : ''}${distanceKm !== undefined ? escapeText(` · à ${formatDistance(distanceKm)}`) : ''}</p> ` +
    `${when ? `<p>${escapeText(when)}</p>` : ''} ` +
    `<p>${escapeText(cost)}${offre.exemple ? '<span class="badge badge-example"> Exemple</span>' : ''}</p> ` +
    `<p>${selectionButtonHtml('offre', offre.id, true)}</p> </li>`
  );
}
