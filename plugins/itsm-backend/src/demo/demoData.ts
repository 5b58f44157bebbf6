import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import fs from 'fs/promises';
import YAML from 'yaml';
import { z } from 'zod/v4';
import {
  HOLD_REASONS,
  RESOLUTION_CODES,
} from '@backstage-itsm/plugin-itsm-common';
import { IncidentService } from '../incidents/IncidentService';
import { demoChangeSchema, seedDemoChanges } from './demoChanges';
import { demoRequestSchema, seedDemoRequests } from './demoRequests';
import { demoProblemSchema, seedDemoProblems } from './demoProblems';
import { RecordStore } from '../records/RecordStore';
import { ItsmNotifiers, ItsmServices } from '../services';
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
  problems: z.array(demoProblemSchema).optional(),
});

/** Which kinds the demo still has to load: those with no records yet. */
async function needs(store: RecordStore) {
  return {
    needIncidents: (await store.count('incident')) === 0,
    needChanges: (await store.count('change')) === 0,
    needRequests: (await store.count('request')) === 0,
    needProblems: (await store.count('problem')) === 0,
  };
}

/** Whether a load would load anything (checked before reading the catalog for it). */
export async function demoDataNeeded(records: RecordStore): Promise<boolean> {
  return Object.values(await needs(records)).some(Boolean);
}

/** Thrown inside the load's transaction to roll it back: the catalog is not ready yet. */
class CatalogNotReady extends Error {}

/**
 * Loads demo records from a YAML file into an empty ITSM database, so a new user
 * sees open incidents, changes and requests at first start. All of it or nothing: the
 * load is one transaction (services built over a record store bound to it), so a
 * crash or a failure half-way leaves no half-seeded demo, and the next run starts
 * again. Loads each kind while there are none of it. Returns 'waiting' (having
 * written nothing) while the catalog has not ingested the demo CIs and offerings yet.
 */
export async function seedDemoData(options: {
  file: string;
  /** The plugin's record store: the load runs in one transaction of it. */
  records: RecordStore;
  /** Builds the services over the given store (the load's), telling the given notifiers. */
  services: (records: RecordStore, notifiers: ItsmNotifiers) => ItsmServices;
  /** Told of what the load did once it has committed; never of a rolled-back load. */
  notifiers?: ItsmNotifiers;
  /** The groups of an approver named in the file. */
  membership: (userRef: string) => Promise<string[]>;
  credentials: BackstageCredentials;
  logger: LoggerService;
}): Promise<'seeded' | 'skipped' | 'waiting'> {
  const { file, records, logger } = options;
  const outbox: Array<() => unknown> = [];
  let loaded: string[];
  try {
    loaded = await records.transaction(async trx => {
      // A second loader (another instance, a retried task) waits here until this one
      // commits, then finds the records and loads nothing.
      if (!trx.client.config.client.includes('sqlite'))
        await trx('itsm_sequences').forUpdate().select('kind');
      return load(new RecordStore(trx));
    });
  } catch (error) {
    if (error instanceof CatalogNotReady) return 'waiting';
    throw error;
  }
  for (const send of outbox) {
    try {
      await send();
    } catch (error) {
      logger.warn(`Could not notify of a demo record: ${error}`);
    }
  }
  if (loaded.length === 0) return 'skipped';
  logger.info(`Loaded ${loaded.join(', ')} from ${file}`);
  return 'seeded';

  /** Everything the file holds, in the load's transaction; what was loaded. */
  async function load(store: RecordStore) {
    const need = await needs(store);
    const { needIncidents, needChanges, needRequests, needProblems } = need;
    if (!Object.values(need).some(Boolean)) return [];
    const parsed = demoFileSchema.safeParse(
      YAML.parse(await fs.readFile(file, 'utf8')),
    );
    if (!parsed.success) {
      throw new Error(
        `Invalid ITSM demo data in ${file}: ${parsed.error.message}`,
      );
    }
    const services = options.services(store, deferred(outbox, options));
    const done: string[] = [];
    const { credentials, membership } = options;
    if (needIncidents) {
      const result = await seedIncidents(parsed.data.incidents, {
        createService: now => services.at(now).incidents,
        credentials,
      });
      if (result === 'waiting') throw new CatalogNotReady();
      done.push(`${parsed.data.incidents.length} demo incidents`);
    }
    const changes = parsed.data.changes ?? [];
    if (needChanges && changes.length) {
      await seedDemoChanges({
        items: changes,
        createService: now => services.at(now).changes,
        membership,
        incidents: services.incidents,
        credentials,
      });
      done.push(`${changes.length} demo changes`);
    }
    const problems = parsed.data.problems ?? [];
    if (needProblems && problems.length) {
      // Linked to the demo incidents by title (a database with incidents of its own
      // and no problems gets the problems that find theirs).
      const { items } = await services.incidents.list({}, { limit: 200 });
      await seedDemoProblems({
        items: problems.filter(p =>
          (p.incidents ?? []).every(t => items.some(i => i.title === t)),
        ),
        createService: now => services.at(now).problems,
        incidents: items,
        credentials,
      });
      done.push(`${problems.length} demo problems`);
    }
    const requests = parsed.data.requests ?? [];
    if (needRequests && requests.length) {
      try {
        await seedDemoRequests({
          items: requests,
          createService: now => services.at(now).requests,
          membership,
          credentials,
        });
      } catch (error) {
        // The catalog ingests the offerings shortly after start: try again later
        // (the first request is checked before it is written).
        if (
          error instanceof InputError &&
          /is not a service offering in the catalog/.test(error.message) &&
          (await store.count('request')) === 0
        ) {
          throw new CatalogNotReady();
        }
        throw error;
      }
      done.push(`${requests.length} demo requests`);
    }
    return done;
  }
}

/** Notifiers that queue each notification in the outbox, sent after the commit. */
function deferred(
  outbox: Array<() => unknown>,
  options: { notifiers?: ItsmNotifiers },
): ItsmNotifiers {
  const later =
    <E>(notify?: (event: E) => unknown) =>
    (event: E) => {
      if (notify) outbox.push(() => notify(event));
    };
  const { incident, change, request, problem } = options.notifiers ?? {};
  return {
    incident: later(incident),
    change: later(change),
    request: later(request),
    problem: later(problem),
  };
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
