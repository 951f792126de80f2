/**
 * « Imprimer cette fiche » buttons: shown and wired only when JavaScript runs (without it, the browser's
 * own Print menu remains). A script file, not an onclick attribute: the CSP forbids inline handlers.
 */
export function wirePrintButtons(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('button[data-imprimer]')) {
    b.hidden = false;
    b.addEventListener('click', () => window.print());
  }
}
