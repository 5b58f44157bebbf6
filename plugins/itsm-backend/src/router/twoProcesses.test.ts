import { ChildProcess, fork } from 'child_process';
import { Knex } from 'knex';
import path from 'path';
import request from 'supertest';
import { testItsmConfig } from '../__testUtils__/backend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { as } from '../__testUtils__/users';

jest.setTimeout(180_000);

const { databases, ids } = createTestDatabases();

/** SLA targets short enough to breach while the test waits. */
const itsm = {
  ...testItsmConfig,
  sla: {
    calendars: { always: { type: '24x7' } },
    policies: [
      {
        name: 'Incidents',
        appliesTo: { kind: 'incident' },
        calendar: 'always',
        targets: { response: 'PT1S', resolution: 'PT2S' },
        pauseStates: ['on_hold'],
      },
    ],
  },
};

/** A backend in a child process of its own, and what it said on stderr. */
interface Instance {
  child: ChildProcess;
  url: string;
  stderr: string[];
}

function startInstance(db: object): Promise<Instance> {
  const stderr: string[] = [];
  const child = fork(
    path.resolve(__dirname, '../__testUtils__/backendProcess.ts'),
    [],
    {
      execArgv: [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      ],
      env: {
        ...process.env,
        ITSM_TEST_DB: JSON.stringify(db),
        ITSM_TEST_CONFIG: JSON.stringify(itsm),
      },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    },
  );
  child.stderr!.on('data', chunk => stderr.push(String(chunk)));
  return new Promise((resolve, reject) => {
    child.on('message', (message: any) => {
      if (message?.type === 'ready')
        resolve({ child, url: `http://127.0.0.1:${message.port}`, stderr });
    });
    child.on('exit', code =>
      reject(new Error(`backend process exited (${code}): ${stderr.join('')}`)),
    );
  });
}

let nextId = 0;
/** Runs a scheduled task of the plugin in that process, as its scheduler would. */
function trigger(instance: Instance, task: string): Promise<void> {
  const id = ++nextId;
  return new Promise((resolve, reject) => {
    const listener = (message: any) => {
      if (message?.id !== id) return;
      instance.child.off('message', listener);
      if (message.type === 'done') resolve();
      else reject(new Error(message.error));
    };
    instance.child.on('message', listener);
    instance.child.send({ type: 'trigger', task, id });
  });
}

const postgres = ids.filter(id => id === 'POSTGRES_15');

// Two processes on one database need a server: SQLite's test database is in memory.
(postgres.length ? describe : describe.skip)(
  'two backend processes on one database on POSTGRES_15',
  () => {
    let knex: Knex;
    let a: Instance;
    let b: Instance;

    beforeAll(async () => {
      knex = await databases.init('POSTGRES_15');
      const { client, connection } = knex.client.config;
      // Both start at once on an empty database: both run the migrations.
      [a, b] = await Promise.all([
        startInstance({ client, connection }),
        startInstance({ client, connection }),
      ]);
    });

    afterAll(async () => {
      for (const instance of [a, b]) {
        if (instance && instance.child.exitCode === null) {
          const exited = new Promise(resolve =>
            instance.child.once('exit', resolve),
          );
          instance.child.kill('SIGKILL');
          await exited;
        }
      }
    });

    const raise = (instance: Instance, title = 'Checkout is slow') =>
      request(instance.url).post('/api/itsm/incidents').set(as('alice')).send({
        title,
        entityRef: 'component:default/payments-api',
        impact: 2,
        urgency: 2,
      });
    const timelineOf = async (id: string) =>
      knex('itsm_timeline').where({ record_id: id }).orderBy('seq');

    it('let exactly one of many updates with the same version win, through both', async () => {
      const created = await raise(a);
      expect(created.status).toBe(201);
      const { number, version } = created.body;
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          request((i % 2 ? b : a).url)
            .patch(`/api/itsm/incidents/${number}`)
            .set(as('bob'))
            .send({ version, title: `Title ${i}` }),
        ),
      );
      const statuses = results.map(r => r.status).sort();
      expect(statuses).toEqual([200, ...Array(11).fill(409)]);
      const winner = results.find(r => r.status === 200)!;
      const stored = await request(b.url)
        .get(`/api/itsm/incidents/${number}`)
        .set(as('bob'));
      expect(stored.body).toMatchObject({
        title: winner.body.title,
        version: version + 1,
      });
      expect((await timelineOf(created.body.id)).map(e => e.type)).toEqual([
        'created',
        'field_changed',
      ]);

      // Transitions likewise: one of them moves it, the others are stale.
      const moves = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          request((i % 2 ? a : b).url)
            .post(`/api/itsm/incidents/${number}/transitions`)
            .set(as('bob'))
            .send({ version: version + 1, to: 'in_progress' }),
        ),
      );
      expect(moves.map(r => r.status).sort()).toEqual([
        200,
        ...Array(7).fill(409),
      ]);
    });

    it('lose no update among many comments and transitions through both', async () => {
      const created = await raise(b);
      const { number, id } = created.body;
      /**
       * Moves the incident back and forth until it has made `count` moves, reading
       * the version again after a 409 (the other worker moved it meanwhile).
       */
      const worker = async (instance: Instance, count: number) => {
        let moved = 0;
        while (moved < count) {
          const current = (
            await request(instance.url)
              .get(`/api/itsm/incidents/${number}`)
              .set(as('bob'))
          ).body;
          const to = current.state === 'on_hold' ? 'in_progress' : 'on_hold';
          const res = await request(instance.url)
            .post(`/api/itsm/incidents/${number}/transitions`)
            .set(as('bob'))
            .send({
              version: current.version,
              to,
              ...(to === 'on_hold' ? { holdReason: 'awaiting_vendor' } : {}),
            });
          if (res.status === 200) moved++;
          else if (res.status !== 409)
            throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
        }
      };
      const comment = (instance: Instance, i: number) =>
        request(instance.url)
          .post(`/api/itsm/incidents/${number}/comments`)
          .set(as(i % 3 ? 'bob' : 'alice'))
          .send({ body: `Note ${i}`, visibility: 'work_note' });
      const [, , comments] = await Promise.all([
        worker(a, 6),
        worker(b, 6),
        Promise.all(
          Array.from({ length: 20 }, (_, i) => comment(i % 2 ? a : b, i)),
        ),
      ]);
      expect(comments.map(r => r.status)).toEqual(Array(20).fill(201));

      const final = await request(a.url)
        .get(`/api/itsm/incidents/${number}`)
        .set(as('bob'));
      // Every successful move bumped the version once; comments do not.
      expect(final.body.version).toBe(created.body.version + 12);
      const timeline = await timelineOf(id);
      expect(timeline.map(e => Number(e.seq))).toEqual(
        timeline.map((_, i) => i + 1),
      );
      const count = (type: string) =>
        timeline.filter(e => e.type === type).length;
      expect({
        created: count('created'),
        moves: count('state_changed'),
        notes: count('work_note'),
        total: timeline.length,
      }).toEqual({ created: 1, moves: 12, notes: 20, total: 33 });
      expect(
        timeline
          .filter(e => e.type === 'work_note')
          .map(e => e.body)
          .sort(),
      ).toEqual(Array.from({ length: 20 }, (_, i) => `Note ${i}`).sort());
    });

    it('record every SLA breach exactly once when both sweep at the same moment', async () => {
      const raised = [];
      for (let i = 0; i < 10; i++)
        raised.push((await raise(i % 2 ? a : b, `Outage ${i}`)).body);
      // Response (1 s) and resolution (2 s) are both breached after 2 s.
      await new Promise(resolve => setTimeout(resolve, 2_500));

      await Promise.all([
        trigger(a, 'itsm-sla-sweep'),
        trigger(b, 'itsm-sla-sweep'),
      ]);
      await Promise.all([
        trigger(b, 'itsm-sla-sweep'),
        trigger(a, 'itsm-sla-sweep'),
      ]);

      const entries = await knex('itsm_timeline')
        .whereIn(
          'record_id',
          raised.map(r => r.id),
        )
        .andWhere({ type: 'sla_breached' })
        .select('record_id', 'body');
      expect(entries).toHaveLength(20);
      for (const incident of raised) {
        expect(
          entries
            .filter(e => e.record_id === incident.id)
            .map(e => e.body.split(' ')[0])
            .sort(),
        ).toEqual(['Resolution', 'Response']);
      }
      const timers = await knex('itsm_sla_timers').whereIn(
        'record_id',
        raised.map(r => r.id),
      );
      expect(timers).toHaveLength(20);
      expect(timers.every(t => t.breach_recorded_at !== null)).toBe(true);
    });
  },
);
