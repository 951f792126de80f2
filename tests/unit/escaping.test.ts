/** Text from the data files reaches pages escaped: a coordinator's typo or a pasted snippet never becomes HTML. */
import { describe, expect, it } from 'vitest';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import OfferCards from '../../src/components/OfferCards.astro';
import Contact from '../../src/components/Contact.astro';
import { indexFor } from '../../src/lib/records';
import { offre } from '../../src/schemas';
import { fixtureDataset } from './search/fixture';

const hostile = offre.parse({
  id: 'test-echappement',
  nom: '<img src=x onerror="alert(1)">Atelier',
  description: '<script>alert(1)</script> Une description.',
  thematiques: ['numerique'],
  publics: ['tous'],
  frais: { type: 'payant', montant: '<b>2 €</b>' },
  inscription: { obligatoire: false },
  contact: { telephone: '05 36 49 00 01', nom: '<a href="javascript:alert(1)">Accueil</a>' },
  porteur: 'asso-test',
  mode: { type: 'a_distance', portee: 'territoire', canal: ['telephone'] },
  horaires: 'Tu 14:00-16:00',
  source: { nom: 'Test' },
  verifie_le: '2026-10-01',
});

describe('escaping of data text', () => {
  it('renders names, amounts and contacts as text, never as markup', async () => {
    const container = await AstroContainer.create();
    const card = await container.renderToString(OfferCards, { props: { cards: [hostile], records: indexFor(fixtureDataset()) } });
    expect(card).not.toContain('<img src=x');
    expect(card).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;Atelier');
    expect(card).not.toContain('<b>2 €</b>');
    const contact = await container.renderToString(Contact, { props: hostile.contact });
    expect(contact).not.toContain('href="javascript:');
    expect(contact).toContain('&lt;a href=&quot;javascript:alert(1)&quot;&gt;');
  }, 30_000); // the first Astro container render compiles components: seconds on a busy machine
});
