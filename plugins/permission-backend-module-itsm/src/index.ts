/**
 * Permission module that installs the ITSM permission policy.
 *
 * @packageDocumentation
 */
export { permissionModuleItsmPolicy as default } from './module';
