import { describe, expect, it } from 'vitest';
import { pageLinks, pageOf, pageUrl } from '../../src/lib/pagination';

describe('pages of a long listing', () => {
  it('puts every item on exactly one page, in order', () => {
    const items = Array.from({ length: 1234 }, (_, i) => i);
    const { last } = pageOf(items, 1, 200);
    expect(last).toBe(7);
    const all = Array.from({ length: last }, (_, i) => pageOf(items, i + 1, 200).items).flat();
    expect(all).toEqual(items);
    expect(pageOf(items, 7, 200).items).toHaveLength(34);
  });

  it('keeps one page for a short or empty listing', () => {
    expect(pageOf([1, 2, 3], 1, 200)).toEqual({ items: [1, 2, 3], last: 1 });
    expect(pageOf([], 1, 200)).toEqual({ items: [], last: 1 });
  });

  it('links to the first, the last and the neighbours of the current page, with gaps', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(3, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(pageLinks(8, 500)).toEqual([1, null, 6, 7, 8, 9, 10, null, 500]);
    expect(pageLinks(1, 500)).toEqual([1, 2, 3, null, 500]);
    expect(pageLinks(500, 500)).toEqual([1, null, 498, 499, 500]);
  });

  it('gives the first page its own address', () => {
    expect(pageUrl('/offres/', 1)).toBe('/offres/');
    expect(pageUrl('/offres/', 2)).toBe('/offres/page/2/');
  });
});
