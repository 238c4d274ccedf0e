'use client';

import { useEffect, useState } from 'react';
import { api } from '@/components/ui/api-client';

export type TagSuggestion = { tag: string; count: number };

/** Tags in use that match `typed` (GET /api/tags), fetched a moment after typing stops; none while `typed` is empty. */
export function useTagSuggestions(typed: string, { disabled = false, limit = 8 }: { disabled?: boolean; limit?: number } = {}): TagSuggestion[] {
  const [suggestions, setSuggestions] = useState<TagSuggestion[]>([]);
  useEffect(() => {
    if (disabled || !typed) return;
    let live = true;
    const timer = setTimeout(() => {
      api<{ items: TagSuggestion[] }>(`/api/tags?${new URLSearchParams({ q: typed, limit: String(limit) })}`)
        .then((r) => live && setSuggestions(r.items))
        .catch(() => live && setSuggestions([]));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [typed, disabled, limit]);
  return typed ? suggestions : [];
}
