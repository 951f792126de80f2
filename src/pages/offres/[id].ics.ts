/** `/offres/<id>.ics`: the offer's sessions for a calendar (offers with at least one fixed session). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../lib/site';
import { offerCalendar } from '../../lib/calendar';

export const getStaticPaths: GetStaticPaths = () => {
  const { ds, records, centre } = site();
  return ds.offres.flatMap((o) => {
    const ics = offerCalendar(o, records, { from: new Date(), where: centre, site: import.meta.env.SITE });
    return ics ? [{ params: { id: o.id }, props: { ics } }] : [];
  });
};

export const GET: APIRoute = ({ props }) => new Response(props.ics as string, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
