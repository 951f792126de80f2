/**
 * /selection/: the « fiche d'orientation ». Each item's block is read from its fiche page (a <template
 * data-orientation> written at build), so the sheet shows what the fiche shows and works offline from the
 * pages the service worker kept. Next dates are computed now, from this device's clock; the QR codes
 * (uqr) point to each fiche. The « Pour / Conseillé par / Note » lines live only in the page: never stored,
 * never sent.
 */
import { renderSVG } from 'uqr';
import { renderDates } from '../schedule/dates';
import { decode, ficheUrl, load, moved, save, shareQuery, without, CHANGE_EVENT, type Item } from './store';
import { mergeCalendars } from './ics-merge';
import { mailHref, plainText, smsHref, type Line } from './message';
import { keepOffline } from '../offline/register';

const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)!;
const list = $<HTMLOListElement>('#sheet-items');
const status = $<HTMLElement>('[data-selection-status]');
const params = new URLSearchParams(location.search);
/** Opened from a share link: show that list; it becomes « ma sélection » only if the reader asks. */
let shared: Item[] | null = params.has('s') ? decode(params.get('s') ?? '') : null;
const current = () => shared ?? load();
let icsUrl: string | undefined;

const plural = (n: number, w: string) => `${n} ${w}${n > 1 ? 's' : ''}`;
const absolute = (path: string) => new URL(path, location.origin).href;

/** The fiche's orientation block, or null when the page cannot be had (removed, or offline and never visited). */
async function orientationBlock(it: Item): Promise<HTMLElement | null> {
  try {
    const res = await fetch(ficheUrl(it));
    if (!res.ok) return null;
    const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
    const tpl = doc.querySelector<HTMLTemplateElement>('template[data-orientation]');
    const article = tpl?.content.querySelector<HTMLElement>('.orientation-item');
    return article ? (document.importNode(article, true) as HTMLElement) : null;
  } catch {
    return null;
  }
}

function button(label: string, accessible: string, onClick: () => void, disabled = false): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'secondary button small';
  b.textContent = label;
  b.setAttribute('aria-label', accessible);
  b.disabled = disabled;
  b.addEventListener('click', onClick);
  return b;
}

function update(items: Item[], focus?: string): void {
  if (shared) {
    shared = items;
    history.replaceState(null, '', `/selection/${shareQuery(items)}`);
  } else save(items);
  void render(focus);
}

let renderId = 0;
async function render(focus?: string): Promise<void> {
  const id = ++renderId;
  const items = current();
  const blocks = await Promise.all(items.map(orientationBlock));
  if (id !== renderId) return; // a newer render started meanwhile
  list.replaceChildren();
  const lines: Line[] = [];
  items.forEach((it, i) => {
    const li = document.createElement('li');
    li.className = 'sheet-item';
    const block = blocks[i];
    const name = block?.querySelector('h2')?.textContent?.trim() || it.id;
    if (block) {
      li.appendChild(block);
      const qr = block.querySelector<HTMLElement>('[data-qr]');
      if (qr) {
        // Library output (an SVG of squares), not data: safe to insert as markup.
        qr.innerHTML = renderSVG(absolute(qr.dataset.qr!), { border: 1 });
        qr.querySelector('svg')?.setAttribute('aria-hidden', 'true');
        qr.insertAdjacentHTML('beforeend', '<span class="visually-hidden">Code QR vers la fiche en ligne</span>');
      }
    } else {
      const p = li.appendChild(document.createElement('p'));
      p.className = 'notice';
      p.textContent = `Fiche introuvable (${it.id}) : elle a été retirée du site, ou cette page n'a pas encore été ouverte avec une connexion.`;
    }
    const tools = li.appendChild(document.createElement('p'));
    tools.className = 'no-print sheet-tools';
    tools.append(
      button('↑ Monter', `Monter « ${name} »`, () => update(moved(current(), i, -1), `up-${i - 1}`), i === 0),
      button('↓ Descendre', `Descendre « ${name} »`, () => update(moved(current(), i, 1), `down-${i + 1}`), i === items.length - 1),
      button('Retirer', `Retirer « ${name} » de la sélection`, () => update(without(current(), it), 'status')),
    );
    tools.children[0]!.id = `up-${i}`;
    tools.children[1]!.id = `down-${i}`;
    list.appendChild(li);
    if (block) lines.push({ name, url: absolute(ficheUrl(it)), phone: block.dataset.phone || undefined });
  });
  renderDates(list);
  // Dates are now those of this clock: read them back for the message.
  list.querySelectorAll<HTMLElement>('.orientation-item').forEach((block, i) => {
    const next = block.querySelector('.next-sessions li') ?? block.querySelector('.next-sessions p');
    lines[i]!.next = next?.textContent?.replace(/^Prochaines? dates? :\s*/, '') || undefined;
  });

  const n = items.length;
  status.textContent = shared
    ? `Sélection reçue par lien : ${plural(n, 'élément')}.`
    : n
      ? `${plural(n, 'élément')} dans votre sélection.`
      : 'Votre sélection est vide : ajoutez des activités, des lieux ou des équipes avec le bouton « Ajouter à ma sélection » de leurs fiches, de la recherche ou de la carte.';
  $('#garder').hidden = !shared;
  for (const el of document.querySelectorAll<HTMLElement>('[data-needs-items]')) el.hidden = n === 0;

  const share = absolute(`/selection/${shareQuery(items)}`);
  $<HTMLInputElement>('#lien-partage').value = share;
  const text = plainText(lines, share);
  $<HTMLAnchorElement>('#envoyer-sms').href = smsHref(text);
  $<HTMLAnchorElement>('#envoyer-courriel').href = mailHref('Ma sélection Carte du lien', text);
  const sheetQr = $('#sheet-qr');
  sheetQr.innerHTML = n ? renderSVG(share, { border: 1 }) : '';
  sheetQr.querySelector('svg')?.setAttribute('aria-hidden', 'true');

  await calendar(id);
  void offline(items, id);
  if (focus) (focus === 'status' ? status : document.getElementById(focus))?.focus();
}

const OFFLINE_KEY = 'carte-du-lien:hors-ligne';
const stamp = (iso: string) =>
  new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(iso));

/** Keeps this page, the fiches and their .ics in the service worker's cache; says since when. */
async function offline(items: Item[], id: number): Promise<void> {
  const note = $('#hors-ligne');
  const last = localStorage.getItem(OFFLINE_KEY);
  if (!navigator.onLine) {
    note.textContent = last ? `Hors connexion : copie de la sélection et de ses fiches du ${stamp(last)}.` : 'Hors connexion.';
    return;
  }
  const urls = ['/selection/', ...items.map(ficheUrl), ...[...list.querySelectorAll<HTMLElement>('.orientation-item[data-ics]')].map((b) => b.dataset.ics!)];
  if (!(await keepOffline(urls)) || id !== renderId) return;
  const now = new Date().toISOString();
  localStorage.setItem(OFFLINE_KEY, now);
  note.textContent = `Consultable sans connexion sur cet appareil : copie de la sélection et de ses fiches mise à jour le ${stamp(now)}.`;
}

/** One .ics for the offers that have sessions. */
async function calendar(id: number): Promise<void> {
  const link = $<HTMLAnchorElement>('#agenda');
  const urls = [...list.querySelectorAll<HTMLElement>('.orientation-item[data-ics]')].map((b) => b.dataset.ics!);
  link.hidden = urls.length === 0;
  if (!urls.length) return;
  const texts = (
    await Promise.all(
      urls.map((u) =>
        fetch(u)
          .then((r) => (r.ok ? r.text() : ''))
          .catch(() => ''),
      ),
    )
  ).filter(Boolean);
  if (id !== renderId) return;
  if (icsUrl) URL.revokeObjectURL(icsUrl);
  icsUrl = URL.createObjectURL(new Blob([mergeCalendars(texts, 'Ma sélection Carte du lien')], { type: 'text/calendar' }));
  link.href = icsUrl;
}

// Lines typed for this sheet: copied to their printed place, kept nowhere else.
for (const input of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('[data-print-source]')) {
  const out = document.querySelector<HTMLElement>(`[data-print-line="${input.dataset.printSource}"]`)!;
  const copy = () => {
    out.hidden = !input.value.trim();
    out.querySelector('span')!.textContent = input.value.trim();
  };
  input.addEventListener('input', copy);
  copy();
}

$('#imprimer').addEventListener('click', () => print());
$('#vider').addEventListener('click', () => {
  if (confirm('Vider toute la sélection ?')) update([], 'status');
});
$('#copier').addEventListener('click', async () => {
  const input = $<HTMLInputElement>('#lien-partage');
  input.select();
  try {
    await navigator.clipboard.writeText(input.value);
    $('#copie-faite').textContent = 'Lien copié.';
  } catch {
    $('#copie-faite').textContent = 'Lien sélectionné : copiez-le avec le menu de votre appareil.';
  }
});
$('#garder').addEventListener('click', () => {
  const items = shared ?? [];
  shared = null;
  history.replaceState(null, '', '/selection/');
  save(items);
  void render('status');
});
$('#date-fiche').textContent = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
$('#adresse-site').textContent = location.host;
document.addEventListener(CHANGE_EVENT, () => !shared && void render());
addEventListener('storage', (e) => e.key?.startsWith('carte-du-lien:selection') && !shared && void render());

void render().then(() => document.documentElement.setAttribute('data-selection', 'prete'));
