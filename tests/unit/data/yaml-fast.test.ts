/**
 * The fast road for records (js-yaml) must read every record it accepts exactly as the `yaml` package does:
 * same strings, numbers, booleans and nulls — otherwise a number could become text (or the reverse) depending on
 * which parser read the record. Checked on written records with every kind of plain scalar, and on hostile text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { fastRecord } from '../../../src/lib/data/yaml-fast';
import { readYamlRecords } from '../../../src/lib/data/yaml-records';

/** What `yaml` makes of the one record of a chunk, or undefined when it reports an error. */
function yamlValue(chunk: string): unknown {
  const doc = parseDocument(chunk, { uniqueKeys: true });
  if (doc.errors.length) return undefined;
  const v = doc.toJS();
  return Array.isArray(v) && v.length === 1 ? v[0] : undefined;
}

// Plain scalars where YAML versions and parsers disagree (1.1 booleans, octal, underscores, dates, infinities).
const SCALARS = [
  '22',
  '-0',
  '+5',
  '007',
  '0123',
  '1_000',
  '0o17',
  '0o19',
  '0x1F',
  '0xZZ',
  '1e3',
  '1E-2',
  '.5',
  '1.',
  '-.5e+2',
  '.inf',
  '-.Inf',
  '.NaN',
  '.nan',
  'nan',
  'True',
  'TRUE',
  'tRue',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'null',
  'Null',
  'NULL',
  '~',
  '2026-10-14',
  '2026-10-14T10:00:00Z',
  '12:30',
  '1:20:30',
  '0b101',
  'Mo-Fr 09:00-12:00',
  'Atelier « mémoire » à 14 h',
  '47001',
  '05 53 00 00 00',
  'l’EHPAD',
  'a b',
  'x: y',
  '#x',
  'a #b',
  '- x',
  '[a, b]',
  '{a: 1}',
  '"q"',
  "'s'",
  '"',
  "'",
  'é',
  '',
];

const key = fc.constantFrom('id', 'nom', 'code', 'n', 'actif', 'prix', 'horaires', 'telephone', 'note');
const scalar = fc.constantFrom(...SCALARS);
const FORMS = ['plain', 'double', 'single', 'list', 'flow', 'folded', 'literal', 'continued', 'continued-short', 'map'] as const;
const record = fc.uniqueArray(fc.tuple(key, scalar, fc.constantFrom(...FORMS)), {
  minLength: 1,
  maxLength: 6,
  selector: ([k]) => k,
});

function render(fields: [string, string, string][]): string {
  const lines = fields.map(([k, v, form]) => {
    if (form === 'double') return `${k}: ${JSON.stringify(v)}`;
    if (form === 'single') return `${k}: '${v.replace(/'/g, "''")}'`;
    if (form === 'list') return `${k}:\n    - ${v}`;
    if (form === 'flow') return `${k}: [${v}]`;
    if (form === 'folded') return `${k}: >\n    ${v}\n    ${v}`;
    if (form === 'literal') return `${k}: |-\n    ${v}\n\n    ${v}`;
    // A plain text on two lines, the second indented enough, or not (yaml reports that one).
    if (form === 'continued') return `${k}: a ${v}\n    ${v}`;
    if (form === 'continued-short') return `${k}: a ${v}\n  ${v}`;
    if (form === 'map') return `${k}:\n    sous: ${v}\n    autre: "${v.replace(/["\\]/g, '')}"`;
    return `${k}: ${v}`;
  });
  return `- ${lines.join('\n  ')}`;
}

describe('fast record reading', () => {
  it('reads every record it accepts as yaml does (written records, every kind of plain scalar)', () => {
    fc.assert(
      fc.property(record, (fields) => {
        const chunk = render(fields);
        const fast = fastRecord(chunk);
        if (fast) expect(fast.value).toStrictEqual(yamlValue(chunk));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 2000) },
    );
  }, 120_000);

  it('reads most plain records itself', () => {
    // Otherwise the speed-up is lost without any test failing.
    let accepted = 0;
    for (const v of SCALARS) if (fastRecord(`- id: a\n  n: ${JSON.stringify(v)}\n  code: ${v === '' ? '""' : JSON.stringify(v)}`)) accepted++;
    expect(accepted).toBe(SCALARS.length);
    expect(fastRecord('- id: a\n  nb: 22\n  ok: true\n  x: ~\n  l: [a, b]')?.value).toStrictEqual({ id: 'a', nb: 22, ok: true, x: null, l: ['a', 'b'] });
  });

  it('hands hostile text to yaml: whatever it accepts, it reads as yaml does', () => {
    fc.assert(
      fc.property(
        fc.string({
          maxLength: 200,
          unit: fc.constantFrom(
            '-',
            ' ',
            '\t',
            ':',
            '"',
            "'",
            '[',
            ']',
            '{',
            '}',
            '&',
            '*',
            '!',
            '%',
            '|',
            '>',
            '?',
            ',',
            'a',
            'id',
            '1',
            '.',
            '\n',
            '\n  ',
            '\n    ',
            'x: ',
            '- ',
            '#',
            'é',
            '\u202e',
            '\0',
          ),
        }),
        (tail) => {
          const chunk = `- ${tail}`;
          const fast = fastRecord(chunk);
          if (fast) expect(fast.value).toStrictEqual(yamlValue(chunk));
        },
      ),
      { numRuns: Number(process.env.FC_RUNS ?? 2000) },
    );
  }, 120_000);

  it('gives up on what yaml alone explains: tabs, tags, duplicate keys, deep nesting, content below the dash', () => {
    expect(fastRecord('- id: a\n\tnom: b')).toBeUndefined();
    expect(fastRecord('- id: !!int "1"')).toBeUndefined();
    expect(fastRecord('- id: a\n  id: b')).toBeUndefined();
    expect(fastRecord(`- a: ${'['.repeat(30)}${']'.repeat(30)}`)).toBeUndefined();
    expect(fastRecord('-\n  id: a')).toBeUndefined();
    // The whole reader still reports each of them at its line, as before.
    const r = readYamlRecords('/nonexistent', 'offres.yaml', '- id: a\n  nom: x\n- id: b\n  nom: y\n  nom: z\n- id: c\n\tnom: w');
    expect(r.records.map((x) => [x.line, x.unreadable ?? false])).toEqual([
      [1, false],
      [3, true],
      [6, true],
    ]);
    expect(r.issues.map((i) => i.ligne)).toEqual([5, 7]);
  });
});
