import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  REQUEST_STATES,
  RequestState,
  ServiceRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { z } from 'zod/v4';
import { RequestService } from '../requests/RequestService';
import { duration, ms } from './durations';

export const demoRequestSchema = z
  .object({
    offeringRef: z.string(),
    title: z.string().optional(),
    description: z.string().optional(),
    parameters: z.record(z.string(), z.unknown()),
    requester: z.string(),
    /** How long ago it was submitted; its steps are spread until now. */
    raisedAgo: duration.optional(),
    state: z
      .enum(REQUEST_STATES as [RequestState, ...RequestState[]])
      .optional(),
    /** Approvers in order; each decides the open step they may decide. */
    approvedBy: z.array(z.string()).optional(),
    /** For state rejected: who rejects the open approval step. */
    rejectedBy: z.string().optional(),
    /** Who of the owner group works it (in_fulfillment, fulfilled). */
    fulfilledBy: z.string().optional(),
    /** The fulfilment note, or the rejection reason. */
    note: z.string().optional(),
  })
  .strict();

export type DemoRequest = z.infer<typeof demoRequestSchema>;

/** Brings demo requests to their state through approvals and fulfilment, as people would. */
export async function seedDemoRequests(options: {
  items: DemoRequest[];
  createService: (now: () => Date) => RequestService;
  membership: (userRef: string) => Promise<string[]>;
  credentials: BackstageCredentials;
}): Promise<void> {
  const { items, createService, membership, credentials } = options;
  const member = async (ref: string) => ({
    ref,
    credentials,
    ownershipEntityRefs: [ref, ...(await membership(ref))],
  });
  for (const item of items) {
    const ago = ms(item.raisedAgo);
    const steps =
      (item.approvedBy?.length ?? 0) +
      (item.rejectedBy ? 1 : 0) +
      (item.state === 'in_fulfillment' ? 1 : 0) +
      (item.state === 'fulfilled' ? 2 : 0);
    let at = Date.now() - ago;
    const tick = () => {
      at += ago / (steps + 1);
    };
    const service = createService(() => new Date(at));
    let request: ServiceRequest = await service.create(
      {
        offeringRef: item.offeringRef,
        parameters: item.parameters,
        title: item.title,
        description: item.description,
      },
      await member(item.requester),
    );
    const decide = async (ref: string, decision: 'approved' | 'rejected') => {
      const who = await member(ref);
      const step = (await service.approvalSteps(request.id)).find(
        s =>
          s.state === 'pending' &&
          s.eligibleGroups.some(g => who.ownershipEntityRefs.includes(g)),
      );
      if (!step)
        throw new Error(
          `Demo request '${request.title}': ${ref} may decide no open step`,
        );
      tick();
      request = await service.decide(
        request.id,
        {
          stepId: step.id,
          decision,
          comment: decision === 'rejected' ? item.note : 'Approved (demo data)',
        },
        who,
      );
    };
    for (const ref of item.approvedBy ?? []) await decide(ref, 'approved');
    if (item.rejectedBy) await decide(item.rejectedBy, 'rejected');
    const worker = item.fulfilledBy && (await member(item.fulfilledBy));
    const MOVES: Partial<Record<RequestState, RequestState[]>> = {
      fulfilled: ['in_fulfillment', 'fulfilled'],
      in_fulfillment: ['in_fulfillment'],
    };
    const moves = (item.state && MOVES[item.state]) ?? [];
    for (const to of moves) {
      if (!worker)
        throw new Error(`Demo request '${request.title}' needs fulfilledBy`);
      tick();
      request = await service.transition(
        request.id,
        {
          version: request.version,
          to,
          ...(to === 'fulfilled' ? { note: item.note } : {}),
        },
        worker,
      );
    }
    if (item.state && request.state !== item.state)
      throw new Error(
        `Demo request '${request.title}' ended ${request.state}, not ${item.state}`,
      );
  }
}
