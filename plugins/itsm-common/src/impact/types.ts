/**
 * The relations along which an outage spreads, each read on the entity that is down and
 * naming one it impacts: what depends on it, the system or domain it is part of, the
 * API it provides, and — from an API — whoever consumes it.
 */
export const SPREADING_RELATIONS = [
  'dependencyOf',
  'partOf',
  'providesApi',
  'apiConsumedBy',
] as const;

export type SpreadingRelation = (typeof SPREADING_RELATIONS)[number];

/** One step of the way from a record's CI to an impacted entity. */
export interface ImpactStep {
  relation: SpreadingRelation;
  entityRef: string;
}

/**
 * An entity impacted by a record's CIs, with its owner, tier and system when the
 * catalog has them, and the way it is impacted.
 */
export interface ImpactedEntity {
  entityRef: string;
  kind: string;
  title?: string;
  owner?: string;
  tier?: string;
  /** The system it is part of (or is). */
  system?: string;
  /** The record's CI it is impacted through. */
  origin: string;
  /** The steps from the origin to the entity (shortest way). */
  path: ImpactStep[];
}

/** How far the blast radius is followed (`itsm.impact`). */
export interface BlastRadiusLimits {
  /** Steps from a CI at the most. */
  maxDepth: number;
  /** Impacted entities at the most. */
  maxEntities: number;
}

/**
 * A record's blast radius (`GET /{kind}s/{id}/impact`), computed from the catalog now
 * over what the caller may see; `truncated` when the limits cut it short.
 */
export interface BlastRadius {
  /** The record's own CIs, as the reporter named them (kept apart from what is derived). */
  cis: string[];
  impacted: ImpactedEntity[];
  truncated: boolean;
  limits: BlastRadiusLimits;
}
