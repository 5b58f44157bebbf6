/**
 * Catalog module of the ITSM plugins: the `ServiceOffering` entity kind.
 *
 * @packageDocumentation
 */
export {};
