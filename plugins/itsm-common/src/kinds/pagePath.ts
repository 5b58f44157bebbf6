import { kindDeclaration, RecordKind } from './registry';

/**
 * Where the app mounts the ITSM page unless `itsm.pagePath` says otherwise.
 *
 * @public
 */
export const DEFAULT_ITSM_PAGE_PATH = '/itsm';

/**
 * `itsm.pagePath`: where the app mounts the ITSM page, for the links the backend makes
 * (notifications, search results, template outputs). Set it when the app mounts the
 * page elsewhere (e.g. `/service-desk`). Fails start-up with the key's name when it is
 * not a path of the app.
 *
 * @public
 */
export function readItsmPagePath(config: {
  getOptionalString(key: string): string | undefined;
}): string {
  const value = config.getOptionalString('itsm.pagePath');
  if (value === undefined) return DEFAULT_ITSM_PAGE_PATH;
  if (!/^\/[\w.~/-]*$/.test(value) || value.includes('//')) {
    throw new Error(
      `Invalid config at itsm.pagePath: must be a path of the app such as /itsm or /service-desk, got '${value}'`,
    );
  }
  return value.replace(/\/$/, '');
}

/**
 * A record's path below the ITSM API (`/incidents/INC-000042`); its page in the app
 * has the same path below the ITSM page.
 *
 * @public
 */
export function recordApiPath(kind: RecordKind, number: string): string {
  return `/${kindDeclaration(kind).apiPath}/${encodeURIComponent(number)}`;
}

/**
 * The path in the app of a record's page, e.g. `/itsm/incidents/INC-000042`.
 *
 * @public
 */
export function recordPagePath(
  kind: RecordKind,
  number: string,
  pagePath: string = DEFAULT_ITSM_PAGE_PATH,
): string {
  return `${pagePath}${recordApiPath(kind, number)}`;
}
