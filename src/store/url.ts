/**
 * Telling a PostgreSQL store's URL from a SQLite file path, and reading it, without loading the
 * PostgreSQL driver: every command parses `--db`, and most of them open a file.
 */
import { InputError } from "../errors.js";

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** The URL with its password replaced, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/i, "$1***@");
}

/** The store's schema named by `?schema=` and the URL node-postgres gets (without it). */
export function parseStoreUrl(url: string): { connectionString: string; schema: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError("bad-option", `${redactUrl(url)}: not a valid postgres:// URL`);
  }
  const schema = parsed.searchParams.get("schema") ?? "public";
  // at most 44 characters: the queue's schema adds "_queue" and pg-boss takes 50
  if (!/^[a-z_][a-z0-9_]{0,43}$/.test(schema)) {
    throw new InputError(
      "bad-option",
      `schema "${schema}": use lower-case letters, digits and _ (at most 44)`,
    );
  }
  parsed.searchParams.delete("schema");
  return { connectionString: parsed.toString(), schema };
}
