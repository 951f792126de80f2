/** A large territory is built in parts (lib/build-part.ts): every page is built once, by one part. */
import { describe, expect, it } from 'vitest';
import { buildPart, ofThisPart, rendersSinglePages, withSinglePages } from '../../src/lib/build-part';

describe('build parts', () => {
  it('the parts share out every path of a route, each exactly once, in even shares', () => {
    const paths = Array.from({ length: 1001 }, (_, i) => `p${i}`);
    for (const count of [1, 2, 3, 4]) {
      const shares = Array.from({ length: count }, (_, index) => ofThisPart(paths, { index, count }));
      expect(shares.flat().sort()).toEqual([...paths].sort());
      expect(Math.max(...shares.map((s) => s.length)) - Math.min(...shares.map((s) => s.length))).toBeLessThanOrEqual(1);
    }
  });

  it('reads CARTE_BUILD_PART « k/n »; one part without it; a clear error otherwise', () => {
    expect(buildPart({})).toEqual({ index: 0, count: 1 });
    expect(buildPart({ CARTE_BUILD_PART: '1/2' })).toEqual({ index: 1, count: 2 });
    for (const bad of ['2/2', '1', 'a/b', '-1/2']) expect(() => buildPart({ CARTE_BUILD_PART: bad })).toThrow(/attendu « k\/n »/);
  });

  it('pages without parameters are built by the first part only', () => {
    expect(rendersSinglePages({ index: 0, count: 1 })).toBe(true);
    expect(rendersSinglePages({ index: 0, count: 2 })).toBe(true);
    expect(rendersSinglePages({ index: 1, count: 2 })).toBe(false);
  });

  it('a route cut from one shared result (the search shards) goes whole to the part with the pages without parameters', () => {
    const paths = ['47', '33', 'a-distance'];
    for (const count of [1, 2, 3]) {
      let listed = 0;
      const list = () => {
        listed++;
        return paths;
      };
      const shares = Array.from({ length: count }, (_, index) => withSinglePages(list, { index, count }));
      expect(shares[0]).toEqual(paths);
      expect(shares.slice(1).flat()).toEqual([]);
      // The other parts never compute the result the paths come from.
      expect(listed).toBe(1);
    }
  });
});
