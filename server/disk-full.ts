// A full disk is an operator's problem, not the client's: the log says "disk full" with the
// reason, the answer is a plain 500 `internal` without errno text (issue 9 #12).

/** Thrown where the server refuses or fails work because the disk (or the database) is full. */
export class DiskFullError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DiskFullError';
  }
}

/** ENOSPC/EDQUOT from the file system, SQLITE_FULL from SQLite, 53100 (disk_full) from PostgreSQL. */
export function isDiskFull(error: unknown): boolean {
  if (error instanceof DiskFullError) return true;
  if (error === null || typeof error !== 'object' || !('code' in error)) return false;
  return error.code === 'ENOSPC' || error.code === 'EDQUOT' || error.code === 'SQLITE_FULL' || error.code === '53100';
}
