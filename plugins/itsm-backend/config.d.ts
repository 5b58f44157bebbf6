export interface Config {
  /** Configuration of the ITSM plugins. */
  itsm?: {
    incidents?: {
      /**
       * Priority by impact (rows, 1 high → 3 low) × urgency (columns, 1 high → 3 low).
       * Defaults to the ITIL matrix.
       * @visibility frontend
       */
      priorityMatrix?: Array<Array<'P1' | 'P2' | 'P3' | 'P4' | 'P5'>>;
      /** Days after resolution when a resolved incident is closed automatically (default 7). */
      autoCloseAfterDays?: number;
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
        };
        /** `owners` (owner group of each CI), `platform`, or group refs. */
        approvers: string[];
        /** `each` (default): every group approves; `any`: one approval from any of them. */
        require?: 'each' | 'any';
      }>;
      /** Periods in which normal and standard changes may not be scheduled without platform approval. */
      freezeWindows?: Array<{
        name: string;
        /** ISO-8601 date-time, e.g. 2026-12-20T00:00:00Z. */
        start: string;
        end: string;
        /** Limit the freeze to these CIs, systems or domains (refs); default: everything. */
        entityRefs?: string[];
        systems?: string[];
        domains?: string[];
      }>;
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
