import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { decode, encode, load, moved, save, shareQuery, without, withItem, type Item } from '../../../src/browser/selection/store';
import { mergeCalendars } from '../../../src/browser/selection/ics-merge';
import { plainText, smsHref } from '../../../src/browser/selection/message';
import { offerCalendar } from '../../../src/lib/calendar';
import { loadDataset } from '../../../src/lib/data/dataset';
import { indexFor } from '../../../src/lib/records';

const a: Item = { kind: 'offre', id: 'cafe-des-aidants-agen' };
const b: Item = { kind: 'lieu', id: 'mediatheque-nerac' };
const c: Item = { kind: 'equipe', id: 'monalisa-agen' };

function memoryStorage(initial?: string) {
  const m = new Map<string, string>(initial === undefined ? [] : [['carte-du-lien:selection', initial]]);
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('selection store', () => {
  it('adds once, removes, reorders', () => {
    let s = withItem(withItem(withItem([], a), b), a);
    expect(s).toEqual([a, b]);
    s = withItem(s, c);
    expect(moved(s, 2, -1)).toEqual([a, c, b]);
    expect(moved(s, 0, -1)).toEqual(s);
    expect(without(s, b)).toEqual([a, c]);
  });
  it('share link round trip, in order; junk in a link or in storage is ignored', () => {
    expect(shareQuery([a, b, c])).toBe('?s=o:cafe-des-aidants-agen,l:mediatheque-nerac,e:monalisa-agen');
    expect(decode(encode([c, a, b]))).toEqual([c, a, b]);
    expect(decode('o:ok-1,x:bad,o:<script>,l:,o:ok-1')).toEqual([{ kind: 'offre', id: 'ok-1' }]);
    expect(load(memoryStorage('{"not":"a list"}'))).toEqual([]);
    expect(load(memoryStorage('not json'))).toEqual([]);
    const st = memoryStorage();
    save([a, b], st);
    expect(load(st)).toEqual([a, b]);
  });
  it('plain text for SMS / e-mail lists names, next date, phone and links', () => {
    const text = plainText(
      [{ name: 'Café', next: 'samedi 5 décembre 2026, de 10 h à 12 h', phone: '05 36 49 10 08', url: 'https://x/offres/cafe/' }],
      'https://x/selection/?s=o:cafe',
    );
    expect(text).toContain('1. Café');
    expect(text).toContain('Tél. 05 36 49 10 08');
    expect(text).toContain('https://x/selection/?s=o:cafe');
    expect(decodeURIComponent(smsHref(text).replace('sms:?&body=', ''))).toBe(text);
  });
});

describe('one .ics for the selection', () => {
  it('merges the events of several offers into one calendar ical.js reads, rules kept', () => {
    const ds = loadDataset('data').dataset!;
    const idx = indexFor(ds);
    const from = new Date(2026, 10, 23, 8);
    const offers = ds.offres.filter((o) => o.horaires && /\d{2}:\d{2}/.test(o.horaires)).slice(0, 3);
    const texts = offers.map((o) => offerCalendar(o, idx, { from })!);
    const merged = mergeCalendars(texts, 'Ma sélection');
    const cal = new ICAL.Component(ICAL.parse(merged));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const expected = texts.reduce((n, t) => n + new ICAL.Component(ICAL.parse(t)).getAllSubcomponents('vevent').length, 0);
    expect(events.length).toBe(expected);
    expect(new Set(events.map((e) => e.summary))).toEqual(new Set(offers.map((o) => o.nom)));
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Ma sélection');
    expect(events.some((e) => e.isRecurring())).toBe(true);
  }, 20_000);
});
