/**
 * Offline use (home visits without signal): registers the service worker (dist/sw.js, Workbox), and tells
 * the reader when a page is the copy kept on this device, with the date of the data it shows.
 */
const built = document.documentElement.dataset.built;
const dateFr = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(iso));

function offlineNote(): void {
  const note = document.querySelector<HTMLElement>('[data-offline-note]');
  if (!note) return;
  note.hidden = navigator.onLine;
  if (!navigator.onLine)
    note.textContent = `Hors connexion : vous consultez la copie gardée sur cet appareil${built ? ` (données du site du ${dateFr(built)})` : ''}.`;
}
addEventListener('online', offlineNote);
addEventListener('offline', offlineNote);
offlineNote();

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  addEventListener('load', () => void navigator.serviceWorker.register('/sw.js').catch(() => undefined));
}

/** Has the service worker fetch these URLs (through its cache rules) so they stay readable offline; resolves to true when done. */
export async function keepOffline(urls: string[]): Promise<boolean> {
  if (!('serviceWorker' in navigator)) return false;
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller)
    await new Promise<void>((r) => navigator.serviceWorker.addEventListener('controllerchange', () => r(), { once: true }));
  const results = await Promise.allSettled(urls.map((u) => fetch(u).then((res) => res.ok)));
  return results.every((r) => r.status === 'fulfilled' && r.value);
}
