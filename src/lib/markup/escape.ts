/**
 * Escaping for markup built as strings at build time (lib/markup/), the same way Astro escapes `{expressions}`
 * in templates: a card written as a string is byte-identical to the component it replaces. Text nodes use
 * html-escaper's five entities; attribute values only `&` and `"` (Astro's toAttributeString).
 */
const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

export function escapeText(s: string): string {
  return s.replace(/[&<>'"]/g, (c) => TEXT[c]!);
}

export function escapeAttr(s: string): string {
  return s.replace(/&/g, '&#38;').replace(/"/g, '&#34;');
}
