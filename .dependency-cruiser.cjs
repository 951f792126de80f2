/**
 * The layer rules of Carte du lien, as code (`npm run lint:architecture`, part of `npm test`):
 *
 *   schemas ← data ← records, needs ← features (coverage, search, map, basemap, import) ← site() ← pages, components
 *   utilities (geo, svg-path, text, schedule, theme-icons, nav, pmtiles) may be used by every layer above schemas.
 *
 * Features do not import each other. Browser code (src/browser/) imports only browser code and the modules listed
 * in BROWSER_SAFE, which import nothing from Node. Paths are matched after an optional prefix so the planted
 * violations of tests/fixtures/architecture/ are judged by the same rules (tests/unit/architecture.test.ts).
 */
const P = '(^|/)src/';
const UTIL = `${P}lib/(geo|svg-path|text|schedule|theme-icons|nav|seeded-random)\\.ts$|${P}lib/pmtiles/`;
const FEATURES = ['coverage', 'search', 'map', 'basemap', 'import'];
/** Pure modules shared by the build and the browser. */
const BROWSER_SAFE = [
  `${P}browser/`,
  `${P}schemas/vocabulary\\.ts$`,
  `${P}lib/(geo|text)\\.ts$`,
  `${P}lib/recurrence/series\\.ts$`,
  `${P}lib/map/(contract|style|filter)\\.ts$`,
  `${P}lib/search/(communes|engine|facets|geo-codes|model|state|tokens)\\.ts$`,
  // /proposer/ validates with the model's own zod schemas, says schedules in French and writes import-format CSV.
  `${P}schemas/`,
  `${P}lib/schedule\\.ts$`,
  `${P}lib/export/(columns|cells|csv)\\.ts$`,
].join('|');

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Import cycles make the layers meaningless.', from: {}, to: { circular: true } },
    {
      name: 'browser-imports-browser-safe-only',
      severity: 'error',
      comment: 'Browser code must not pull the data loader, the records index, build-time indexes or Node into a page bundle.',
      from: { path: `${P}browser/` },
      to: { path: `${P}`, pathNot: BROWSER_SAFE },
    },
    {
      name: 'browser-safe-no-node',
      severity: 'error',
      comment: 'Modules shared with the browser import nothing from Node (node:fs, path…).',
      from: { path: BROWSER_SAFE },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'browser-safe-stays-safe',
      severity: 'error',
      comment: 'A module shared with the browser imports only other browser-safe modules.',
      from: { path: BROWSER_SAFE },
      to: { path: `${P}`, pathNot: BROWSER_SAFE },
    },
    {
      name: 'schemas-are-the-bottom',
      severity: 'error',
      comment: 'Schemas describe data; they import nothing else from the project.',
      from: { path: `${P}schemas/` },
      to: { path: `${P}`, pathNot: `${P}schemas/` },
    },
    {
      name: 'utilities-below-data',
      severity: 'error',
      from: { path: UTIL },
      to: { path: `${P}`, pathNot: `${P}schemas/|${UTIL}` },
    },
    {
      name: 'data-below-records',
      severity: 'error',
      comment: 'Reading and validating files needs only schemas and utilities.',
      from: { path: `${P}lib/data/` },
      to: { path: `${P}`, pathNot: `${P}(schemas|lib/data)/|${UTIL}` },
    },
    {
      name: 'records-below-features',
      severity: 'error',
      from: { path: `${P}lib/(records|needs)\\.ts$` },
      to: { path: `${P}`, pathNot: `${P}(schemas|lib/data)/|${P}lib/(records|needs)\\.ts$|${UTIL}` },
    },
    ...FEATURES.map((f) => ({
      name: `feature-${f}-alone`,
      severity: 'error',
      comment: 'Features do not import each other: what two need lives below them.',
      from: { path: `${P}lib/${f}/` },
      to: { path: `${P}lib/(${FEATURES.filter((x) => x !== f).join('|')})/` },
    })),
    {
      name: 'site-is-for-pages',
      severity: 'error',
      comment: 'site() is the entry of pages, layouts and the content loader; library code receives what it needs as arguments.',
      from: { path: `${P}(lib|schemas|browser)/`, pathNot: `${P}lib/site\\.ts$` },
      to: { path: `${P}lib/site\\.ts$` },
    },
    {
      name: 'lib-below-pages',
      severity: 'error',
      comment: 'Library code does not depend on pages, components, layouts or browser scripts.',
      from: { path: `${P}(lib|schemas)/` },
      to: { path: `${P}(pages|components|layouts|browser)/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.astro$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
