/** Great-circle distances, one implementation for pages, search and the coverage model, so they agree. */
const EARTH_RADIUS_KM = 6371.0088;

/** Haversine distance in km; enough for "à 2,3 km" and for reach distances. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const s = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return haversineKm(a.lat, a.lon, b.lat, b.lon);
}

// Made once (toLocaleString builds a formatter per call: slow in lists of thousands).
const KM_1 = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const KM_0 = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** "2,3 km", "850 m". */
export function formatDistance(km: number): string {
  if (km < 1) return `${Math.round(km * 100) * 10} m`;
  return `${(km < 10 ? KM_1 : KM_0).format(km)} km`;
}
