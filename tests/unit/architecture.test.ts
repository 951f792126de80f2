/**
 * The layer rules of .dependency-cruiser.cjs hold on src/, and they do catch what they forbid: each planted
 * violation of tests/fixtures/architecture/ is reported under the rule that names it.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}
function cruise(dir: string): Violation[] {
  const r = spawnSync('npx', ['depcruise', dir, '--config', '.dependency-cruiser.cjs', '--output-type', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const out = JSON.parse(r.stdout) as { summary: { violations: Violation[] } };
  return out.summary.violations;
}

describe('architecture', () => {
  it('src/ follows the layer rules and the browser boundary', () => {
    expect(cruise('src').map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  }, 120_000);

  it('catches each planted violation', () => {
    const found = cruise('tests/fixtures/architecture/src').map((v) => `${v.rule.name}: ${v.from.replace(/^.*\/src\//, '')}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'browser-imports-browser-safe-only: browser/imports-loader.ts',
        'browser-imports-browser-safe-only: browser/imports-build-index.ts',
        'browser-safe-no-node: browser/imports-node.ts',
        'feature-coverage-alone: lib/coverage/imports-search.ts',
        'schemas-are-the-bottom: schemas/imports-data.ts',
        'no-circular: lib/data/cycle-a.ts',
      ]),
    );
  }, 120_000);
});

describe('page scripts', () => {
  it('every <script> of a page or component imports browser code only (src/browser/)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const astroFiles = (readdirSync('src', { recursive: true }) as string[]).filter((f) => f.endsWith('.astro')).map((f) => `src/${f}`);
    expect(astroFiles.length).toBeGreaterThan(10);
    const bad: string[] = [];
    let browserImports = 0;
    for (const file of astroFiles) {
      for (const [, body] of readFileSync(file, 'utf8').matchAll(/<script(?![^>]*type="application\/(?:ld\+)?json")[^>]*>([\s\S]*?)<\/script>/g))
        for (const [, spec] of body!.matchAll(/from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g))
          if (spec?.startsWith('.')) {
            if (/\/browser\//.test(spec)) browserImports++;
            else bad.push(`${file}: ${spec}`);
          }
    }
    expect(bad).toEqual([]);
    expect(browserImports).toBeGreaterThanOrEqual(3); // /carte/, /recherche/, the print button (small maps are static SVG)
  });
});
