/** A lieu read from a national dataset, before it is placed in the territory and validated. */
export interface Candidate {
  /** Identifier in the source (stable across exports): updates the same lieu on a new import. */
  externalId: string;
  /** Where the row is in the input, for the report: « ligne 12 », « élément n° 3 ». */
  where: string;
  /** Lieu fields (without id and commune when unknown). */
  record: Record<string, unknown>;
  /** Problems that make the row unusable, in French (rejected, with these reasons). */
  errors: string[];
  /** Optional fields dropped because invalid, in French (the lieu is kept without them). */
  notes: string[];
}

export const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
export const text = (v: unknown): string | undefined => (isBlank(v) ? undefined : String(v).trim());
export const num = (v: unknown): number | undefined => {
  if (isBlank(v)) return undefined;
  const n = typeof v === 'number' ? v : Number(String(v).trim().replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
};
/** « A|B » (national CSV lists) or an array → trimmed non-empty strings. */
export const list = (v: unknown): string[] => (Array.isArray(v) ? v : isBlank(v) ? [] : String(v).split('|')).map((x) => String(x).trim()).filter(Boolean);

/** "09:00 - 12:00 / 13:30 - 17:00" per day → "Mo 09:00-12:00,13:30-17:00; Tu-Fr …" (days with the same hours merged). */
export function hoursFromDays(perDayRaw: (string | undefined)[]): string | undefined {
  const OSM_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
  const perDay = perDayRaw.map((h) =>
    (h ?? '')
      .trim()
      .replace(/\s*-\s*/g, '-')
      .replace(/\s*\/\s*/g, ',')
      .replace(/(\d)h(\d)/g, '$1:$2'),
  );
  const rules: string[] = [];
  let i = 0;
  while (i < perDay.length) {
    const h = perDay[i]!;
    let j = i;
    while (j + 1 < perDay.length && perDay[j + 1] === h) j++;
    if (h && /^[\d:,-]+$/.test(h)) rules.push(`${OSM_DAYS[i]}${j > i ? '-' + OSM_DAYS[j] : ''} ${h}`);
    i = j + 1;
  }
  return rules.length ? rules.join('; ') : undefined;
}

/** "2024-08-01T10:00:00Z", a Date → "2024-08-01". */
export function isoDate(v: unknown): string | undefined {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  const s = text(v);
  const m = s && /^(\d{4}-\d{2}-\d{2})/.exec(s);
  return m ? m[1] : undefined;
}
