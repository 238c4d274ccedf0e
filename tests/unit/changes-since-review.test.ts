import { describe, expect, it } from 'vitest';
import type { EventDiff, ReviewAction } from '@/db/enums';
import { changesSinceReview, listChange } from '@/lib/review/changes-since-review';

const event = (id: number, action: ReviewAction, diff: EventDiff | null = null, comment: string | null = null) => ({ id, action, diff, comment });

describe('changesSinceReview', () => {
  it('finds nothing on a claim that was never sent back', () => {
    const history = [event(1, 'created'), event(2, 'edited', { rationale: { from: '', to: 'x' } }), event(3, 'submitted')];
    expect(changesSinceReview(history)).toEqual({ review: null, changes: {} });
  });

  it('gives the latest request and the net change of each field edited since, not the edits before it', () => {
    const history = [
      event(1, 'created'),
      event(2, 'edited', { claimant: { from: '', to: 'Ministry' } }),
      event(3, 'submitted'),
      event(4, 'changes_requested', null, 'Cite the filing.'),
      event(5, 'edited', { rationale: { from: 'Old.', to: 'Middle.' } }),
      event(6, 'edited', { rationale: { from: 'Middle.', to: 'New, with the filing.' }, verdictId: { from: 2, to: 3 } }),
      event(7, 'submitted'),
    ];
    const { review, changes } = changesSinceReview(history);
    expect(review).toMatchObject({ id: 4, comment: 'Cite the filing.' });
    expect(changes).toEqual({ rationale: { from: 'Old.', to: 'New, with the filing.' }, verdictId: { from: 2, to: 3 } });
  });

  it('drops a field edited back to its value at the review', () => {
    const history = [
      event(1, 'changes_requested', null, 'Hm.'),
      event(2, 'edited', { claimant: { from: 'A', to: 'B' } }),
      event(3, 'edited', { claimant: { from: 'B', to: 'A' } }),
    ];
    expect(changesSinceReview(history).changes).toEqual({});
  });

  it('nets source lists: attached then detached cancels, and old whole-list diffs read like new ones', () => {
    const history = [
      event(1, 'changes_requested', null, 'More sources.'),
      event(2, 'edited', { sources: { added: ['https://a.example', 'https://b.example'], removed: [] } }),
      event(3, 'edited', { sources: { added: [], removed: ['https://b.example'] } }),
      event(4, 'edited', { sources: { from: ['https://a.example', 'https://old.example'], to: ['https://a.example'] } }),
    ];
    expect(changesSinceReview(history).changes).toEqual({ sources: { added: ['https://a.example'], removed: ['https://old.example'] } });
  });

  it('takes a rejection or a reopening as the review to answer when it is the latest', () => {
    const history = [
      event(1, 'changes_requested', null, 'First.'),
      event(2, 'rejected', null, 'No.'),
      event(3, 'reopened', null, 'New evidence.'),
      event(4, 'commented', null, 'fyi'),
    ];
    expect(changesSinceReview(history).review).toMatchObject({ id: 3, comment: 'New evidence.' });
  });
});

describe('listChange', () => {
  it('is null for a plain field change', () => {
    expect(listChange({ from: 'a', to: 'b' })).toBeNull();
  });
});
