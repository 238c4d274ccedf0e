'use client';

import { useState } from 'react';
import { SUMMARY_MAX, SUMMARY_SUGGESTED } from '@/lib/claims/limits';

type Props = { summary: string; claimantKind: 'person' | 'organization' | null };

/**
 * Claim editor fields used when a claim is published: the claimant's kind (schema.org Person or Organization) and an
 * optional short summary with a character counter that warns, without blocking, past Google's suggested length.
 */
export function ClaimPublishFields({ summary, claimantKind }: Props) {
  const [length, setLength] = useState(summary.length);
  const long = length > SUMMARY_SUGGESTED;
  return (
    <>
      <label>
        Claimant is
        <select name="claimantKind" defaultValue={claimantKind ?? ''}>
          <option value="">Guess from the name</option>
          <option value="person">A person</option>
          <option value="organization">An organisation</option>
        </select>
      </label>
      <label>
        Short summary <span className="hint">optional, published as the claim in ClaimReview</span>
        <input
          name="summary"
          defaultValue={summary}
          maxLength={SUMMARY_MAX}
          aria-describedby="summary-count"
          onChange={(e) => setLength(e.target.value.trim().length)}
        />
        <span id="summary-count" className={long ? 'field-warning' : 'hint'} aria-live="polite">
          {length} of {SUMMARY_SUGGESTED} characters
          {long && ` — Google suggests at most ${SUMMARY_SUGGESTED} for fact-check markup`}
        </span>
      </label>
    </>
  );
}
