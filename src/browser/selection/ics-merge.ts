/**
 * One calendar for the whole selection: the VEVENTs (and any VTIMEZONE, once per TZID) of each offer's .ics,
 * copied line for line under one VCALENDAR. The per-offer files are made at build by ical-generator; this only
 * concatenates their components, as RFC 5545 allows.
 */
function blocks(text: string, name: 'VEVENT' | 'VTIMEZONE'): string[][] {
  const out: string[][] = [];
  let cur: string[] | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line === `BEGIN:${name}`) cur = [];
    if (cur) cur.push(line);
    if (line === `END:${name}` && cur) {
      out.push(cur);
      cur = null;
    }
  }
  return out;
}

/** TEXT value escaping of RFC 5545 (3.3.11). */
const escapeText = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');

export function mergeCalendars(texts: string[], name: string): string {
  const tz = new Map<string, string[]>();
  const events: string[] = [];
  for (const t of texts) {
    for (const b of blocks(t, 'VTIMEZONE')) tz.set(b.find((l) => l.startsWith('TZID:')) ?? String(tz.size), b);
    for (const b of blocks(t, 'VEVENT')) events.push(...b);
  }
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Carte du lien//Selection//FR',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(name)}`,
    ...[...tz.values()].flat(),
    ...events,
    'END:VCALENDAR',
  ];
  return lines.join('\r\n') + '\r\n';
}
