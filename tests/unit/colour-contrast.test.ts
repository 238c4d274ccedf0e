import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VERDICTS } from '@/lib/seed/seed';
import { CLAIM_STATUSES } from '@/db/enums';
import { contrastRatio, textColourOn } from '@/lib/colour/contrast';
import { colourDistance, deltaE2000, type Lab } from '@/lib/colour/distance';

const css = fs.readFileSync(path.resolve(__dirname, '../../app/globals.css'), 'utf8');

/** The value of a custom property in the stylesheet's :root block. */
function rootVar(name: string): string {
  const root = /:root\s*{([^}]*)}/.exec(css)![1];
  const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})\\s*;`).exec(root);
  if (!m) throw new Error(`--${name} is not a #rrggbb colour in :root`);
  return m[1];
}

/** The first `property: #rrggbb` inside the rule whose selector list starts with `selector`. */
function ruleColour(selector: string, property: string): string {
  const start = css.indexOf(`${selector} {`) >= 0 ? css.indexOf(`${selector} {`) : css.indexOf(`${selector},`);
  if (start < 0) throw new Error(`No rule for ${selector}`);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  const m = new RegExp(`${property}:[^;]*?(#[0-9a-fA-F]{6})`).exec(body);
  if (!m) throw new Error(`No ${property} colour in ${selector}`);
  return m[1];
}

const verdict = (label: string) => DEFAULT_VERDICTS.find((v) => v.label === label)!.color;

describe('contrastRatio', () => {
  it('matches the WCAG reference values', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2); // the lightest grey that passes AA on white
  });

  it('measures the failure the issue reported: white on the old Misleading orange is 3.4:1', () => {
    expect(contrastRatio('#ffffff', '#d4700b')).toBeCloseTo(3.43, 2);
  });
});

describe('textColourOn', () => {
  it('reads at 4.5:1 or more on every colour an admin could pick (sampled every 17 steps per channel)', () => {
    let worst = 21;
    for (let r = 0; r < 256; r += 17)
      for (let g = 0; g < 256; g += 17)
        for (let b = 0; b < 256; b += 17) {
          const bg = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
          worst = Math.min(worst, contrastRatio(bg, textColourOn(bg)));
        }
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });

  it('picks white on dark colours and black on light ones', () => {
    expect(textColourOn('#14213d')).toBe('#ffffff');
    expect(textColourOn('#fca311')).toBe('#000000');
  });
});

describe('badge colours', () => {
  it.each(DEFAULT_VERDICTS.map((v) => [v.label, v.color]))('gives the default verdict %s (%s) white text at 4.5:1 or more', (_, colour) => {
    expect(textColourOn(colour)).toBe('#ffffff');
    expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it.each(CLAIM_STATUSES)('gives the %s status badge (CSS fill, ink text) 4.5:1 or more', (status) => {
    expect(contrastRatio(rootVar(status), rootVar('ink'))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(CLAIM_STATUSES)('draws the %s status line (highlight underline, card edge) at 3:1 or more on white', (status) => {
    expect(contrastRatio(rootVar(`${status}-line`), rootVar('panel'))).toBeGreaterThanOrEqual(3);
  });

  it('shows the focus ring on the dark top bar at 3:1 or more', () => {
    const ring = ruleColour('.topbar a:focus-visible', 'outline');
    expect(contrastRatio(ring, ruleColour('.topbar', 'background'))).toBeGreaterThanOrEqual(3);
  });

  it('keeps the login brand readable on the white card', () => {
    expect(contrastRatio(ruleColour('.login-card .brand span', 'color'), '#ffffff')).toBeGreaterThanOrEqual(3); // large bold text
  });
});

describe('colour distance (CIEDE2000)', () => {
  it('matches Sharma, Wu and Dalal’s published test pairs', () => {
    const pairs: [Lab, Lab, number][] = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, 0, 0], [50, -1, 2], 2.3669],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[50, 2.5, 0], [50, 3.1736, 0.5854], 1.0],
      [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
    ];
    for (const [a, b, expected] of pairs) expect(deltaE2000(a, b)).toBeCloseTo(expected, 4);
  });

  it('tells Misleading, Mostly false and Needs changes apart (the old oranges were 4 to 14 apart)', () => {
    expect(colourDistance('#d4700b', '#e8730c')).toBeLessThan(5); // old Misleading vs Needs changes: near twins
    const named = [verdict('Misleading'), verdict('Mostly false'), rootVar('needs_changes-line')];
    for (let i = 0; i < named.length; i++)
      for (let j = i + 1; j < named.length; j++) expect(colourDistance(named[i], named[j]), `${named[i]} vs ${named[j]}`).toBeGreaterThanOrEqual(20);
  });

  it('keeps every two default verdict colours visibly different', () => {
    for (const a of DEFAULT_VERDICTS)
      for (const b of DEFAULT_VERDICTS) if (a !== b) expect(colourDistance(a.color, b.color), `${a.label} vs ${b.label}`).toBeGreaterThanOrEqual(10);
  });
});
