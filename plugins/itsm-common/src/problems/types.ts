import { ImpactLevel, UrgencyLevel } from '../incidents/priority';
import { ProblemResolutionCode, ProblemState } from '../kinds/problem';
import {
  CreateRecordBase,
  Priority,
  RecordCore,
  RecordListFilterBase,
  UpdateRecordBase,
} from '../records/types';

/**
 * A problem: the cause behind one or more incidents (docs/domain-rules.md §3 Problem). Once
 * its cause is known and a workaround exists it may be published as a known error.
 */
export interface Problem extends RecordCore {
  kind: 'problem';
  state: ProblemState;
  impact: ImpactLevel;
  urgency: UrgencyLevel;
  /** What the people hit by it see. */
  symptoms: string;
  rootCause: string | null;
  /** What to do until it is fixed; offered to everyone who reports the same fault. */
  workaround: string | null;
  knownError: boolean;
  /** When it was (last) published as a known error. */
  knownErrorAt: string | null;
  resolutionCode: ProblemResolutionCode | null;
  resolutionNotes: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  /** How many incidents are linked to it. */
  incidentCount: number;
}

export interface CreateProblemRequest extends CreateRecordBase {
  impact: ImpactLevel;
  urgency: UrgencyLevel;
  symptoms?: string;
  /** Incidents (ids or numbers) to link at once, e.g. a candidate's or the one it is opened from. */
  incidents?: string[];
}

export interface UpdateProblemRequest extends UpdateRecordBase {
  impact?: ImpactLevel;
  urgency?: UrgencyLevel;
  symptoms?: string;
  rootCause?: string | null;
  workaround?: string | null;
  /** Publishes (true) or withdraws (false) the known error; needs a cause and a workaround. */
  knownError?: boolean;
}

/** `open`: only new, assess, root cause analysis and fix in progress problems. */
export interface ProblemListFilter extends RecordListFilterBase<ProblemState> {
  knownError?: boolean;
  priority?: Priority[];
}

/** A change raised to fix a problem, as its page lists it (`GET /problems/{id}/changes`). */
export interface LinkedChangeSummary {
  id: string;
  number: string;
  title: string;
  state: string;
  closeCode: string | null;
}

/**
 * The problem candidates (`GET /problem-candidates`) with the rule that made them:
 * at least `minIncidents` incidents in the last `days` days.
 */
export interface ProblemCandidates {
  items: ProblemCandidate[];
  minIncidents: number;
  days: number;
}

/** A known error as the Report incident dialog and the entity card show it. */
export interface KnownError {
  id: string;
  number: string;
  title: string;
  state: ProblemState;
  entityRef: string;
  symptoms: string;
  rootCause: string;
  workaround: string;
  knownErrorAt: string;
  /** The CI of the problem this one was found through (the chosen CI or one it depends on). */
  matchedEntityRef: string;
}

/**
 * A CI whose incidents recur without a problem: at least N incidents in the last D
 * days that are linked to none (itsm.problems.candidates).
 */
export interface ProblemCandidate {
  entityRef: string;
  /** How many of its incidents in the window have no problem. */
  incidentCount: number;
  /** Those incidents' numbers, newest first (at most 20). */
  incidents: string[];
  firstAt: string;
  lastAt: string;
}

/** Links an incident to the problem (from the problem's page). */
export interface LinkIncidentRequest {
  /** The incident's id or number. */
  incident: string;
}

/**
 * Problem management at a glance, for a CI (and what it is made of) or for the whole
 * organisation: what is open, what is published, how much of the incident load is
 * explained by a problem, and how long problems stay open.
 */
export interface ProblemKpis {
  openProblems: number;
  /** Open problems published as known errors. */
  knownErrors: number;
  /** Incidents opened in the last `days` days. */
  incidents: number;
  /** Of those, the share (0..1) linked to a problem; null without incidents. */
  linkedIncidentShare: number | null;
  /** Median age of the open problems; null without open problems. */
  medianOpenAgeMs: number | null;
  days: number;
}
