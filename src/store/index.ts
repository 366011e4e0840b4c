/**
 * The article store (SQLite) for ingest and search. Lands with the observatory issue.
 */
export {};
