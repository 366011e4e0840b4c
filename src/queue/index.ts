/**
 * Distributed ingest for a PostgreSQL store: `enqueue` queues the sources, `runWorker` (on any
 * number of machines) analyses and stores them, `queueStatus` counts the jobs.
 */
export { type EnqueueOptions, type EnqueueSummary, enqueue } from "./enqueue.js";
export { EXPIRE_SECONDS, MAINTENANCE_SECONDS } from "./jobs.js";
export { type QueueStatus, queueStatus } from "./status.js";
export { runWorker, type WorkerEvent, type WorkerOptions, type WorkerSummary } from "./worker.js";
