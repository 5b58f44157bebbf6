import { LoggerService } from '@backstage/backend-plugin-api';

/**
 * Side effects of a committed change (notifications) run after the response, a few
 * at a time: the record change has happened, and a slow notifications backend (which
 * resolves group members through the catalog) must neither hold the caller's request
 * nor be flooded under load. Failures are logged; `drain` waits for what is queued
 * (shutdown, tests).
 */
export class Outbox {
  private readonly queue: Array<() => Promise<unknown>> = [];
  private running = 0;
  private idle: Array<() => void> = [];

  constructor(
    private readonly logger: LoggerService,
    private readonly concurrency = 4,
  ) {}

  /** A handler that queues each event for `handle` instead of running it now. */
  defer<E>(handle?: (event: E) => Promise<unknown> | unknown) {
    return (event: E): void => {
      if (!handle) return;
      this.queue.push(async () => handle(event));
      this.pump();
    };
  }

  /** Resolves once nothing is queued or running. */
  drain(): Promise<void> {
    if (this.running === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise(resolve => this.idle.push(resolve));
  }

  private pump() {
    while (this.running < this.concurrency && this.queue.length) {
      const task = this.queue.shift()!;
      this.running++;
      task()
        .catch(error => this.logger.warn(`A notification failed: ${error}`))
        .finally(() => {
          this.running--;
          this.pump();
          if (this.running === 0 && this.queue.length === 0) {
            const waiting = this.idle;
            this.idle = [];
            waiting.forEach(resolve => resolve());
          }
        });
    }
  }
}
