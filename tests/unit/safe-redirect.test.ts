import { describe, expect, it } from 'vitest';
import { safeRedirect } from '@/lib/auth/safe-redirect';

const APP = 'http://localhost:3400';

// Values as the login page reads them from `callbackUrl` (already percent-decoded once by URLSearchParams).
const HOSTILE = [
  '/\\evil.example',
  '/\\/evil.example',
  '/\t/evil.example',
  '/\n/evil.example',
  '//evil.example',
  '///evil.example',
  'https://evil.example/',
  'http://localhost:3400.evil.example/',
  'http://localhost:3401/',
  'https://localhost:3400/',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '\\\\evil.example',
];

describe('safeRedirect', () => {
  it.each(HOSTILE)('sends %j home instead of off the app origin', (target) => {
    expect(safeRedirect(target, APP)).toBe(`${APP}/`);
  });

  it.each([
    ['/claims/4?tab=history#c2', `${APP}/claims/4?tab=history#c2`],
    ['/review', `${APP}/review`],
    [`${APP}/export`, `${APP}/export`],
    ['articles/2', `${APP}/articles/2`],
  ])('keeps the same-origin target %j', (target, expected) => {
    expect(safeRedirect(target, APP)).toBe(expected);
  });

  it('goes home without a target', () => {
    expect(safeRedirect(null, APP)).toBe(`${APP}/`);
    expect(safeRedirect('', APP)).toBe(`${APP}/`);
  });
});
