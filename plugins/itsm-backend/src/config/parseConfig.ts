import { z } from 'zod/v4';

/**
 * A path inside a config value as the messages write it: `.name` for an object key,
 * `[2]` for a list index, e.g. `[2].targets.resolution`.
 */
export function formatConfigPath(path: readonly PropertyKey[]): string {
  return path
    .map(part => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('');
}

/** What {@link namingIssue} keeps in a custom issue's params. */
interface NamedKey {
  /** The other value's path, relative to the value the check ran on. */
  namedPath: PropertyKey[];
  /** How many trailing elements of the issue's path are relative to that value. */
  relativeDepth: number;
}

/**
 * A custom issue (for `ctx.issues.push` in a check) whose message ends with the key of
 * another value, e.g. `…warningThresholds[1] must be greater than
 * …warningThresholds[0]`. Both paths are relative to the value the check runs on.
 */
export function namingIssue(options: {
  path: PropertyKey[];
  message: string;
  names: PropertyKey[];
  input: unknown;
}): z.core.$ZodRawIssue {
  const params: NamedKey = {
    namedPath: options.names,
    relativeDepth: options.path.length,
  };
  return {
    code: 'custom',
    path: options.path,
    message: options.message,
    input: options.input,
    params,
  };
}

/**
 * The message of a zod issue, naming the config key: `${key}${path} ${message}`. An
 * unknown key is named by its own path (`itsm.sla.policies[0].foo is not a policy
 * property`); an issue made by {@link namingIssue} ends with the other key.
 */
export function configIssueMessage(
  issue: z.core.$ZodIssue,
  key: string,
): string {
  const path =
    issue.code === 'unrecognized_keys'
      ? [...issue.path, issue.keys[0]]
      : issue.path;
  const named =
    issue.code === 'custom' ? (issue.params as NamedKey) : undefined;
  const other = named?.namedPath
    ? ` ${key}${formatConfigPath([
        ...issue.path.slice(0, issue.path.length - named.relativeDepth),
        ...named.namedPath,
      ])}`
    : '';
  return `${key}${formatConfigPath(path)} ${issue.message}${other}`;
}

/**
 * Parses the config value at `key` (plain JSON, e.g. from `config.getOptional(key)`)
 * with `schema`, the one way the plugin reads structured config.
 *
 * @throws Error with the first issue's message, naming the bad key, e.g.
 *   `itsm.sla.policies[2].targets.resolution must be an ISO-8601 duration such as PT4H`
 */
export function parseConfig<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  key: string,
): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw new Error(configIssueMessage(result.error.issues[0], key));
}
