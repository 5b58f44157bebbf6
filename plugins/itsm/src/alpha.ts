/**
 * The ITSM plugin for Backstage's new frontend system (also the default export of the
 * package's main entry point).
 *
 * @packageDocumentation
 */
export { default } from './alpha/plugin';
