import { RJSFSchema, UiSchema } from '@rjsf/utils';

type Json = { [key: string]: unknown };

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * An offering's `parameters` as the form needs them: the JSON Schema without the `ui:*`
 * hints that teams may write next to a field (as in scaffolder templates), and those
 * hints as the form's uiSchema. A multiple choice of distinct values (`uniqueItems`
 * array of an `enum`) defaults to checkboxes.
 */
export function splitUiSchema(parameters: Json): {
  schema: RJSFSchema;
  uiSchema: UiSchema;
} {
  const schema: Json = {};
  const uiSchema: Json = {};
  for (const [key, value] of Object.entries(parameters)) {
    if (key.startsWith('ui:')) {
      uiSchema[key] = value;
    } else if (key === 'properties' && isObject(value)) {
      const properties: Json = {};
      for (const [name, property] of Object.entries(value)) {
        if (!isObject(property)) {
          properties[name] = property;
          continue;
        }
        const split = splitUiSchema(property);
        properties[name] = split.schema;
        if (Object.keys(split.uiSchema).length > 0)
          uiSchema[name] = split.uiSchema;
      }
      schema.properties = properties;
    } else if (key === 'items' && isObject(value)) {
      const split = splitUiSchema(value);
      schema.items = split.schema;
      if (Object.keys(split.uiSchema).length > 0)
        uiSchema.items = split.uiSchema;
    } else {
      schema[key] = value;
    }
  }
  if (
    schema.type === 'array' &&
    schema.uniqueItems === true &&
    isObject(schema.items) &&
    Array.isArray(schema.items.enum) &&
    !uiSchema['ui:widget']
  ) {
    uiSchema['ui:widget'] = 'checkboxes';
  }
  return { schema: schema as RJSFSchema, uiSchema: uiSchema as UiSchema };
}

/** One parameter of a request, labelled as its offering's form labels it. */
export interface ParameterItem {
  key: string;
  label: string;
  value: string;
}

function formatValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value))
    return value.length ? value.map(formatValue).join(', ') : '—';
  if (isObject(value)) return JSON.stringify(value);
  return String(value);
}

/** `retentionDays` → `Retention days`, for parameters without a title. */
function humanizeKey(key: string): string {
  const words = key
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLocaleLowerCase('en-US');
  return words.charAt(0).toLocaleUpperCase('en-US') + words.slice(1);
}

/**
 * A request's parameters for reading: in the order of the offering's form, labelled by
 * the schema's titles when the schema is known (else by their keys), then any the
 * schema does not name.
 */
export function describeParameters(
  parameters: Json,
  schema?: Json,
): ParameterItem[] {
  const properties = isObject(schema?.properties) ? schema!.properties : {};
  const ordered = [
    ...Object.keys(properties).filter(key => key in parameters),
    ...Object.keys(parameters).filter(key => !(key in properties)),
  ];
  return ordered.map(key => {
    const property = properties[key];
    const title =
      isObject(property) && typeof property.title === 'string'
        ? property.title
        : undefined;
    return {
      key,
      label: title ?? humanizeKey(key),
      value: formatValue(parameters[key]),
    };
  });
}

/**
 * The server's 400 for parameters names the field (`parameters.size must be one of:
 * …`, several joined by `; `): each message on its top-level field, for the form to
 * show beside it. Messages that name no field are left out.
 */
export function fieldErrorsOf(message: string): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const part of message.split('; ')) {
    const match = /^parameters\.([^.[\s]+)\S*\s+(.+)$/.exec(part.trim());
    if (match) {
      const [, field, text] = match;
      errors[field] = [...(errors[field] ?? []), text];
    }
  }
  return errors;
}
