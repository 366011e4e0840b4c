/** Shared by the store tests: temporary stores, generated articles, consistency checks. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";

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

/** Checks a store file is whole: SQLite's own check and counts that must agree across tables. */
export function consistency(path: string): {
  integrity: string;
  problems: string[];
  articles: number;
  doneSources: number;
} {
  const db = new Database(path);
  try {
    const one = (sql: string) => db.prepare(sql).pluck().get() as number;
    const integrity = db.pragma("integrity_check", { simple: true }) as string;
    const problems: string[] = [];
    const check = (name: string, sql: string) => {
      const n = one(sql);
      if (n !== 0) problems.push(`${name}: ${n}`);
    };
    check(
      "cluster sizes",
      "SELECT (SELECT count(*) FROM articles) - (SELECT coalesce(sum(size), 0) FROM clusters)",
    );
    check("empty clusters", "SELECT count(*) FROM clusters WHERE size <= 0");
    check(
      "articles outside the text index",
      "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM fts_docsize)",
    );
    check(
      "article contents",
      "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM article_content)",
    );
    check(
      "signatures",
      "SELECT (SELECT count(*) FROM articles) - (SELECT count(*) FROM signatures)",
    );
    check(
      "done sources without their article",
      "SELECT count(*) FROM sources s WHERE s.status = 'done' AND s.kind != 'feed' AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = s.article)",
    );
    check(
      "articles without a done source",
      "SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sources s WHERE s.article = a.id AND s.status = 'done')",
    );
    check(
      "entity article counts",
      "SELECT (SELECT coalesce(sum(articles), 0) FROM entities) - (SELECT count(*) FROM article_entities)",
    );
    check(
      "entity links to missing articles",
      "SELECT count(*) FROM article_entities x WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = x.article)",
    );
    check(
      "quotes of missing articles",
      "SELECT count(*) FROM quotes q WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = q.article)",
    );
    return {
      integrity,
      problems,
      articles: one("SELECT count(*) FROM articles"),
      doneSources: one("SELECT count(*) FROM sources WHERE status = 'done'"),
    };
  } finally {
    db.close();
  }
}
