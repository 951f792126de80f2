/** /proposer/signaler/: reads the fiche from the address, checks the corrected value, prepares the mail. */
import { checkValue, correctableFields, correctionCsv, correctionText, KINDS } from './correction';
import { mailtoHref } from './output';
import type { RecordKind } from '../../lib/export/columns';

const $ = <T extends Element>(sel: string) => document.querySelector<T>(sel)!;
const form = $<HTMLFormElement>('form[data-signaler]');
const params = new URLSearchParams(location.search);
const [kindRaw, id = ''] = (params.get('fiche') ?? '').split('/');
const kind = (kindRaw && kindRaw in KINDS ? kindRaw : null) as RecordKind | null;
const nom = params.get('nom') ?? id;
const contact = form.dataset.contact ?? '';
const select = $<HTMLSelectElement>('#f-champ');
const summary = $<HTMLDivElement>('#signaler-erreurs');

if (kind && /^[a-z0-9-]+$/.test(id)) {
  const intro = $<HTMLParagraphElement>('#signaler-fiche');
  const a = document.createElement('a');
  a.href = `/${kind}/${id}/`;
  a.textContent = nom;
  intro.replaceChildren(`Fiche ${KINDS[kind]} : `, a, '. Quelle information est fausse ou dépassée ?');
  const autre = select.querySelector('option[value="autre"]')!;
  for (const f of correctableFields(kind)) {
    const o = document.createElement('option');
    o.value = f.champ;
    o.textContent = f.label;
    select.insertBefore(o, autre);
  }
} else {
  $<HTMLParagraphElement>('#signaler-fiche').textContent = 'Ouvrez ce formulaire depuis le lien « Signaler une erreur » en bas de la fiche concernée.';
  form.hidden = true;
}

function fail(field: string, message: string, label: string) {
  const err = document.getElementById(`f-${field}-erreur`)!;
  err.textContent = message;
  err.hidden = false;
  document.getElementById(`f-${field}`)!.setAttribute('aria-invalid', 'true');
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.href = `#f-${field}`;
  link.textContent = `${label} : ${message}`;
  li.append(link);
  return li;
}

form.addEventListener('submit', (e) => {
  e.preventDefault();
  if (!kind) return;
  for (const x of form.querySelectorAll<HTMLElement>('.field-error')) x.hidden = true;
  for (const x of form.querySelectorAll('[aria-invalid]')) x.removeAttribute('aria-invalid');
  const data = new FormData(form);
  const champ = String(data.get('champ') ?? '');
  const correct = String(data.get('correct') ?? '').trim();
  const items: HTMLLIElement[] = [];
  if (!champ) items.push(fail('champ', "choisir l'information à corriger", 'Information à corriger'));
  if (!correct) items.push(fail('correct', "donner l'information correcte", 'Information correcte'));
  const problem = champ && champ !== 'autre' && correct ? checkValue(kind, champ, correct) : null;
  if (problem) items.push(fail('correct', problem, 'Information correcte'));
  if (items.length) {
    const h = document.createElement('h2');
    h.textContent = `${items.length} erreur${items.length > 1 ? 's' : ''} à corriger`;
    const ul = document.createElement('ul');
    ul.append(...items);
    summary.replaceChildren(h, ul);
    summary.hidden = false;
    $<HTMLElement>('#signaler-resultat').hidden = true;
    summary.focus();
    return;
  }
  summary.hidden = true;
  const label = select.selectedOptions[0]?.textContent ?? champ;
  const text = correctionText({
    kind,
    id,
    nom,
    champ,
    label,
    faux: String(data.get('faux') ?? '').trim(),
    correct,
    qualite: String(data.get('qualite') ?? '').trim(),
    url: `${location.origin}/${kind}/${id}/`,
  });
  const csv = champ !== 'autre' ? correctionCsv(kind, id, champ, correct) : null;
  const body = csv ? `${text}\n\nCorrection prête pour « npm run import -- correction.csv --type ${kind} --fusion » :\n\n${csv.replace(/^\uFEFF/, '')}` : text;
  $<HTMLTextAreaElement>('#signaler-texte').value = body;
  const mail = document.querySelector<HTMLAnchorElement>('#signaler-mail');
  if (mail) mail.href = mailtoHref(contact, `Carte du lien : erreur sur « ${nom} » (${label})`, body);
  const dl = $<HTMLAnchorElement>('#signaler-telecharger');
  dl.hidden = !csv;
  if (csv) {
    dl.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    dl.download = `correction-${id}.csv`;
  }
  $<HTMLElement>('#signaler-resultat').hidden = false;
  $<HTMLElement>('#signaler-resultat-titre').focus();
});
$<HTMLButtonElement>('#signaler-copier').addEventListener('click', async () => {
  const t = $<HTMLTextAreaElement>('#signaler-texte');
  try {
    await navigator.clipboard.writeText(t.value);
  } catch {
    t.select();
    document.execCommand('copy');
  }
  $<HTMLParagraphElement>('#signaler-statut').textContent = 'Copié dans le presse-papiers.';
});
