/**
 * Browser side of /recherche/: reads the state from the URL, completes the commune typed (offline), fetches only
 * the index shards near the chosen place, runs the search on every keystroke and renders the results; Pagefind
 * answers free-text questions over every fiche below them. Pieces: ./places.ts, ./shards.ts, ./combobox.ts,
 * ./results-view.ts, ./results-dom.ts, ./fulltext.ts; the state ↔ URL round trip is src/lib/search/state.ts.
 */
import type { CommuneEntry } from '../../lib/search/communes';
import { SearchEngine, type Place, type Results } from '../../lib/search/engine';
import type { Manifest } from '../../lib/search/model';
import { emptyState, parseState, stateToQuery, type SearchState } from '../../lib/search/state';
import { CommuneCombobox } from './combobox';
import { fullText } from './fulltext';
import { communeLabel, Places } from './places';
import { patchResults } from './results-dom';
import { firstPage, groupViews, PAGE, resultCount, statusText, type GroupId, type ViewContext } from './results-view';
import { ensureShards, needsPlace } from './shards';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export async function start(): Promise<void> {
  const form = $<HTMLFormElement>('recherche');
  const ouText = $<HTMLInputElement>('ou-texte');
  const ouHidden = $<HTMLInputElement>('ou');
  const q = $<HTMLInputElement>('q');
  const statusEl = $<HTMLParagraphElement>('statut');
  const resultsEl = $<HTMLDivElement>('resultats');
  const fullTextEl = $<HTMLElement>('plein-texte');
  form.hidden = false;

  const manifest = (await (await fetch('/recherche/index.json')).json()) as Manifest;
  const engine = new SearchEngine(manifest.themes);
  const places = new Places(manifest);
  let state: SearchState = parseState(location.search);
  let place: Place | null = null;
  let placeCommune = '';
  let shown = firstPage();
  let last: Results | null = null;

  const readForm = () => parseState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));
  function writeForm(s: SearchState): void {
    q.value = s.q;
    ouHidden.value = s.ou;
    if (!s.ou) ouText.value = '';
    for (const el of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      const v = (s as unknown as Record<string, string[] | boolean>)[el.name];
      el.checked = Array.isArray(v) ? v.includes(el.value) : Boolean(v);
    }
    for (const el of form.querySelectorAll<HTMLInputElement>('input[type=radio][name=quand]')) el.checked = el.value === s.quand;
    const more = s.jour.length || s.moment.length || s.public.length || s.mode.length || s.type.length || s.gratuit || s.libre || s.pmr;
    if (more) $<HTMLDetailsElement>('plus-criteres').open = true;
  }
  function commit(push: boolean): void {
    const url = location.pathname + stateToQuery(state);
    if (url !== location.pathname + location.search) (push ? history.pushState : history.replaceState).call(history, null, '', url);
  }
  const context = (): ViewContext => ({ themes: manifest.themes, place, placeCommune });
  function render(res: Results): void {
    statusEl.textContent = statusText(res, context(), needsPlace(manifest, engine, place));
    patchResults(resultsEl, groupViews(res, context(), shown));
    document.dispatchEvent(new CustomEvent('recherche:rendu', { detail: { results: resultCount(res) } }));
  }
  function run(): void {
    last = engine.search(state, place);
    render(last);
  }
  async function placeChanged(): Promise<void> {
    shown = firstPage();
    const r = await places.resolve(state.ou);
    place = r?.place ?? null;
    placeCommune = r?.placeCommune ?? '';
    if (r) ouText.value = r.text;
    if (r?.code) {
      state.ou = r.code;
      history.replaceState(null, '', location.pathname + stateToQuery(state));
    }
    await ensureShards(manifest, engine, place, run);
    run();
  }
  const searchText = () => fullText(fullTextEl, state.q, () => state.q);
  function choose(c: CommuneEntry): void {
    ouText.value = communeLabel(c);
    ouHidden.value = c.code;
    state = readForm();
    commit(true);
    void placeChanged();
  }

  writeForm(state);
  const combobox = new CommuneCombobox(ouText, $<HTMLUListElement>('ou-liste'), places, choose, () => {
    ouHidden.value = '';
    state = readForm();
    commit(true);
    void placeChanged();
  });

  q.addEventListener('input', () => {
    state = readForm();
    commit(false);
    run();
    searchText();
  });
  q.addEventListener('change', () => commit(true));
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLInputElement).type !== 'checkbox') return;
    state = readForm();
    shown = firstPage();
    commit(true);
    run();
  });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (ouText.value.trim() && !ouHidden.value) {
      const c = await places.resolveCommune(ouText.value);
      if (c) {
        combobox.close();
        return choose(c);
      }
    }
    state = readForm();
    commit(true);
    await placeChanged();
  });
  $<HTMLAnchorElement>('effacer').addEventListener('click', (e) => {
    e.preventDefault();
    state = emptyState();
    writeForm(state);
    commit(true);
    void placeChanged();
    searchText();
  });
  $<HTMLButtonElement>('autour').addEventListener('click', () => {
    if (!navigator.geolocation) return void (statusEl.textContent = 'Votre navigateur ne donne pas votre position : tapez le nom de votre commune.');
    statusEl.textContent = 'Recherche de votre position…';
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        ouHidden.value = `${pos.coords.latitude.toFixed(4)},${pos.coords.longitude.toFixed(4)}`;
        state = readForm();
        commit(true);
        void placeChanged();
      },
      () => (statusEl.textContent = 'Position indisponible (refusée ou introuvable) : tapez le nom de votre commune.'),
      { maximumAge: 600_000, timeout: 15_000 },
    );
  });
  resultsEl.addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-more]');
    if (!b || !last) return;
    const id = b.dataset.more as GroupId;
    shown[id] += PAGE;
    render(last);
    document.querySelector<HTMLAnchorElement>(`#liste-${id} li:nth-child(${shown[id] - PAGE + 1}) a`)?.focus();
  });
  window.addEventListener('popstate', () => {
    state = parseState(location.search);
    writeForm(state);
    void placeChanged();
    searchText();
  });

  await placeChanged();
  // The bench counts what was downloaded before the first results.
  performance.mark('recherche:premiers-resultats');
  searchText();
  document.documentElement.dataset.recherche = 'prete';
}
