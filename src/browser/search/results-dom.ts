/**
 * Puts the results of /recherche/ on the page by changing only what changed. Typing a word narrows the results a
 * letter at a time and most cards stay: re-parsing the whole list (innerHTML) made the browser parse, shape the
 * text and lay out some sixty cards again on every keystroke (~20 ms of a 35 ms keystroke on the bench machine).
 * Here a card already shown keeps its element (and its layout); only new cards are parsed, in one go.
 */
import type { GroupView } from './results-view';

/** The markup each card element was made from: its identity across renders. */
const made = new WeakMap<Element, string>();

function parse(html: string): Element[] {
  const t = document.createElement('template');
  t.innerHTML = html;
  return [...t.content.children];
}

function setText(el: Element | null, text: string): void {
  if (el && el.textContent !== text) el.textContent = text;
}

function patchList(ol: HTMLOListElement, cards: string[]): void {
  // Elements already shown, by the markup they were made from (one each: a repeated card gets a new element).
  const shownNow = new Map<string, Element>();
  for (const li of [...ol.children]) {
    const html = made.get(li);
    if (html !== undefined && !shownNow.has(html)) shownNow.set(html, li);
    else li.remove();
  }
  const reused = cards.map((c) => {
    const li = shownNow.get(c);
    shownNow.delete(c);
    return li;
  });
  for (const li of shownNow.values()) li.remove();
  const fresh = parse(cards.filter((_, i) => !reused[i]).join(''));
  let next = 0;
  let cursor = ol.firstElementChild;
  cards.forEach((html, i) => {
    let li = reused[i];
    if (!li) {
      li = fresh[next++]!;
      made.set(li, html);
    }
    if (li === cursor) cursor = cursor.nextElementSibling;
    else ol.insertBefore(li, cursor);
  });
}

function section(g: GroupView): Element {
  return parse(
    `<section aria-labelledby="g-${g.id}" data-group="${g.id}"><h2 id="g-${g.id}"></h2><ol class="cards plain" id="liste-${g.id}"></ol><p data-more-line hidden><button type="button" class="button secondary" data-more="${g.id}"></button></p></section>`,
  )[0]!;
}

/** Makes `root` show `groups` (in that order), reusing the sections and cards already there. */
export function patchResults(root: HTMLElement, groups: GroupView[]): void {
  const ids = new Set(groups.map((g) => g.id));
  for (const s of [...root.children]) if (!ids.has((s as HTMLElement).dataset.group as GroupView['id'])) s.remove();
  let cursor = root.firstElementChild;
  for (const g of groups) {
    let s = root.querySelector(`:scope > [data-group="${g.id}"]`);
    if (!s) s = section(g);
    if (s === cursor) cursor = cursor.nextElementSibling;
    else root.insertBefore(s, cursor);
    setText(s.querySelector('h2'), g.heading);
    patchList(s.querySelector('ol')!, g.cards);
    const line = s.querySelector<HTMLElement>('[data-more-line]')!;
    line.hidden = !g.more;
    setText(line.querySelector('button'), g.more);
  }
}
