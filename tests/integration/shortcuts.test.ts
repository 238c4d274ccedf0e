import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './setup-db';
import type { Actor } from '@/lib/auth/permissions';
import { getShortcuts } from '@/lib/shortcuts/get-shortcuts';
import { updateShortcuts } from '@/lib/shortcuts/update-shortcuts';

let actors: { editor: Actor; reviewer: Actor; admin: Actor };
beforeEach(async () => {
  ({ actors } = await freshDb());
});

describe('keyboard shortcut choices', () => {
  it('start as the defaults, and each user stores their own', async () => {
    expect(await getShortcuts({ actor: actors.reviewer })).toMatchObject({ prefs: { enabled: true, keys: {} }, keymap: { 'queue.approve': 'a' } });
    const keymap = await updateShortcuts({ actor: actors.reviewer, input: { enabled: true, keys: { 'queue.approve': 'Y', 'queue.reject': 'r' } } });
    expect(keymap).toMatchObject({ 'queue.approve': 'y', 'queue.reject': 'r' });
    // Only keys that differ from the defaults are stored, lower-cased.
    expect((await getShortcuts({ actor: actors.reviewer })).prefs).toEqual({ enabled: true, keys: { 'queue.approve': 'y' } });
    expect((await getShortcuts({ actor: actors.editor })).keymap['queue.approve']).toBe('a');
  });

  it('can be turned off, keeping the chosen keys for when they are turned on again', async () => {
    await updateShortcuts({ actor: actors.editor, input: { enabled: true, keys: { 'text.next': 'm' } } });
    const off = await updateShortcuts({ actor: actors.editor, input: { enabled: false, keys: { 'text.next': 'm' } } });
    expect(Object.values(off).every((k) => k === null)).toBe(true);
    expect((await getShortcuts({ actor: actors.editor })).prefs).toEqual({ enabled: false, keys: { 'text.next': 'm' } });
  });

  it('refuses two shortcuts of one place on the same key, naming the field, and stores nothing', async () => {
    await expect(updateShortcuts({ actor: actors.reviewer, input: { enabled: true, keys: { 'queue.reject': 'a' } } })).rejects.toThrow(
      expect.objectContaining({ code: 'invalid', fields: { 'keys.queue.reject': expect.stringContaining('Approve') } }),
    );
    expect((await getShortcuts({ actor: actors.reviewer })).prefs).toEqual({ enabled: true, keys: {} });
  });

  it('refuses keys that are not one visible character and shortcut names it does not know', async () => {
    await expect(updateShortcuts({ actor: actors.editor, input: { enabled: true, keys: { 'queue.next': 'jj' } } })).rejects.toThrow(
      expect.objectContaining({ fields: { 'keys.queue.next': expect.stringMatching(/one character/) } }),
    );
    await expect(updateShortcuts({ actor: actors.editor, input: { enabled: true, keys: { 'queue.next': ' ' } } })).resolves.toBeDefined();
    await expect(updateShortcuts({ actor: actors.editor, input: { enabled: true, keys: { 'queue.everything': 'x' } } })).rejects.toThrow(
      /Unknown field/,
    );
  });
});
