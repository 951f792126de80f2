/** Which basemap the site's maps use: the generated one, or a full OpenStreetMap archive when the deployer placed one. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Territoire } from '../../schemas';
import { confinedPath } from '../data/safe-path';
import type { BasemapPaths } from './contract';

export const GENERATED_BASEMAP = '/generated/basemap.pmtiles';

export type { BasemapPaths };

export function basemapPaths(t: Territoire, publicDir = path.resolve('public')): BasemapPaths {
  if (!existsSync(path.join(publicDir, GENERATED_BASEMAP)))
    throw new Error(`Fond de carte absent (public${GENERATED_BASEMAP}) : lancer « npm run build:basemap » (la commande « npm run build » le fait).`);
  if (!t.fond_de_carte_osm) return { generated: GENERATED_BASEMAP };
  const rel = t.fond_de_carte_osm.replace(/^\/+/, '').replace(/^public\//, '');
  const where = confinedPath(publicDir, rel);
  if ('error' in where) throw new Error(`fond_de_carte_osm : ${where.error} public/.`);
  if (!existsSync(where.abs))
    throw new Error(
      `fond_de_carte_osm : le fichier public/${rel} est introuvable. Le placer dans public/ (voir README, « Fond de carte OpenStreetMap ») ou retirer l'option.`,
    );
  return { generated: GENERATED_BASEMAP, osm: `/${rel}` };
}
