// What a command prints. Every command produces a Result holding both forms: the JSON value for
// --json (stdout carries nothing else, so it always parses) and the lines a person reads.

export interface Writer {
  write(chunk: string): unknown;
}

export interface Result {
  /** Printed as JSON with --json. */
  json: unknown;
  /** Printed otherwise; one string per line. */
  lines: string[];
}

/** Cells are single-line: a newline in a room description must not break the table. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(String).join(',');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** A plain-text table with padded columns; "(none)" when there are no rows. */
export function formatTable(headers: string[], rows: unknown[][]): string[] {
  if (rows.length === 0) return ['(none)'];
  const cells = rows.map((row) => headers.map((_, index) => cell(row[index])));
  const widths = headers.map((header, index) => Math.max(header.length, ...cells.map((row) => row[index]!.length)));
  const line = (values: string[]): string =>
    values
      .map((value, index) => (index === values.length - 1 ? value : value.padEnd(widths[index]!)))
      .join('  ')
      .trimEnd();
  return [line(headers.map((header) => header.toUpperCase())), ...cells.map(line)];
}

/** "key: value" lines with the values aligned. */
export function formatFields(fields: [string, unknown][]): string[] {
  const width = Math.max(0, ...fields.map(([key]) => key.length));
  return fields.map(([key, value]) => `${`${key}:`.padEnd(width + 1)} ${cell(value)}`.trimEnd());
}

export function printResult(out: Writer, result: Result, json: boolean): void {
  if (json) {
    out.write(`${JSON.stringify(result.json, null, 2)}\n`);
    return;
  }
  for (const line of result.lines) out.write(`${line}\n`);
}
