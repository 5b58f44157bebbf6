import {
  CompoundEntityRef,
  DEFAULT_NAMESPACE,
  Entity,
  makeValidator,
  parseEntityRef,
} from '@backstage/catalog-model';
import {
  isPositiveDuration,
  parseIsoDuration,
} from '@backstage-itsm/plugin-itsm-common';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/**
 * One thing wrong with an offering: the field it is about (`spec.approval[1]`) and a
 * sentence that starts with that field, ready to show to the team that wrote the YAML.
 */
export type ServiceOfferingProblem = {
  path: string;
  message: string;
};

const KNOWN_SPEC_FIELDS = [
  'type',
  'owner',
  'providedBy',
  'approval',
  'fulfillmentTarget',
  'parameters',
  'availableFor',
  'notAvailableFor',
];

const validators = makeValidator();

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/**
 * An entity reference in `defaultNamespace` unless it names one; with `kind`, only a
 * reference to an entity of that kind, which the value may leave out. Undefined when
 * the value is not such a reference.
 */
function parseRef(
  value: unknown,
  defaultNamespace: string,
  kind?: string,
): CompoundEntityRef | undefined {
  if (typeof value !== 'string' || !value.trim()) {
    return undefined;
  }
  let ref: CompoundEntityRef;
  try {
    ref = parseEntityRef(value, { defaultKind: kind, defaultNamespace });
  } catch {
    return undefined;
  }
  const valid =
    validators.isValidKind(ref.kind) &&
    validators.isValidNamespace(ref.namespace) &&
    validators.isValidEntityName(ref.name) &&
    (!kind ||
      ref.kind.toLocaleLowerCase('en-US') === kind.toLocaleLowerCase('en-US'));
  return valid ? ref : undefined;
}

/**
 * A group reference in the entity's namespace, as Backstage resolves `spec.owner`:
 * `dba`, `group:dba` and `group:default/dba` are the same group. Undefined when the value
 * is not a reference to a group.
 */
export function parseGroupRef(
  value: unknown,
  defaultNamespace: string = DEFAULT_NAMESPACE,
): CompoundEntityRef | undefined {
  return parseRef(value, defaultNamespace, 'Group');
}

/**
 * Any entity reference with a kind (`resource:postgres-cluster`,
 * `system:default/identity`), in the entity's namespace unless it names one.
 */
export function parseCiRef(
  value: unknown,
  defaultNamespace: string = DEFAULT_NAMESPACE,
): CompoundEntityRef | undefined {
  return parseRef(value, defaultNamespace);
}

/**
 * The keys the form technology (react-jsonschema-form, as in Backstage's scaffolder)
 * reads next to the JSON Schema (`ui:widget`, `ui:options`, ...): they are not JSON
 * Schema, and ajv's strict mode would refuse them as unknown keywords.
 */
function withoutUiKeys(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutUiKeys);
  }
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !key.startsWith('ui:'))
        .map(([key, inner]) => [key, withoutUiKeys(inner)]),
    );
  }
  return value;
}

/**
 * Compiles the request form's schema the way the parameters will be validated: ajv 8
 * defaults (JSON Schema draft-07, strict mode: unknown keywords are an error) with
 * ajv-formats. Returns ajv's message when the schema does not compile.
 */
export function compileParametersSchema(
  schema: JsonObject,
): string | undefined {
  // a fresh instance each time: schemas with the same $id in two offerings must not clash
  const ajv = new Ajv({ allErrors: true, logger: false });
  addFormats(ajv);
  // rjsf's non-standard titles of enum values
  ajv.addKeyword({ keyword: 'enumNames' });
  try {
    ajv.compile(withoutUiKeys(schema) as JsonObject);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * Everything wrong with a `kind: ServiceOffering` entity's spec, in field order; empty
 * when it is valid. The envelope (apiVersion, kind, metadata) is the catalog's to check.
 */
export function validateServiceOffering(
  entity: Entity,
): ServiceOfferingProblem[] {
  const problems: ServiceOfferingProblem[] = [];
  const problem = (path: string, message: string) =>
    problems.push({ path, message: `${path} ${message}` });
  const namespace = entity.metadata?.namespace ?? DEFAULT_NAMESPACE;
  const spec: unknown = entity.spec;

  if (!isObject(spec)) {
    problem('spec', 'must be an object');
    return problems;
  }

  const required = (field: string): boolean => {
    if (spec[field] === undefined || spec[field] === null) {
      problem(`spec.${field}`, 'is required');
      return false;
    }
    return true;
  };

  const groupList = (field: string, whenEmpty?: string) => {
    const value = spec[field];
    if (value === undefined) {
      return;
    }
    if (!Array.isArray(value)) {
      problem(`spec.${field}`, `must be a list of group references`);
      return;
    }
    if (value.length === 0 && whenEmpty) {
      problem(`spec.${field}`, `must not be empty: ${whenEmpty}`);
      return;
    }
    value.forEach((item, index) => {
      if (!parseGroupRef(item, namespace)) {
        problem(
          `spec.${field}[${index}]`,
          `must be a group reference such as group:default/dba, got ${show(
            item,
          )}`,
        );
      }
    });
  };

  if (required('type')) {
    if (typeof spec.type !== 'string' || !spec.type.trim()) {
      problem(
        'spec.type',
        `must be a non-empty string such as "database", got ${show(spec.type)}`,
      );
    }
  }

  if (required('owner') && !parseGroupRef(spec.owner, namespace)) {
    problem(
      'spec.owner',
      `must be a group reference such as group:default/dba, got ${show(
        spec.owner,
      )}`,
    );
  }

  if (required('providedBy') && !parseCiRef(spec.providedBy, namespace)) {
    problem(
      'spec.providedBy',
      `must be an entity reference with a kind such as resource:default/postgres-cluster, got ${show(
        spec.providedBy,
      )}`,
    );
  }

  if (required('approval')) {
    const approval = spec.approval;
    if (Array.isArray(approval)) {
      groupList(
        'approval',
        'say "none" or "owner", or list the groups that approve',
      );
    } else if (approval !== 'none' && approval !== 'owner') {
      problem(
        'spec.approval',
        `must be "none", "owner" or a list of group references, got ${show(
          approval,
        )}`,
      );
    }
  }

  if (required('fulfillmentTarget')) {
    const target = spec.fulfillmentTarget;
    const parts =
      typeof target === 'string' ? parseIsoDuration(target) : undefined;
    if (!parts) {
      problem(
        'spec.fulfillmentTarget',
        `must be an ISO-8601 duration such as P2D or PT8H, got ${show(target)}`,
      );
    } else if (!isPositiveDuration(parts)) {
      problem(
        'spec.fulfillmentTarget',
        `must be longer than zero, got ${show(target)}`,
      );
    }
  }

  if (required('parameters')) {
    const parameters = spec.parameters;
    if (!isObject(parameters)) {
      problem(
        'spec.parameters',
        'must be a JSON Schema object such as { type: object, properties: {...} }',
      );
    } else if (parameters.type !== 'object') {
      problem(
        'spec.parameters.type',
        `must be "object", got ${show(parameters.type)}`,
      );
    } else {
      const error = compileParametersSchema(parameters);
      if (error) {
        problems.push({
          path: 'spec.parameters',
          message: `spec.parameters: ${error}`,
        });
      }
    }
  }

  groupList('availableFor', 'leave it out to let everyone order');
  groupList('notAvailableFor');

  for (const field of Object.keys(spec)) {
    if (!KNOWN_SPEC_FIELDS.includes(field)) {
      problem(`spec.${field}`, 'is not a known field of a ServiceOffering');
    }
  }

  return problems;
}
