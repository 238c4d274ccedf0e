'use client';

import { useRef, useState } from 'react';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FormError } from '@/components/ui/form-messages';
import type { VerdictDto } from '@/components/sources/types';
import { VerdictRow } from './verdict-row';
import { useFeedback } from '@/components/ui/feedback';
import { VERDICT_LABEL_MAX, VERDICT_RATING_MAX, VERDICT_RATING_MIN } from '@/lib/verdicts/limits';

type VerdictChange = Partial<Pick<VerdictDto, 'label' | 'color' | 'rating' | 'retired' | 'unrated'>>;

/** What a saved change did, for the confirmation ("Saved the colour of “False”."). */
function savedMessage(v: VerdictDto, body: VerdictChange): string {
  if (body.retired !== undefined) return `${body.retired ? 'Retired' : 'Restored'} “${v.label}”.`;
  if (body.unrated !== undefined) return `“${v.label}” is ${body.unrated ? 'now unrated' : 'rated again'}.`;
  if (body.label !== undefined) return `Renamed “${v.label}” to “${body.label.trim()}”.`;
  return `Saved the ${body.color !== undefined ? 'colour' : 'rating'} of “${v.label}”.`;
}

/**
 * The admin's editor for the verdict scale: edit rows in place (saved when a field is left), move them up or down,
 * add, retire or delete; each saved change is confirmed in the live region.
 */
export function VerdictScaleEditor({ initial }: { initial: VerdictDto[] }) {
  const [verdicts, setVerdicts] = useState(initial);
  const { busy, error, run, onSubmit } = useApiAction();
  const { toast } = useFeedback();

  const reload = async () => setVerdicts(await api<VerdictDto[]>('/api/verdicts'));

  // Controls stay enabled while a save runs (a disabled control drops keyboard focus to the page); these wait instead.
  const move = (index: number, step: -1 | 1) =>
    !busy &&
    run(async () => {
      const ids = verdicts.map((v) => v.id);
      [ids[index], ids[index + step]] = [ids[index + step], ids[index]];
      setVerdicts(await api<VerdictDto[]>('/api/verdicts/reorder', { body: { ids } }));
      toast(`Moved “${verdicts[index].label}” ${step < 0 ? 'up' : 'down'}.`);
    });

  // Fields save when left, so a second save can start before the first is done: they run one after the other.
  const saves = useRef<Promise<unknown>>(Promise.resolve());
  const update = (v: VerdictDto, body: VerdictChange) => {
    saves.current = saves.current.then(() =>
      run(async () => {
        await api(`/api/verdicts/${v.id}`, { method: 'PATCH', body });
        await reload();
        toast(savedMessage(v, body));
      }),
    );
    return saves.current;
  };

  const remove = (v: VerdictDto) =>
    !busy &&
    run(async () => {
      if (!window.confirm(`Delete the verdict "${v.label}"?`)) return;
      await api(`/api/verdicts/${v.id}`, { method: 'DELETE' });
      await reload();
      toast(`Deleted “${v.label}”.`);
    });

  const add = onSubmit(async (data, form) => {
    await api('/api/verdicts', {
      body: {
        label: String(data.get('label') ?? ''),
        color: String(data.get('color') ?? ''),
        rating: Number(data.get('rating')),
        unrated: data.get('unrated') === 'on',
      },
    });
    form.reset();
    await reload();
    toast(`Added “${String(data.get('label') ?? '').trim()}”.`);
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
              key={v.id}
              verdict={v}
              busy={busy}
              first={i === 0}
              last={i === verdicts.length - 1}
              onMove={(step) => void move(i, step)}
              onUpdate={(body) => void update(v, body)}
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
