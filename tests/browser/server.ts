/**
 * Serves dist/ on 127.0.0.1 for the browser tests and the Lighthouse bench: a small static server with HTTP Range
 * support (PMTiles reads byte ranges), so the tests do not depend on a dev server, and gzip for text, as every static
 * host sends it (without it, Lighthouse's simulated slow network counted the raw size of each page).
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

export const PORT = Number(process.env.TEST_PORT ?? 4399);
/** The built site: dist/, or another build (TEST_DIST: the large synthetic territory of tests/browser-large/). */
const ROOT = path.resolve(process.env.TEST_DIST ?? 'dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.pmtiles': 'application/octet-stream',
  '.ics': 'text/calendar; charset=utf-8',
  '.pbf': 'application/x-protobuf',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

const COMPRESSED = /^(text\/|application\/(json|javascript)|image\/svg)/;
const gzipped = new Map<string, { mtime: number; body: Buffer }>();
function gzipOf(file: string): Buffer {
  const mtime = statSync(file).mtimeMs;
  const hit = gzipped.get(file);
  if (hit?.mtime === mtime) return hit.body;
  const body = gzipSync(readFileSync(file), { level: 6 });
  gzipped.set(file, { mtime, body });
  return body;
}

function resolveFile(urlPath: string): string | undefined {
  const clean = path.normalize(decodeURIComponent(urlPath.split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
  let file = path.join(ROOT, clean);
  if (!file.startsWith(ROOT)) return undefined;
  if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
  return existsSync(file) ? file : undefined;
}

export function startServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const file = resolveFile(req.url ?? '/');
    if (!file) {
      const notFound = path.join(ROOT, '404.html');
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      if (existsSync(notFound)) createReadStream(notFound).pipe(res);
      else res.end('introuvable');
      return;
    }
    const size = statSync(file).size;
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      res.writeHead(206, {
        'content-type': type,
        'content-length': end - start + 1,
        'content-range': `bytes ${start}-${end}/${size}`,
        'accept-ranges': 'bytes',
      });
      createReadStream(file, { start, end }).pipe(res);
      return;
    }
    if (COMPRESSED.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const body = gzipOf(file);
      res.writeHead(200, { 'content-type': type, 'content-length': body.length, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      res.end(body);
      return;
    }
    res.writeHead(200, { 'content-type': type, 'content-length': size, 'accept-ranges': 'bytes' });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(PORT, '127.0.0.1', () => resolve(server)));
}

export default async function setup() {
  if (!existsSync(path.join(ROOT, 'index.html'))) throw new Error('dist/ est vide : lancer « npm run build » avant les tests navigateur.');
  const server = await startServer();
  return () => new Promise<void>((r) => server.close(() => r()));
}
