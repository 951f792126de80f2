/**
 * The "Où ?" field: an ARIA 1.2 combobox over the communes (territory first, then the national list fetched as
 * needed). Arrows move, Enter chooses, Escape closes; a click chooses too.
 */
import { searchCommunes, type CommuneEntry } from '../../lib/search/communes';
import { esc } from './html';
import type { Places } from './places';

export class CommuneCombobox {
  private options: CommuneEntry[] = [];
  private active = -1;

  constructor(
    private readonly input: HTMLInputElement,
    private readonly list: HTMLUListElement,
    private readonly places: Places,
    /** Called with the commune chosen. */
    private readonly onChoose: (c: CommuneEntry) => void,
    /** Called when the field is emptied. */
    onClear: () => void,
  ) {
    input.addEventListener('input', () => {
      if (!input.value.trim()) onClear();
      void this.suggest();
    });
    input.addEventListener('keydown', (e) => this.key(e));
    input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    list.addEventListener('mousedown', (e) => e.preventDefault());
    list.addEventListener('click', (e) => {
      const li = (e.target as HTMLElement).closest('li');
      const c = this.options[li ? Number(li.id.replace('ou-opt-', '')) : -1];
      if (c) this.choose(c);
    });
  }

  close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
  }

  private choose(c: CommuneEntry): void {
    this.close();
    this.onChoose(c);
  }

  private show(): void {
    this.list.innerHTML = this.options
      .map(
        (c, i) =>
          `<li role="option" id="ou-opt-${i}" aria-selected="${i === this.active}">${esc(c.nom)} <span class="cp">${esc(c.cps.slice(0, 2).join(', ') || c.code)}${c.local ? '' : ' · hors territoire'}</span></li>`,
      )
      .join('');
    const open = this.options.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute('aria-expanded', String(open));
    if (this.active >= 0) this.input.setAttribute('aria-activedescendant', `ou-opt-${this.active}`);
    else this.input.removeAttribute('aria-activedescendant');
  }

  private async suggest(): Promise<void> {
    const q = this.input.value;
    this.active = -1;
    this.options = searchCommunes(q, this.places.all(), 8).map((m) => m.entry);
    this.show();
    // Few matches in the territory: the place may be outside it, so look in the national list too.
    if (!this.places.nationalDone(q) && q.trim().length >= 2 && this.options.filter((o) => o.local).length < 3) {
      await this.places.loadNational(q);
      if (this.input.value !== q) return;
      this.options = searchCommunes(q, this.places.all(), 8).map((m) => m.entry);
      this.show();
    }
  }

  private key(e: KeyboardEvent): void {
    const open = !this.list.hidden;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (!open) return void this.suggest();
      e.preventDefault();
      const n = this.options.length;
      this.active = (this.active + (e.key === 'ArrowDown' ? 1 : -1) + n) % n;
      this.show();
      document.getElementById(`ou-opt-${this.active}`)?.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter' && open && this.options.length) {
      e.preventDefault();
      this.choose(this.options[Math.max(this.active, 0)]!);
    } else if (e.key === 'Escape') this.close();
  }
}
