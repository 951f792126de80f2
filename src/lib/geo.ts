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

const KM_PER_DEG = (EARTH_RADIUS_KM * Math.PI) / 180;

/**
 * The test « distanceKm(center, p) <= km » for many points (a commune page counts the thousands of points around a
 * city), same answers: a flat-earth distance scaled at the centre's latitude first, the great-circle distance only
 * for points near the circle's edge, where the flat one could be wrong. The flat distance's error grows with the
 * latitudes spanned (the cosine changes across them) and with the distance; it is bounded for points within the
 * circle's band of latitudes, with a factor 2 of margin. Points outside that band get the great-circle distance.
 */
export function withinKm(center: { lat: number; lon: number }, km: number): (p: { lat: number; lon: number }) => boolean {
  const r = Math.PI / 180;
  const band = (km / KM_PER_DEG) * 1.05;
  const cosLat = Math.cos(center.lat * r);
  const worstLat = Math.min(Math.abs(center.lat) + band, 85);
  const m = Math.min(0.9, 2 * (Math.tan(worstLat * r) * band * r + (band * r) ** 2) + 1e-3);
  const inner = (km * (1 - m)) ** 2;
  const outer = (km * (1 + m)) ** 2;
  return (p) => {
    const dLat = p.lat - center.lat;
    const dLon = p.lon - center.lon;
    if (Math.abs(dLat) > band || Math.abs(dLon) > 90) return distanceKm(center, p) <= km;
    const dx = dLon * cosLat * KM_PER_DEG;
    const dy = dLat * KM_PER_DEG;
    const d2 = dx * dx + dy * dy;
    return d2 <= inner || (d2 <= outer && distanceKm(center, p) <= km);
  };
}

// Made once (toLocaleString builds a formatter per call: slow in lists of thousands).
const KM_1 = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const KM_0 = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

/** "2,3 km", "850 m". */
export function formatDistance(km: number): string {
  if (km < 1) return `${Math.round(km * 100) * 10} m`;
  return `${(km < 10 ? KM_1 : KM_0).format(km)} km`;
}
