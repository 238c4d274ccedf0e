/** The `<option>`s of a select over a fixed value set (claim types, relations, roles), worded by its label table. */
export function LabelledOptions({ values, labels }: { values: readonly string[]; labels: Readonly<Record<string, string>> }) {
  return values.map((value) => (
    <option key={value} value={value}>
      {labels[value] ?? value}
    </option>
  ));
}
