/** Main navigation, in the order shown. Each issue that adds a section adds its line here. */
export const NAV: { href: string; label: string }[] = [
  { href: '/', label: 'Accueil' },
  { href: '/recherche/', label: 'Chercher' },
  { href: '/offres/', label: 'Activités' },
  { href: '/lieux/', label: 'Lieux' },
  { href: '/equipes/', label: 'Équipes citoyennes' },
  { href: '/communes/', label: 'Communes' },
  { href: '/carte/', label: 'Carte' },
  { href: '/zones-blanches/', label: 'Zones blanches' },
  { href: '/tableau-de-bord/', label: 'Tableau de bord' },
];
