'use client';

import { useId } from 'react';
import { useRouter } from 'next/navigation';
import type { ClaimStatus } from '@/db/enums';
import { mayBeAssignedClaim } from '@/lib/auth/permissions';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { useFeedback } from '@/components/ui/feedback';
import { FormError } from '@/components/ui/form-messages';
import type { ClaimDto } from '@/components/annotator/types';
import { usePeople } from './people-context';

type Props = {
  claim: {
    id: number;
    version: number;
    authorId: number;
    status: ClaimStatus;
    assigneeId: number | null;
    assigneeName: string | null;
    can: { assign: boolean };
  };
  /** Called with the saved claim; without it the page is refreshed. */
  onChanged?: (c: ClaimDto) => void;
};

/**
 * Who works on the claim next: a select of the people who may take its next step (a reviewer other than the author
 * while it is in review), saved on change with the claim's version. Read-only text when the viewer may not assign.
 */
export function ClaimAssignee({ claim, onChanged }: Props) {
  const id = useId();
  const router = useRouter();
  const people = usePeople().filter((p) => mayBeAssignedClaim(p, claim) || p.id === claim.assigneeId);
  const { toast } = useFeedback();
  const { busy, error, run } = useApiAction();
  if (!claim.can.assign) {
    return <p className="assignee">Assigned to: {claim.assigneeName ?? <span className="muted">nobody</span>}</p>;
  }
  const change = (value: string) =>
    run(async () => {
      const updated = await api<ClaimDto>(`/api/claims/${claim.id}`, {
        method: 'PATCH',
        body: { version: claim.version, assigneeId: value ? Number(value) : null },
      });
      toast(updated.assigneeName ? `Assigned to ${updated.assigneeName}.` : 'Unassigned.');
      if (onChanged) onChanged(updated);
      else router.refresh();
    }, 'Could not assign.');
  return (
    <div className="assignee">
      <label htmlFor={id}>Assigned to</label>{' '}
      <select id={id} key={`${claim.version}`} defaultValue={claim.assigneeId ?? ''} disabled={busy} onChange={(e) => void change(e.target.value)}>
        <option value="">Nobody</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <FormError message={error} />
    </div>
  );
}
