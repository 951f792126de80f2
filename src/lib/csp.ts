/**
 * The Content-Security-Policy of every page: everything comes from the site itself, nothing inline.
 * - script-src 'self' 'wasm-unsafe-eval': Astro bundles every script into files (no inline script);
 *   Pagefind's search runs WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval').
 * - worker-src 'self' blob:: MapLibre's worker is a file of the site (setWorkerUrl); a service worker is
 *   'self' too. blob: covers MapLibre versions that build their worker from a blob.
 * - style-src 'self': stylesheets are files (astro.config.mjs: inlineStylesheets 'never'), theme colours
 *   come from /themes.css; MapLibre positions its elements through the CSSOM, which CSP does not restrict.
 * - connect-src 'self': search shards, Pagefind, PMTiles ranges; no third party, ever.
 * - img-src 'self' data: blob:: MapLibre draws its symbols into blob/data images.
 * The same policy goes into a <meta> tag (every page, src/layouts/Base.astro) and public/_headers
 * (static hosts that read it: Netlify, Cloudflare Pages…), whose copy a unit test keeps identical.
 */
export const CSP_DIRECTIVES: [string, string][] = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['child-src', "'self' blob:"],
  ['manifest-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** Directives a <meta> tag cannot carry (browsers ignore them there, with a console error). */
const HEADER_ONLY: [string, string][] = [['frame-ancestors', "'self'"]];

const join = (d: [string, string][]) => d.map(([k, v]) => `${k} ${v}`).join('; ');

export const cspMeta = (): string => join(CSP_DIRECTIVES);
export const cspHeader = (): string => join([...CSP_DIRECTIVES, ...HEADER_ONLY]);
