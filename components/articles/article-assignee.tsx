'use client';

import { useId, useState } from 'react';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { useFeedback } from '@/components/ui/feedback';
import { FormError } from '@/components/ui/form-messages';
import { usePeople } from '@/components/claims/people-context';

type Assignment = { id: number; assigneeId: number | null; assigneeName: string | null };

/** Who marks the article's claims: a select saved on change (PATCH /api/articles/:id); the server decides who may. */
export function ArticleAssignee({ articleId, assigneeId }: { articleId: number; assigneeId: number | null }) {
  const id = useId();
  const people = usePeople();
  const [current, setCurrent] = useState(assigneeId);
  const { toast } = useFeedback();
  const { busy, error, run } = useApiAction();
  const change = (value: string) =>
    run(async () => {
      const out = await api<Assignment>(`/api/articles/${articleId}`, { method: 'PATCH', body: { assigneeId: value ? Number(value) : null } });
      setCurrent(out.assigneeId);
      toast(out.assigneeName ? `Article assigned to ${out.assigneeName}.` : 'Article unassigned.');
    }, 'Could not assign the article.');
  return (
    <span className="assignee article-assignee">
      <label htmlFor={id}>Marking:</label>{' '}
      <select id={id} value={current ?? ''} disabled={busy} onChange={(e) => void change(e.target.value)}>
        <option value="">Nobody</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <FormError message={error} />
    </span>
  );
}
