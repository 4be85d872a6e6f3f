// The SQL dialects the storage runs on. Repositories are written once in Kysely; the few places
// that differ (key generation, full-text search) look at this.
export type SqlDialectKind = 'sqlite' | 'postgres';
