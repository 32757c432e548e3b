/** Select options for a fixed set of values, labelled from the string catalogue. */
export function options<T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
) {
  return values.map((value) => ({ value, label: labels[value] }));
}
