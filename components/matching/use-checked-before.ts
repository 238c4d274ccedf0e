'use client';

import { useEffect, useState } from 'react';
import type { CheckedBefore, CheckedBeforePass } from '@/lib/matching/checked-before';
import { loadCheckedBefore } from './seen-before-actions';

const NONE: CheckedBeforePass = { sentences: [], checked: 0, total: 0 };

/** The article's sentences that match a verified claim elsewhere, loaded after the page is shown (null until then). */
export function useCheckedBefore(articleId: number): CheckedBeforePass | null {
  const [items, setItems] = useState<CheckedBeforePass | null>(null);
  useEffect(() => {
    let live = true;
    loadCheckedBefore(articleId).then(
      (r) => live && setItems(r.ok ? r : NONE),
      () => live && setItems(NONE),
    );
    return () => {
      live = false;
    };
  }, [articleId]);
  return items;
}

/** The checked-before sentence that contains [start, end), if any. */
export function checkedAt(items: CheckedBefore[] | null, start: number, end: number): CheckedBefore | undefined {
  return items?.find((c) => c.start <= start && end <= c.end + 1);
}
