/** Content of a map popup, made from the item's list entry (so list and popup say the same) and never from HTML strings. */
import type { ThemeSymbol } from '../../lib/map/contract';
import { paintThemeSamples } from './legend';
import type { ListEntry } from './list';

export function popupContent(e: ListEntry, themeById: Map<string, ThemeSymbol>, arret?: string): HTMLElement {
  const el = document.createElement('div');
  el.className = 'carte-popup';
  const link = e.li.querySelector('a')!;
  const title = document.createElement('p');
  title.className = 'carte-popup-titre';
  title.textContent = link.textContent;
  el.append(title);
  if (arret) {
    const p = document.createElement('p');
    p.textContent = `Arrêt : ${arret}`;
    el.append(p);
  }
  el.append(e.li.querySelector('.carte-resume')!.cloneNode(true));
  const a = document.createElement('a');
  a.href = link.getAttribute('href')!;
  a.textContent = 'Voir la fiche';
  const hiddenName = document.createElement('span');
  hiddenName.className = 'visually-hidden';
  hiddenName.textContent = ` : ${link.textContent}`;
  a.append(hiddenName);
  a.className = 'carte-popup-lien';
  el.append(a);
  paintThemeSamples(el, themeById);
  return el;
}
