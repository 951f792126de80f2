/**
 * /proposer/ (and /proposer/structure/): the form comes to life here. Nothing leaves the browser: the
 * record is checked with the site's own schemas, then handed over by mail (the visitor's own mail
 * client), copy or download. No server, no third party, nothing stored.
 */
import { formToRecord, validateRecord, type FieldIssue, type ProposerContext } from './record';
import { mailBody, mailtoHref, toCsv, toYaml } from './output';
import { describeSchedule } from '../../lib/schedule';
import { openingHoursError } from '../../schemas';

const $ = <T extends Element>(sel: string, root: ParentNode = document) => root.querySelector<T>(sel);
const ctx = JSON.parse($<HTMLScriptElement>('#proposer-data')!.textContent!) as ProposerContext;
const form = $<HTMLFormElement>('form[data-proposer]')!;
const summary = $<HTMLDivElement>('#proposer-erreurs')!;
const output = $<HTMLElement>('#proposer-resultat')!;
const status = $<HTMLParagraphElement>('#proposer-statut')!;
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** Parts shown only for one answer ("mode.type=sur_place"): hidden and disabled otherwise, so FormData skips them. */
function syncConditional(): void {
  const data = new FormData(form);
  form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-when]').forEach((fs) => {
    const [name, values] = fs.dataset.when!.split('=') as [string, string];
    const on = values.split('|').includes(String(data.get(name) ?? ''));
    fs.hidden = !on;
    fs.disabled = !on;
  });
}

/** The schedule helper: the sentence the site will show, or why the text is not understood. */
function syncSchedule(input: HTMLInputElement): void {
  const out = $<HTMLElement>(`#${input.id}-comprendre`);
  if (!out) return;
  const v = input.value.trim();
  if (!v) {
    out.textContent = '';
    return;
  }
  const err = openingHoursError(v);
  out.textContent = err ? `Horaires non compris : ${err}` : `Compris : ${describeSchedule(v).join(' ; ')}`;
  out.classList.toggle('is-error', Boolean(err));
}

/** Choosing a commune fills the position with its centre, marked as approximate, unless typed by hand. */
function syncCoordinates(input: HTMLInputElement): void {
  const lat = $<HTMLInputElement>('[name="mode.coordonnees.lat"]');
  const lon = $<HTMLInputElement>('[name="mode.coordonnees.lon"]');
  if (!lat || !lon || (lat.value && !lat.dataset.auto)) return;
  const m = /\((\w{5})\)\s*$/.exec(input.value);
  const c = m ? ctx.communes.find((x) => x.code === m[1]) : undefined;
  if (!c) return;
  lat.value = String(c.lat);
  lon.value = String(c.lon);
  lat.dataset.auto = lon.dataset.auto = '1';
}

function labelOf(field: Element | null, champ: string): string {
  const el = field?.querySelector('label, legend');
  return el
    ? el
        .textContent!.replace(/\s*\*?\s*\(obligatoire\)\s*$/, '')
        .replace(/\s*\*\s*$/, '')
        .trim()
    : champ || 'Fiche';
}

function clearErrors(): void {
  for (const e of form.querySelectorAll<HTMLElement>('.field-error')) {
    e.hidden = true;
    e.textContent = '';
  }
  for (const e of form.querySelectorAll('[aria-invalid]')) e.removeAttribute('aria-invalid');
  summary.hidden = true;
  summary.replaceChildren();
}

function showErrors(issues: FieldIssue[]): void {
  const items: HTMLLIElement[] = [];
  for (const i of issues) {
    // A missing object ("frais", "mode") is shown on its first field ("frais.type", "mode.type").
    const field =
      form.querySelector<HTMLElement>(`[data-field="${CSS.escape(i.champ)}"]:not([hidden])`) ??
      (i.champ ? form.querySelector<HTMLElement>(`[data-field^="${CSS.escape(i.champ)}."]:not([hidden])`) : null);
    const visible = field && !field.closest('fieldset[disabled]');
    const control = visible ? field.querySelector<HTMLElement>('input, textarea, select') : null;
    if (visible) {
      const err = field.querySelector<HTMLElement>('.field-error')!;
      err.textContent = err.textContent ? `${err.textContent} ; ${i.message}` : i.message;
      err.hidden = false;
      for (const c of field.querySelectorAll('input, textarea, select')) c.setAttribute('aria-invalid', 'true');
    }
    const li = document.createElement('li');
    const text = `${labelOf(visible ? field : null, i.champ)} : ${i.message}`;
    if (control?.id) {
      const a = document.createElement('a');
      a.href = `#${control.id}`;
      a.textContent = text;
      li.append(a);
    } else li.textContent = text;
    items.push(li);
  }
  const h = document.createElement('h2');
  h.textContent = `${issues.length} erreur${issues.length > 1 ? 's' : ''} à corriger`;
  const ul = document.createElement('ul');
  ul.append(...items);
  summary.append(h, ul);
  summary.hidden = false;
  output.hidden = true;
  summary.focus();
}

let downloadUrl: string | undefined;
function showOutput(record: Record<string, unknown>): void {
  const yaml = toYaml(record);
  const csv = toCsv(ctx.kind, record);
  $<HTMLTextAreaElement>('#proposer-yaml')!.value = yaml;
  $<HTMLTextAreaElement>('#proposer-csv')!.value = csv.replace(/^\uFEFF/, '');
  const mail = $<HTMLAnchorElement>('#proposer-mail');
  if (mail && ctx.contact) mail.href = mailtoHref(ctx.contact, `Carte du lien : proposition « ${String(record.nom ?? '')} »`, mailBody(ctx.kind, record));
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = URL.createObjectURL(new Blob([yaml], { type: 'text/yaml;charset=utf-8' }));
  const dl = $<HTMLAnchorElement>('#proposer-telecharger')!;
  dl.href = downloadUrl;
  dl.download = `${String(record.id)}.yaml`;
  const dlCsv = $<HTMLAnchorElement>('#proposer-telecharger-csv')!;
  dlCsv.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  dlCsv.download = `${String(record.id)}.csv`;
  output.hidden = false;
  $<HTMLElement>('#proposer-resultat-titre')!.focus();
}

async function copy(textarea: HTMLTextAreaElement): Promise<void> {
  try {
    await navigator.clipboard.writeText(textarea.value);
  } catch {
    textarea.select();
    document.execCommand('copy');
  }
  status.textContent = 'Copié dans le presse-papiers.';
}

form.addEventListener('change', (e) => {
  syncConditional();
  const t = e.target as HTMLInputElement;
  if (t.name === 'mode.commune') syncCoordinates(t);
  if (t.name === 'mode.coordonnees.lat' || t.name === 'mode.coordonnees.lon') delete t.dataset.auto;
});
let timer: number | undefined;
form.addEventListener('input', (e) => {
  const t = e.target as HTMLInputElement;
  if (!t.matches('[data-horaires]')) return;
  clearTimeout(timer);
  timer = window.setTimeout(() => syncSchedule(t), 250);
});
form.addEventListener('submit', (e) => {
  e.preventDefault();
  form.querySelectorAll<HTMLInputElement>('[data-horaires]').forEach(syncSchedule);
  clearErrors();
  const entries = [...new FormData(form)].map(([k, v]) => [k, String(v)] as [string, string]);
  const { record, issues } = formToRecord(ctx, entries, today());
  // A field the form could not read (unknown commune) keeps that message rather than the schema's.
  const read = new Set(issues.map((i) => i.champ));
  const all = [...issues, ...validateRecord(ctx, record).filter((i) => !read.has(i.champ))];
  if (all.length) showErrors(all);
  else showOutput(record);
});
for (const b of document.querySelectorAll<HTMLButtonElement>('[data-copier]'))
  b.addEventListener('click', () => void copy($<HTMLTextAreaElement>(`#${b.dataset.copier}`)!));
syncConditional();
