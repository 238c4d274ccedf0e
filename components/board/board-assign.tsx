'use client';

import { useId, useRef, useState, type ReactNode } from 'react';
import { useRouter } from 'next/navigation';
import { api, ApiError } from '@/components/ui/api-client';
import { useFeedback } from '@/components/ui/feedback';
import { FormError } from '@/components/ui/form-messages';

type Person = { id: number; name: string };

/**
 * Wraps the board's table: the checked rows (checkboxes named `claim` with `data-version`) can be assigned to one
 * person at once. One PATCH per claim, each with the version the row showed, so a claim changed meanwhile is
 * refused (409) on its own and the others still go through; refusals are listed, then the board reloads.
 */
export function BoardAssign({ people, children }: { people: Person[]; children: ReactNode }) {
  const id = useId();
  const router = useRouter();
  const { toast } = useFeedback();
  const ref = useRef<HTMLDivElement>(null);
  const [count, setCount] = useState(0);
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const boxes = () => [...(ref.current?.querySelectorAll<HTMLInputElement>('input[name="claim"]') ?? [])];

  async function assign() {
    const chosen = boxes().filter((b) => b.checked);
    if (chosen.length === 0) return;
    setBusy(true);
    const failed: string[] = [];
    let done = 0;
    for (const box of chosen) {
      try {
        await api(`/api/claims/${box.value}`, {
          method: 'PATCH',
          body: { version: Number(box.dataset.version), assigneeId: to ? Number(to) : null },
        });
        done++;
      } catch (e) {
        failed.push(`Claim ${box.value}: ${e instanceof ApiError ? e.message : 'could not assign.'}`);
      }
    }
    setBusy(false);
    setProblems(failed);
    const name = people.find((p) => String(p.id) === to)?.name;
    if (done) toast(`${done} claim${done === 1 ? '' : 's'} ${name ? `assigned to ${name}` : 'unassigned'}.`);
    for (const b of boxes()) b.checked = false;
    setCount(0);
    router.refresh();
  }

  return (
    <div ref={ref} onChange={() => setCount(boxes().filter((b) => b.checked).length)}>
      <div className="bulk-assign" role="group" aria-label="Assign selected claims">
        <span className="muted">{count ? `${count} selected` : 'Select claims to assign them'}</span>
        <label htmlFor={id}>Assign to</label>
        <select id={id} value={to} onChange={(e) => setTo(e.target.value)} disabled={busy}>
          <option value="">Nobody (unassign)</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
        <button type="button" className="primary" disabled={busy || count === 0} onClick={() => void assign()}>
          Assign
        </button>
      </div>
      {problems.length > 0 && <FormError message={`Not assigned: ${problems.join(' ')}`} />}
      {children}
    </div>
  );
}
