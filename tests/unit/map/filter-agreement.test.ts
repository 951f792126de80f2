import { expression, featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { describe, expect, it } from 'vitest';
import { pilotWithCoursesTeam } from '../helpers/pilot-with-courses-team';
import type { MapLayer } from '../../../src/lib/map/contract';
import { mapData, mapLabels } from '../../../src/lib/map/data';
import {
  addCounts,
  clusterCounts,
  filterExpression,
  groupCount,
  groupCountExact,
  groupCountExpression,
  type MapFilters,
  passes,
  type PointLayer,
} from '../../../src/lib/map/filter';
import { tileAreas, tilePoints } from '../../../src/lib/map/tiles';

const ds = pilotWithCoursesTeam();
const data = mapData(ds);
const labels = mapLabels(ds);
const values = { thematique: labels.thematiques.map((t) => t.id), public: labels.publics.map((p) => p.id), mode: labels.modes.map((m) => m.id) };

/** Every combination of the page's filters, « tous » included. */
const combos: MapFilters[] = [];
for (const thematique of ['', ...values.thematique])
  for (const pub of ['', ...values.public]) for (const mode of ['', ...values.mode]) combos.push({ thematique, public: pub, mode });

/** Each item as the tiles carry it: points (offers on site, stops, lieux) and areas (équipes, offers at home). */
const features = [
  ...tilePoints(data).features.map((f) => ({ layer: f.properties.layer as MapLayer, props: f.properties as unknown as Record<string, unknown> })),
  ...(['equipes', 'domicile'] as const).flatMap((l) =>
    tileAreas(data, l).features.map((f) => ({ layer: l as MapLayer, props: f.properties as unknown as Record<string, unknown> })),
  ),
];
const itemOf = new Map(data.items.map((i) => [`${i.layer}:${i.id}`, i]));

describe('the tiled map filters as the list map', () => {
  it('has every item of the pilot in the tiles, équipes and lieux with the needs they fill', () => {
    for (const i of data.items) expect(features.some((f) => f.layer === i.layer && f.props.id === i.id)).toBe(true);
    expect(features.filter((f) => f.layer === 'equipes' && f.props.themes !== '').length).toBeGreaterThan(0);
    expect(features.filter((f) => f.layer === 'lieux' && f.props.themes !== '').length).toBeGreaterThan(0);
  });

  it.each(combos.map((f) => [`${f.thematique || '*'} / ${f.public || '*'} / ${f.mode || '*'}`, f] as const))(
    '%s: the expression keeps exactly the items passes keeps',
    (_, f) => {
      const test = featureFilter(filterExpression(f) as never, 'filter');
      for (const { layer, props } of features) {
        const item = itemOf.get(`${layer}:${props.id}`)!;
        const shown = test.filter({ zoom: 12 }, { type: 1, properties: props } as never);
        expect({ id: item.id, layer, shown }).toEqual({ id: item.id, layer, shown: passes(item, f) });
      }
    },
  );

  it('keeps an équipe citoyenne when one of the needs it fills is chosen (the équipe bug)', () => {
    const team = features.find((x) => x.layer === 'equipes' && String(x.props.themes).length > 0)!;
    const need = String(team.props.themes).split(' ')[0]!;
    const test = featureFilter(filterExpression({ thematique: need, public: '', mode: '' }) as never, 'filter');
    expect(test.filter({ zoom: 12 }, { type: 3, properties: team.props } as never)).toBe(true);
  });
});

describe('groups count what the filters show', () => {
  /** Groups of the pilot's points of mixed kinds (by first letter of the name), summed as a cluster sums them. */
  const points = tilePoints(data).features;
  const groups = new Map<string, { props: Record<string, unknown>; members: typeof points }>();
  for (const p of points) {
    const key = String(p.properties.nom).slice(0, 1);
    const g = groups.get(key) ?? groups.set(key, { props: {}, members: [] }).get(key)!;
    const item = itemOf.get(`${p.properties.layer}:${p.properties.id}`)!;
    addCounts(g.props, clusterCounts(p.properties.layer as PointLayer, item, values));
    g.members.push(p);
  }
  const layerSets: Set<MapLayer>[] = [new Set(['offres', 'lieux']), new Set(['offres']), new Set(['lieux']), new Set()];

  it('exactly with one filter, at most with several, in the map (expression) and in the text (JS) alike', () => {
    let checked = 0;
    for (const f of combos)
      for (const on of layerSets) {
        const expr = expression.createExpression(groupCountExpression(f, on), 'layers[0].layout.text-size');
        if (expr.result !== 'success') throw new Error(JSON.stringify(expr.value));
        for (const g of groups.values()) {
          const drawn = expr.value.evaluate({ zoom: 8 }, { type: 1, properties: g.props } as never) as number;
          const truth = g.members.filter((m) => on.has(m.properties.layer) && passes(itemOf.get(`${m.properties.layer}:${m.properties.id}`)!, f)).length;
          expect(groupCount(g.props, f, on)).toBe(drawn);
          if (groupCountExact(f)) expect(drawn).toBe(truth);
          else expect(drawn).toBeGreaterThanOrEqual(truth);
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(1000);
  });
});
