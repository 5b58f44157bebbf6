import { growthTable, ms, operationsTable, ratio, table } from './format';

const run = (connections: number, p50: number, errors = 0) => ({
  connections,
  p50,
  p95: p50 * 2,
  p99: p50 * 3,
  rps: 1000 / p50,
  errors,
  requests: 100,
});

describe('format', () => {
  it('rounds milliseconds by magnitude and marks unknowns', () => {
    expect(ms(1.234)).toBe('1.23');
    expect(ms(12.34)).toBe('12.3');
    expect(ms(1234.5)).toBe('1235');
    expect(ms(undefined)).toBe('–');
    expect(ms(NaN)).toBe('–');
    expect(ratio(10, 4)).toBe('2.5×');
    expect(ratio(10, 0)).toBe('–');
  });

  it('escapes pipes in cells', () => {
    expect(table(['a|b'], [['x|y']])).toBe('| a\\|b |\n| --- |\n| x\\|y |');
  });

  it('shows errors in bold with the request count, raw SQL and the ratio', () => {
    const text = operationsTable([
      { name: 'list', runs: [run(1, 10), run(10, 40)], rawP50: 2 },
      { name: 'write', runs: [run(1, 5, 3), { ...run(10, 20), ranDry: true }] },
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      '| operation | c=1 p50 / p95 / p99 ms | c=10 p50 / p95 / p99 ms | req/s (c=1, c=10) | errors | raw SQL p50 ms | HTTP/raw |',
    );
    expect(lines[2]).toBe(
      '| list | 10.0 / 20.0 / 30.0 | 40.0 / 80.0 / 120 | 100 / 25 | 0 | 2.00 | 5.0× |',
    );
    expect(lines[3]).toContain('| 200 / 50† | **3 of 200** | – | – |');
    expect(lines[5]).toMatch(/^† stopped early/);
  });

  it('compares p95 of the largest size with the smallest', () => {
    const text = growthTable([
      { label: '10k', operations: [{ name: 'list', runs: [run(1, 10)] }] },
      { label: '1m', operations: [{ name: 'list', runs: [run(1, 150)] }] },
    ]);
    expect(text.split('\n')[2]).toBe('| list | 20.0 | 300 | 15× |');
  });
});
