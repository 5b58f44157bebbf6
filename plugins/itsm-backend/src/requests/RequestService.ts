import { ConflictError, NotAllowedError } from '@backstage/errors';
import {
  allowedRequestTransitions,
  ApprovalStep,
  CreateServiceRequest,
  DecideApprovalRequest,
  FieldChange,
  REQUEST_STATE_LABELS,
  RequestState,
  RequestTransitionInput,
  requestTransitionActor,
  requestTransitionGuard,
  ServiceRequest,
} from '@backstage-itsm/plugin-itsm-common';
import { fulfillmentTargetMillis, SlaClock } from '../sla/SlaClock';
import { Knex } from 'knex';
import { RecordChange } from '../records/KindStore';
import { ApprovalEngine } from '../approvals/ApprovalEngine';
import { Member } from '../records/actor';
import { MoveRules } from '../records/moves';
import { CatalogCis } from '../catalog/CatalogCis';
import { RecordService, KindServiceOptions } from '../records/RecordService';
import { ApprovalRequestedEvent, RecordEvent } from '../records/events';
import { nonBlank } from '../records/text';
import { RecordListFilter } from '../records/types';
import { OfferingCatalog } from './offerings';
import {
  isOpenRequestState,
  RequestFields,
  RequestStore,
  StoredRequest,
} from './RequestStore';

/** Something worth telling people about; the notifier decides whom. */
export type RequestEvent =
  | RecordEvent<'request', ServiceRequest>
  | ApprovalRequestedEvent<'request', ServiceRequest>;

export interface RequestServiceOptions
  extends KindServiceOptions<RequestEvent> {
  requests: RequestStore;
  approvals: ApprovalEngine;
  offerings: OfferingCatalog;
  /** Counts the due time in the SLA calendar; wall-clock time without it. */
  sla?: SlaClock;
}

export type { Member };

/** The requester cancels; members of the owner (assignment) group do the rest. */
function checkMover(request: StoredRequest, to: RequestState, actor: Member) {
  const label = REQUEST_STATE_LABELS[to].toLocaleLowerCase('en-US');
  if (requestTransitionActor(to) === 'requester') {
    if (actor.ref.toLocaleLowerCase('en-US') !== request.requester)
      throw new NotAllowedError(
        `Only the requester (${request.requester}) may cancel ${request.number}`,
      );
    return;
  }
  const group = request.assignmentGroup;
  const mine = actor.ownershipEntityRefs.map(r => r.toLocaleLowerCase('en-US'));
  if (!group || !mine.includes(group))
    throw new NotAllowedError(
      `Moving ${request.number} to ${label} requires membership of ${
        group ?? 'its owner group'
      }`,
    );
}

/** Where a request may move, who may move it there, and what the move must carry. */
const REQUEST_MOVES: MoveRules<StoredRequest, RequestTransitionInput, Member> =
  {
    open: isOpenRequestState,
    allowed: current => allowedRequestTransitions(current.state),
    mover: checkMover,
    guard: (_current, input) => requestTransitionGuard(input),
  };

/** The list filter of requests: the common one and the offering ordered. */
export type RequestListFilter = RecordListFilter & { offeringRef?: string };

/**
 * Service requests (docs/domain-rules.md §3): ordered from an offering in the catalog, approved
 * through the shared ApprovalEngine as the offering says, fulfilled by its owner group.
 */
export class RequestService extends RecordService<
  StoredRequest,
  RequestFields,
  ServiceRequest,
  RequestEvent,
  RequestTransitionInput,
  Member,
  RequestListFilter
> {
  constructor(private readonly options: RequestServiceOptions) {
    super({ ...options, store: options.requests }, REQUEST_MOVES);
  }

  async create(
    input: CreateServiceRequest,
    actor: Member,
  ): Promise<ServiceRequest> {
    const { offerings, cis, approvals } = this.options;
    if (input.title !== undefined) nonBlank('title', input.title);
    const offering = await offerings.get(input.offeringRef, actor.credentials);
    offerings.checkAvailable(offering, actor.ownershipEntityRefs);
    offerings.validateParameters(offering, input.parameters);
    const ci = await cis.resolveOne(
      `${offering.ref} spec.providedBy`,
      offering.providedBy,
      actor.credentials,
    );
    const target = fulfillmentTargetMillis(offering.fulfillmentTarget);
    if (target === undefined)
      throw new ConflictError(
        `${offering.ref} has no valid fulfillmentTarget (${offering.fulfillmentTarget})`,
      );
    const ciTier = CatalogCis.storedTier(ci);
    // Approvers and the fulfilling group must exist in the catalog (else the fallback).
    const planned = await cis.routeApprovers(
      OfferingCatalog.approvalSteps(offering),
      actor.credentials,
    );
    const routed = await cis.routeToGroup(
      offering.owner,
      offering.ref,
      actor.credentials,
    );
    const state: RequestState = planned.length
      ? 'awaiting_approval'
      : 'approved';
    let opened: ApprovalStep[] = [];
    const request = await this.createRecord(actor.ref, createdAt => ({
      core: {
        // No title: the offering's; a blank one is a mistake, not a request for it.
        title: input.title === undefined ? offering.title : input.title.trim(),
        description: input.description ?? '',
        state,
        entityRef: CatalogCis.refOf(ci),
        ciTier,
        affectedEntityRefs: [],
        requester: actor.ref,
        assignee: null,
        assignmentGroup: routed.group,
        priority: 'P3',
      },
      fields: {
        offeringRef: offering.ref,
        offeringTitle: offering.title,
        parameters: input.parameters,
        fulfillmentTarget: offering.fulfillmentTarget,
        // The SLA timer moves it on with pauses; this is the due time as ordered.
        dueAt: (
          this.options.sla?.dueAt(
            {
              kind: 'request',
              priority: 'P3',
              tier: ciTier,
              fulfillmentTarget: offering.fulfillmentTarget,
            },
            new Date(createdAt),
          ) ?? new Date(Date.parse(createdAt) + target)
        ).toISOString(),
        fulfilledAt: null,
        resolutionNote: null,
        approvalRound: planned.length ? 1 : 0,
      },
      timeline: [
        { type: 'created', ...(routed.note ? { body: routed.note } : {}) },
        {
          type: 'state_changed',
          fromState: 'submitted',
          toState: state,
          ...(planned.length
            ? {}
            : { body: `${offering.title} needs no approval` }),
        },
      ],
      inTransaction: async (trx, id) => {
        if (!planned.length) return [];
        const round = await approvals.addStages(trx, id, 1, planned, createdAt);
        opened = round.steps.filter(s => s.state === 'pending');
        return round.timeline;
      },
    }));
    if (opened.length)
      await this.tell('approval_requested', request, actor.ref, {
        steps: opened,
      });
    return request;
  }

  protected toApi(stored: StoredRequest): ServiceRequest {
    return toRequest(stored);
  }

  protected narrowList(query: Knex.QueryBuilder, filter: RequestListFilter) {
    if (filter.offeringRef) query.where('k.offering_ref', filter.offeringRef);
  }

  /** All approved → approved; a rejection → rejected (final), the reason on the timeline. */
  async decide(
    idOrNumber: string,
    input: DecideApprovalRequest,
    approver: Member,
  ): Promise<ServiceRequest> {
    const read = await this.load(idOrNumber);
    const { updated, requested } = await this.decideStep(
      read.id,
      'awaiting_approval',
      input,
      approver,
      (_trx, _current, { outcome, step }) => {
        if (outcome === 'rejected')
          return { to: 'rejected', fields: { resolutionNote: step.comment } };
        return {
          to: outcome === 'approved' ? 'approved' : 'awaiting_approval',
        };
      },
    );
    const request = toRequest(updated);
    if (request.state !== read.state)
      await this.emit(this.moved(request, read.state, approver.ref));
    if (requested.length)
      await this.tell('approval_requested', request, approver.ref, {
        steps: requested,
      });
    return request;
  }

  /**
   * The owner group works the request (start, fulfil with a note, reject with a
   * reason); the requester cancels it while it is not fulfilled.
   */
  protected async applyMove(
    trx: Knex.Transaction,
    current: StoredRequest,
    input: RequestTransitionInput,
    actor: Member,
    at: string,
  ): Promise<RecordChange<RequestFields>> {
    const note = input.note?.trim() || undefined;
    const fields: Partial<RequestFields> = {};
    const side: FieldChange[] = [];
    const core: {
      state: RequestState;
      isOpen: boolean;
      assignee?: string;
    } = {
      state: input.to,
      isOpen: isOpenRequestState(input.to),
    };
    if (input.to === 'in_fulfillment' && !current.assignee) {
      core.assignee = actor.ref;
      side.push({ field: 'assignee', from: null, to: actor.ref });
    }
    if (input.to === 'fulfilled') fields.fulfilledAt = at;
    if ((input.to === 'fulfilled' || input.to === 'rejected') && note)
      fields.resolutionNote = note;
    if (input.to === 'canceled')
      await this.options.approvals.cancelOpen(
        trx,
        current.id,
        current.approvalRound,
      );
    return {
      core,
      fields,
      timeline: [
        {
          type: 'state_changed',
          fromState: current.state,
          toState: input.to,
          ...(side.length ? { changes: side } : {}),
          ...(note ? { body: note } : {}),
        },
      ],
    };
  }

  private load(idOrNumber: string): Promise<StoredRequest> {
    return this.options.requests.find(idOrNumber);
  }
}

/** The API shape: the internal approval round is not part of it. */
function toRequest(stored: StoredRequest): ServiceRequest {
  const { approvalRound: _round, ...request } = stored;
  return request;
}
