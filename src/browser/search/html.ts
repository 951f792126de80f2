/** Escapes text from data for the HTML strings the search page renders (names, porteurs, places all come from data). */
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** French elision: "d'Agen", "de Nérac". */
export const de = (s: string): string => (/^[aeiouyàâéèêîôûh]/i.test(s) && !/^votre/.test(s) ? `d'${s}` : `de ${s}`);
