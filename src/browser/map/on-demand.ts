/**
 * /carte/ loads its map library only when the interactive map is wanted. MapLibre is about 460 KB of JavaScript
 * (gzip) whose start-up blocks a cheap phone for seconds (Lighthouse, mobile emulation: 9 s of blocking time, score
 * 50); the list beside the map does not need it. So the first view is the overview drawn at build time (the territory
 * and the list's points, src/lib/map/static-map.ts `overviewMap`), which follows the filters and the legend, and the
 * interactive map comes:
 * - at once on a wide screen with a mouse (where the map is the page's main tool) unless the browser asks to save
 *   data, when the address asks for a place (?voir=, ?centre=, ?bbox=: a fiche's « Voir sur la carte »), or when the
 *   person already opened it in this tab (sessionStorage: a preference of this tab, nothing sent anywhere);
 * - otherwise when the person asks: the button under the overview, a tap on the overview, or « Voir sur la carte » in
 *   the list.
 */

const ASKED_KEY = 'carte-du-lien:carte-interactive';
/** A wide screen with a precise pointer: a computer, where the interactive map is what people come for. */
const ROOMY = '(min-width: 62rem) and (pointer: fine)';

export interface Env {
  search: string;
  matches(query: string): boolean;
  saveData: boolean;
  askedBefore: boolean;
}

function env(): Env {
  let askedBefore = false;
  try {
    askedBefore = sessionStorage.getItem(ASKED_KEY) === '1';
  } catch {
    // Storage refused (private mode, policy): ask again.
  }
  return {
    search: location.search,
    matches: (q) => matchMedia(q).matches,
    saveData: (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true,
    askedBefore,
  };
}

/** Whether the interactive map should load without being asked (pure, for the tests: see `env`). */
export function interactiveAtOnce(e: Env = env()): boolean {
  const p = new URLSearchParams(e.search);
  if (p.has('voir') || p.has('centre') || p.has('bbox') || e.askedBefore) return true;
  return !e.saveData && e.matches(ROOMY);
}

function remember(): void {
  try {
    sessionStorage.setItem(ASKED_KEY, '1');
  } catch {
    // Not remembered: the next visit shows the overview again.
  }
}

export interface OnDemand {
  /** Loads the interactive map now (idempotent); `focus`: the person asked from the keyboard or a button. */
  open(focus?: boolean): void;
  /** Called by the map once it is drawn: the overview gives way to it. */
  shown(): void;
  /** The map cannot be drawn (no WebGL, failed to load): the overview stays, without its button. */
  unavailable(): void;
  /** Shows in the overview the points whose list entry is shown (`${layer}:${id}` keys). */
  paint(shownKeys: Set<string>): void;
}

/**
 * Wires the overview and its button; `load(focus)` starts the interactive map, once. The caller opens it at once when
 * `interactiveAtOnce()` (after checking that the browser can draw it).
 */
export function onDemand(load: (focus: boolean) => void): OnDemand {
  const box = document.querySelector<HTMLElement>('.carte-boite')!;
  const overview = document.querySelector<HTMLElement>('#carte-apercu')!;
  const button = document.querySelector<HTMLButtonElement>('#carte-activer')!;
  const mapBox = document.querySelector<HTMLElement>('#carte')!;
  const marks = [...overview.querySelectorAll<SVGElement>('[data-k]')];
  let started = false;
  const handle: OnDemand = {
    open(focus = false) {
      if (started) return;
      started = true;
      remember();
      box.dataset.etat = 'chargement';
      button.textContent = 'Chargement de la carte interactive…';
      button.setAttribute('aria-disabled', 'true');
      // The map's box lies over the overview, transparent until MapLibre draws in it.
      mapBox.hidden = false;
      load(focus);
    },
    shown() {
      box.dataset.etat = 'interactive';
      overview.hidden = true;
    },
    unavailable() {
      box.dataset.etat = 'apercu';
      mapBox.hidden = true;
      overview.hidden = false;
      button.hidden = true;
    },
    paint(shownKeys) {
      for (const m of marks) {
        const hide = !shownKeys.has(m.dataset.k!);
        if (m.hasAttribute('hidden') !== hide) m.toggleAttribute('hidden', hide);
      }
    },
  };
  button.addEventListener('click', () => handle.open(true));
  overview.querySelector('svg')!.addEventListener('click', () => handle.open(false));
  box.dataset.etat = 'apercu';
  return handle;
}
