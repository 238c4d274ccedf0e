/** A filter select with an "any" first option; `value` '' (or undefined) selects it. Used by GET filter forms. */
export function OptionSelect(props: {
  name: string;
  label: string;
  any: string;
  value?: string;
  options: readonly { value: string | number; label: string }[];
}) {
  return (
    <select name={props.name} defaultValue={props.value ?? ''} aria-label={props.label}>
      <option value="">{props.any}</option>
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** The "From … to …" date inputs of a GET filter form (`from`, `to` as YYYY-MM-DD), then its Filter button. */
export function DateRangeFilter({ from, to }: { from?: string; to?: string }) {
  return (
    <>
      <label className="inline date-filter">
        From <input type="date" name="from" defaultValue={from ?? ''} />
      </label>
      <label className="inline date-filter">
        to <input type="date" name="to" defaultValue={to ?? ''} />
      </label>
      <button type="submit">Filter</button>
    </>
  );
}
