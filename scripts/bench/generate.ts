/**
 * Synthetic territories for the search benchmark: N offers (plus lieux, équipes, structures) spread over
 * France with the real commune centres of data/reference/communes-france.json (weighted by population),
 * French names and descriptions assembled from phrases of the field. Deterministic (seeded).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import KDBush from 'kdbush';
import { around } from 'geokdbush';
import { equipe, lieu, offre, structure, territoire as territoireSchema, type Equipe, type Lieu, type Offre, type Structure } from '../../src/schemas';
import type { CommuneRef, Dataset } from '../../src/lib/data/dataset';
import { mulberry32 } from '../../src/lib/seeded-random';

interface Commune {
  code: string;
  nom: string;
  dept: string;
  lat: number;
  lon: number;
  population: number | null;
}

const THEMES: Record<string, { noms: string[]; phrases: string[] }> = {
  'activite-physique': {
    noms: [
      'Marche douce',
      'Gym douce',
      'Balade santé',
      'Atelier équilibre',
      'Tai-chi',
      'Aquagym douce',
      'Marche nordique',
      'Yoga sur chaise',
      'Danse en ligne',
      'Pétanque conviviale',
    ],
    phrases: [
      'Des séances adaptées à chacun, encadrées par un éducateur sportif.',
      'On marche à son rythme, en groupe, sur des chemins faciles.',
      'Pour garder la forme, prévenir les chutes et rencontrer du monde.',
      'Prévoir des chaussures confortables et une bouteille d’eau.',
    ],
  },
  'culture-loisirs': {
    noms: ['Club lecture', 'Chorale', 'Atelier peinture', 'Sortie au théâtre', 'Portage de livres', 'Atelier tricot', 'Cinéma seniors', 'Jeux de société'],
    phrases: [
      'Partager ses lectures et ses coups de cœur autour d’un café.',
      'Chanter ensemble, sans savoir lire la musique.',
      'Les bénévoles de la médiathèque choisissent avec vous les ouvrages.',
      'Une sortie par mois, transport organisé depuis la mairie.',
    ],
  },
  numerique: {
    noms: ['Atelier tablette', 'Initiation smartphone', 'Permanence numérique', 'Démarches en ligne', 'Atelier visio avec la famille', 'Café numérique'],
    phrases: [
      'Apprendre à utiliser sa tablette, envoyer des photos, appeler ses proches en visio.',
      'Un conseiller numérique vous aide pour vos démarches administratives en ligne.',
      'Apportez votre appareil et vos questions.',
      'Petits groupes de cinq personnes au maximum.',
    ],
  },
  'repas-convivialite': {
    noms: ['Repas partagé', 'Café des habitants', 'Goûter intergénérationnel', 'Déjeuner du mardi', 'Soupe du quartier', 'Thé dansant'],
    phrases: [
      'Chacun apporte un plat, on mange ensemble et on discute.',
      'Un moment convivial ouvert à tous, sans inscription.',
      'Les enfants du centre de loisirs rejoignent les aînés pour le goûter.',
      'Participation libre selon les moyens.',
    ],
  },
  aidants: {
    noms: ['Café des aidants', 'Groupe de parole des aidants', 'Halte répit', 'Formation des proches aidants', 'Sophrologie pour aidants'],
    phrases: [
      'Un temps pour souffler et échanger avec d’autres proches aidants.',
      'Animé par une psychologue et un travailleur social.',
      'Votre proche peut être accueilli pendant la séance.',
      'Informations sur les aides, le répit et les droits des aidants.',
    ],
  },
  'ecoute-entraide': {
    noms: ['Ligne d’écoute', 'Groupe d’entraide mutuelle', 'Bus de l’écoute', 'Permanence d’écoute', 'Pair-aidance'],
    phrases: [
      'Des bénévoles formés vous écoutent, en toute confidentialité.',
      'Un lieu pour parler de ce qui pèse, sans jugement.',
      'Le bus s’arrête sur la place du village, café offert.',
      'Entraide entre personnes qui vivent des situations proches.',
    ],
  },
  'visites-domicile': {
    noms: ['Visites de convivialité', 'Portage de repas', 'Présence à domicile', 'Visites des bénévoles', 'Lecture à domicile'],
    phrases: [
      'Des bénévoles viennent vous rendre visite chez vous, une fois par semaine.',
      'Un moment de discussion, une promenade, un jeu de cartes.',
      'Sur simple appel à la mairie ou au CCAS.',
      'Pour les personnes qui sortent peu de chez elles.',
    ],
  },
  mobilite: {
    noms: ['Transport solidaire', 'Accompagnement aux courses', 'Navette du marché', 'Sorties accompagnées', 'Taxi solidaire'],
    phrases: [
      'Des chauffeurs bénévoles vous conduisent à vos rendez-vous.',
      'Réservation deux jours à l’avance.',
      'Une participation aux frais kilométriques est demandée.',
      'Accompagnement jusqu’à la porte.',
    ],
  },
  benevolat: {
    noms: ['Devenir bénévole', 'Mission bénévolat', 'Bénévoles du jardin partagé', 'Accueil des nouveaux habitants'],
    phrases: [
      'Donnez un peu de votre temps et rencontrez d’autres habitants.',
      'Missions courtes ou régulières, selon vos envies.',
      'Formation assurée par l’association.',
      'Ouvert aux retraités comme aux actifs.',
    ],
  },
  'acces-droits': {
    noms: ['Permanence accès aux droits', 'Point conseil retraite', 'Aide aux dossiers', 'Permanence juridique', 'Point info seniors'],
    phrases: [
      'Aide pour les dossiers de retraite, d’APA, de complémentaire santé.',
      'Un travailleur social vous reçoit sur rendez-vous.',
      'Apportez vos papiers et courriers.',
      'Orientation vers les bons interlocuteurs.',
    ],
  },
};
const THEME_IDS = Object.keys(THEMES);
const PORTEURS = [
  'Centre social',
  'CCAS',
  'Association Familles rurales',
  'Club des aînés',
  'Maison des solidarités',
  'Foyer rural',
  'Association Lien et partage',
  'Médiathèque',
];
const HORAIRES = [
  'Mo 14:00-16:00',
  'Tu 09:30-11:30',
  'We 14:00-17:00',
  'Th 10:00-12:00',
  'Fr 14:30-16:30',
  'Sa 10:00-12:00',
  'Tu,Th 14:00-16:00',
  'We[1,3] 14:00-17:00',
  'Mo-Fr 09:00-12:00',
  'Th 18:00-20:00',
  'Su 15:00-18:00',
  '"sur rendez-vous"',
];
const PUBLICS = ['tous', 'seniors', 'aidants', 'personnes_handicap', 'familles', 'personnes_isolees'] as const;
const SRC = { source: { nom: 'Données synthétiques du banc d’essai' }, verifie_le: new Date().toISOString().slice(0, 10), exemple: true };

export function loadCommunes(): Commune[] {
  return (JSON.parse(readFileSync('data/reference/communes-france.json', 'utf8')) as Commune[]).filter(
    (c) => c.lat > 41 && c.lat < 51.5 && c.lon > -5.5 && c.lon < 10,
  );
}

export interface Synthetic {
  ds: Dataset;
  communes: Commune[];
}

/** `departements`: only the communes of these départements (a region-sized territory); all of France by default. */
export function generate(n: number, seed = 1, departements?: string[]): Synthetic {
  const rand = mulberry32(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rand() * a.length)]!;
  const all = loadCommunes().filter((c) => !departements || departements.some((d) => c.code.startsWith(d)));
  const kd = new KDBush(all.length);
  for (const c of all) kd.add(c.lon, c.lat);
  kd.finish();
  // Population-weighted draw (sqrt, so villages get offers too).
  const cum: number[] = [];
  let tot = 0;
  for (const c of all) cum.push((tot += Math.sqrt(Math.max(c.population ?? 0, 50))));
  const draw = () => {
    const x = rand() * tot;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return all[lo]!;
  };
  const neighbours = (c: Commune, k: number) => (around(kd, c.lon, c.lat, k, 25) as number[]).map((i) => all[i]!);
  const jitter = (c: Commune) => ({
    lat: Math.round((c.lat + (rand() - 0.5) * 0.02) * 1e5) / 1e5,
    lon: Math.round((c.lon + (rand() - 0.5) * 0.03) * 1e5) / 1e5,
  });
  const used = new Map<string, Commune>();
  const use = (c: Commune) => (used.set(c.code, c), c.code);

  const structures: Structure[] = [];
  const nStruct = Math.max(10, Math.round(n / 20));
  for (let i = 0; i < nStruct; i++) {
    const c = draw();
    structures.push(
      structure.parse({
        id: `s${i}`,
        nom: `${pick(PORTEURS)} de ${c.nom}`,
        typologie: 'association',
        presentation: 'Structure synthétique.',
        commune: use(c),
        benevoles: true,
        modalites_contact: 'Par téléphone.',
        ...SRC,
      }),
    );
  }
  const lieux: Lieu[] = [];
  for (let i = 0; i < Math.round(n / 10); i++) {
    const c = draw();
    lieux.push(
      lieu.parse({
        id: `l${i}`,
        nom: `${pick(['Médiathèque', 'Centre social', 'Tiers-lieu', 'Maison de quartier', 'Café associatif'])} de ${c.nom}`,
        type: pick(['bibliotheque', 'centre_social', 'tiers_lieu', 'maison_de_quartier', 'cafe_associatif'] as const),
        commune: use(c),
        coordonnees: jitter(c),
        description: 'Lieu ouvert à tous, entrée libre.',
        horaires: pick(HORAIRES.slice(0, 10)),
        accessibilite: { pmr: rand() < 0.6 },
        ...SRC,
      }),
    );
  }
  const offres: Offre[] = [];
  for (let i = 0; i < n; i++) {
    const th = pick(THEME_IDS);
    const t = THEMES[th]!;
    const c = draw();
    const r = rand();
    const base = {
      id: `o${i}`,
      nom: `${pick(t.noms)} à ${c.nom}`,
      description: [pick(t.phrases), pick(t.phrases), pick(THEMES[pick(THEME_IDS)]!.phrases)].join(' '),
      thematiques: rand() < 0.2 ? [th, pick(THEME_IDS.filter((x) => x !== th))] : [th],
      publics: [pick(PUBLICS)],
      frais: rand() < 0.6 ? { type: 'gratuit' } : { type: 'payant', montant: `${1 + Math.floor(rand() * 5)} € la séance` },
      inscription: { obligatoire: rand() < 0.5 },
      accessibilite: { pmr: rand() < 0.5 },
      contact: { telephone: `05${String(Math.floor(rand() * 1e8)).padStart(8, '0')}` },
      porteur: pick(structures).id,
      ...SRC,
    };
    let mode: unknown;
    if (r < 0.68) mode = { type: 'sur_place', commune: use(c), adresse: { voie: `${1 + Math.floor(rand() * 40)} place de la Mairie` }, coordonnees: jitter(c) };
    else if (r < 0.73) mode = { type: 'sur_place', lieu: pick(lieux).id };
    else if (r < 0.81)
      mode = {
        type: 'itinerant',
        arrets: neighbours(c, 2 + Math.floor(rand() * 4)).map((s) => ({
          nom: `Place de ${s.nom}`,
          commune: use(s),
          adresse: { voie: 'Place de la Mairie' },
          coordonnees: jitter(s),
          horaires: pick(HORAIRES.slice(0, 11)),
        })),
      };
    else if (r < 0.95) mode = { type: 'a_domicile', communes: neighbours(c, 3 + Math.floor(rand() * 15)).map(use) };
    else mode = { type: 'a_distance', portee: rand() < 0.8 ? 'territoire' : 'national', canal: ['telephone'] };
    const m = mode as { type: string };
    offres.push(offre.parse({ ...base, mode, ...(m.type === 'itinerant' ? {} : { horaires: pick(HORAIRES) }) }));
  }
  const equipes: Equipe[] = [];
  for (let i = 0; i < Math.round(n / 100); i++) {
    const c = draw();
    equipes.push(
      equipe.parse({
        id: `e${i}`,
        nom: `Équipe citoyenne de ${c.nom}`,
        porteur: pick(structures).id,
        communes: neighbours(c, 4 + Math.floor(rand() * 10)).map(use),
        activites: ['visites', 'appels'],
        contact: { telephone: '0553000000' },
        description: 'Des bénévoles rendent visite aux personnes âgées isolées.',
        ...SRC,
      }),
    );
  }
  const pilot = parse(readFileSync('data/territoire.yaml', 'utf8')) as { thematiques: unknown[] };
  const codes = [...used.keys()].sort();
  const territoire = territoireSchema.parse({
    id: `synthetique-${n}`,
    nom: `France synthétique (${n.toLocaleString('fr-FR')} offres)`,
    niveau: 'departement',
    code: '00',
    communes: codes,
    thematiques: pilot.thematiques,
    fichiers: { communes: 'reference/communes.geojson', contour: 'reference/contour.geojson' },
  });
  const communes = new Map<string, CommuneRef>(
    codes.map((code) => {
      const c = used.get(code)!;
      return [code, { code, nom: c.nom, population: c.population ?? 0, centre: { lat: c.lat, lon: c.lon } }];
    }),
  );
  const ds: Dataset = {
    territoire,
    communes,
    communeShapes: { type: 'FeatureCollection', features: [] },
    contour: {
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-5.5, 41],
            [10, 41],
            [10, 51.5],
            [-5.5, 51.5],
            [-5.5, 41],
          ],
        ],
      },
    },
    structures,
    lieux,
    offres,
    equipes,
  };
  return { ds, communes: [...used.values()] };
}
