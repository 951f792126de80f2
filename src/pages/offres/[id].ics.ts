/** `/offres/<id>.ics`: the offer's sessions for a calendar (offers with at least one fixed session). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../lib/site';
import { hasCalendar, offerCalendar } from '../../lib/calendar';
import type { Offre } from '../../schemas';

// The text is made when the file is written, not held for every offer at once (memory at 100,000 offers).
export const getStaticPaths: GetStaticPaths = () => {
  const { ds, records, centre } = site();
  const from = new Date();
  return ds.offres.filter((o) => hasCalendar(o, records, { from, where: centre })).map((o) => ({ params: { id: o.id }, props: { o, from } }));
};

export const GET: APIRoute = ({ props }) => {
  const { records, centre } = site();
  const ics = offerCalendar(props.o as Offre, records, { from: props.from as Date, where: centre, site: import.meta.env.SITE });
  return new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
