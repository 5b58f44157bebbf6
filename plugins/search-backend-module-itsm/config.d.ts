import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** The ITSM records in Backstage search. */
      itsm?: {
        /** How often the records are collated (default every 10 minutes). */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** Records read per request to the ITSM backend (default 500, at most 1000). */
        batchSize?: number;
      };
    };
  };
}
