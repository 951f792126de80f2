/**
 * Offer cards are written as strings (src/lib/markup/offer-card.ts) with the markup the Astro component had: the
 * same attributes, escaping, optional parts and whitespace, so that pages stay the same.
 */
import { describe, expect, it } from 'vitest';
import { offerCardHtml } from '../../src/lib/markup/offer-card';
import { escapeAttr, escapeText } from '../../src/lib/markup/escape';
import { indexFor } from '../../src/lib/records';
import { offre } from '../../src/schemas';
import { fixtureDataset } from './search/fixture';

const ds = fixtureDataset();
const idx = indexFor(ds);
const byId = (id: string) => ds.offres.find((o) => o.id === id)!;

describe('offer card markup', () => {
  it('escapes text like Astro (five entities) and attributes like Astro (& and ")', () => {
    expect(escapeText(`a&b<c>'d"`)).toBe('a&amp;b&lt;c&gt;&#39;d&quot;');
    expect(escapeAttr(`a&b"c<'`)).toBe(`a&#38;b&#34;c<'`);
  });

  it('writes the card of an on-site offer with its distance, commune, schedule and selection button', () => {
    const html = offerCardHtml(byId('gym-boe'), idx, { distanceKm: 3.25, atCommune: '47031' });
    expect(html).toMatch(
      /^<li class="card offer-card" data-id="gym-boe"> <h3><a href="\/offres\/gym-boe\/" dir="auto">[^<]+<\/a><\/h3> <p><span class="badge th-fg-/,
    );
    expect(html).toContain('<p><strong>Sur place</strong> · Boé · à 3,3 km</p>');
    expect(html).toContain('<p>Tous les jeudis de 18 h à 19 h</p>');
    expect(html).toContain(
      '<p><button type="button" class="selection-add no-print js-reserve small" data-selection-add data-kind="offre" data-id="gym-boe" aria-pressed="false" hidden>+ Ajouter à ma sélection</button></p> </li>',
    );
  });

  it('says « à domicile » with the number of communes, and leaves out what an offer lacks', () => {
    const html = offerCardHtml(byId('portage-livres'), idx, { headingLevel: 2 });
    expect(html).toContain('<h2><a href="/offres/portage-livres/" dir="auto">');
    expect(html).toContain('<strong>À domicile</strong> · à domicile, 2 commune(s)</p>');
    expect(html).not.toContain(' km</p>'); // no distance without a place chosen
  });

  it('carries the end date of a dated offer for the script that hides ended cards', () => {
    const dated = offre.parse({ ...byId('marche-agen'), id: 'date-unique', horaires: '2026 Dec 05 14:00-17:00' });
    expect(offerCardHtml(dated, idx)).toMatch(/^<li class="card offer-card" data-id="date-unique" data-fin="2026-12-05">/);
  });
});
