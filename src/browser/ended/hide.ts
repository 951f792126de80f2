/** Hides listing cards whose `data-fin` (last day of the offer, AAAA-MM-JJ) is before today, in local time. */
export function hideEndedCards(root: ParentNode, today = new Date()): number {
  const day = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  let hidden = 0;
  root.querySelectorAll<HTMLElement>('[data-fin]').forEach((el) => {
    if ((el.dataset.fin ?? '') < day) {
      el.hidden = true;
      hidden++;
    }
  });
  return hidden;
}
