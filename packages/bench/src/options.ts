import { parseArgs } from 'node:util';

export type Engine = 'pg' | 'sqlite';

export interface BenchOptions {
  sizes: { label: string; incidents: number }[];
  engine: Engine;
  /** Seconds per operation and concurrency level. */
  duration: number;
  skipFrontend: boolean;
  keep: boolean;
  quick: boolean;
  /** Seed (and time the sweep) only: for measuring the seeder at large sizes. */
  seedOnly: boolean;
}

/** '10k' → 10 000, '1m' → 1 000 000, '2500' → 2 500. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`Bad size '${text}': use e.g. 10k, 100k, 1m`);
  const factor = { '': 1, k: 1_000, m: 1_000_000 }[
    match[2].toLowerCase() as '' | 'k' | 'm'
  ];
  return Math.round(Number(match[1]) * factor);
}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: 'string' },
      engine: { type: 'string', default: 'pg' },
      duration: { type: 'string', default: '10' },
      quick: { type: 'boolean', default: false },
      'skip-frontend': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'seed-only': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(
      'yarn bench [--sizes 10k,100k,1m] [--engine pg|sqlite] [--duration 10] [--quick] [--skip-frontend] [--keep] [--seed-only]\n',
    );
    process.exit(0);
  }
  const engine = values.engine as Engine;
  if (engine !== 'pg' && engine !== 'sqlite') {
    throw new Error(`--engine must be pg or sqlite, not '${values.engine}'`);
  }
  // SQLite writes one row at a time through one connection: smaller default sizes.
  const defaultSizes = engine === 'pg' ? '10k,100k,1m' : '10k,100k';
  const sizesText = values.quick ? '2k' : values.sizes ?? defaultSizes;
  const duration = values.quick ? 3 : Number(values.duration);
  if (!(duration > 0)) throw new Error('--duration must be a positive number');
  return {
    sizes: sizesText.split(',').map(label => ({
      label: label.trim().toLowerCase(),
      incidents: parseSize(label),
    })),
    engine,
    duration,
    skipFrontend: values['skip-frontend'] ?? false,
    keep: values.keep ?? false,
    quick: values.quick ?? false,
    seedOnly: values['seed-only'] ?? false,
  };
}
