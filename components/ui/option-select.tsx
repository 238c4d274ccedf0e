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
