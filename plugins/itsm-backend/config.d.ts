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
    demoData?: {
      /**
       * A YAML file of demo records (see examples/itsm-demo-data.yaml) loaded once into
       * an empty ITSM database. For demos and local development only.
       */
      file?: string;
    };
  };
}
