import autocannon from 'autocannon';
import { percentile } from '../report/stats';

export interface LoadRequest {
  method?: 'GET' | 'POST' | 'PATCH';
  path: string;
  body?: object;
}

export interface LoadResult {
  connections: number;
  requests: number;
  errors: number;
  /** A few error answers, to say why in the log. */
  errorSamples: string[];
  rps: number;
  /** The run stopped before its time: the pool of records to write ran out. */
  ranDry: boolean;
  p50: number;
  p95: number;
  p99: number;
}

/**
 * Drives one operation with autocannon for `seconds` at `connections` concurrent
 * connections. Latencies are collected per response (autocannon's own histogram has no
 * p95). `next` gives every request its own path and body (random ids, fresh records);
 * when it returns undefined (a pool of records ran dry) the run stops early.
 */
export async function load(options: {
  baseUrl: string;
  token: string;
  connections: number;
  seconds: number;
  next: () => LoadRequest | undefined;
  onResponse?: (status: number, body: string) => void;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const errorSamples: string[] = [];
  let dry = false;
  const started = Date.now();
  let finish!: () => void;
  const finished = new Promise<void>(resolve => (finish = resolve));
  // The callback form returns the running instance (events, stop()).
  const instance = autocannon(
    {
      url: options.baseUrl,
      connections: options.connections,
      duration: options.seconds,
      timeout: 60,
      headers: {
        authorization: `Bearer ${options.token}`,
        'content-type': 'application/json',
      },
      requests: [
        {
          setupRequest: (req: any) => {
            const next = options.next();
            if (!next) {
              dry = true;
              // Not now: autocannon asks for the first requests before it returns.
              setImmediate(() => instance.stop());
              return {
                ...req,
                method: 'GET',
                path: '/healthcheck',
                body: undefined,
              };
            }
            return {
              ...req,
              method: next.method ?? 'GET',
              path: next.path,
              body: next.body ? JSON.stringify(next.body) : undefined,
            };
          },
          onResponse: (status: number, body: string) => {
            if (dry) return;
            if (status < 200 || status >= 300) {
              errors++;
              if (errorSamples.length < 3)
                errorSamples.push(`${status} ${String(body).slice(0, 200)}`);
            }
            options.onResponse?.(status, body);
          },
        },
      ],
    } as autocannon.Options,
    () => finish(),
  );
  instance.on(
    'response',
    (_client: unknown, _status: number, _bytes: number, ms: number) => {
      if (!dry) latencies.push(ms);
    },
  );
  instance.on('reqError', () => {
    errors++;
  });
  await finished;
  const elapsed = (Date.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    connections: options.connections,
    requests: latencies.length,
    errors,
    errorSamples,
    rps: latencies.length / elapsed,
    ranDry: dry,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
  };
}
