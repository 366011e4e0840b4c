/**
 * PostgreSQL for the tests of the store: each test (or each group of tests sharing one store)
 * gets a schema of its own, made fresh and dropped after, so that tests running at once never see
 * each other's rows. The server is the developer's local one (MARSAD_TEST_PG names another);
 * when none answers the tests fail and say how to start it: a skipped backend would pass
 * unnoticed.
 */
import pg from "pg";

/** The database the test schemas go in. */
export const TEST_PG = process.env.MARSAD_TEST_PG ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** A URL on the test server's host where no server answers (port 1), for the errors it gives. */
export const NOWHERE_PG = (() => {
  const url = new URL(TEST_PG);
  url.port = "1";
  return url.toString();
})();

/** The store backends every store test runs over. */
export const BACKENDS = ["sqlite", "postgres"] as const;
export type Backend = (typeof BACKENDS)[number];

export interface FreshSchema {
  /** The store URL: TEST_PG with `?schema=<name>`. */
  url: string;
  schema: string;
  /** Drops the schema and everything in it, and its queue's schema (`<schema>_queue`) if made. */
  drop: () => Promise<void>;
}

let made = 0;

/** A new, empty schema in the test database. */
export async function freshPostgres(): Promise<FreshSchema> {
  const random = Math.random().toString(36).slice(2, 8);
  const schema = `t_${process.pid}_${++made}_${random}`;
  await withClient((client) => client.query(`CREATE SCHEMA ${schema}`));
  const url = new URL(TEST_PG);
  url.searchParams.set("schema", schema);
  return {
    url: url.toString(),
    schema,
    drop: async () => {
      await withClient(async (client) => {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        // the queue's schema sits beside the store's
        await client.query(`DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`);
      });
    },
  };
}

/**
 * A new database whose own collation is the ICU locale's (sorting "a" before "B", where SQLite
 * and the "C" collation put "B" first); `drop` drops it. For the tests of text order.
 */
export async function freshPostgresDatabase(icuLocale: string): Promise<FreshSchema> {
  const random = Math.random().toString(36).slice(2, 8);
  const name = `t_${process.pid}_${++made}_${random}`;
  await withClient((client) =>
    client.query(
      `CREATE DATABASE ${name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE '${icuLocale}'`,
    ),
  );
  const url = new URL(TEST_PG);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    schema: "public",
    drop: async () => {
      await withClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Runs `work` on a connection to the test database whose search path is `schema`. */
export async function withClient<T>(
  work: (client: pg.Client) => Promise<T>,
  schema?: string,
  url = TEST_PG,
): Promise<T> {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 5000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `the store tests need PostgreSQL on ${where(url)} (user postgres, trust auth), and cannot ` +
        `connect (${(error as Error).message || String(error)}); start it with ` +
        "`pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql | head -n1) main start`, " +
        "or set MARSAD_TEST_PG to another server's URL",
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The rows of a query on a store URL made here (its schema as search path). */
export async function postgresRows<T>(url: string, sql: string, params: unknown[] = []) {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get("schema") ?? "public";
  parsed.searchParams.delete("schema");
  return withClient(
    async (client) => (await client.query(sql, params)).rows as T[],
    schema,
    parsed.toString(),
  );
}

/** Host, port and database of a URL, for messages (never its password). */
function where(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`;
}
