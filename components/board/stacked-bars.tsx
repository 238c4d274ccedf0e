import type { WeekBucket } from '@/lib/review/claim-stats';
import { formatDate } from '@/components/claims/format';

type Series = { key: string; label: string; color: string };

const W = 420;
const H = 150;
const PAD_BOTTOM = 22;
const PAD_LEFT = 26;

/**
 * A small inline-SVG stacked bar chart of weekly counts, with a legend and a text alternative for screen readers;
 * with nothing to count it says so (`empty`) instead of drawing a bare axis.
 */
export function StackedBars({ title, buckets, series, empty }: { title: string; buckets: WeekBucket[]; series: Series[]; empty: string }) {
  const totals = buckets.map((b) => series.reduce((n, s) => n + (b.counts[s.key] ?? 0), 0));
  if (totals.every((n) => n === 0)) {
    return (
      <figure className="chart chart-empty">
        <figcaption>{title}</figcaption>
        <p className="muted">{empty}</p>
      </figure>
    );
  }
  const max = Math.max(1, ...totals);
  const slot = (W - PAD_LEFT) / Math.max(1, buckets.length);
  const barWidth = Math.min(32, slot * 0.7);
  const scale = (n: number) => (n / max) * (H - PAD_BOTTOM - 8);
  const summary = buckets.map((b, i) => `week of ${b.week}: ${totals[i]}`).join('; ');
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}. ${summary}`}>
        <line x1={PAD_LEFT} x2={W} y1={H - PAD_BOTTOM} y2={H - PAD_BOTTOM} stroke="#d8dee4" />
        <text x={PAD_LEFT - 4} y={12} textAnchor="end" className="chart-axis">
          {max}
        </text>
        <text x={PAD_LEFT - 4} y={H - PAD_BOTTOM} textAnchor="end" className="chart-axis">
          0
        </text>
        {buckets.map((b, i) => {
          const x = PAD_LEFT + i * slot + (slot - barWidth) / 2;
          let y = H - PAD_BOTTOM;
          return (
            <g key={b.week}>
              {series.map((s) => {
                const n = b.counts[s.key] ?? 0;
                if (!n) return null;
                const h = scale(n);
                y -= h;
                return (
                  <rect key={s.key} x={x} y={y} width={barWidth} height={h} style={{ fill: s.color }}>
                    <title>{`${s.label}: ${n} (week of ${formatDate(b.week)})`}</title>
                  </rect>
                );
              })}
              {(i % 2 === 0 || buckets.length <= 6) && (
                <text x={x + barWidth / 2} y={H - 6} textAnchor="middle" className="chart-axis">
                  {formatDate(b.week).slice(0, 6)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ul className="chart-legend">
        {series.map((s) => (
          <li key={s.key}>
            <span className="swatch" style={{ background: s.color }} /> {s.label}
          </li>
        ))}
      </ul>
      {/* The bars tell their series apart by colour only: the same numbers as a table, for anyone who cannot. */}
      <details className="chart-data">
        <summary>Show as a table</summary>
        {/* Focusable, so a keyboard can scroll it on a phone. */}
        <div className="table-scroll" tabIndex={0} role="region" aria-label={`${title}, as a table`}>
          <table className="chart-table">
            <thead>
              <tr>
                <th scope="col">Week of</th>
                {series.map((s) => (
                  <th key={s.key} scope="col">
                    {s.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {buckets.map((b) => (
                <tr key={b.week}>
                  <th scope="row">{formatDate(b.week)}</th>
                  {series.map((s) => (
                    <td key={s.key}>{b.counts[s.key] ?? 0}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
