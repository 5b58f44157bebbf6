import type { FreezeWindow } from '@backstage-itsm/plugin-itsm-common';

export interface Config {
  /** Configuration of the ITSM plugins. */
  itsm?: {
    /**
     * Where the app mounts the ITSM page (default /itsm): the links the backend makes
     * (notifications, search results, template outputs) point below it. Set it when the
     * app mounts the page elsewhere.
     */
    pagePath?: string;
    incidents?: {
      /**
       * Priority by impact (rows, 1 high → 3 low) × urgency (columns, 1 high → 3 low).
       * Defaults to the ITIL matrix.
       * @visibility frontend
       */
      priorityMatrix?: Array<Array<'P1' | 'P2' | 'P3' | 'P4' | 'P5'>>;
      /** Days after resolution when a resolved incident is closed automatically (default 7). */
      autoCloseAfterDays?: number;
      /**
       * The group whose members accept or reject major-incident proposals (a group
       * ref); without it nobody may.
       * @visibility frontend
       */
      majorIncidentGroup?: string;
    };
    /** Where work goes when the catalog names no group for it. */
    routing?: {
      /**
       * The group (a group ref) that gets records and approval steps whose CI is owned
       * by a user, by a group that is not in the catalog, or by nobody; it approves
       * beside a user who owns a CI. Defaults to `itsm.changes.platformGroup`. The
       * record's timeline says when work was routed here.
       */
      fallbackGroup?: string;
    };
    /** Rules of every approval (changes and service requests). */
    approvals?: {
      /**
       * Four eyes across stages: one person approves at most one stage of a round
       * (default true), so the owner who approved cannot give the platform approval too.
       */
      oneStagePerApprover?: boolean;
    };
    /** Change management: who approves, and when changes may not be scheduled. */
    changes?: {
      /**
       * The platform group (a group ref): approves high-risk changes, changes in a
       * freeze, and may approve emergencies. Required when the policy names `platform`.
       */
      platformGroup?: string;
      /**
       * The approval stages, evaluated in order when a change enters authorize; every
       * stage whose `when` matches applies (stages with the same name are merged).
       * Default: owners of each CI for normal changes; the platform group for high risk
       * or a window in a freeze; one approval from an owner or the platform group for
       * emergencies; none for standard changes. See the README.
       */
      approvalPolicy?: Array<{
        /** Stage name shown to approvers, e.g. "Owner approval". */
        name: string;
        /** Conditions, all of which must hold; an absent condition always holds. */
        when?: {
          type?: Array<'standard' | 'normal' | 'emergency'>;
          risk?: Array<'low' | 'moderate' | 'high'>;
          /** Values of the CIs' itsm.backstage.io/tier annotation. */
          tier?: string[];
          /** Whether the planned window falls into a freeze window. */
          inFreeze?: boolean;
          /**
           * Tiers of anything in the change's blast radius (what its CIs impact through
           * the catalog), e.g. [tier-1]: "impacts a tier-1 system".
           */
          impactedTier?: string[];
        };
        /** `owners` (owner group of each CI), `platform`, or group refs. */
        approvers: string[];
        /** `each` (default): every group approves; `any`: one approval from any of them. */
        require?: 'each' | 'any';
      }>;
      /** Who may raise standard changes (pre-approved: no approval step). */
      standardChanges?: {
        /**
         * Only members of the owner group of each of the change's CIs raise a standard
         * change (default true). Standard changes must be low risk in any case.
         */
        ownersOnly?: boolean;
      };
      /** Periods in which normal and standard changes may not be scheduled without platform approval. */
      freezeWindows?: FreezeWindow[];
    };
    /**
     * Service levels: business calendars and policies (which records, targets, pause
     * states). Checked at start-up; a bad key stops the backend.
     */
    sla?: {
      /** Named calendars the policies count time in. */
      calendars?: {
        [name: string]:
          | { type: '24x7' }
          | {
              type: 'business';
              /** IANA time zone, e.g. Europe/Berlin. */
              timeZone: string;
              /** Opening hours per weekday (mon…sun), e.g. ['09:00-12:00', '13:00-17:00']. */
              hours: { [weekday: string]: string[] };
              /** Closed days (YYYY-MM-DD in the calendar's zone). */
              holidays?: string[];
            };
      };
      /** Policies, first match wins: what they apply to, targets, calendar, pauses. */
      policies?: Array<{
        name: string;
        appliesTo: {
          kind: 'incident' | 'change' | 'request' | 'problem';
          priority?: Array<'P1' | 'P2' | 'P3' | 'P4' | 'P5'>;
          /** Values of the CI's itsm.backstage.io/tier annotation. */
          tier?: string[];
        };
        /** A calendar name from itsm.sla.calendars. */
        calendar: string;
        /** ISO-8601 durations (days, hours, minutes, seconds), e.g. PT15M, PT4H, P2D. */
        targets: { response?: string; resolution?: string };
        /** Record states in which the clock is paused, e.g. [on_hold]. */
        pauseStates?: string[];
        /** Fractions of the target at which a warning is due (default [0.5, 0.75]). */
        warningThresholds?: number[];
      }>;
    };
    /** Problem management. */
    problems?: {
      /**
       * Recurring incidents that suggest a problem: at least `minIncidents` incidents
       * within the last `days` days.
       */
      candidates?: {
        /** How many incidents make a candidate: a whole number, at least 2 (default 3). */
        minIncidents?: number;
        /** The days counted back from now: a whole number from 1 to 365 (default 30). */
        days?: number;
      };
    };
    /** How far a record's blast radius is followed in the catalog. */
    impact?: {
      /** Steps from a CI at the most: 1 to 20 (default 6). */
      maxDepth?: number;
      /** Impacted entities at the most: 1 to 100000 (default 1000). */
      maxEntities?: number;
      /** Notify the owners of what a new P1 or P2 incident impacts (default false). */
      notifyOwners?: boolean;
    };
    /** The deploy gate for CI/CD (GET /api/itsm/gates?entityRef=…). */
    gates?: {
      /**
       * Whether a deploy without any change on the entity may go (outside freezes).
       * Default false: a deploy needs a change in implement or in its open window.
       */
      allowWithoutChange?: boolean;
    };
    /** Monitoring alerts to incidents (POST /api/itsm/alerts/alertmanager and /grafana). */
    alerts?: {
      /**
       * Labels naming the alert's entity when `backstage_entity` is absent, in order
       * (default service, job). A value is a full ref or a component name.
       */
      entityLabels?: string[];
      /** The label holding the severity (default severity). */
      severityLabel?: string;
      /**
       * Severity → the new incident's impact and urgency (1 high … 3 low). Default:
       * critical 1/1, error 2/1, warning 2/2, info 3/3.
       */
      severities?: {
        [severity: string]: { impact: number; urgency: number };
      };
      /** For other severities and alerts without one (default impact 2, urgency 2). */
      defaultLevels?: { impact: number; urgency: number };
      /** Resolve the incident once every alert on it has resolved (default false). */
      resolveIncidents?: boolean;
    };
    demoData?: {
      /**
       * A YAML file of demo records (see examples/itsm-demo-data.yaml) loaded once into
       * an empty ITSM database. For demos and local development only.
       */
      file?: string;
    };
  };
}
