/** Markup of the selection button, shared by components/selection/AddToSelection.astro and the offer cards. */
import { escapeAttr } from './escape';

/** « + Ajouter à ma sélection » (components/selection/AddToSelection.astro says why it starts hidden). */
export function selectionButtonHtml(kind: 'offre' | 'lieu' | 'equipe', id: string, small: boolean): string {
  return `<button type="button" class="selection-add no-print js-reserve${small ? ' small' : ''}" data-selection-add data-kind="${kind}" data-id="${escapeAttr(id)}" aria-pressed="false" hidden>+ Ajouter à ma sélection</button>`;
}
