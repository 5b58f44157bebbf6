import { randomUUID } from 'node:crypto';
import { addBusinessMillis } from '@backstage-itsm/plugin-itsm-backend/src/sla/calendar';
import { changePriority } from '@backstage-itsm/plugin-itsm-backend/src/changes/ChangeService';
import { CHANGE_PATH_TO_CLOSED } from '@backstage-itsm/plugin-itsm-backend/src/demo/demoChanges';
import {
  SlaClock,
  SlaSubjectRecord,
} from '@backstage-itsm/plugin-itsm-backend/src/sla/SlaClock';
import { Offering } from './policies';
import { membersOf, Organisation, OrgComponent } from './org';
import { Random } from './random';
import { RecordRows, Row } from './tables';

/** A timeline entry as the plugin's SLA clock reads it. */
type TimelineEntry = Parameters<SlaClock['evaluate']>[1][number];

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const SYSTEM_ACTOR = 'user:default/itsm-automation';

/** Share of incidents still open: a few percent, recent ones, P1/P2 among them. */
export const OPEN_INCIDENT_SHARE = 0.12;
const OPEN_CHANGE_SHARE = 0.08;
const OPEN_REQUEST_SHARE = 0.12;
/** Days after which a resolved incident is closed (itsm.incidents.autoCloseAfterDays). */
const AUTO_CLOSE_DAYS = 7;

type Priority = 'P1' | 'P2' | 'P3' | 'P4' | 'P5';
const LEVELS: Record<Priority, [number, number][]> = {
  P1: [[1, 1]],
  P2: [
    [1, 2],
    [2, 1],
  ],
  P3: [
    [2, 2],
    [1, 3],
    [3, 1],
  ],
  P4: [
    [2, 3],
    [3, 2],
  ],
  P5: [[3, 3]],
};
/** Mean wall-clock time to respond and to resolve, chosen so most cycles meet their target. */
const RESPONSE_MEAN: Record<Priority, number> = {
  P1: 6 * MIN,
  P2: 12 * MIN,
  P3: 2 * HOUR,
  P4: 3 * HOUR,
  P5: 4 * HOUR,
};
const RESOLUTION_MEAN: Record<Priority, number> = {
  P1: 2 * HOUR,
  P2: 4 * HOUR,
  P3: 1.2 * DAY,
  P4: 1.5 * DAY,
  P5: 2 * DAY,
};
/** Mean age of open incidents: hours for P1/P2, days for the rest. */
const OPEN_AGE_MEAN: Record<Priority, number> = {
  P1: 3 * HOUR,
  P2: 8 * HOUR,
  P3: 2 * DAY,
  P4: 2 * DAY,
  P5: 2 * DAY,
};
const SYMPTOMS = [
  'returns 500s',
  'is slow',
  'times out',
  'fails health checks',
  'drops messages',
  'has a memory leak',
  'shows stale data',
  'rejects logins',
  'is down in eu-west',
  'queue is backing up',
];
const RESOLUTION_CODES = ['fixed', 'workaround', 'duplicate', 'no_fault_found'];
const HOLD_REASONS = ['awaiting_vendor', 'awaiting_change', 'awaiting_caller'];

interface Event {
  type: TimelineEntry['type'];
  actor: string;
  at: number;
  body?: string;
  changes?: { field: string; from: unknown; to: unknown }[];
  fromState?: string;
  toState?: string;
  /** Counts as an update of the record (bumps its version). */
  update?: boolean;
}

const iso = (t: number | null | undefined) =>
  t === null || t === undefined ? null : new Date(t).toISOString();
const userRef = (name: string) => `user:default/${name}`;
const groupRef = (name: string) => `group:default/${name}`;
const number = (prefix: string, n: number) =>
  `${prefix}-${String(n).padStart(6, '0')}`;

/**
 * Generates the records of one size, one record at a time, with every row the plugin
 * would have written for it: core, kind row, CIs, timeline and SLA timers (derived by
 * the plugin's own SlaClock from the generated timeline, as the backend would).
 */
export class RecordGenerator {
  private readonly random: Random;
  readonly now: number;
  /** Ids of some seeded incidents, for the per-request record operations. */
  readonly sampleIncidentIds: string[] = [];
  readonly counts = { incident: 0, change: 0, request: 0 };
  /** Incidents per primary CI, to name the hottest and a median component. */
  readonly incidentsPerComponent = new Map<string, number>();

  constructor(
    private readonly org: Organisation,
    readonly clock: SlaClock,
    private readonly offerings: Offering[],
    options: { seed?: number; now: Date },
  ) {
    this.random = new Random(options.seed ?? 7);
    this.now = options.now.getTime();
  }

  /** Incidents, then changes and requests (a tenth of the incidents each). */
  *records(incidents: number): Generator<RecordRows> {
    for (let i = 1; i <= incidents; i++) yield this.incident(i);
    const others = Math.max(1, Math.round(incidents / 10));
    for (let i = 1; i <= others; i++) yield this.change(i);
    for (let i = 1; i <= others; i++) yield this.request(i);
  }

  private component(): OrgComponent {
    return this.org.components[this.org.zipf.rank(this.random.next())];
  }

  private memberOf(group: string): string {
    const members = membersOf(this.org, group);
    return members.length
      ? this.random.pick(members)
      : this.random.pick(this.org.users).name;
  }

  private requester(): string {
    return userRef(this.random.pick(this.org.users).name);
  }

  /** When a closed record was raised: any time in the last year (more recent more often). */
  private pastCreation(): number {
    const u = this.random.next();
    return this.now - (1 - Math.sqrt(1 - u)) * 365 * DAY - HOUR;
  }

  incident(n: number): RecordRows {
    const r = this.random;
    const id = randomUUID();
    const ci = this.component();
    const priority = r.weighted<Priority>({
      P1: 1,
      P2: 4,
      P3: 25,
      P4: 40,
      P5: 30,
    });
    const [impact, urgency] = r.pick(LEVELS[priority]);
    const open = r.chance(OPEN_INCIDENT_SHARE);
    const requester = this.requester();
    const assigneeName = this.memberOf(ci.owner);
    const assignee = userRef(assigneeName);
    const responseDelay = r.exponential(RESPONSE_MEAN[priority]);
    const resolveDelay =
      responseDelay + r.exponential(RESOLUTION_MEAN[priority]);

    let created: number;
    if (open) {
      // Open incidents are recent: hours for P1/P2, days for the rest.
      const mean = OPEN_AGE_MEAN[priority];
      created = this.now - Math.min(r.exponential(mean), 30 * DAY) - MIN;
    } else {
      created = this.pastCreation();
      // A closed incident was resolved before now.
      if (created + resolveDelay >= this.now)
        created = this.now - resolveDelay - HOUR;
    }
    const events: Event[] = [
      { type: 'created', actor: requester, at: created },
    ];
    const acked = created + responseDelay;
    let state = 'new';
    let holdReason: string | null = null;
    let resolutionCode: string | null = null;
    let resolutionNotes: string | null = null;
    let acknowledgedAt: number | null = null;
    let resolvedAt: number | null = null;
    let closedAt: number | null = null;
    let assigned: string | null = null;
    const move = (
      to: string,
      at: number,
      actor: string,
      changes?: Event['changes'],
    ) => {
      events.push({
        type: 'state_changed',
        actor,
        at,
        fromState: state,
        toState: to,
        changes,
        update: true,
      });
      state = to;
    };
    const canceled = !open && r.chance(0.03);
    if (acked < this.now) {
      if (canceled) {
        move('canceled', acked, requester);
      } else {
        acknowledgedAt = acked;
        assigned = assignee;
        events.push({
          type: 'field_changed',
          actor: assignee,
          at: acked - 1000,
          update: true,
          changes: [{ field: 'assignee', from: null, to: assignee }],
        });
        move('in_progress', acked, assignee);
        const comments = r.int(3);
        const until = Math.min(created + resolveDelay, this.now);
        for (let c = 0; c < comments; c++) {
          const visibility = r.chance(0.5) ? 'comment' : 'work_note';
          events.push({
            type: visibility,
            actor: assignee,
            at: acked + (until - acked) * ((c + 1) / (comments + 1)),
            body:
              visibility === 'comment'
                ? 'Looking into it, will update here.'
                : 'Checked the dashboards; restarting one pod.',
          });
        }
        if (open) {
          if (r.chance(0.15)) {
            holdReason = r.pick(HOLD_REASONS.slice(0, 2));
            const at = acked + (this.now - acked) * 0.5;
            move('on_hold', at, assignee, [
              { field: 'holdReason', from: null, to: holdReason },
            ]);
          }
        } else {
          resolvedAt = created + resolveDelay;
          resolutionCode = r.pick(RESOLUTION_CODES);
          resolutionNotes =
            'Restarted the failing instances and added an alert.';
          move('resolved', resolvedAt, assignee, [
            { field: 'resolutionCode', from: null, to: resolutionCode },
            { field: 'resolutionNotes', from: null, to: resolutionNotes },
          ]);
          if (resolvedAt + AUTO_CLOSE_DAYS * DAY < this.now) {
            closedAt = resolvedAt + AUTO_CLOSE_DAYS * DAY;
            move('closed', closedAt, SYSTEM_ACTOR);
          }
        }
      }
    }
    if (n <= 5000 || r.chance(0.001)) {
      if (this.sampleIncidentIds.length < 5000) this.sampleIncidentIds.push(id);
    }
    this.counts.incident++;
    this.incidentsPerComponent.set(
      ci.ref,
      (this.incidentsPerComponent.get(ci.ref) ?? 0) + 1,
    );
    const subject: SlaSubjectRecord = {
      kind: 'incident',
      priority,
      tier: ci.tier,
      fulfillmentTarget: null,
      acknowledgedAtCreation: false,
    };
    const cis = [ci.ref];
    if (ci.dependsOn.length && r.chance(0.2)) cis.push(r.pick(ci.dependsOn));
    const rows = this.finish(id, events, subject, {
      kind: 'incident',
      number: number('INC', n),
      title: `${ci.name} ${r.pick(SYMPTOMS)}`,
      description: `Reported by ${requester}. Customers are affected; see the dashboards of ${ci.name}.`,
      state,
      entityRef: ci.ref,
      requester,
      assignee: assigned,
      group: groupRef(ci.owner),
      priority,
      isOpen: ['new', 'in_progress', 'on_hold'].includes(state),
      tier: ci.tier,
      created,
      cis,
    });
    rows.itsm_incidents = [
      [
        id,
        impact,
        urgency,
        holdReason,
        resolutionCode,
        resolutionNotes,
        iso(acknowledgedAt),
        iso(resolvedAt),
        iso(closedAt),
        null,
      ],
    ];
    return rows;
  }

  change(n: number): RecordRows {
    const r = this.random;
    const id = randomUUID();
    const ci = this.component();
    const type = r.weighted({ standard: 40, normal: 50, emergency: 10 });
    const risk =
      type === 'standard'
        ? 'low'
        : r.weighted({ low: 40, moderate: 40, high: 20 });
    const priority = changePriority(type, risk);
    const open = r.chance(OPEN_CHANGE_SHARE);
    const owner = groupRef(ci.owner);
    const requesterName = this.memberOf(ci.owner);
    const requester = userRef(requesterName);
    const path = CHANGE_PATH_TO_CLOSED.normal;
    const created = open
      ? this.now - r.exponential(5 * DAY) - HOUR
      : this.pastCreation() - 10 * DAY;
    let last = open ? r.int(path.length - 1) : path.length - 1;
    const canceled = !open && r.chance(0.08);
    if (canceled) last = 1 + r.int(3);
    const events: Event[] = [
      { type: 'created', actor: requester, at: created },
    ];
    const step = open
      ? (this.now - created) / (last + 1)
      : r.exponential(DAY) + HOUR;
    let state = 'draft';
    let t = created;
    let approvedAt: number | null = null;
    let actualStart: number | null = null;
    let actualEnd: number | null = null;
    for (let s = 1; s <= last; s++) {
      t += step;
      const to = path[s];
      events.push({
        type: 'state_changed',
        actor: requester,
        at: t,
        fromState: state,
        toState: to,
        update: true,
      });
      state = to;
      if (to === 'scheduled') approvedAt = t;
      if (to === 'implement') actualStart = t;
      if (to === 'review') actualEnd = t;
    }
    if (canceled) {
      t += step;
      events.push({
        type: 'state_changed',
        actor: requester,
        at: t,
        fromState: state,
        toState: 'canceled',
        update: true,
      });
      state = 'canceled';
    }
    const plannedStart = created + 3 * step;
    const closeCode =
      state === 'closed'
        ? r.weighted({
            successful: 80,
            successful_with_issues: 10,
            unsuccessful: 5,
            backed_out: 5,
          })
        : null;
    this.counts.change++;
    const rows = this.finish(id, events, null, {
      kind: 'change',
      number: number('CHG', n),
      title: `Deploy ${ci.name} ${1 + r.int(40)}.${r.int(20)}`,
      description: 'Rolling deployment behind a feature flag.',
      state,
      entityRef: ci.ref,
      requester,
      assignee: requester,
      group: owner,
      priority,
      isOpen: !['closed', 'canceled'].includes(state),
      tier: ci.tier,
      created,
      cis: [ci.ref],
    });
    const needsApproval =
      type !== 'standard' && path.indexOf(state as (typeof path)[number]) >= 2;
    rows.itsm_changes = [
      [
        id,
        type,
        risk,
        iso(plannedStart),
        iso(plannedStart + 2 * HOUR),
        'Deploy with the pipeline.',
        'Roll back to the previous release.',
        'Smoke tests.',
        iso(actualStart),
        iso(actualEnd),
        closeCode,
        closeCode ? 'Done as planned.' : null,
        needsApproval ? 1 : 0,
      ],
    ];
    if (needsApproval) {
      const stepId = randomUUID();
      const decided = approvedAt !== null;
      const stepState = decided ? 'approved' : 'pending';
      const approver = decided ? userRef(this.memberOf(ci.owner)) : null;
      rows.itsm_approval_steps = [
        [
          stepId,
          id,
          1,
          1,
          'Owner group',
          `A ${type} change needs its owner group`,
          stepState,
          approver,
          iso(approvedAt),
          null,
          iso(created + 2 * step),
        ],
      ];
      rows.itsm_approval_step_groups = [[stepId, owner, stepState]];
    }
    return rows;
  }

  request(n: number): RecordRows {
    const r = this.random;
    const id = randomUUID();
    const offering = r.pick(this.offerings);
    const requester = this.requester();
    const open = r.chance(OPEN_REQUEST_SHARE);
    const created = open
      ? this.now - r.exponential(2 * DAY) - MIN
      : this.pastCreation();
    const events: Event[] = [
      { type: 'created', actor: requester, at: created },
      {
        type: 'state_changed',
        actor: requester,
        at: created,
        fromState: 'submitted',
        toState: 'approved',
        update: true,
      },
    ];
    let state = 'approved';
    const worker = userRef(
      this.memberOf(offering.owner.replace(/^group:default\//, '')),
    );
    const start = created + r.exponential(4 * HOUR);
    let fulfilledAt: number | null = null;
    if (!open || (start < this.now && r.chance(0.6))) {
      events.push({
        type: 'state_changed',
        actor: worker,
        at: Math.min(start, this.now - 1000),
        fromState: state,
        toState: 'in_fulfillment',
        update: true,
      });
      state = 'in_fulfillment';
    }
    if (!open) {
      const end = start + r.exponential(10 * HOUR);
      const to = r.weighted({ fulfilled: 85, rejected: 5, canceled: 10 });
      events.push({
        type: 'state_changed',
        actor: to === 'canceled' ? requester : worker,
        at: end,
        fromState: state,
        toState: to,
        update: true,
        ...(to === 'canceled' ? {} : { body: 'Done.' }),
      });
      state = to;
      if (to === 'fulfilled') fulfilledAt = end;
    }
    const subject: SlaSubjectRecord = {
      kind: 'request',
      priority: 'P3',
      tier: null,
      fulfillmentTarget: offering.fulfillmentTarget,
    };
    this.counts.request++;
    const rows = this.finish(id, events, subject, {
      kind: 'request',
      number: number('REQ', n),
      title: offering.title,
      description: '',
      state,
      entityRef: offering.providedBy,
      requester,
      assignee: state === 'approved' ? null : worker,
      group: offering.owner,
      priority: 'P3',
      isOpen: [
        'submitted',
        'awaiting_approval',
        'approved',
        'in_fulfillment',
      ].includes(state),
      tier: null,
      created,
      cis: [offering.providedBy],
    });
    const due = this.clock.dueAt(subject, new Date(created));
    rows.itsm_requests = [
      [
        id,
        offering.ref,
        offering.title,
        '{}',
        offering.fulfillmentTarget,
        iso(due?.getTime() ?? created + DAY),
        iso(fulfilledAt),
        fulfilledAt ? 'Done.' : null,
        0,
      ],
    ];
    return rows;
  }

  /** Core row, CIs, timeline (with recorded breaches) and the SLA timers of a record. */
  private finish(
    id: string,
    events: Event[],
    subject: SlaSubjectRecord | null,
    core: {
      kind: string;
      number: string;
      title: string;
      description: string;
      state: string;
      entityRef: string;
      requester: string;
      assignee: string | null;
      group: string;
      priority: string;
      isOpen: boolean;
      tier: string | null;
      created: number;
      cis: string[];
    },
  ): RecordRows {
    const timeline: TimelineEntry[] = events.map((e, i) => ({
      id: randomUUID(),
      recordId: id,
      seq: i + 1,
      type: e.type,
      actor: e.actor,
      at: iso(e.at)!,
      ...(e.body ? { body: e.body } : {}),
      ...(e.changes ? { changes: e.changes } : {}),
      ...(e.fromState ? { fromState: e.fromState, toState: e.toState } : {}),
    }));
    const timers: Row[] = [];
    if (subject) {
      const now = new Date(this.now);
      const { policy, timers: derived } = this.clock.evaluate(
        subject,
        timeline,
        now,
      );
      for (const timer of derived) {
        timer.cycles.forEach((cycle, index) => {
          // As if the sweep had run all along: warnings and breaches are recorded.
          const warned = Math.max(0, ...cycle.thresholdsCrossed);
          const breached = cycle.status === 'breached';
          const breachedAt =
            cycle.breachedAt ?? (breached ? now.toISOString() : null);
          let nextWarning: string | null = null;
          if (
            policy &&
            cycle.stoppedAt === null &&
            cycle.dueAt !== null &&
            !breached
          ) {
            const next = policy.warningThresholds.find(f => f > warned);
            if (next !== undefined) {
              const remaining = next * timer.target - cycle.elapsed;
              nextWarning =
                remaining <= 0
                  ? now.toISOString()
                  : addBusinessMillis(
                      policy.calendar,
                      now,
                      remaining,
                    ).toISOString();
            }
          }
          timers.push([
            id,
            timer.metric,
            index + 1,
            policy!.name,
            cycle.status,
            timer.target,
            Math.round(cycle.elapsed),
            cycle.startedAt,
            cycle.stoppedAt,
            cycle.dueAt,
            breachedAt,
            nextWarning,
            warned,
            breached ? breachedAt : null,
            now.toISOString(),
          ]);
          if (breached && breachedAt) {
            events.push({
              type: 'sla_breached',
              actor: SYSTEM_ACTOR,
              at: Date.parse(breachedAt),
              body: `${
                timer.metric === 'response' ? 'Response' : 'Resolution'
              } SLA breached: target reached (policy "${policy!.name}")`,
            });
          }
        });
      }
    }
    events.sort((a, b) => a.at - b.at);
    const last = events[events.length - 1].at;
    const version = 1 + events.filter(e => e.update).length;
    const lastUpdate = Math.max(
      core.created,
      ...events.filter(e => e.update).map(e => e.at),
    );
    return {
      itsm_records: [
        [
          id,
          core.kind,
          core.number,
          core.title,
          core.description,
          core.state,
          core.entityRef,
          core.requester,
          core.assignee,
          core.group,
          core.priority,
          core.isOpen,
          iso(core.created),
          iso(Math.min(lastUpdate, last)),
          version,
          events.length,
          core.tier,
        ],
      ],
      itsm_record_cis: core.cis.map((ref, i) => [
        id,
        ref,
        i === 0 ? 'primary' : 'affected',
      ]),
      itsm_timeline: events.map((e, i) => [
        randomUUID(),
        id,
        i + 1,
        e.type,
        e.actor,
        iso(e.at),
        e.body ?? null,
        e.changes || e.fromState
          ? JSON.stringify({
              ...(e.changes ? { changes: e.changes } : {}),
              ...(e.fromState
                ? { fromState: e.fromState, toState: e.toState }
                : {}),
            })
          : null,
      ]),
      itsm_sla_timers: timers,
    };
  }
}
