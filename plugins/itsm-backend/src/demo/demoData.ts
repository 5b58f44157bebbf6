import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'fs/promises';
import YAML from 'yaml';
import { z } from 'zod';
import {
  HOLD_REASONS,
  RESOLUTION_CODES,
} from '@backstage-itsm/plugin-itsm-common';
import { ChangeService } from '../changes/ChangeService';
import { IncidentService } from '../incidents/IncidentService';
import { demoChangeSchema, seedDemoChanges } from './demoChanges';
import { demoRequestSchema, seedDemoRequests } from './demoRequests';
import { RequestService } from '../requests/RequestService';
import { RecordStore } from '../records/RecordStore';
import { duration, ms } from './durations';

const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);

const demoFileSchema = z.object({
  incidents: z.array(
    z
      .object({
        title: z.string().min(1),
        description: z.string().optional(),
        entityRef: z.string(),
        affectedEntityRefs: z.array(z.string()).optional(),
        impact: level,
        urgency: level,
        requester: z.string(),
        assignee: z.string().optional(),
        state: z.enum(['new', 'in_progress', 'on_hold', 'resolved']).optional(),
        holdReason: z.enum(HOLD_REASONS).optional(),
        resolutionCode: z.enum(RESOLUTION_CODES).optional(),
        resolutionNotes: z.string().optional(),
        /** How long ago it was reported (ISO-8601 duration); its steps are spread until now. */
        openedAgo: duration.optional(),
        /**
         * How long after being reported it reached its state (steps spread over this
         * instead of until now): for history, e.g. resolved 3 h after opening, 40 days ago.
         */
        workedFor: duration.optional(),
      })
      .strict(),
  ),
  changes: z.array(demoChangeSchema).optional(),
  requests: z.array(demoRequestSchema).optional(),
});

/**
 * Loads demo records from a YAML file into an empty ITSM database, so a new user
 * sees open incidents and changes at first start. Idempotent per kind: incidents are
 * loaded while there are none, changes likewise. Returns 'waiting' while the catalog
 * has not ingested the demo CIs yet.
 */
export async function seedDemoData(options: {
  file: string;
  records: RecordStore;
  /** The incident service working at the given clock, so demo records can have a past. */
  createService: (now: () => Date) => IncidentService;
  /** Changes are loaded when this is given (with the approvers' group membership). */
  changes?: {
    createService: (now: () => Date) => ChangeService;
    membership: (userRef: string) => Promise<string[]>;
  };
  /** Requests likewise (their offerings must be in the catalog). */
  requests?: {
    createService: (now: () => Date) => RequestService;
    membership: (userRef: string) => Promise<string[]>;
  };
  credentials: BackstageCredentials;
  logger: LoggerService;
}): Promise<'seeded' | 'skipped' | 'waiting'> {
  const { file, records, createService, credentials, logger } = options;
  const needIncidents = (await records.count('incident')) === 0;
  const needChanges =
    !!options.changes && (await records.count('change')) === 0;
  const needRequests =
    !!options.requests && (await records.count('request')) === 0;
  if (!needIncidents && !needChanges && !needRequests) return 'skipped';
  const parsed = demoFileSchema.safeParse(
    YAML.parse(await fs.readFile(file, 'utf8')),
  );
  if (!parsed.success) {
    throw new Error(
      `Invalid ITSM demo data in ${file}: ${parsed.error.message}`,
    );
  }
  if (needIncidents) {
    const result = await seedIncidents(parsed.data.incidents, options);
    if (result === 'waiting') return result;
    logger.info(
      `Loaded ${parsed.data.incidents.length} demo incidents from ${file}`,
    );
  }
  const changes = parsed.data.changes ?? [];
  if (needChanges && changes.length) {
    await seedDemoChanges({
      items: changes,
      ...options.changes!,
      incidents: createService(() => new Date()),
      credentials,
    });
    logger.info(`Loaded ${changes.length} demo changes from ${file}`);
  }
  const requests = parsed.data.requests ?? [];
  if (needRequests && requests.length) {
    try {
      await seedDemoRequests({
        items: requests,
        ...options.requests!,
        credentials,
      });
    } catch (error) {
      // The catalog ingests the offerings shortly after start: try again later. The
      // first request is checked before anything is written, so nothing is half done.
      if (
        error instanceof InputError &&
        /is not a service offering in the catalog/.test(error.message) &&
        (await records.count('request')) === 0
      ) {
        return 'waiting';
      }
      throw error;
    }
    logger.info(`Loaded ${requests.length} demo requests from ${file}`);
  }
  return 'seeded';
}

async function seedIncidents(
  items: z.infer<typeof demoFileSchema>['incidents'],
  options: {
    createService: (now: () => Date) => IncidentService;
    credentials: BackstageCredentials;
  },
): Promise<'seeded' | 'waiting'> {
  const { createService, credentials } = options;
  for (const [index, item] of items.entries()) {
    const actor = { ref: item.requester, credentials };
    const path = {
      new: [],
      in_progress: ['in_progress'],
      on_hold: ['in_progress', 'on_hold'],
      resolved: ['in_progress', 'resolved'],
    } as const;
    const steps = path[item.state ?? 'new'];
    // Reported `openedAgo` before now; each workflow step a further equal share later.
    const ago = ms(item.openedAgo);
    let at = Date.now() - ago;
    const step = item.workedFor
      ? Math.min(ms(item.workedFor), ago) / Math.max(steps.length, 1)
      : ago / (steps.length + 1);
    const incidents = createService(() => new Date(at));
    let incident;
    try {
      incident = await incidents.create(
        {
          title: item.title,
          description: item.description,
          entityRef: item.entityRef,
          affectedEntityRefs: item.affectedEntityRefs,
          impact: item.impact,
          urgency: item.urgency,
          assignee: item.assignee,
        },
        actor,
      );
    } catch (error) {
      // The catalog ingests the demo entities shortly after start: try again later.
      if (
        index === 0 &&
        error instanceof InputError &&
        /not in the catalog/.test(error.message)
      ) {
        return 'waiting';
      }
      throw error;
    }
    // Demo records reach their state the way a person would: through the workflow.
    const worker = { ref: item.assignee ?? item.requester, credentials };
    for (const to of steps) {
      at += step;
      incident = await incidents.transition(
        incident.id,
        to === item.state
          ? {
              version: incident.version,
              to,
              holdReason: item.holdReason,
              resolutionCode: item.resolutionCode,
              resolutionNotes: item.resolutionNotes,
            }
          : { version: incident.version, to },
        worker,
      );
    }
  }
  return 'seeded';
}
