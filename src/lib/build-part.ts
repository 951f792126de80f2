/**
 * A large territory's pages are rendered by several Astro processes at once, one per core: Astro renders pages
 * one at a time, and a national build (150,000 pages) spent most of its time on one core of two.
 * `scripts/build-pages.ts` runs the processes with CARTE_BUILD_PART=k/n and merges their folders. Each part renders
 * every n-th path of each dynamic route (`ofThisPart` in getStaticPaths: paths in their order, so the heavy and
 * the light ones are shared out evenly); pages without parameters are rendered by part 0 only (src/middleware.ts),
 * with the routes cut from a result those pages compute anyway (`withSinglePages`).
 * Without the variable there is one part, which renders everything.
 */
export interface BuildPart {
  index: number;
  count: number;
}

export function buildPart(env: Record<string, string | undefined> = process.env): BuildPart {
  const v = env.CARTE_BUILD_PART;
  if (!v) return { index: 0, count: 1 };
  const m = /^(\d+)\/(\d+)$/.exec(v);
  if (!m || Number(m[1]) >= Number(m[2]))
    throw new Error(`CARTE_BUILD_PART vaut « ${v} » : attendu « k/n », la partie k (0 ≤ k < n) d'une construction en n parties, ex. « 0/2 »`);
  return { index: Number(m[1]), count: Number(m[2]) };
}

/**
 * The paths of a dynamic route that this part renders: every n-th, the first path going to the last part (part 0
 * has the pages without parameters, and a route of a few heavy files — the map's three tile archives — would
 * otherwise give it two of three).
 */
export function ofThisPart<T>(paths: T[], part: BuildPart = buildPart()): T[] {
  return part.count === 1 ? paths : paths.filter((_, i) => (i + part.index + 1) % part.count === 0);
}

/** Whether this part renders the pages without parameters (the home page, lists, exports…). */
export function rendersSinglePages(part: BuildPart = buildPart()): boolean {
  return part.index === 0;
}

/**
 * The paths of a dynamic route whose every file is cut from one costly result that a page without parameters
 * also needs (the search index: its manifest and its shards): all of them in the part that renders those pages;
 * the other parts do not even list them (`paths` is not called), so they never compute that result (15 s of a
 * part at 100,000 offers).
 */
export function withSinglePages<T>(paths: () => T[], part: BuildPart = buildPart()): T[] {
  return rendersSinglePages(part) ? paths() : [];
}
