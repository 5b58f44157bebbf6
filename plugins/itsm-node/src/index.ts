/**
 * For other backend code and adopters' permission policies: the ITSM record as a
 * permission resource, its rules and conditions, and the ITSM permission policy.
 *
 * @packageDocumentation
 */
export * from './permissions/resource';
export * from './permissions/rules';
export * from './policy/ItsmPermissionPolicy';
export * from './policy/settings';
