'use client';

import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, messageOf } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import type { Span, Suggestion } from '@/lib/suggest/types';
import { mostlyOverlaps } from '@/lib/suggest/overlap';
import { CLAIM_TYPES } from '@/db/enums';
import type { ClaimDto } from './types';

export type SuggestionsState = {
  items: Suggestion[] | null;
  /** The claim types the last pass found, in a fixed order: the bulk buttons keep their places as cards go. */
  types: Suggestion['type'][];
  /** True while the automatic first pass is on its way. */
  loading: boolean;
  busy: boolean;
  error: string | null;
  /** These four resolve true when the request succeeded (a failure is in `error`). */
  run: () => Promise<boolean>;
  accept: (s: Suggestion) => Promise<boolean>;
  acceptAll: (type: Suggestion['type']) => Promise<boolean>;
  dismiss: (s: Suggestion) => Promise<boolean>;
  /** Drops suggestions a new claim now covers (same rule as the server's exclude). */
  forget: (claimed: Span) => void;
  /** Every person the article mentions (from the server's pass) and every source a suggestion credits, in text order. */
  speakers: SpeakerMention[];
  /** Credits a suggestion to another mention (or to nobody); an accepted claim gets that claimant. */
  setSpeaker: (s: Suggestion, speaker: SpeakerMention | null) => void;
};

/** A speaker as the panel offers it: the name and where the text mentions them. */
export type SpeakerMention = { name: string; start: number; end: number };

/** The route's answer with `include=people` (see lib/suggest/suggest-for-article.ts). */
type SuggestionsAnswer = { items: Suggestion[]; people: SpeakerMention[] };

const fetchSuggestions = (articleId: number) => api<SuggestionsAnswer>(`/api/articles/${articleId}/suggestions?include=people`, { method: 'POST' });

const typesOf = (list: Suggestion[]) => CLAIM_TYPES.filter((t): t is Suggestion['type'] => list.some((s) => s.type === t));

/**
 * Suggested claims of one article: fetched once on open (and again on demand), accepted as draft claims through the
 * claims API, or dismissed (remembered server-side). Each open shows what is left: the server leaves out spans
 * already claimed or dismissed, so nothing needs to be stored between visits.
 */
export function useSuggestions(articleId: number, onCreated: (c: ClaimDto) => void): SuggestionsState {
  const [items, setItems] = useState<Suggestion[] | null>(null);
  const [people, setPeople] = useState<SpeakerMention[]>([]);
  const [types, setTypes] = useState<Suggestion['type'][]>([]);
  const [loading, setLoading] = useState(true);
  const { busy, error, run: guard, fail } = useApiAction({ fallback: 'Something went wrong; try again.' });

  const show = useCallback((answer: SuggestionsAnswer) => {
    setItems(answer.items);
    setTypes(typesOf(answer.items));
    setPeople(answer.people);
  }, []);

  const run = useCallback(() => guard(async () => show(await fetchSuggestions(articleId))), [articleId, guard, show]);

  const create = useCallback(
    async (s: Suggestion) => {
      const claim = await api<ClaimDto>('/api/claims', {
        body: { articleId, start: s.start, end: s.end, exact: s.text, type: s.type, claimant: s.speaker ?? '' },
      });
      setItems((list) => list?.filter((x) => x !== s) ?? null);
      onCreated(claim);
    },
    [articleId, onCreated],
  );

  const accept = useCallback((s: Suggestion) => guard(() => create(s)), [create, guard]);

  const acceptAll = useCallback(
    (type: Suggestion['type']) =>
      guard(async () => {
        // One at a time so each claim gets its own audit event and a failure stops the batch visibly.
        for (const s of items?.filter((x) => x.type === type) ?? []) await create(s);
      }),
    [create, guard, items],
  );

  const dismiss = useCallback(
    (s: Suggestion) =>
      guard(async () => {
        await api(`/api/articles/${articleId}/suggestions/dismissals`, { body: { start: s.start, end: s.end } });
        setItems((list) => list?.filter((x) => x !== s) ?? null);
      }),
    [articleId, guard],
  );

  const forget = useCallback((claimed: Span) => setItems((list) => list?.filter((s) => !mostlyOverlaps(s, claimed)) ?? null), []);

  const speakers = useMemo(() => {
    // the people the text mentions first, then sources only a suggestion names (an organisation, "officials")
    const byName = new Map<string, SpeakerMention>(people.map((p) => [p.name, p]));
    for (const s of items ?? []) {
      if (s.speaker && s.speakerStart != null && s.speakerEnd != null && !byName.has(s.speaker))
        byName.set(s.speaker, { name: s.speaker, start: s.speakerStart, end: s.speakerEnd });
    }
    return [...byName.values()].sort((a, b) => a.start - b.start);
  }, [items, people]);

  const setSpeaker = useCallback((s: Suggestion, speaker: SpeakerMention | null) => {
    const fields = { speaker: speaker?.name ?? null, speakerStart: speaker?.start ?? null, speakerEnd: speaker?.end ?? null };
    setItems((list) => list?.map((x) => (x === s ? { ...x, ...fields } : x)) ?? null);
  }, []);

  useEffect(() => {
    // Every open runs the pass (about 27 ms of CPU per 1,000 words, bench/README.md), so suggestions left from an
    // earlier visit are shown again. It runs in a server worker within a time budget: a very long article answers
    // 503 with a message instead of tying up the server.
    let live = true;
    fetchSuggestions(articleId)
      .then((list) => live && show(list))
      .catch((e) => live && fail(messageOf(e, 'Could not load suggestions; use "Suggest claims" to retry.')))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [articleId, fail, show]);

  return { items, types, loading, busy, error, run, accept, acceptAll, dismiss, forget, speakers, setSpeaker };
}
