/**
 * Line-level clean-up of extracted article text: drops share prompts, "read also" links,
 * advertisement labels, tag lists, copyright and photo-credit lines, a leading copy of the
 * title and repeated lines. Patterns cover English, Arabic, German, French, Spanish, Italian,
 * Portuguese and Polish; they only ever match short lines, so prose is never cut.
 */
import { MONTH_WORDS_RE, normaliseDate } from "../metadata.js";

/** Whole lines that are page furniture (matched case-insensitively, after trimming). */
const FURNITURE_LINE_RE = new RegExp(
  `^(?:${[
    // English
    "share(?: (?:this|the)(?: article| story| post| page)?)?(?: on \\S+)?",
    "tweet",
    "print(?: this)?(?: article| page)?",
    "e-?mail(?: this)?(?: article)?",
    "\\d+ comments?",
    "comments?",
    "leave a (?:comment|reply)",
    "(?:related|recommended|popular|trending|latest|more)(?: articles| stories| posts| news| content| videos| links| reading)?",
    "advertisement|advertising|sponsored(?: content)?|ad",
    "(?:read|see) (?:more|also|next)",
    "more (?:from|on|about) .{1,40}",
    "you (?:may|might) also like",
    "(?:subscribe|sign up|follow us|join us)\\b.{0,80}",
    "(?:tags?|topics?|filed under|categories|keywords)\\s*:.{0,200}",
    "(?:copyright|©|\\(c\\)).{0,150}",
    ".{0,80}all rights reserved\\.?",
    "(?:photo|image|picture|video|credit|photograph)s?(?: credit)?\\s*:.{0,100}",
    "(?:back to top|skip to (?:main )?content|click here.{0,60}|loading\\.*)",
    // Arabic
    "شارك(?:وا)?(?: المقال| الخبر| هذا| على .{1,20})?",
    "مشاركة(?: المقال| الخبر)?",
    "(?:اقرأ|إقرأ|اقرا) (?:أيضا|أيضاً|ايضا|ايضاً|المزيد)\\s*[:：]?.{0,150}",
    "(?:مواضيع|أخبار|اخبار|مقالات|مواد) (?:ذات صلة|متعلقة|مشابهة)",
    "(?:الأكثر|الاكثر) (?:قراءة|مشاهدة|تداولا|تداولاً)",
    "(?:اشترك|تابعونا|تابعنا|انضم).{0,80}",
    "(?:إعلان|اعلان|تعليقات|التعليقات|أضف تعليق|اضف تعليق|طباعة|أرسل لصديق)",
    "(?:الكلمات الدالة|كلمات مفتاحية|الوسوم|وسوم)\\s*[:：]?.{0,200}",
    "(?:جميع|كل) الحقوق محفوظة.{0,100}",
    // German
    "(?:artikel )?teilen|drucken|kommentare?|anzeige|werbung",
    "(?:mehr zum thema|weitere artikel|das könnte sie auch interessieren|empfehlungen)\\b.{0,60}",
    "(?:lesen sie auch|auch interessant|siehe auch)\\s*[:：]?.{0,150}",
    "(?:foto|bild|fotos|bilder|quelle foto)\\s*:.{0,100}",
    // French, Spanish, Italian, Portuguese, Polish
    "partager|commentaires|publicité|compartir|comentarios|publicidad|condividi|commenti|pubblicità|compartilhe|reklama|udostępnij",
    "(?:à lire aussi|lire aussi|voir aussi|lea también|lee también|lea más|lee más|ver también|leggi anche|leia também|veja também|zobacz także|zobacz też|czytaj także|czytaj też)\\s*[:：]?.{0,150}",
    "(?:noticias|temas|artículos) relacionad[oa]s|articles? (?:liés|similaires)|articoli correlati",
    "(?:crédits? photos?|foto|fotografía|imagen)\\s*:.{0,100}",
  ].join("|")})$`,
  "iu",
);

const SPACE_RE = /\s+/g;
const BYLINE_RE =
  /^(?:by|von|por|par|di|door|przez|بقلم|كتب|كتبت|إعداد|اعداد|تقرير|written by|text)\s*[:：]?\s+\S.{0,60}$/iu;
// What is left of a dateline once the date itself is gone: weekday names, "updated", "published".
const DATE_WORDS_RE =
  /\d+|\p{P}|\p{S}|\b(?:gmt|utc|am|pm|uhr|h)\b|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*|(?:mon|diens|mitt|donners|frei|sams|sonn)tag|الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت/giu;

const PUNCT_RE = /[\p{P}\p{S}\s]+/gu;

function comparable(s: string): string {
  return s.replace(PUNCT_RE, " ").trim().toLowerCase();
}

/**
 * A short line that is only a date stamp ("Sunday, 04 August 2013, updated 02:21 GMT"), as
 * found above or below article bodies.
 */
export function isDateLine(line: string): boolean {
  if (line.length > 100 || normaliseDate(line) === undefined) return false;
  const rest = line.replace(DATE_WORDS_RE, " ").replace(MONTH_WORDS_RE, " ").trim();
  return rest.length === 0 || rest.split(SPACE_RE).length <= 4;
}

/** Date stamps and bylines among the first and last lines of the text. */
function isEdgeFurniture(line: string, author?: string): boolean {
  if (isDateLine(line)) return true;
  if (line.length <= 80 && BYLINE_RE.test(line)) return true;
  return author !== undefined && comparable(line) === comparable(author);
}

const EDGE_LINES = 3;

/**
 * Cleans extracted text line by line. `title` is dropped when it opens the text, `author` when
 * it stands alone on one of the first or last lines.
 */
export function cleanArticleText(text: string, title?: string, author?: string): string {
  const lines = edgeTrimmed(text, author);
  const blocks = lines.split(/\n{2,}/);
  const out: string[] = [];
  const seen = new Set<string>();
  const titleKey = title ? comparable(title) : "";
  for (const block of blocks) {
    const kept: string[] = [];
    for (const raw of block.split("\n")) {
      const line = raw.replace(SPACE_RE, " ").trim();
      if (line.length === 0) continue;
      if (line.length <= 220 && FURNITURE_LINE_RE.test(line)) continue;
      const key = comparable(line);
      if (key.length === 0) continue;
      // A title line at the very start, and exact repeats of short lines (captions, labels).
      if (out.length === 0 && kept.length === 0 && titleKey.length > 0 && key === titleKey)
        continue;
      if (line.length < 200 && seen.has(key)) continue;
      seen.add(key);
      kept.push(line);
    }
    if (kept.length > 0) out.push(kept.join("\n"));
  }
  return out.join("\n\n");
}

/** Drops date stamps and bylines among the first and last few lines. */
function edgeTrimmed(text: string, author?: string): string {
  const lines = text.split("\n");
  const content: number[] = [];
  for (let i = 0; i < lines.length; i++) if ((lines[i] ?? "").trim().length > 0) content.push(i);
  const drop = new Set<number>();
  for (let k = 0; k < Math.min(EDGE_LINES, content.length); k++) {
    const i = content[k] ?? 0;
    if (isEdgeFurniture((lines[i] ?? "").trim(), author)) drop.add(i);
  }
  for (let k = Math.max(0, content.length - EDGE_LINES); k < content.length; k++) {
    const i = content[k] ?? 0;
    if (isEdgeFurniture((lines[i] ?? "").trim(), author)) drop.add(i);
  }
  if (drop.size === 0 || drop.size === content.length) return text;
  return lines.filter((_, i) => !drop.has(i)).join("\n");
}
