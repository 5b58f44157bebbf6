import { createRandom, Random, Zipf } from './random';
import { copyLine, copyText } from './copy';
import { parseSize } from '../options';

describe('Zipf', () => {
  it('has probabilities that sum to one and fall with the rank as 1/k^s', () => {
    const zipf = new Zipf(2400, 1.07);
    let sum = 0;
    for (let k = 0; k < zipf.n; k++) sum += zipf.probability(k);
    expect(sum).toBeCloseTo(1, 10);
    // p(k) / p(2k) = 2^s whatever k.
    expect(zipf.probability(9) / zipf.probability(19)).toBeCloseTo(
      2 ** 1.07,
      6,
    );
  });

  it('maps uniform draws onto ranks by the cumulative distribution', () => {
    const zipf = new Zipf(5, 1);
    // Weights 1, 1/2, 1/3, 1/4, 1/5 over H5 = 137/60.
    expect(zipf.rank(0)).toBe(0);
    expect(zipf.rank(60 / 137 - 1e-9)).toBe(0);
    expect(zipf.rank(60 / 137 + 1e-9)).toBe(1);
    expect(zipf.rank(0.999999)).toBe(4);
  });

  it('draws the hottest rank about as often as its probability', () => {
    const zipf = new Zipf(2400, 1.07);
    const random = createRandom(1);
    const draws = 200_000;
    const counts = new Map<number, number>();
    for (let i = 0; i < draws; i++) {
      const k = zipf.rank(random());
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const share = (counts.get(0) ?? 0) / draws;
    expect(Math.abs(share - zipf.probability(0))).toBeLessThan(0.005);
    // Skewed: the top 1 % of components get a large share, the median a sliver.
    let top = 0;
    for (let k = 0; k < 24; k++) top += counts.get(k) ?? 0;
    expect(top / draws).toBeGreaterThan(0.3);
    expect(zipf.probability(1200)).toBeLessThan(zipf.probability(0) / 1000);
  });
});

describe('Random', () => {
  it('is repeatable for a seed', () => {
    const a = new Random(42);
    const b = new Random(42);
    expect(Array.from({ length: 5 }, () => a.int(1000))).toEqual(
      Array.from({ length: 5 }, () => b.int(1000)),
    );
  });

  it('picks by weight', () => {
    const random = new Random(3);
    const counts = { a: 0, b: 0 };
    for (let i = 0; i < 10_000; i++) counts[random.weighted({ a: 1, b: 3 })]++;
    expect(counts.b / 10_000).toBeGreaterThan(0.72);
    expect(counts.b / 10_000).toBeLessThan(0.78);
  });
});

describe('COPY text format', () => {
  it('escapes the characters COPY treats specially and writes NULL as \\N', () => {
    expect(copyText('a\tb\nc\\d\re')).toBe('a\\tb\\nc\\\\d\\re');
    expect(copyText(null)).toBe('\\N');
    expect(copyText(true)).toBe('t');
    expect(copyLine(['x', 1, null, false])).toBe('x\t1\t\\N\tf\n');
  });
});

describe('parseSize', () => {
  it('reads k and m suffixes', () => {
    expect(parseSize('10k')).toBe(10_000);
    expect(parseSize('1M')).toBe(1_000_000);
    expect(parseSize('2.5k')).toBe(2_500);
    expect(() => parseSize('ten')).toThrow(/Bad size/);
  });
});
