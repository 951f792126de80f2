/**
 * Browser side of /recherche/: reads the state from the URL, completes the commune typed (offline),
 * fetches only the index shards near the chosen place, runs the search on every keystroke and renders
 * the results; Pagefind answers free-text questions over every fiche below them.
 */
import { distanceKm, formatDistance } from '../../lib/geo'; // not ../records: this runs in the browser
import { nationalKey, nearestCommune, searchCommunes, toEntries, type CommuneEntry, type CommuneRow } from '../../lib/search/communes';
import { SearchEngine, type Hit, type Place, type Results } from '../../lib/search/engine';
import { departement } from '../../lib/search/geo-codes';
import { FLAG, MODE_KEYS, type Manifest, type Shard, type ShardInfo } from '../../lib/search/model';
import { emptyState, parseCoords, parseState, stateToQuery, type SearchState } from '../../lib/search/state';

/** Shards whose box is within this distance of the place are fetched (territories split by département). */
const RADIUS_KM = 60;
/** Below this total, the whole index is fetched at once (a département-sized territory). */
const SMALL_INDEX_BYTES = 1_500_000;
const PAGE = 20;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

let manifest: Manifest;
let engine: SearchEngine;
let local: CommuneEntry[] = [];
/** National communes fetched so far, by file key (see nationalKey). */
const national = new Map<string, Promise<CommuneEntry[]>>();
let nationalEntries: CommuneEntry[] = [];
let shardIds = new Set<string>();
let state: SearchState = emptyState();
let place: Place | null = null;
/** Name of the territory commune used for home coverage. */
let placeCommune = '';
/** French elision: "d'Agen", "de Nérac". */
const de = (s: string) => (/^[aeiouyàâéèêîôûh]/i.test(s) && !/^votre/.test(s) ? `d'${s}` : `de ${s}`);
let shown = { near: PAGE, home: PAGE, remote: PAGE };

const form = () => $<HTMLFormElement>('recherche');
const ouText = () => $<HTMLInputElement>('ou-texte');
const ouHidden = () => $<HTMLInputElement>('ou');
const list = () => $<HTMLUListElement>('ou-liste');

/** Fetches the part of the national list a query needs (one small file); resolves to every entry known. */
async function loadNational(query: string): Promise<CommuneEntry[]> {
  const key = nationalKey(query);
  if (!key) return nationalEntries;
  if (!national.has(key))
    national.set(
      key,
      fetch(`${manifest.national}${key}.json`)
        .then((r) => (r.ok ? (r.json() as Promise<CommuneRow[]>) : []))
        .then((rows) => {
          const known = new Set(nationalEntries.map((e) => e.code));
          const add = toEntries(rows, false).filter((e) => !known.has(e.code));
          if (manifest.communesInNational) for (const e of add) e.local = shardIds.has(departement(e.code));
          nationalEntries = [...nationalEntries, ...add];
          return add;
        })
        .catch(() => []),
    );
  await national.get(key);
  return nationalEntries;
}
const nationalDone = (query: string) => {
  const key = nationalKey(query);
  return !key || national.has(key);
};

const allCommunes = () => [...local, ...nationalEntries];

/** The commune entry for a code, or the best match for a name or postal code typed in a link ("?ou=Nérac"). */
async function resolveCommune(ou: string): Promise<CommuneEntry | undefined> {
  const byCode = (list: CommuneEntry[]) => list.find((c) => c.code === ou);
  const found = byCode(local) ?? searchCommunes(ou, local, 1)[0]?.entry;
  if (found && (found.code === ou || !/^\d{5}$/.test(ou))) return found;
  const all = [...local, ...(await loadNational(ou))];
  return byCode(all) ?? searchCommunes(ou, all, 1)[0]?.entry ?? found;
}

async function resolvePlace(): Promise<void> {
  place = null;
  placeCommune = '';
  if (!state.ou) return;
  const coords = parseCoords(state.ou);
  if (coords) {
    const near = nearestCommune(coords, local.length ? local : nationalEntries.filter((e) => e.local));
    place = { ...coords, commune: near?.code, label: 'votre position' };
    placeCommune = near?.nom ?? '';
    ouText().value = 'Ma position';
    return;
  }
  const c = await resolveCommune(state.ou);
  if (!c) return;
  place = { lat: c.lat, lon: c.lon, commune: c.local ? c.code : undefined, label: c.nom };
  if (c.local) placeCommune = c.nom;
  ouText().value = label(c);
  if (state.ou !== c.code) {
    state.ou = c.code;
    history.replaceState(null, '', location.pathname + stateToQuery(state));
  }
}

const label = (c: CommuneEntry) => `${c.nom}${c.cps[0] ? ` (${c.cps[0]})` : ''}`;

function boxKm(b: NonNullable<ShardInfo['bbox']>, p: { lat: number; lon: number }): number {
  return distanceKm(p, { lat: Math.min(Math.max(p.lat, b[0]), b[2]), lon: Math.min(Math.max(p.lon, b[1]), b[3]) });
}

/** Fetches the shards the current place needs (all of them for a small territory). */
async function ensureShards(): Promise<void> {
  const total = manifest.shards.reduce((s, x) => s + x.bytes, 0);
  const wanted = manifest.shards.filter((s) => !s.bbox || total <= SMALL_INDEX_BYTES || (place && boxKm(s.bbox, place) <= RADIUS_KM));
  await Promise.all(
    wanted
      .filter((s) => !engine.loaded.has(s.id))
      .map(async (s) => {
        const shard = (await (await fetch(s.url)).json()) as Shard;
        engine.addShard(s.id, shard);
      }),
  );
}

function needsPlace(): boolean {
  return !place && manifest.shards.some((s) => s.bbox && !engine.loaded.has(s.id));
}

// ---------------------------------------------------------------- rendering

function themeTags(h: Hit): string {
  return (h.rec.t ?? [])
    .map((i) => manifest.themes[i])
    .filter(Boolean)
    .map((t) => `<span class="badge" style="color:${t!.couleur}">${t!.icon} ${esc(t!.libelle)}</span>`)
    .join('');
}

const KIND_LABEL = { o: 'Activité', l: 'Lieu ouvert à tous', e: 'Équipe citoyenne' } as const;

function card(h: Hit, where: string): string {
  const r = h.rec;
  const badges = [
    r.f & FLAG.gratuit ? 'Gratuit' : '',
    r.f & FLAG.sansInscription ? 'Sans inscription' : '',
    r.f & FLAG.pmr ? 'Accessible en fauteuil' : '',
  ].filter(Boolean);
  return `<li class="card result" data-id="${esc(r.id)}"><h3><a href="${esc(r.u)}">${esc(r.n)}</a></h3>
<p class="where">${where}</p>
<p class="kind">${KIND_LABEL[r.k]}${r.s ? ` · ${esc(r.s)}` : ''}</p>
${r.t?.length ? `<p>${themeTags(h)}</p>` : ''}
${badges.length || r.f & FLAG.exemple ? `<p>${badges.map((b) => `<span class="badge">${b}</span>`).join('')}${r.f & FLAG.exemple ? '<span class="badge badge-example">Exemple</span>' : ''}</p>` : ''}</li>`;
}

function nearWhere(h: Hit): string {
  if (h.km === undefined) return esc(h.rec.p?.[0]?.[2] ?? '');
  const itin = h.rec.m === MODE_KEYS.indexOf('itinerant') ? 'Arrêt le plus proche : ' : '';
  return `à ${formatDistance(h.km)} · ${itin}${esc(h.at ?? '')}`;
}
function homeWhere(h: Hit): string {
  const who = h.rec.k === 'e' ? 'Des bénévoles viennent' : 'Intervient';
  if (place?.commune) return `${who} à domicile à ${esc(placeCommune)}`;
  const n = h.rec.z?.length ?? 0;
  return `${who} à domicile dans ${n} commune${n > 1 ? 's' : ''}`;
}

function group(id: keyof typeof shown, title: string, hits: Hit[], where: (h: Hit) => string): string {
  if (!hits.length) return '';
  const visible = hits.slice(0, shown[id]);
  const more = hits.length - visible.length;
  return `<section aria-labelledby="g-${id}"><h2 id="g-${id}">${title} (${hits.length})</h2>
<ol class="cards plain" id="liste-${id}">${visible.map((h) => card(h, where(h))).join('')}</ol>
${more > 0 ? `<p><button type="button" class="button secondary" data-more="${id}">Afficher ${Math.min(PAGE, more)} résultats de plus (sur ${more})</button></p>` : ''}</section>`;
}

function render(res: Results): void {
  const n = res.near.length + res.home.length + res.remote.length;
  const status = $<HTMLParagraphElement>('statut');
  const where = place ? ` autour ${de(place.label)}` : '';
  if (needsPlace()) status.textContent = 'Indiquez une commune pour voir ce qui existe près de chez vous.';
  else status.textContent = n === 0 ? `Aucun résultat${where}. Essayez d'autres mots ou retirez un critère.` : `${n} résultat${n > 1 ? 's' : ''}${where}.`;
  const nearTitle = place ? `Près ${de(place.label)}, du plus proche au plus loin` : 'Sur place';
  const homeTitle = place?.commune ? `Viennent chez vous à domicile` : 'À domicile';
  $<HTMLDivElement>('resultats').innerHTML =
    group('near', esc(nearTitle), res.near, nearWhere) + group('home', homeTitle, res.home, homeWhere) + group('remote', 'À distance : par téléphone ou en ligne', res.remote, () => 'Sans se déplacer');
  document.dispatchEvent(new CustomEvent('recherche:rendu', { detail: { results: n } }));
}

let last: Results | null = null;
function run(): void {
  last = engine.search(state, place);
  render(last);
}

// ---------------------------------------------------------------- state <-> form

function readForm(): SearchState {
  return parseState(new URLSearchParams(new FormData(form()) as unknown as Record<string, string>));
}

function writeForm(s: SearchState): void {
  const f = form();
  ($<HTMLInputElement>('q')).value = s.q;
  ouHidden().value = s.ou;
  if (!s.ou) ouText().value = '';
  for (const el of f.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
    const v = (s as unknown as Record<string, string[] | boolean>)[el.name];
    el.checked = Array.isArray(v) ? v.includes(el.value) : Boolean(v);
  }
  const more = s.jour.length || s.moment.length || s.public.length || s.mode.length || s.type.length || s.gratuit || s.libre || s.pmr;
  if (more) $<HTMLDetailsElement>('plus-criteres').open = true;
}

function commit(push: boolean): void {
  const url = location.pathname + stateToQuery(state);
  if (url !== location.pathname + location.search) (push ? history.pushState : history.replaceState).call(history, null, '', url);
}

async function placeChanged(): Promise<void> {
  shown = { near: PAGE, home: PAGE, remote: PAGE };
  await resolvePlace();
  await ensureShards();
  run();
}

// ---------------------------------------------------------------- commune combobox

let options: CommuneEntry[] = [];
let active = -1;

function closeList(): void {
  list().hidden = true;
  ouText().setAttribute('aria-expanded', 'false');
  ouText().removeAttribute('aria-activedescendant');
  active = -1;
}

function showOptions(): void {
  const l = list();
  l.innerHTML = options
    .map((c, i) => `<li role="option" id="ou-opt-${i}" aria-selected="${i === active}">${esc(c.nom)} <span class="cp">${esc(c.cps.slice(0, 2).join(', ') || c.code)}${c.local ? '' : ' · hors territoire'}</span></li>`)
    .join('');
  const open = options.length > 0;
  l.hidden = !open;
  ouText().setAttribute('aria-expanded', String(open));
  if (active >= 0) ouText().setAttribute('aria-activedescendant', `ou-opt-${active}`);
  else ouText().removeAttribute('aria-activedescendant');
}

async function suggest(): Promise<void> {
  const q = ouText().value;
  active = -1;
  options = searchCommunes(q, allCommunes(), 8).map((m) => m.entry);
  showOptions();
  if (!nationalDone(q) && q.trim().length >= 2 && options.filter((o) => o.local).length < 3) {
    await loadNational(q);
    if (ouText().value !== q) return;
    options = searchCommunes(q, allCommunes(), 8).map((m) => m.entry);
    showOptions();
  }
}

async function choose(c: CommuneEntry): Promise<void> {
  closeList();
  ouText().value = label(c);
  ouHidden().value = c.code;
  state = readForm();
  commit(true);
  await placeChanged();
}

function wireCombobox(): void {
  const input = ouText();
  input.addEventListener('input', () => {
    if (!input.value.trim()) {
      ouHidden().value = '';
      state = readForm();
      commit(true);
      void placeChanged();
    }
    void suggest();
  });
  input.addEventListener('keydown', (e) => {
    const open = !list().hidden;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!open) return void suggest();
      e.preventDefault();
      active = (active + (e.key === 'ArrowDown' ? 1 : -1) + options.length) % options.length;
      showOptions();
      document.getElementById(`ou-opt-${active}`)?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter' && open && options.length) {
      e.preventDefault();
      void choose(options[Math.max(active, 0)]!);
    } else if (e.key === 'Escape') closeList();
  });
  input.addEventListener('blur', () => setTimeout(closeList, 150));
  list().addEventListener('mousedown', (e) => e.preventDefault());
  list().addEventListener('click', (e) => {
    const li = (e.target as HTMLElement).closest('li');
    const i = li ? Number(li.id.replace('ou-opt-', '')) : -1;
    if (options[i]) void choose(options[i]!);
  });
}

// ---------------------------------------------------------------- Pagefind

type PagefindResult = { data: () => Promise<{ url: string; excerpt: string; meta: { title?: string } }> };
let pagefind: Promise<{ search: (q: string) => Promise<{ results: PagefindResult[] }> }> | null = null;
let pfTimer: ReturnType<typeof setTimeout> | undefined;

function fullText(): void {
  clearTimeout(pfTimer);
  const section = $<HTMLElement>('plein-texte');
  const q = state.q.trim();
  if (q.length < 2) {
    section.hidden = true;
    return;
  }
  pfTimer = setTimeout(async () => {
    try {
      const url = '/pagefind/pagefind.js';
      pagefind ??= import(/* @vite-ignore */ url);
      const pf = await pagefind;
      const res = await pf.search(q);
      if (state.q.trim() !== q) return;
      const top = await Promise.all(res.results.slice(0, 8).map((r) => r.data()));
      const ul = section.querySelector('ul')!;
      ul.innerHTML = top.length
        ? top.map((d) => `<li><a href="${esc(d.url)}">${esc(d.meta.title ?? d.url)}</a><br /><span class="excerpt">${d.excerpt}</span></li>`).join('')
        : '<li>Aucune fiche ne contient ces mots.</li>';
      section.querySelector('h2')!.textContent = `Dans le texte de toutes les fiches (${res.results.length})`;
      section.hidden = false;
      document.dispatchEvent(new CustomEvent('recherche:plein-texte', { detail: { results: res.results.length } }));
    } catch {
      section.hidden = true;
    }
  }, 250);
}

// ---------------------------------------------------------------- start

export async function start(): Promise<void> {
  const f = form();
  f.hidden = false;
  manifest = (await (await fetch('/recherche/index.json')).json()) as Manifest;
  engine = new SearchEngine(manifest.themes);
  local = toEntries(manifest.communes, true);
  shardIds = new Set(manifest.shards.map((s) => s.id));
  state = parseState(location.search);
  writeForm(state);
  wireCombobox();

  $<HTMLInputElement>('q').addEventListener('input', () => {
    state = readForm();
    commit(false);
    run();
    fullText();
  });
  $<HTMLInputElement>('q').addEventListener('change', () => commit(true));
  f.addEventListener('change', (e) => {
    const t = e.target as HTMLInputElement;
    if (t.type !== 'checkbox') return;
    state = readForm();
    shown = { near: PAGE, home: PAGE, remote: PAGE };
    commit(true);
    run();
  });
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    if (ouText().value.trim() && !ouHidden().value) {
      const c = await resolveCommune(ouText().value);
      if (c) return void choose(c);
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
    fullText();
  });
  $<HTMLButtonElement>('autour').addEventListener('click', () => {
    const status = $<HTMLParagraphElement>('statut');
    if (!navigator.geolocation) return void (status.textContent = "Votre navigateur ne donne pas votre position : tapez le nom de votre commune.");
    status.textContent = 'Recherche de votre position…';
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        ouHidden().value = `${pos.coords.latitude.toFixed(4)},${pos.coords.longitude.toFixed(4)}`;
        state = readForm();
        commit(true);
        void placeChanged();
      },
      () => (status.textContent = "Position indisponible (refusée ou introuvable) : tapez le nom de votre commune."),
      { maximumAge: 600_000, timeout: 15_000 },
    );
  });
  $<HTMLDivElement>('resultats').addEventListener('click', (e) => {
    const b = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-more]');
    if (!b || !last) return;
    const id = b.dataset.more as keyof typeof shown;
    shown[id] += PAGE;
    render(last);
    document.querySelector<HTMLAnchorElement>(`#liste-${id} li:nth-child(${shown[id] - PAGE + 1}) a`)?.focus();
  });
  window.addEventListener('popstate', () => {
    state = parseState(location.search);
    writeForm(state);
    void placeChanged();
    fullText();
  });

  await placeChanged();
  fullText();
  document.documentElement.dataset.recherche = 'prete';
}
