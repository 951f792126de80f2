/**
 * Build-time only (the site is static): when a large territory is built in several parts (lib/build-part.ts),
 * a page without parameters is rendered by part 0 alone — in the other parts it answers an empty body, which
 * Astro does not write, before any of its work is done (the report and the maps would be computed once per part).
 */
import { defineMiddleware } from 'astro:middleware';
import { buildPart, rendersSinglePages } from './lib/build-part';

const part = buildPart();

export const onRequest = defineMiddleware((context, next) => {
  if (!rendersSinglePages(part) && Object.keys(context.params).length === 0) return new Response(null);
  return next();
});
