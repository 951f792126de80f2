/** Pagefind under the results: free words searched in the text of every fiche, loaded on first use. */
import { esc } from './html';

type PagefindResult = { data: () => Promise<{ url: string; excerpt: string; meta: { title?: string } }> };
type Pagefind = { search: (q: string) => Promise<{ results: PagefindResult[] }> };
let pagefind: Promise<Pagefind> | null = null;
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * The fiche a result is: the index is read from files named after the fiches (scripts/search/pagefind.ts), so a
 * result's address is /offres/o1.html for the fiche /offres/o1/.
 */
export function ficheOfIndexedFile(url: string): string {
  return url.replace(/\.html$/, '/');
}

/** Searches `query` after a pause in typing; `current()` tells whether the answer is still wanted. */
export function fullText(section: HTMLElement, query: string, current: () => string): void {
  clearTimeout(timer);
  const q = query.trim();
  if (q.length < 2) {
    section.hidden = true;
    return;
  }
  timer = setTimeout(async () => {
    try {
      const url = '/pagefind/pagefind.js';
      pagefind ??= import(/* @vite-ignore */ url) as Promise<Pagefind>;
      const res = await (await pagefind).search(q);
      if (current().trim() !== q) return;
      const top = await Promise.all(res.results.slice(0, 8).map((r) => r.data()));
      // Pagefind's excerpt is its own markup (<mark> around the words found) over text it escaped.
      section.querySelector('ul')!.innerHTML = top.length
        ? top
            .map((d) => `<li><a href="${esc(ficheOfIndexedFile(d.url))}">${esc(d.meta.title ?? d.url)}</a><br /><span class="excerpt">${d.excerpt}</span></li>`)
            .join('')
        : '<li>Aucune fiche ne contient ces mots.</li>';
      section.querySelector('h2')!.textContent = `Dans le texte de toutes les fiches (${res.results.length})`;
      section.hidden = false;
      document.dispatchEvent(new CustomEvent('recherche:plein-texte', { detail: { results: res.results.length } }));
    } catch {
      section.hidden = true;
    }
  }, 250);
}
