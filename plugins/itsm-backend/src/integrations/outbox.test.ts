import { mockServices } from '@backstage/backend-test-utils';
import { Outbox } from './outbox';

describe('Outbox', () => {
  it('runs deferred handlers after the caller returns, a few at a time, and drains', async () => {
    const logger = mockServices.logger.mock();
    const outbox = new Outbox(logger, 2);
    const started: number[] = [];
    const release: Array<() => void> = [];
    const handle = outbox.defer((n: number) => {
      started.push(n);
      return new Promise<void>(resolve => release.push(resolve));
    });
    for (let n = 1; n <= 5; n++) handle(n);
    // The caller was not held; two run, the rest wait.
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    let drained = false;
    const drain = outbox.drain().then(() => {
      drained = true;
    });
    while (release.length) {
      release.shift()!();
      await new Promise(resolve => setImmediate(resolve));
    }
    await drain;
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(drained).toBe(true);
  });

  it('logs a failed handler and goes on', async () => {
    const logger = mockServices.logger.mock();
    const outbox = new Outbox(logger);
    const done: string[] = [];
    const handle = outbox.defer(async (what: string) => {
      if (what === 'bad') throw new Error('notifications backend down');
      done.push(what);
    });
    handle('bad');
    handle('good');
    await outbox.drain();
    expect(done).toEqual(['good']);
    expect(logger.warn).toHaveBeenCalledWith(
      'A notification failed: Error: notifications backend down',
    );
  });
});
