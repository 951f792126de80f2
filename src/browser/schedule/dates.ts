/**
 * Fills every `[data-schedule]` block with the next sessions from the reader's own clock, replacing the
 * dates written at build time. Text only (textContent): nothing from data is parsed as HTML.
 */
import { floating, formatSession, nextSessions, type Series } from '../../lib/recurrence/series';

export function renderDates(root: ParentNode, now = new Date()): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-schedule]')) {
    let series: Series[];
    try {
      series = JSON.parse(el.dataset.schedule ?? '[]') as Series[];
    } catch {
      continue; // keep the build-time text
    }
    const count = Number(el.dataset.count ?? 3) || 3;
    const sessions = nextSessions(series, floating(now), count);
    const doc = el.ownerDocument;
    const p = doc.createElement('p');
    el.replaceChildren(p);
    if (!sessions.length) {
      p.textContent = 'Aucune date prévue dans les prochains mois.';
    } else if (el.dataset.compact !== undefined) {
      p.textContent = `Prochaine date : ${formatSession(sessions[0]!)}`;
    } else {
      p.textContent = sessions.length > 1 ? 'Prochaines dates :' : 'Prochaine date :';
      const ul = doc.createElement('ul');
      for (const s of sessions) ul.appendChild(doc.createElement('li')).textContent = formatSession(s);
      el.appendChild(ul);
    }
    el.dataset.rendered = '';
  }
}
