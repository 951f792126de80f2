/**
 * The pilot data plus an équipe that only does « courses »: the case that once counted for « Mobilité » in
 * coverage, for « Visites à domicile » in search, for nothing on the list map, and was hidden by the tiled map.
 * Shared by the tests that check every output agrees on what équipes and lieux serve.
 */
import path from 'node:path';
import { type Dataset, loadDataset } from '../../../src/lib/data/dataset';
import { equipe } from '../../../src/schemas';

export function pilotWithCoursesTeam(): Dataset {
  const pilot = loadDataset(path.resolve('data')).dataset!;
  const courses = equipe.parse({
    id: 'equipe-courses-seulement',
    nom: 'Équipe des courses (test)',
    porteur: pilot.structures[0]!.id,
    communes: [pilot.territoire.communes[0]!, pilot.territoire.communes[1]!],
    activites: ['courses'],
    contact: { telephone: '0553000000' },
    source: { nom: 'test' },
    verifie_le: '2026-11-01',
    exemple: true,
  });
  return { ...pilot, equipes: [...pilot.equipes, courses] };
}
