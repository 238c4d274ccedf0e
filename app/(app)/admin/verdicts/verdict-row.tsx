'use client';

import type { VerdictDto } from '@/components/sources/types';
import { VERDICT_LABEL_MAX, VERDICT_RATING_MAX, VERDICT_RATING_MIN } from '@/lib/verdicts/limits';

type Props = {
  verdict: VerdictDto;
  busy: boolean;
  first: boolean;
  last: boolean;
  onMove: (step: -1 | 1) => void;
  onUpdate: (body: Partial<Pick<VerdictDto, 'label' | 'color' | 'rating' | 'retired' | 'unrated'>>) => void;
  onDelete: () => void;
};

/**
 * One step of the scale: label, colour and rating save when the field is left; retire/restore and delete buttons.
 * Each input is keyed by its saved value, so a saved change shows the server's value without remounting the row
 * (which would take focus from the field the user tabbed to). While `busy`, controls are marked, not disabled.
 */
export function VerdictRow({ verdict: v, busy, first, last, onMove, onUpdate, onDelete }: Props) {
  return (
    <tr className={v.retired ? 'retired' : undefined} data-verdict-id={v.id}>
      <td className="nowrap">
        <button
          type="button"
          className="icon-button"
          disabled={first}
          aria-disabled={busy}
          onClick={() => onMove(-1)}
          aria-label={`Move ${v.label} up`}
        >
          ↑
        </button>
        <button
          type="button"
          className="icon-button"
          disabled={last}
          aria-disabled={busy}
          onClick={() => onMove(1)}
          aria-label={`Move ${v.label} down`}
        >
          ↓
        </button>
      </td>
      <td>
        <input
          key={v.label}
          aria-label={`Label of ${v.label}`}
          defaultValue={v.label}
          maxLength={VERDICT_LABEL_MAX}
          onBlur={(e) => e.target.value.trim() !== v.label && onUpdate({ label: e.target.value })}
        />
        {v.retired && <span className="badge">Retired</span>}
      </td>
      <td>
        <input
          key={v.color}
          type="color"
          aria-label={`Colour of ${v.label}`}
          defaultValue={v.color}
          onBlur={(e) => e.target.value !== v.color && onUpdate({ color: e.target.value })}
        />
      </td>
      <td>
        <input
          key={v.rating}
          type="number"
          className="rating-input"
          aria-label={`Rating of ${v.label}`}
          min={VERDICT_RATING_MIN}
          max={VERDICT_RATING_MAX}
          defaultValue={v.rating}
          onBlur={(e) => Number(e.target.value) !== v.rating && onUpdate({ rating: Number(e.target.value) })}
        />
      </td>
      <td className="verdict-unrated">
        <input
          type="checkbox"
          aria-label={`${v.label} is unrated (no ratingValue in ClaimReview)`}
          checked={v.unrated}
          aria-disabled={busy}
          onChange={(e) => onUpdate({ unrated: e.target.checked })}
        />
      </td>
      <td className="nowrap">
        {v.claimCount} {v.claimCount === 1 ? 'claim' : 'claims'}
      </td>
      <td className="nowrap">
        <button type="button" aria-disabled={busy} onClick={() => onUpdate({ retired: !v.retired })}>
          {v.retired ? 'Restore' : 'Retire'}
        </button>{' '}
        <button
          type="button"
          className="danger"
          aria-disabled={busy}
          onClick={onDelete}
          title={v.claimCount ? 'In use: retire it instead' : undefined}
        >
          Delete
        </button>
      </td>
    </tr>
  );
}
