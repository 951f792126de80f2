import { describe, expect, it } from 'vitest';
import { iconExists, iconPathData, iconSvg } from '../../src/lib/theme-icons';

describe('theme icons from lucide-static', () => {
  it('knows which icons exist', () => {
    expect(iconExists('footprints')).toBe(true);
    expect(iconExists('pas-une-icone')).toBe(false);
    expect(iconExists('constructor')).toBe(false);
  });
  it('renders an inline SVG hidden from assistive technology', () => {
    const svg = iconSvg('phone');
    expect(svg).toMatch(/^<svg class="icon" [^>]*aria-hidden="true" focusable="false">/);
    expect(svg).toContain('<path d="M13.832 16.568');
    expect(() => iconSvg('pas-une-icone')).toThrow(/icône inconnue/);
  });
  it('turns every element kind into path data for a canvas', () => {
    // bus: paths and circles; a rect and a line come from other icons.
    expect(iconPathData('bus')).toMatch(/a\d+(\.\d+)? \d+(\.\d+)? 0 1 0/); // circles → two arcs
    expect(iconPathData('square')).toMatch(/^M\d/);
    expect(iconPathData('square')).not.toContain('NaN');
    for (const name of ['footprints', 'book-open', 'laptop', 'utensils', 'hand-heart', 'phone', 'house', 'bus', 'heart-handshake', 'scale'])
      expect(iconPathData(name), name).toMatch(/^M[\d.-]/);
  });
});
