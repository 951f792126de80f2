/**
 * The results of /recherche/ as page content: three groups (near, at home, at a distance), cards with their badges,
 * and « afficher plus » labels. Pure string building over the engine's results: all data text in markup goes
 * through esc(); headings and labels are plain text (set as textContent).
 */
import { formatDistance } from '../../lib/geo';
import type { Hit, Place, Results } from '../../lib/search/engine';
import { FLAG, MODE_KEYS, type ThemeInfo } from '../../lib/search/model';
import { KINDS } from '../../schemas/vocabulary';
import { de, esc } from './html';

export const PAGE = 20;
export type GroupId = 'near' | 'home' | 'remote';
export type Shown = Record<GroupId, number>;
export const firstPage = (): Shown => ({ near: PAGE, home: PAGE, remote: PAGE });

const KIND_LABEL = { o: KINDS.offre.libelle, l: KINDS.lieu.libelle, e: KINDS.equipe.libelle } as const;
const ITINERANT = MODE_KEYS.indexOf('itinerant');

export interface ViewContext {
  themes: ThemeInfo[];
  place: Place | null;
  /** Name of the territory commune used for home coverage ('' when none). */
  placeCommune: string;
}

function themeTags(h: Hit, themes: ThemeInfo[]): string {
  return (
    (h.rec.t ?? [])
      .map((i) => themes[i])
      .filter((t): t is ThemeInfo => Boolean(t))
      // A class, not a style attribute: the CSP allows no inline style (src/lib/csp.ts, /themes.css).
      .map((t) => `<span class="badge th-fg-${esc(t.id)}">${t.icon} ${esc(t.libelle)}</span>`)
      .join('')
  );
}

/** Markup for the selection script (src/browser/selection/buttons.ts), which shows and drives the button. */
const SELECTION_KIND = { o: 'offre', l: 'lieu', e: 'equipe' } as const;

export function card(h: Hit, where: string, themes: ThemeInfo[]): string {
  const r = h.rec;
  const badges = [
    r.f & FLAG.gratuit ? 'Gratuit' : '',
    r.f & FLAG.sansInscription ? 'Sans inscription' : '',
    r.f & FLAG.pmr ? 'Accessible en fauteuil' : '',
  ].filter(Boolean);
  return `<li class="card result" data-id="${esc(r.id)}"><h3><a href="${esc(r.u)}">${esc(r.n)}</a></h3>
<p class="where">${where}</p>
<p class="kind">${KIND_LABEL[r.k]}${r.s ? ` · ${esc(r.s)}` : ''}</p>
${r.t?.length ? `<p>${themeTags(h, themes)}</p>` : ''}
${badges.length || r.f & FLAG.exemple ? `<p>${badges.map((b) => `<span class="badge">${b}</span>`).join('')}${r.f & FLAG.exemple ? '<span class="badge badge-example">Exemple</span>' : ''}</p>` : ''}
<p><button type="button" class="selection-add small" data-selection-add data-kind="${SELECTION_KIND[r.k]}" data-id="${esc(r.id)}" data-name="${esc(r.n)}" aria-pressed="false" hidden>+ Ajouter à ma sélection</button></p></li>`;
}

export function nearWhere(h: Hit): string {
  if (h.km === undefined) return esc(h.rec.p?.[0]?.[2] ?? '');
  const itin = h.rec.m === ITINERANT ? 'Arrêt le plus proche : ' : '';
  return `à ${formatDistance(h.km)} · ${itin}${esc(h.at ?? '')}`;
}

export function homeWhere(h: Hit, ctx: ViewContext): string {
  const who = h.rec.k === 'e' ? 'Des bénévoles viennent' : 'Intervient';
  if (ctx.place?.commune) return `${who} à domicile à ${esc(ctx.placeCommune)}`;
  const n = h.rec.z?.length ?? 0;
  return `${who} à domicile dans ${n} commune${n > 1 ? 's' : ''}`;
}

/** One group of results as the page shows it: plain-text heading and button label, cards as markup. */
export interface GroupView {
  id: GroupId;
  heading: string;
  cards: string[];
  /** Label of the « afficher plus » button, '' when every result is shown. */
  more: string;
}

function group(id: GroupId, title: string, hits: Hit[], shown: Shown, where: (h: Hit) => string, themes: ThemeInfo[]): GroupView[] {
  if (!hits.length) return [];
  const visible = hits.slice(0, shown[id]);
  const more = hits.length - visible.length;
  return [
    {
      id,
      heading: `${title} (${hits.length})`,
      cards: visible.map((h) => card(h, where(h), themes)),
      more: more > 0 ? `Afficher ${Math.min(PAGE, more)} résultats de plus (sur ${more})` : '',
    },
  ];
}

export const resultCount = (res: Results): number => res.near.length + res.home.length + res.remote.length;

/** The status line above the results. */
export function statusText(res: Results, ctx: ViewContext, needsPlace: boolean): string {
  if (needsPlace) return 'Indiquez une commune pour voir ce qui existe près de chez vous.';
  const n = resultCount(res);
  const where = ctx.place ? ` autour ${de(ctx.place.label)}` : '';
  return n === 0 ? `Aucun résultat${where}. Essayez d'autres mots ou retirez un critère.` : `${n} résultat${n > 1 ? 's' : ''}${where}.`;
}

/** The three groups with results, in page order (./results-dom.ts puts them on the page). */
export function groupViews(res: Results, ctx: ViewContext, shown: Shown): GroupView[] {
  const nearTitle = ctx.place ? `Près ${de(ctx.place.label)}, du plus proche au plus loin` : 'Sur place';
  const homeTitle = ctx.place?.commune ? 'Viennent chez vous à domicile' : 'À domicile';
  return [
    ...group('near', nearTitle, res.near, shown, nearWhere, ctx.themes),
    ...group('home', homeTitle, res.home, shown, (h) => homeWhere(h, ctx), ctx.themes),
    ...group('remote', 'À distance : par téléphone ou en ligne', res.remote, shown, () => 'Sans se déplacer', ctx.themes),
  ];
}
