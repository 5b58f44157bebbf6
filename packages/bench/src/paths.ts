import { resolve } from 'node:path';

/** The monorepo root (this file is packages/bench/src/paths.ts). */
export const REPO_ROOT = resolve(__dirname, '../../..');
export const BENCH_ROOT = resolve(__dirname, '..');

export const repoPath = (...parts: string[]) => resolve(REPO_ROOT, ...parts);
export const benchPath = (...parts: string[]) => resolve(BENCH_ROOT, ...parts);
