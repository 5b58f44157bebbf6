/**
 * Search module of the ITSM plugins: incidents, changes, requests and problems in
 * Backstage search, each found only by who may read it.
 *
 * @packageDocumentation
 */
export { searchModuleItsmCollator as default } from './module';
export { ItsmCollatorFactory } from './collator/ItsmCollatorFactory';
export type { ItsmSearchDocument } from './collator/ItsmCollatorFactory';
