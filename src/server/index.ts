/**
 * The web UI's HTTP server. Lands with the observatory issue.
 */
export {};
