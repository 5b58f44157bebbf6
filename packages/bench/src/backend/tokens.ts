import { benchBaseUrl } from './config';

/**
 * A real user token, the way the repository's scripts get one: the development-only
 * demo sign-in (auth.providers.demo) issues it for a catalog user named in a header.
 */
export async function userToken(user: string): Promise<string> {
  const res = await fetch(`${benchBaseUrl}/api/auth/demo/refresh`, {
    headers: { 'x-itsm-demo-user': user, 'x-requested-with': 'XMLHttpRequest' },
  });
  if (!res.ok) {
    throw new Error(
      `Sign-in as ${user}: ${res.status} ${(await res.text()).slice(0, 300)}`,
    );
  }
  const body = (await res.json()) as { backstageIdentity?: { token?: string } };
  const token = body.backstageIdentity?.token;
  if (!token) throw new Error(`Sign-in as ${user} returned no token`);
  return token;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * Waits for the backend to answer and the catalog to hold every generated entity:
 * signing in needs the user entity, then the counts per kind must be complete.
 */
export async function waitForCatalog(options: {
  admin: string;
  expected: Record<string, number>;
  timeoutMs: number;
  isDead: () => boolean;
  log: (line: string) => void;
}): Promise<string> {
  const deadline = Date.now() + options.timeoutMs;
  let token: string | undefined;
  let last = '';
  while (Date.now() < deadline) {
    if (options.isDead()) throw new Error('The backend exited; see its log');
    try {
      token ??= await userToken(options.admin);
      const counts: Record<string, number> = {};
      for (const kind of Object.keys(options.expected)) {
        const res = await fetch(
          `${benchBaseUrl}/api/catalog/entities/by-query?filter=kind=${kind}&limit=1`,
          { headers: { authorization: `Bearer ${token}` } },
        );
        if (!res.ok) throw new Error(`catalog ${res.status}`);
        counts[kind] = (
          (await res.json()) as { totalItems: number }
        ).totalItems;
      }
      const line = Object.entries(counts)
        .map(([k, n]) => `${k} ${n}/${options.expected[k]}`)
        .join(', ');
      if (line !== last) options.log(`  catalog: ${line}`);
      last = line;
      if (Object.entries(options.expected).every(([k, n]) => counts[k] >= n))
        return token;
    } catch (error) {
      const message = String((error as Error).message ?? error);
      if (message !== last)
        options.log(`  waiting for the backend: ${message.slice(0, 120)}`);
      last = message;
    }
    await sleep(2000);
  }
  throw new Error(
    `The catalog did not ingest everything in ${options.timeoutMs / 1000} s`,
  );
}
