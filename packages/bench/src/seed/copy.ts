import { once } from 'node:events';
import { Writable } from 'node:stream';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Row, TABLES, TableName, Value } from './tables';

const ESCAPES: Record<string, string> = {
  '\\': '\\\\',
  '\t': '\\t',
  '\n': '\\n',
  '\r': '\\r',
};

/** One value in COPY's text format. */
export function copyText(value: Value): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return value.replace(/[\\\t\n\r]/g, c => ESCAPES[c]);
}

export function copyLine(row: Row): string {
  return `${row.map(copyText).join('\t')}\n`;
}

/**
 * A COPY … FROM STDIN per table, each on its own connection, all open at once: the
 * generator makes every record once and its rows go to every table's stream. Text is
 * buffered and written in chunks; a full stream pauses the generator (backpressure).
 */
export class CopyWriters {
  private readonly streams = new Map<TableName, Writable>();
  private readonly buffers = new Map<TableName, string[]>();
  private readonly done: Promise<void>[] = [];
  readonly rows = new Map<TableName, number>();

  constructor(private readonly clients: Map<TableName, Client>) {}

  async open(): Promise<void> {
    for (const [table, client] of this.clients) {
      const columns = TABLES[table].join(', ');
      const stream = client.query(
        copyFrom(`COPY ${table} (${columns}) FROM STDIN`),
      );
      this.done.push(
        new Promise((resolve, reject) => {
          stream.on('finish', resolve);
          stream.on('error', reject);
        }),
      );
      this.streams.set(table, stream);
      this.buffers.set(table, []);
      this.rows.set(table, 0);
    }
  }

  /** Queues rows; flushes a table's buffer every few hundred rows. */
  async write(table: TableName, rows: Row[]): Promise<void> {
    const buffer = this.buffers.get(table)!;
    for (const row of rows) buffer.push(copyLine(row));
    this.rows.set(table, this.rows.get(table)! + rows.length);
    if (buffer.length >= 500) await this.flush(table);
  }

  private async flush(table: TableName): Promise<void> {
    const buffer = this.buffers.get(table)!;
    if (buffer.length === 0) return;
    const stream = this.streams.get(table)!;
    const chunk = buffer.join('');
    buffer.length = 0;
    if (!stream.write(chunk)) await once(stream, 'drain');
  }

  async close(): Promise<void> {
    for (const [table, stream] of this.streams) {
      await this.flush(table);
      stream.end();
    }
    await Promise.all(this.done);
  }
}
