/**
 * Seeded randomness, so that two runs of the bench seed the same organisation and the
 * same records (figures are comparable across runs and machines).
 */

/** mulberry32: small, fast, good enough for test data. Returns floats in [0, 1). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Helpers over one random source. */
export class Random {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = createRandom(seed);
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Exponentially distributed with the given mean (waiting times). */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** Picks a key by weight, e.g. { P1: 1, P2: 5, P3: 30 }. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [key, w] of entries) {
      r -= w;
      if (r < 0) return key;
    }
    return entries[entries.length - 1][0];
  }
}

/**
 * Zipf-like ranks: rank k (0-based) is drawn with probability ∝ 1 / (k + 1)^s. A few
 * hot components get most incidents, a long tail gets a handful, as in real estates.
 * Sampling is a binary search in the cumulative distribution: O(log n) per draw.
 */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(readonly n: number, readonly s: number) {
    if (n < 1) throw new Error('Zipf needs at least one rank');
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let k = 0; k < n; k++) {
      total += 1 / Math.pow(k + 1, s);
      this.cumulative[k] = total;
    }
    for (let k = 0; k < n; k++) this.cumulative[k] /= total;
  }

  /** Probability of rank k. */
  probability(k: number): number {
    return this.cumulative[k] - (k === 0 ? 0 : this.cumulative[k - 1]);
  }

  /** A rank for a uniform draw u in [0, 1). */
  rank(u: number): number {
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The rank whose cumulative share first reaches `q` (0.5: the median component). */
  quantileRank(q: number): number {
    return this.rank(Math.min(q, 1 - Number.EPSILON));
  }
}
