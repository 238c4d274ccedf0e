'use client';

import { useState } from 'react';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError } from '@/components/ui/form-messages';
import type { VerdictDto } from '@/components/sources/types';
import { VerdictRow } from './verdict-row';
import { VERDICT_LABEL_MAX, VERDICT_RATING_MAX, VERDICT_RATING_MIN } from '@/lib/verdicts/limits';

/** The admin's editor for the verdict scale: edit rows in place, move them up or down, add, retire or delete. */
export function VerdictScaleEditor({ initial }: { initial: VerdictDto[] }) {
  const [verdicts, setVerdicts] = useState(initial);
  const { busy, error, run, onSubmit } = useApiAction();

  const reload = async () => setVerdicts(await api<VerdictDto[]>('/api/verdicts'));

  const move = (index: number, step: -1 | 1) =>
    run(async () => {
      const ids = verdicts.map((v) => v.id);
      [ids[index], ids[index + step]] = [ids[index + step], ids[index]];
      setVerdicts(await api<VerdictDto[]>('/api/verdicts/reorder', { body: { ids } }));
    });

  const update = (id: number, body: Partial<Pick<VerdictDto, 'label' | 'color' | 'rating' | 'retired' | 'unrated'>>) =>
    run(async () => {
      await api(`/api/verdicts/${id}`, { method: 'PATCH', body });
      await reload();
    });

  const remove = (v: VerdictDto) =>
    run(async () => {
      if (!window.confirm(`Delete the verdict "${v.label}"?`)) return;
      await api(`/api/verdicts/${v.id}`, { method: 'DELETE' });
      await reload();
    });

  const add = onSubmit(async (data, form) => {
    await api('/api/verdicts', {
      body: { label: String(data.get('label') ?? ''), color: String(data.get('color') ?? ''), rating: Number(data.get('rating')), unrated: data.get('unrated') === 'on' },
    });
    form.reset();
    await reload();
  });

  return (
    <div className="stack">
      <FormError message={error} />
      <table className="data-table verdict-table">
        <thead>
          <tr>
            <th>Order</th>
            <th>Label</th>
            <th>Colour</th>
            <th>Rating</th>
            <th>Unrated</th>
            <th>Used by</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {verdicts.map((v, i) => (
            <VerdictRow
              key={`${v.id}-${v.label}-${v.color}-${v.rating}-${v.retired}-${v.unrated}`}
              verdict={v}
              busy={busy}
              first={i === 0}
              last={i === verdicts.length - 1}
              onMove={(step) => void move(i, step)}
              onUpdate={(body) => void update(v.id, body)}
              onDelete={() => void remove(v)}
            />
          ))}
        </tbody>
      </table>
      <form className="verdict-add" onSubmit={add}>
        <h2>Add a verdict</h2>
        <fieldset disabled={busy} className="verdict-add-fields">
          <label>
            Label
            <input name="label" required maxLength={VERDICT_LABEL_MAX} placeholder="e.g. Satire" />
          </label>
          <label>
            Colour
            <input name="color" type="color" defaultValue="#6e7781" />
          </label>
          <label>
            Rating
            <input name="rating" type="number" min={VERDICT_RATING_MIN} max={VERDICT_RATING_MAX} required defaultValue={1} />
          </label>
          <label className="inline">
            <input name="unrated" type="checkbox" /> Unrated (outside true/false)
          </label>
          <button type="submit" className="primary">
            Add verdict
          </button>
        </fieldset>
      </form>
    </div>
  );
}
