import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { cachedBytes, contentKey } from '../../src/lib/build-cache';

describe('content-keyed build cache', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'carte-cache-'));
    process.env.CARTE_CACHE_DIR = dir;
  });
  afterAll(() => {
    delete process.env.CARTE_CACHE_DIR;
    rmSync(dir, { recursive: true, force: true });
  });

  it('computes once for the same inputs, again when one changes, and keeps only the latest file', () => {
    let calls = 0;
    const make = (v: string) => () => (calls++, new TextEncoder().encode(v));
    expect(cachedBytes('x', ['code', 'data 1'], make('A')).hit).toBe(false);
    const again = cachedBytes('x', ['code', 'data 1'], make('B'));
    expect(again.hit).toBe(true);
    expect(new TextDecoder().decode(again.bytes)).toBe('A');
    expect(calls).toBe(1);
    expect(cachedBytes('x', ['code', 'data 2'], make('C')).hit).toBe(false);
    expect(calls).toBe(2);
    expect(readdirSync(dir).filter((f) => f.startsWith('x.'))).toHaveLength(1);
  });

  it('keys differ when parts are split differently', () => {
    expect(contentKey(['ab', 'c'])).not.toBe(contentKey(['a', 'bc']));
    expect(contentKey([new Uint8Array([1, 2])])).not.toBe(contentKey(['\u0001\u0002']));
  });
});
