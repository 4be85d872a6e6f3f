// Long lists go to the database a slice at a time: SQLite binds at most 32,766 parameters in one
// statement, and a statement of thousands of rows holds the single writer that much longer.

/** Rows (or ids) per statement. */
export const ROWS_PER_STATEMENT = 500;

export function inChunks<T>(items: readonly T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
