/** The site's search index, built once per build from the validated dataset (node only). */
import { getDataset } from '../data/site-data';
import { buildSearchIndex, type BuiltIndex } from './build-index';
import { postalCodes } from './national';

let cached: BuiltIndex | undefined;
export function getSearchIndex(): BuiltIndex {
  cached ??= buildSearchIndex(getDataset(), { postalCodes: postalCodes() });
  return cached;
}
