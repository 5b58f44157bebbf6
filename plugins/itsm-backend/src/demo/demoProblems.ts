import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Incident,
  Problem,
  problemKind,
  ProblemState,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod/v4';
import { ProblemService } from '../problems/ProblemService';
import { duration, ms } from './durations';

const level = z.union([z.literal(1), z.literal(2), z.literal(3)]);

export const demoProblemSchema = z
  .object({
    title: z.string().min(1),
    description: z.string().optional(),
    entityRef: z.string(),
    impact: level,
    urgency: level,
    requester: z.string(),
    assignee: z.string().optional(),
    symptoms: z.string().optional(),
    /** Titles of demo incidents to link (they are loaded first). */
    incidents: z.array(z.string()).optional(),
    /** How long ago it was opened; its steps are spread until now. */
    openedAgo: duration.optional(),
    state: z
      .enum(problemKind.states as unknown as [ProblemState, ...ProblemState[]])
      .optional(),
    rootCause: z.string().optional(),
    workaround: z.string().optional(),
    /** Published as a known error (needs rootCause and workaround). */
    knownError: z.boolean().optional(),
  })
  .strict();

export type DemoProblem = z.infer<typeof demoProblemSchema>;

/** The moves from `new` to each state a demo problem may be in. */
const PATHS: Partial<Record<ProblemState, ProblemState[]>> = {
  assess: ['assess'],
  root_cause_analysis: ['root_cause_analysis'],
  fix_in_progress: ['root_cause_analysis', 'fix_in_progress'],
};

/**
 * Opens demo problems linking the demo incidents they name, and brings them to their
 * state, cause, workaround and known-error flag as a problem manager would.
 */
export async function seedDemoProblems(options: {
  items: DemoProblem[];
  createService: (now: () => Date) => ProblemService;
  /** The demo incidents, to link by title. */
  incidents: Incident[];
  credentials: BackstageCredentials;
}): Promise<void> {
  const { items, createService, incidents, credentials } = options;
  const byTitle = new Map(incidents.map(i => [i.title, i.number]));
  for (const item of items) {
    const linked = (item.incidents ?? []).map(title => {
      const number = byTitle.get(title);
      if (!number)
        throw new Error(
          `Demo problem '${item.title}' names no demo incident '${title}'`,
        );
      return number;
    });
    const moves = (item.state && PATHS[item.state]) ?? [];
    const edits = item.rootCause || item.workaround ? 1 : 0;
    const ago = ms(item.openedAgo);
    let at = Date.now() - ago;
    const tick = () => {
      at += ago / (moves.length + edits + 1);
    };
    const service = createService(() => new Date(at));
    const actor = { ref: item.requester, credentials };
    let problem: Problem = await service.create(
      {
        title: item.title,
        description: item.description,
        entityRef: item.entityRef,
        impact: item.impact,
        urgency: item.urgency,
        assignee: item.assignee,
        symptoms: item.symptoms,
        incidents: linked,
      },
      actor,
    );
    const worker = { ref: item.assignee ?? item.requester, credentials };
    for (const to of moves) {
      tick();
      problem = await service.transition(
        problem.id,
        { version: problem.version, to },
        worker,
      );
    }
    if (edits) {
      tick();
      problem = await service.update(
        problem.id,
        {
          version: problem.version,
          rootCause: item.rootCause,
          workaround: item.workaround,
          knownError: item.knownError,
        },
        worker,
      );
    }
  }
}
