/**
 * On every page: the « Ajouter à ma sélection » buttons (markup `<button data-selection-add data-kind="offre"
 * data-id="…" data-name="…" hidden>`, emitted by fiches, lists, search results and the map list), the count of
 * the selection in the header, and the live region that announces each change. One delegated listener, so
 * lists rendered later by other scripts only have to emit the markup.
 */
import { CHANGE_EVENT, has, load, save, without, withItem, type Item, type Kind, KINDS } from './store';

const itemOf = (b: HTMLElement): Item | null =>
  b.dataset.kind && b.dataset.kind in KINDS && b.dataset.id ? { kind: b.dataset.kind as Kind, id: b.dataset.id } : null;

function announce(text: string): void {
  const live = document.querySelector<HTMLElement>('[data-selection-live]');
  if (!live) return;
  // Emptied then filled on the next frame, so the same message twice is read twice.
  live.textContent = '';
  requestAnimationFrame(() => (live.textContent = text));
}

function sync(): void {
  const items = load();
  for (const c of document.querySelectorAll<HTMLElement>('[data-selection-count]')) c.textContent = String(items.length);
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-selection-add]')) {
    const it = itemOf(b);
    if (!it) continue;
    const inSel = has(items, it);
    // Only what changes is written: a list of hundreds of buttons would otherwise be restyled on every page load.
    if (b.hidden) b.hidden = false;
    if (b.getAttribute('aria-pressed') === String(inSel)) continue;
    b.setAttribute('aria-pressed', String(inSel));
    b.textContent = inSel ? '✓ Dans ma sélection' : '+ Ajouter à ma sélection';
    if (inSel) b.title = 'Retirer de ma sélection';
    else b.removeAttribute('title');
  }
}

const plural = (n: number) => `${n} élément${n > 1 ? 's' : ''}`;

document.addEventListener('click', (e) => {
  const b = (e.target as Element | null)?.closest<HTMLButtonElement>('button[data-selection-add]');
  const it = b && itemOf(b);
  if (!b || !it) return;
  const items = load();
  const name = b.dataset.name ?? b.closest('li, article')?.querySelector('h1, h2, h3, a')?.textContent?.trim() ?? it.id;
  if (has(items, it)) {
    const next = without(items, it);
    save(next);
    announce(`« ${name} » retiré de la sélection (${plural(next.length)}).`);
  } else {
    const next = withItem(items, it);
    save(next);
    announce(`« ${name} » ajouté à la sélection (${plural(next.length)}).`);
  }
});

document.addEventListener(CHANGE_EVENT, sync);
// Another tab changed it.
addEventListener('storage', (e) => e.key?.startsWith('carte-du-lien:selection') && sync());

// Lists drawn later (search results, the map's list): sync once per frame when buttons appear.
let queued = false;
new MutationObserver((records) => {
  if (
    queued ||
    !records.some((r) => [...r.addedNodes].some((n) => n instanceof Element && (n.matches('[data-selection-add]') || n.querySelector('[data-selection-add]'))))
  )
    return;
  queued = true;
  requestAnimationFrame(() => {
    queued = false;
    sync();
  });
}).observe(document.body, { childList: true, subtree: true });

sync();
