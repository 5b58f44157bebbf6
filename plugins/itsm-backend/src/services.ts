import { CatalogReader } from './catalog/CatalogReader';
import { ApprovalEngine } from './approvals/ApprovalEngine';
import { ApprovalStore } from './approvals/ApprovalStore';
import { CatalogCis } from './catalog/CatalogCis';
import { ChangeService, ChangeServiceOptions } from './changes/ChangeService';
import { ChangeStore } from './changes/ChangeStore';
import { ItsmConfig } from './config';
import {
  IncidentService,
  IncidentServiceOptions,
} from './incidents/IncidentService';
import { IncidentStore } from './incidents/IncidentStore';
import { MajorIncidents } from './incidents/MajorIncidents';
import { RecordStore } from './records/RecordStore';
import { OfferingCatalog } from './requests/offerings';
import {
  RequestService,
  RequestServiceOptions,
} from './requests/RequestService';
import { RequestStore } from './requests/RequestStore';
import {
  ProblemService,
  ProblemServiceOptions,
} from './problems/ProblemService';
import { ProblemStore } from './problems/ProblemStore';
import { SlaClock } from './sla/SlaClock';
import { SlaTimerStore } from './sla/SlaTimerStore';
import { WorkQueues } from './work/WorkQueues';
import { BlastRadiusCalculator } from './impact/BlastRadius';

/** Who hears of what the services do. */
export interface ItsmNotifiers {
  incident?: IncidentServiceOptions['onEvent'];
  change?: ChangeServiceOptions['onEvent'];
  request?: RequestServiceOptions['onEvent'];
  problem?: ProblemServiceOptions['onEvent'];
}

/**
 * The services over one record store, wired once: the plugin's (over its database)
 * and the demo loader's (over the load's transaction) are built the same way.
 */
export function createItsmServices(options: {
  records: RecordStore;
  config: Pick<
    ItsmConfig,
    | 'priorityMatrix'
    | 'majorIncidentGroup'
    | 'changes'
    | 'sla'
    | 'routing'
    | 'approvals'
    | 'problems'
    | 'impact'
  >;
  catalog: CatalogReader;
  notifiers?: ItsmNotifiers;
}) {
  const { records, config, catalog, notifiers = {} } = options;
  // SLA timers follow every transition from here on (same transaction).
  const slaClock = new SlaClock(config.sla.policies);
  const slaTimers = new SlaTimerStore(records, slaClock).attach();
  const incidentStore = new IncidentStore(records);
  const changeStore = new ChangeStore(records);
  const cis = new CatalogCis(catalog, config.routing);
  const impact = new BlastRadiusCalculator(catalog, config.impact);
  const approvals = new ApprovalEngine(
    new ApprovalStore(records.db),
    config.approvals,
  );
  const incidentOptions: IncidentServiceOptions = {
    records,
    incidents: incidentStore,
    cis,
    priorityMatrix: config.priorityMatrix,
    impact,
    notifyImpactedOwners: config.impact.notifyOwners,
    onEvent: notifiers.incident,
  };
  const changeOptions: ChangeServiceOptions = {
    records,
    changes: changeStore,
    incidents: incidentStore,
    approvals,
    cis,
    policy: config.changes,
    impact,
    onEvent: notifiers.change,
  };
  const requestOptions: RequestServiceOptions = {
    records,
    requests: new RequestStore(records),
    approvals,
    offerings: new OfferingCatalog(catalog),
    cis,
    sla: slaClock,
    onEvent: notifiers.request,
  };
  const problemOptions: ProblemServiceOptions = {
    records,
    problems: new ProblemStore(records),
    cis,
    priorityMatrix: config.priorityMatrix,
    policy: config.problems,
    onEvent: notifiers.problem,
  };
  /** The services acting at the given clock (demo records have a past). */
  const at = (now?: () => Date) => ({
    incidents: new IncidentService({ ...incidentOptions, now }),
    changes: new ChangeService({ ...changeOptions, now }),
    requests: new RequestService({ ...requestOptions, now }),
    problems: new ProblemService({ ...problemOptions, now }),
  });
  return {
    records,
    cis,
    approvals,
    incidentStore,
    changeStore,
    impact,
    major: new MajorIncidents({
      records,
      incidents: incidentStore,
      impact,
      group: config.majorIncidentGroup,
      onEvent: notifiers.incident,
    }),
    work: new WorkQueues(records, approvals),
    slaClock,
    slaTimers,
    ...at(),
    at,
  };
}

export type ItsmServices = ReturnType<typeof createItsmServices>;
