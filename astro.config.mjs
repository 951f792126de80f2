// @ts-check
import { defineConfig } from 'astro/config';

// A large territory is built in parts, one Astro process each (src/lib/build-part.ts): each part keeps its own copy
// of Astro's content store, which every process writes under the same file name otherwise.
const part = process.env.CARTE_BUILD_PART;

// Static output only: the site is a set of files a commune can host anywhere.
export default defineConfig({
  output: 'static',
  ...(part ? { cacheDir: `./node_modules/.astro/part-${part.replace('/', '-of-')}` } : {}),
  trailingSlash: 'always',
  // No inline <style>: the Content-Security-Policy allows stylesheets from the site only (src/lib/csp.ts).
  // concurrency: a page is rendered while the previous one is written (mkdir and write wait on the disk with the main
  // thread idle: 12 % of the pages phase of a 10,000-offer build). Same pages; only the build log's lines change.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 2 },
  // Nor inline <script>: Astro inlines scripts smaller than this limit; 0 keeps every script a file.
  vite: { build: { assetsInlineLimit: 0 } },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
});
