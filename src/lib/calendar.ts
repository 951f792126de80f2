/**
 * Build time: one iCalendar file per offer with a schedule (`/offres/<id>.ics`), built with ical-generator.
 * Each series of the recurrence (src/lib/recurrence/) is one VEVENT whose RRULE / RDATE / EXDATE lines are
 * the ones the browser expands, so the calendar and the pages give the same dates. Times are floating
 * (wall-clock time of the territory): the reader's calendar shows them as written.
 */
import ical from 'ical-generator';
import type { Offre } from '../schemas';
import type { Index } from './records';
import type { Where } from './schedule';
import { toRecurrence } from './recurrence/from-opening-hours';

/** "20261124T140000" → floating Date (UTC fields = wall clock, as ical-generator writes them without Z). */
function fromStamp(s: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/.exec(s)!;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

export interface CalendarOptions {
  /** Build clock: the recurrence starts that day. */
  from: Date;
  /** The territory's centre (site().centre), where schedules are read. */
  where?: Where;
  /** Absolute URL of the site, when known (the fiche's address is then given). */
  site?: string;
}

/** Where and when the offer takes place: each stop of an itinerant offer, else the offer itself. */
const placesOf = (o: Offre, idx: Index) =>
  o.mode.type === 'itinerant' ? idx.offerPoints(o) : [{ nom: '', commune: idx.offerCommune(o), horaires: o.horaires }];

/**
 * Whether `offerCalendar` gives a file, without writing it: the fiche's link and the list of .ics files to build
 * need only this (the recurrences are memoised; the iCalendar text is made once, by its endpoint).
 */
export function hasCalendar(o: Offre, idx: Index, opts: Pick<CalendarOptions, 'from' | 'where'>): boolean {
  return placesOf(o, idx).some((p) => p.horaires && toRecurrence(p.horaires, opts.from, opts.where).some((s) => /^(RRULE|RDATE):/m.test(s.r)));
}

/** The offer's .ics text, or null when it has no fixed session ("sur rendez-vous", no schedule). */
export function offerCalendar(o: Offre, idx: Index, opts: CalendarOptions): string | null {
  const cal = ical({ name: o.nom, prodId: { company: 'Carte du lien', product: 'carte-du-lien', language: 'FR' } });
  const phone = o.contact.telephone ? `Téléphone : ${o.contact.telephone}` : undefined;
  const url = opts.site ? new URL(`/offres/${o.id}/`, opts.site).href : undefined;
  const description = [o.description, phone, url].filter(Boolean).join('\n\n');
  placesOf(o, idx).forEach((p, i) => {
    if (!p.horaires) return;
    const where =
      o.mode.type === 'a_distance'
        ? 'À distance'
        : o.mode.type === 'a_domicile'
          ? 'À domicile'
          : [p.nom || idx.offerPoints(o)[0]?.nom, p.commune && idx.communeNom(p.commune)].filter(Boolean).join(', ');
    toRecurrence(p.horaires, opts.from, opts.where).forEach((s, j) => {
      const [dtstart, ...rest] = s.r.split('\n');
      const event = (start: Date, id: string, repeating: string | null) =>
        cal.createEvent({
          id: `${o.id}-${i}-${j}${id}@carte-du-lien`,
          stamp: opts.from,
          start,
          end: new Date(start.getTime() + s.d * 60_000),
          floating: true,
          summary: o.nom,
          description: s.c ? `${s.c}\n\n${description}` : description,
          location: where || undefined,
          url,
          repeating,
        });
      if (rest.some((l) => l.startsWith('RRULE:'))) event(fromStamp(dtstart!.slice('DTSTART:'.length)), '', rest.join('\n'));
      // Dated sessions only (RDATE): one event each, which every calendar reads.
      else for (const stamp of rest.flatMap((l) => (l.startsWith('RDATE:') ? l.slice(6).split(',') : []))) event(fromStamp(stamp), `-${stamp}`, null);
    });
  });
  return cal.events().length ? cal.toString() : null;
}
