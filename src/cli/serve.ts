/**
 * `marsad serve`: the HTTP JSON API and the web UI over a store, in one process. Loopback only
 * unless --host says otherwise; ingest over HTTP only with a token.
 */
import { type Command, InvalidArgumentError } from "commander";
import { InputError } from "../errors.js";

interface ServeFlags {
  db: string;
  port: number;
  host: string;
  token?: string;
  allowPrivate?: boolean;
}

export function registerServeCommand(program: Command): void {
  program
    .command("serve")
    .description("serve the JSON API (/api, documented at /api/openapi.json) and the web UI")
    .option(
      "--db <file|url>",
      "the store to serve: a SQLite file or a postgres:// URL",
      "marsad.db",
    )
    .option("--port <n>", "TCP port (0 picks a free one)", portOption, 8080)
    .option(
      "--host <address>",
      "interface to bind; anything but loopback is reachable by others",
      "127.0.0.1",
    )
    .option(
      "--token <token>",
      "enable POST /api/ingest for requests with `Authorization: Bearer <token>` (or set MARSAD_TOKEN)",
    )
    .option("--allow-private", "let /api/ingest fetch URLs on private and loopback addresses")
    .action(runServe);
}

async function runServe(flags: ServeFlags): Promise<void> {
  const token = flags.token ?? (process.env.MARSAD_TOKEN || undefined);
  if (token !== undefined && token.length < 8)
    throw new InputError("bad-option", "--token: use at least 8 characters");
  // Loaded here so that other commands do not pay for the server and the store at startup.
  const { isLoopbackHost, startServer } = await import("../server/index.js");
  const { openStore } = await import("../store/index.js");
  // Read-only unless ingest is enabled, so a served store cannot be changed by accident.
  const store = await openStore(flags.db, { readonly: !token });
  const server = await startServer({
    store,
    host: flags.host,
    port: flags.port,
    ...(token ? { token } : {}),
    allowPrivate: flags.allowPrivate === true,
  }).catch(async (error: NodeJS.ErrnoException) => {
    await store.close();
    if (error.code === "EADDRINUSE")
      throw new InputError("bad-option", `port ${flags.port} is already in use (try --port)`);
    if (error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND")
      throw new InputError("bad-option", `cannot bind ${flags.host}`);
    throw error;
  });
  const stats = await store.stats();
  process.stderr.write(
    `marsad: serving ${store.location} (${stats.articles} articles) at ${server.url}/  (API: ${server.url}/api/openapi.json)\n`,
  );
  if (!isLoopbackHost(flags.host))
    process.stderr.write(
      `marsad: warning: bound to ${flags.host}; anyone who can reach it can read the store\n`,
    );
  if (token) process.stderr.write("marsad: POST /api/ingest is enabled for the token holder\n");
  const stop = () => {
    server
      .close()
      .catch(() => {})
      .then(() => store.close())
      .finally(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

function portOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError("expected a port number, 0 to 65535");
  return n;
}
