export * from './common';
export * from './territoire';
export * from './structure';
export * from './lieu';
export * from './offre';
export * from './equipe';
export * from './vocabulary';
