'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { resolveKeymap, type Keymap } from '@/lib/shortcuts/keymap';

const KeymapContext = createContext<Keymap>(resolveKeymap(null));

/** The signed-in user's shortcut keys (account page), or the defaults outside the signed-in layout. */
export function useKeymap(): Keymap {
  return useContext(KeymapContext);
}

/** Gives the pages below the user's keymap, read once per page load by the layout. */
export function KeymapProvider({ keymap, children }: { keymap: Keymap; children: ReactNode }) {
  return <KeymapContext.Provider value={keymap}>{children}</KeymapContext.Provider>;
}
