import { describe, expect, it } from 'vitest';
import { isShortcut, keyClashes, normaliseKey, resolveKeymap, SHORTCUTS, SHORTCUT_IDS } from '@/lib/shortcuts/keymap';

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('resolveKeymap', () => {
  it('gives every shortcut its default key when the user never changed them', () => {
    const keymap = resolveKeymap(null);
    expect(keymap['queue.approve']).toBe('a');
    expect(keymap['text.next']).toBe('n');
    expect(Object.keys(keymap).sort()).toEqual([...SHORTCUT_IDS].sort());
  });

  it('uses the keys the user chose and the defaults for the rest', () => {
    const keymap = resolveKeymap({ enabled: true, keys: { 'queue.approve': 'y' } });
    expect(keymap['queue.approve']).toBe('y');
    expect(keymap['queue.reject']).toBe('r');
  });

  it('turns every single-key shortcut off when the user turned them off, whatever keys were chosen', () => {
    const keymap = resolveKeymap({ enabled: false, keys: { 'queue.approve': 'y' } });
    expect(Object.values(keymap).every((k) => k === null)).toBe(true);
  });

  it('has no clashing defaults within a place', () => {
    expect(keyClashes(resolveKeymap(null))).toEqual([]);
  });
});

describe('isShortcut', () => {
  const keymap = resolveKeymap({ enabled: true, keys: { 'queue.approve': 'y' } });

  it('matches the chosen key in either case and not the default it replaced', () => {
    expect(isShortcut(press('y'), keymap, 'queue.approve')).toBe(true);
    expect(isShortcut(press('Y'), keymap, 'queue.approve')).toBe(true);
    expect(isShortcut(press('a'), keymap, 'queue.approve')).toBe(false);
  });

  it('leaves key presses with Ctrl, Alt or Meta to the browser and assistive technology', () => {
    expect(isShortcut(press('y', { ctrlKey: true }), keymap, 'queue.approve')).toBe(false);
    expect(isShortcut(press('y', { altKey: true }), keymap, 'queue.approve')).toBe(false);
    expect(isShortcut(press('y', { metaKey: true }), keymap, 'queue.approve')).toBe(false);
  });

  it('matches signs typed with Shift, such as ?', () => {
    expect(isShortcut(press('?'), keymap, 'queue.help')).toBe(true);
  });

  it('never matches a shortcut that is turned off', () => {
    const off = resolveKeymap({ enabled: false, keys: {} });
    for (const id of SHORTCUT_IDS) expect(isShortcut(press(SHORTCUTS[id].key), off, id)).toBe(false);
  });
});

describe('normaliseKey', () => {
  it('takes one visible character, lower-casing letters', () => {
    expect(normaliseKey('Q')).toBe('q');
    expect(normaliseKey(' ; ')).toBe(';');
    expect(normaliseKey('é')).toBe('é');
  });

  it('refuses nothing, several characters, spaces and control characters', () => {
    expect(normaliseKey('')).toBeNull();
    expect(normaliseKey('ab')).toBeNull();
    expect(normaliseKey('\u00a0')).toBeNull();
    expect(normaliseKey('\t')).toBeNull();
  });
});

describe('keyClashes', () => {
  it('finds two shortcuts of one place sharing a key, and allows the same key in different places', () => {
    expect(keyClashes(resolveKeymap({ enabled: true, keys: { 'queue.reject': 'a' } }))).toEqual([['queue.reject', 'queue.approve']]);
    // "a" then approves in the queue, accepts a suggestion card and steps through the text: three places, no clash.
    expect(keyClashes(resolveKeymap({ enabled: true, keys: { 'text.next': 'a' } }))).toEqual([]);
  });
});
