/**
 * What a section of a record's form takes (core fields, levels, a change's plan): the
 * values it edits, their errors, and a way to change some of them. Sections of one form
 * share it, so a larger section passes it on to a smaller one as it is.
 */
export interface FormSectionProps<V, E = Partial<Record<keyof V, string>>> {
  /** Prefix of the fields' element ids, e.g. `itsm-report`. */
  idPrefix: string;
  values: V;
  errors: E;
  onChange: (patch: Partial<V>) => void;
}

/**
 * The props that bind a field (text or select) to one value of a section: its id
 * (`<idPrefix>-<idSuffix>`, the value's name by default), value, change and error.
 */
export function bindField<V, K extends keyof V & string>(
  section: FormSectionProps<V, Partial<Record<K, string>>>,
  name: K,
  idSuffix: string = name,
) {
  return {
    id: `${section.idPrefix}-${idSuffix}`,
    value: section.values[name],
    onChange: (value: V[K]) =>
      section.onChange({ [name]: value } as unknown as Partial<V>),
    error: section.errors[name],
  };
}

/**
 * `bindField` for a select of codes that must keep a value: its empty choice ('') is
 * not taken.
 */
export function bindChoice<V, K extends keyof V & string>(
  section: FormSectionProps<V, Partial<Record<K, string>>>,
  name: K,
) {
  const field = bindField(section, name);
  return {
    ...field,
    onChange: (value: V[K] | '') => {
      if (value !== '') field.onChange(value);
    },
  };
}
