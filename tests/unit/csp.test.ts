/** The CSP of public/_headers (static hosts) is the one every page carries in its <meta> tag. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { cspHeader, cspMeta, CSP_DIRECTIVES } from '../../src/lib/csp';

describe('Content-Security-Policy', () => {
  it('public/_headers carries the same policy, plus what only a header can say', () => {
    const line = readFileSync('public/_headers', 'utf8')
      .split('\n')
      .find((l) => l.trim().startsWith('Content-Security-Policy:'));
    expect(line?.trim()).toBe(`Content-Security-Policy: ${cspHeader()}`);
    expect(cspHeader().startsWith(cspMeta())).toBe(true);
  });
  it('allows nothing inline and nothing from elsewhere', () => {
    const d = Object.fromEntries(CSP_DIRECTIVES);
    for (const v of Object.values(d)) expect(v).not.toMatch(/unsafe-inline|(?<!wasm-)unsafe-eval|https?:|\*/);
    expect(d['connect-src']).toBe("'self'");
    expect(d['object-src']).toBe("'none'");
  });
});
