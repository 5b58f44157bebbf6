import { mockCredentials } from '@backstage/backend-test-utils';
import { Knex } from 'knex';
import { RecordStore } from '../records/RecordStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { testServicesOver } from '../__testUtils__/services';
import { ItsmServices } from '../services';
import { AlertIntake } from './AlertIntake';
import { AlertPayload } from './mapping';
import { alertPolicySchema } from './policy';

jest.setTimeout(120_000);

const { databases, ids } = createTestDatabases();
const caller = { ref: 'alertmanager' };

/** An Alertmanager v4 alert on the payments API (by its name, as Prometheus labels it). */
const alert = (
  fingerprint: string,
  status: 'firing' | 'resolved' = 'firing',
  labels: Record<string, string> = { backstage_entity: 'payments-api' },
) => ({
  status,
  labels: { alertname: 'HighErrorRate', severity: 'critical', ...labels },
  annotations: { summary: '5xx above 5% for 10 minutes' },
  startsAt: '2026-12-01T08:00:00Z',
  endsAt:
    status === 'resolved' ? '2026-12-01T08:30:00Z' : '0001-01-01T00:00:00Z',
  generatorURL: 'http://prometheus.example/graph?g0.expr=errors',
  fingerprint,
});
const payload = (...alerts: AlertPayload['alerts']): AlertPayload => ({
  commonLabels: { job: 'payments' },
  alerts,
});

describe.each(ids)('alerts to incidents on %s', databaseId => {
  let knex: Knex;
  let records: RecordStore;
  let services: ItsmServices;
  const intake = (resolveIncidents = false) =>
    new AlertIntake({
      records,
      incidents: services.incidents,
      incidentStore: services.incidentStore,
      cis: services.cis,
      policy: alertPolicySchema.parse({ resolveIncidents }),
      credentials: async () => mockCredentials.service('plugin:itsm'),
    });
  const incidentCount = async () =>
    Number(
      (
        await knex('itsm_records').where({ kind: 'incident' }).count('* as n')
      )[0].n,
    );
  const timelineTypes = async (number: string) =>
    (await records.getTimeline((await services.incidents.get(number)).id)).map(
      e => e.type,
    );

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    await knex.migrate.latest({ directory: RecordStore.migrationsDir });
    records = new RecordStore(knex);
    services = testServicesOver()(records);
  });

  it('opens an incident on the entity the alert names, prioritised by its severity and routed to the owner', async () => {
    const [result] = await intake().receive(
      'alertmanager',
      payload(alert('fp-1')),
      caller,
    );
    expect(result).toEqual({
      fingerprint: 'fp-1',
      status: 'firing',
      outcome: 'created',
      entityRef: 'component:default/payments-api',
      incident: 'INC-000001',
    });
    const incident = await services.incidents.get('INC-000001');
    expect(incident).toMatchObject({
      title: 'HighErrorRate: 5xx above 5% for 10 minutes',
      entityRef: 'component:default/payments-api',
      impact: 1,
      urgency: 1,
      priority: 'P1',
      requester: 'alertmanager',
      assignmentGroup: 'group:default/team-payments',
    });
    expect(incident.description).toContain('`job=payments`');
    expect(incident.description).toContain(
      '[Source](http://prometheus.example/graph?g0.expr=errors)',
    );
    expect(await timelineTypes('INC-000001')).toEqual(['created', 'alert']);
  });

  it('adds the same alert firing again to its open incident, never a second one', async () => {
    await intake().receive('alertmanager', payload(alert('fp-1')), caller);
    const [again] = await intake().receive(
      'alertmanager',
      payload(alert('fp-1')),
      caller,
    );
    expect(again).toMatchObject({ outcome: 'updated', incident: 'INC-000001' });
    expect(await incidentCount()).toBe(1);
    expect(await timelineTypes('INC-000001')).toEqual([
      'created',
      'alert',
      'alert',
    ]);
  });

  it('opens one incident when the same payload arrives ten times at the same moment', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        intake().receive('alertmanager', payload(alert('fp-race')), caller),
      ),
    );
    const outcomes = answers.map(([r]) => r.outcome).sort();
    expect(outcomes.filter(o => o === 'created')).toHaveLength(1);
    expect(outcomes.filter(o => o === 'updated')).toHaveLength(9);
    // Every answer names the one incident (a loser's number may be skipped: numbers
    // are never reused).
    const numbers = new Set(answers.map(([r]) => r.incident));
    expect(numbers.size).toBe(1);
    expect(await incidentCount()).toBe(1);
    const types = await timelineTypes([...numbers][0]!);
    expect(types.filter(t => t === 'alert')).toHaveLength(10);
  });

  it('answers each alert of a payload: a known entity gets its incident, an unknown one its reason', async () => {
    const results = await intake().receive(
      'alertmanager',
      payload(
        alert('fp-known'),
        alert('fp-unknown', 'firing', {
          backstage_entity: 'component:default/no-such-service',
        }),
        alert('fp-none', 'firing', { job: '' }),
      ),
      caller,
    );
    expect(results).toEqual([
      expect.objectContaining({ fingerprint: 'fp-known', outcome: 'created' }),
      {
        fingerprint: 'fp-unknown',
        status: 'firing',
        outcome: 'unknown_entity',
        entityRef: 'component:default/no-such-service',
        reason:
          'entityRef: component:default/no-such-service is not in the catalog',
      },
      {
        fingerprint: 'fp-none',
        status: 'firing',
        outcome: 'no_entity',
        reason:
          'no label names an entity (tried backstage_entity, service, job)',
      },
    ]);
    expect(await incidentCount()).toBe(1);
  });

  it('falls back to the configured labels (service, job) when backstage_entity is absent', async () => {
    const [viaJob] = await intake().receive(
      'alertmanager',
      payload(alert('fp-job', 'firing', { backstage_entity: '' })),
      caller,
    );
    // commonLabels.job = payments: not in the test catalog, named as such.
    expect(viaJob).toMatchObject({
      outcome: 'unknown_entity',
      entityRef: 'component:default/payments',
    });
    const [viaService] = await intake().receive(
      'alertmanager',
      payload(
        alert('fp-svc', 'firing', {
          backstage_entity: '',
          service: 'payments-api',
        }),
      ),
      caller,
    );
    expect(viaService).toMatchObject({
      outcome: 'created',
      entityRef: 'component:default/payments-api',
    });
  });

  it('notes a resolved alert, and resolves the incident when configured and all its alerts resolved', async () => {
    await intake().receive('alertmanager', payload(alert('fp-1')), caller);
    const [kept] = await intake(false).receive(
      'alertmanager',
      payload(alert('fp-1', 'resolved')),
      caller,
    );
    expect(kept).toEqual({
      fingerprint: 'fp-1',
      status: 'resolved',
      outcome: 'resolved',
      incident: 'INC-000001',
    });
    expect((await services.incidents.get('INC-000001')).state).toBe('new');

    await intake().receive('alertmanager', payload(alert('fp-1')), caller);
    const [resolved] = await intake(true).receive(
      'alertmanager',
      payload(alert('fp-1', 'resolved')),
      caller,
    );
    expect(resolved).toMatchObject({
      outcome: 'resolved',
      incidentResolved: true,
    });
    const incident = await services.incidents.get('INC-000001');
    expect(incident).toMatchObject({
      state: 'resolved',
      resolutionCode: 'fixed',
    });

    // The incident is no longer open: the alert firing again opens a new one.
    const [refired] = await intake().receive(
      'alertmanager',
      payload(alert('fp-1')),
      caller,
    );
    expect(refired).toMatchObject({
      outcome: 'created',
      incident: 'INC-000002',
    });
    const [orphan] = await intake().receive(
      'alertmanager',
      payload(alert('fp-other', 'resolved')),
      caller,
    );
    expect(orphan).toMatchObject({ outcome: 'no_incident' });
  });

  it('keeps Grafana alerts apart from Alertmanager ones with the same fingerprint', async () => {
    await intake().receive('alertmanager', payload(alert('fp-1')), caller);
    const [grafana] = await intake().receive(
      'grafana',
      payload({
        ...alert('fp-1'),
        valueString: "[ var='A' labels={} value=7.5 ]",
        dashboardURL: 'http://grafana.example/d/abc',
      }),
      caller,
    );
    expect(grafana).toMatchObject({
      outcome: 'created',
      incident: 'INC-000002',
    });
    const incident = await services.incidents.get('INC-000002');
    expect(incident.description).toContain("Values: [ var='A'");
    expect(incident.description).toContain(
      '[Dashboard](http://grafana.example/d/abc)',
    );
  });
});
