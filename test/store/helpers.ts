/** Shared by the store tests: temporary stores, generated articles, consistency checks. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { expect } from "vitest";
import { type InputError, isInputError } from "../../src/errors.js";
import { numberPlaceholders } from "../../src/store/postgres.js";
import { isPostgresUrl } from "../../src/store/url.js";
import { type Backend, freshPostgres, postgresRows } from "../helpers/postgres.js";

export { SEED_TEXT as SEED } from "../shared-data.js";

export function tempDir(prefix = "marsad-store-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const PLACES = ["الصين", "روسيا", "تونس", "الجزائر", "مصر", "المغرب", "فرنسا", "تركيا", "إيطاليا"];
const TOPICS = [
  "التعاون الاقتصادي",
  "الاستثمار في الطاقة",
  "تبادل الخبرات الزراعية",
  "تطوير البنية التحتية",
  "التعليم العالي والبحث العلمي",
  "مكافحة التغير المناخي",
  "السياحة والثقافة",
];
const VERBS = ["ناقش", "بحث", "استعرض", "تناول", "درس"];
const GROUPS = ["وفد برلماني", "وفد وزاري", "فريق من الخبراء", "وفد من رجال الأعمال"];
const ORDINALS = [
  "الأول",
  "الثاني",
  "الثالث",
  "الرابع",
  "الخامس",
  "السادس",
  "السابع",
  "الثامن",
  "التاسع",
  "العاشر",
];

/**
 * The n-th generated short article: distinct words per n (so no two share a content hash and few
 * look alike), a date spread over two years.
 */
export function shortArticle(n: number): { text: string; date: string } {
  const place = PLACES[n % PLACES.length] as string;
  const other = PLACES[(n * 7 + 3) % PLACES.length] as string;
  const topic = TOPICS[n % TOPICS.length] as string;
  const verb = VERBS[n % VERBS.length] as string;
  const group = GROUPS[n % GROUPS.length] as string;
  const round = ORDINALS[n % ORDINALS.length] as string;
  const text = [
    `${verb} ${group} في اللقاء رقم ${n} مع نظرائه من ${place} ملف ${topic}.`,
    `وجرى خلال الاجتماع ${round} استعراض ${n * 3 + 11} مشروعا مشتركا مع ${other} بقيمة ${n * 17 + 250} مليون دينار.`,
    `واتفق الطرفان على عقد الجولة المقبلة بعد ${(n % 11) + 2} أسابيع لمتابعة ما تقرر في الاجتماع رقم ${n}.`,
  ].join(" ");
  const month = (n % 24) + 1;
  const year = 2015 + Math.floor((month - 1) / 12);
  const date = `${year}-${String(((month - 1) % 12) + 1).padStart(2, "0")}-${String((n % 28) + 1).padStart(2, "0")}`;
  return { text, date };
}

/** A new, empty place for a store: a file in `dir`, or a PostgreSQL schema of its own. */
export async function freshTarget(
  backend: Backend,
  dir: string,
  name: string,
): Promise<{ target: string; drop: () => Promise<void> }> {
  if (backend === "sqlite") return { target: join(dir, `${name}.db`), drop: async () => {} };
  const { url, drop } = await freshPostgres();
  return { target: url, drop };
}

/** The rows of a query (`?` placeholders) run on the store at `target`, around the store's code. */
export async function storeRows<T>(target: string, sql: string, params: unknown[] = []) {
  if (isPostgresUrl(target)) return postgresRows<T>(target, numberPlaceholders(sql), params);
  const db = new Database(target, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Counts that must agree across tables; `{fts}` is the text index's table of documents. */
const CHECKS: [string, string][] = [
  [
    "cluster sizes",
    "SELECT (SELECT count(*) FROM articles) - (SELECT coalesce(sum(size), 0) FROM clusters)",
  ],
  ["empty clusters", "SELECT count(*) FROM clusters WHERE size <= 0"],
  [
    "articles outside the text index",
    "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM {fts})",
  ],
  [
    "article contents",
    "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM article_content)",
  ],
  ["signatures", "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM signatures)"],
  [
    "done sources without their article",
    "SELECT count(*) FROM sources s WHERE s.status = 'done' AND s.kind != 'feed' AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = s.article)",
  ],
  [
    "articles without a done source",
    "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.article = a.id AND s.status = 'done')",
  ],
  [
    "entity article counts",
    "SELECT (SELECT coalesce(sum(articles), 0) FROM entities) - (SELECT count(*) FROM article_entities)",
  ],
  [
    "entity links to missing articles",
    "SELECT count(*) FROM article_entities x WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = x.article)",
  ],
  [
    "quotes of missing articles",
    "SELECT count(*) FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = q.article)",
  ],
];

export interface Consistency {
  /** SQLite's integrity_check ("ok"); null on PostgreSQL, which has no such check to run. */
  integrity: string | null;
  problems: string[];
  articles: number;
  doneSources: number;
}

/**
 * Checks a store is whole: counts that must agree across tables, and on SQLite the file's own
 * integrity check. The text index is FTS5's fts_docsize on SQLite, the fts table on PostgreSQL.
 */
export async function consistency(target: string): Promise<Consistency> {
  return isPostgresUrl(target) ? postgresConsistency(target) : sqliteConsistency(target);
}

/** The checks whose counts are not 0, with their counts. */
function problemsOf(counts: number[]): string[] {
  return CHECKS.flatMap(([name], i) => (counts[i] === 0 ? [] : [`${name}: ${counts[i]}`]));
}

function sqliteConsistency(path: string): Consistency {
  const db = new Database(path);
  try {
    const one = (sql: string) => db.prepare(sql).pluck().get() as number;
    return {
      integrity: db.pragma("integrity_check", { simple: true }) as string,
      problems: problemsOf(CHECKS.map(([, sql]) => one(sql.replace("{fts}", "fts_docsize")))),
      articles: one("SELECT count(*) FROM articles"),
      doneSources: one("SELECT count(*) FROM sources WHERE status = 'done'"),
    };
  } finally {
    db.close();
  }
}

async function postgresConsistency(url: string): Promise<Consistency> {
  // every count in one statement, so that all see the same moment of a store being written
  const counts = [
    ...CHECKS.map(([, sql]) => sql.replace("{fts}", "fts")),
    "SELECT count(*) FROM articles",
    "SELECT count(*) FROM sources WHERE status = 'done'",
  ];
  const [row] = await postgresRows<Record<string, string>>(
    url,
    `SELECT ${counts.map((sql, i) => `(${sql}) AS c${i}`).join(", ")}`,
  );
  const values = counts.map((_, i) => Number(row?.[`c${i}`]));
  return {
    integrity: null,
    problems: problemsOf(values.slice(0, CHECKS.length)),
    articles: values[CHECKS.length] as number,
    doneSources: values[CHECKS.length + 1] as number,
  };
}

/** A store left whole, on either backend (`check` made by `consistency`). */
export function expectWhole(check: Consistency, backend: Backend): void {
  expect(check.problems).toEqual([]);
  expect(check.integrity).toBe(backend === "sqlite" ? "ok" : null);
}

/** `run` fails (or rejects) with an InputError, the user's mistake, whose message matches. */
export async function expectInputError(run: () => unknown, message: RegExp): Promise<void> {
  let error: unknown;
  try {
    await run();
  } catch (e) {
    error = e;
  }
  expect(isInputError(error), String(error)).toBe(true);
  expect((error as InputError).message).toMatch(message);
}
