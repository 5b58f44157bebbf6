import { createRecordAction, ItsmActionsOptions } from './createRecordAction';
import { changeSpec, incidentSpec, requestSpec } from './kinds';

export type { ItsmActionsOptions } from './createRecordAction';

/**
 * The ITSM template actions: `itsm:incident:create`, `itsm:change:create` and
 * `itsm:request:create`, one generic action made from each kind's spec.
 *
 * @public
 */
export function createItsmActions(options: ItsmActionsOptions) {
  return [
    createRecordAction(incidentSpec, options),
    createRecordAction(changeSpec, options),
    createRecordAction(requestSpec, options),
  ] as const;
}
