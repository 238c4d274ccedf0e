import type { VerdictDto } from '@/components/sources/types';
import { STATUS_LABELS } from '@/components/labels';

/** Explains the annotate view's colours: a highlight's fill is the claim's status, its underline the verdict. */
export function VerdictLegend({ verdicts }: { verdicts: VerdictDto[] }) {
  const active = verdicts.filter((v) => !v.retired);
  return (
    <section className="verdict-legend" aria-label="Colour key">
      <div className="legend-row">
        <strong>Fill and symbol = status</strong>
        {Object.entries(STATUS_LABELS).map(([status, label]) => (
          <span key={status} className={`legend-sample status-${status}`}>
            {label}
          </span>
        ))}
      </div>
      <div className="legend-row">
        <strong>Underline = verdict</strong>
        {active.map((v) => (
          <span key={v.id} className="legend-verdict">
            <span className="swatch" style={{ background: v.color }} aria-hidden="true" /> {v.label}
          </span>
        ))}
      </div>
    </section>
  );
}
