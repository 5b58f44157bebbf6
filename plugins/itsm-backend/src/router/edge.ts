import { InputError } from '@backstage/errors';
import express, { RequestHandler } from 'express';
import { isDateTime } from '../records/dateTime';

/**
 * The largest body read. The largest valid body (a change with every text at its
 * maxLength, in characters that take four bytes or a \u escape) stays below it.
 */
export const BODY_LIMIT = '1mb';

/**
 * How deep a JSON body may nest. The API's own bodies are three levels deep; a
 * request's parameters follow its offering's form, which has no use for more.
 */
export const MAX_DEPTH = 32;

/** Field names in messages are cut here: a key can be as long as the body. */
const NAME_LIMIT = 120;

type Paths = Record<string, unknown>;

/**
 * The checks every request passes before the OpenAPI validator, so that each engine
 * receives only input it can store or compare, and both give the same 4xx for the rest:
 *
 * - JSON bodies up to BODY_LIMIT and MAX_DEPTH levels (checked without recursion:
 *   JSON.parse reads any depth, and later recursive code would overflow its stack);
 * - no NUL character (U+0000) in any string or key of the body, the query or the path
 *   (PostgreSQL rejects it in text, SQLite stores it);
 * - no lone surrogate (UTF-16 that is not Unicode): refused, never replaced;
 * - no number JSON.parse turned into Infinity;
 * - path segments that are valid percent-encoding;
 * - HEAD checked as the GET it runs as.
 *
 * Each refusal is a 400 naming the field. Used as the validated router's middleware,
 * in place of its default express.json().
 */
/**
 * Express serves HEAD with the GET handlers, but the OpenAPI validator passes methods
 * the spec does not name through unchecked: a HEAD request is validated, and run, as
 * the GET it is. Node decided when the request arrived that its answer has no body.
 */
const headAsGet: RequestHandler = (req, _res, next) => {
  if (req.method === 'HEAD') req.method = 'GET';
  next();
};

function edgeMiddleware(spec: { paths: Paths }): RequestHandler[] {
  const templates = Object.keys(spec.paths).map(path => path.split('/'));
  const checkInput: RequestHandler = (req, _res, next) => {
    checkPath(req.path, templates);
    checkValue(req.query, 'query');
    if (req.body !== undefined) checkValue(req.body, 'body');
    next();
  };
  return [headAsGet, express.json({ limit: BODY_LIMIT }), checkInput];
}

/**
 * Options of createValidatedOpenApiRouter: the edge checks in place of its default
 * express.json(), and the one reading of `format: date-time` (a real calendar date).
 */
export function edgeOptions(spec: { paths: Paths }) {
  return {
    middleware: edgeMiddleware(spec),
    validatorOptions: { formats: { 'date-time': isDateTime } },
  };
}

const isParameter = (part: string) =>
  part.startsWith('{') && part.endsWith('}');

/** Decodes each segment as express will; names a parameter by the spec's paths. */
function checkPath(path: string, templates: string[][]) {
  const segments = path.split('/');
  const template = templates.find(
    t =>
      t.length === segments.length &&
      t.every((part, i) => isParameter(part) || part === segments[i]),
  );
  segments.forEach((segment, i) => {
    const part = template?.[i];
    const name =
      part && isParameter(part)
        ? `path parameter ${part.slice(1, -1)}`
        : 'the path';
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw new InputError(`${name} is not valid percent-encoding`);
    }
    const problem = stringProblem(decoded);
    if (problem) throw new InputError(`${name} ${problem}`);
  });
}

/** `parameters.size`, `affectedEntityRefs[2]`; `body[0]` under a top-level array. */
function fieldName(
  key: string | number,
  at: string | undefined,
  root: string,
): string {
  if (typeof key === 'number') return `${at ?? root}[${key}]`;
  return at ? `${at}.${key}` : key;
}

interface Pending {
  value: unknown;
  depth: number;
  /** The field's name, once known; built from the parent on demand. */
  key?: string | number;
  parent?: Pending;
}

/**
 * Walks a parsed value with an explicit stack (no recursion), checking every string,
 * key and number, and the depth of containers.
 */
function checkValue(root: unknown, what: 'body' | 'query') {
  const nameOf = (entry: Pending | undefined): string | undefined => {
    if (!entry || entry.key === undefined) return undefined;
    const name = fieldName(entry.key, nameOf(entry.parent), what);
    return name.length > NAME_LIMIT ? `${name.slice(0, NAME_LIMIT)}…` : name;
  };
  const describe = (entry: Pending) => {
    const name = nameOf(entry);
    if (!name) return `the ${what}`;
    return what === 'query' ? `query parameter ${name}` : name;
  };
  const stack: Pending[] = [{ value: root, depth: 0 }];
  while (stack.length) {
    const entry = stack.pop()!;
    const { value } = entry;
    if (typeof value === 'string') {
      const problem = stringProblem(value);
      if (problem) throw new InputError(`${describe(entry)} ${problem}`);
    } else if (typeof value === 'number') {
      if (!Number.isFinite(value))
        throw new InputError(`${describe(entry)} is not a finite number`);
    } else if (value !== null && typeof value === 'object') {
      const depth = entry.depth + 1;
      if (depth > MAX_DEPTH)
        throw new InputError(
          `${describe(entry)} is nested deeper than ${MAX_DEPTH} levels`,
        );
      if (Array.isArray(value)) {
        value.forEach((item, i) =>
          stack.push({ value: item, depth, key: i, parent: entry }),
        );
      } else {
        for (const [key, item] of Object.entries(value)) {
          const problem = stringProblem(key);
          if (problem)
            throw new InputError(`a key of ${describe(entry)} ${problem}`);
          stack.push({ value: item, depth, key, parent: entry });
        }
      }
    }
  }
}

const wellFormed = (value: string) =>
  (value as string & { isWellFormed(): boolean }).isWellFormed();

/** What is wrong with a string for both engines, if anything. */
function stringProblem(value: string): string | undefined {
  if (value.includes('\u0000'))
    return 'must not contain the NUL character (U+0000)';
  if (!wellFormed(value))
    return 'is not well-formed Unicode: it contains a lone surrogate';
  return undefined;
}
