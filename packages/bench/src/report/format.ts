/**
 * Markdown tables of the results. Pure functions of plain data, so they are tested
 * without a database or a backend.
 */

export interface OperationFigures {
  name: string;
  /** One per concurrency level, in order (c=1, c=10). */
  runs: {
    connections: number;
    p50: number;
    p95: number;
    p99: number;
    rps: number;
    errors: number;
    requests: number;
    ranDry?: boolean;
  }[];
  rawP50?: number;
}

/** Milliseconds, with fewer decimals as they grow; '–' when unknown. */
export function ms(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return value.toFixed(0);
}

export function ratio(a: number | undefined, b: number | undefined): string {
  if (a === undefined || b === undefined || !(b > 0) || Number.isNaN(a))
    return '–';
  return `${(a / b).toFixed(a / b < 10 ? 1 : 0)}×`;
}

export function bytes(value: number): string {
  if (value >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(1)} MiB`;
  if (value >= 1024) return `${(value / 1024).toFixed(1)} KiB`;
  return `${value} B`;
}

export function table(header: string[], rows: string[][]): string {
  const escape = (cell: string) => cell.replace(/\|/g, '\\|');
  return [
    `| ${header.map(escape).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map(row => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

/**
 * The per-size table: latencies at each concurrency, throughput at the highest, errors
 * over all runs (a run with errors shows them, bold), the raw SQL p50 and the ratio of
 * HTTP p50 (c=1) to it.
 */
export function operationsTable(operations: OperationFigures[]): string {
  const levels = operations[0]?.runs.map(r => r.connections) ?? [];
  const header = [
    'operation',
    ...levels.map(c => `c=${c} p50 / p95 / p99 ms`),
    `req/s (c=${levels.join(', c=')})`,
    'errors',
    'raw SQL p50 ms',
    'HTTP/raw',
  ];
  const rows = operations.map(op => {
    const errors = op.runs.reduce((sum, r) => sum + r.errors, 0);
    const requests = op.runs.reduce((sum, r) => sum + r.requests, 0);
    return [
      op.name,
      ...op.runs.map(r =>
        r.requests
          ? `${ms(r.p50)} / ${ms(r.p95)} / ${ms(r.p99)}`
          : 'no requests',
      ),
      op.runs.map(r => `${r.rps.toFixed(0)}${r.ranDry ? '†' : ''}`).join(' / '),
      errors ? `**${errors} of ${requests}**` : '0',
      ms(op.rawP50),
      ratio(op.runs[0]?.p50, op.rawP50),
    ];
  });
  const dry = operations.some(op => op.runs.some(r => r.ranDry));
  return `${table(header, rows)}${
    dry
      ? '\n\n† stopped early: the records made by the previous write ran out (fewer requests).'
      : ''
  }`;
}

/**
 * Growth per operation: p95 (c=1) at every size, and the largest size against the
 * smallest.
 */
export function growthTable(
  sizes: { label: string; operations: OperationFigures[] }[],
): string {
  if (sizes.length === 0) return '';
  const names = sizes[0].operations.map(op => op.name);
  const first = sizes[0];
  const last = sizes[sizes.length - 1];
  const p95 = (size: (typeof sizes)[number], name: string) =>
    size.operations.find(op => op.name === name)?.runs[0]?.p95;
  const header = [
    'operation',
    ...sizes.map(s => `p95 ms @ ${s.label}`),
    ...(sizes.length > 1 ? [`${last.label} / ${first.label}`] : []),
  ];
  const rows = names.map(name => [
    name,
    ...sizes.map(s => ms(p95(s, name))),
    ...(sizes.length > 1 ? [ratio(p95(last, name), p95(first, name))] : []),
  ]);
  return table(header, rows);
}
