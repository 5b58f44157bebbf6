import { dirname, resolve } from 'node:path';

/**
 * The monorepo root, found through a workspace package the bench depends on
 * (plugins/itsm-backend), so that the bench runs from any working directory.
 */
export const REPO_ROOT = resolve(
  dirname(require.resolve('@backstage-itsm/plugin-itsm-backend/package.json')),
  '../..',
);
export const BENCH_ROOT = resolve(REPO_ROOT, 'packages/bench');

export const repoPath = (...parts: string[]) => resolve(REPO_ROOT, ...parts);
export const benchPath = (...parts: string[]) => resolve(BENCH_ROOT, ...parts);
