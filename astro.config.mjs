// @ts-check
import { defineConfig } from 'astro/config';

// Static output only: the site is a set of files a commune can host anywhere.
export default defineConfig({
  output: 'static',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'auto' },
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
});
