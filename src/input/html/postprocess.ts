/**
 * Line-level clean-up of extracted article text: drops share prompts, "read also" links,
 * advertisement labels, tag lists, copyright lines, image captions and photo credits, the
 * headline near the top, repeated lines and pull quotes. Patterns cover English, Arabic,
 * German, French, Spanish, Italian, Portuguese and Polish; they only ever match short lines
 * (pull quotes: lines whose sentence the body states in full), so prose is never cut.
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

/**
 * Image captions that survive in the text: a line ending in a photo credit ("…, photo: Archives",
 * "… Quelle: Lutz Roeßler"), a numbered figure caption ("Abbildung 2: …", "Fig. 3 …") or a bare
 * agency credit ("Judy Eddy/WENN.com", "© picture alliance / dpa").
 */
const CREDIT_TAIL_RE =
  /(?:^|[\s,;|(–—-])(?:fotos?|photos?|bild|bilder|bildquelle|symbolbild|archivbild|image|credits?|quelle|source|fuente|crédits?|crédito|foto di|zdjęcie|fot\.|صورة|الصورة|تصوير|المصدر)\s*[:：]\s*[^.!?:]{1,60}\)?\.?$/iu;
/** A caption's closing note: "(Archivaufnahme)", "(Symbolbild)", "(file photo)". */
const CAPTION_NOTE_RE =
  /\((?:archiv\w*|symbolbild|symbolfoto|foto|photo|file photo|archive photo|bild|image|illustration|imagen de archivo|صورة أرشيفية)\)$/iu;
const FIGURE_CAPTION_RE =
  /^(?:abbildung|abb\.|figure|fig\.|bild|grafik|chart|figura|gráfico|rysunek|ryc\.|شكل|رسم بياني)\s*\d+[a-z]?\s*[:.)]/iu;
const AGENCY_RE =
  /\b(?:getty(?: images)?|afp|dpa|reuters|epa|imago(?: images)?|wenn(?:\.com)?|shutterstock|istock(?:photo)?|picture[ -]alliance|keystone|anadolu|xinhua|sipa|zuma|alamy|ansa|efe|pap|apa)\b/iu;

const CREDIT_MARK_RE = /[/©|]/;
const SENTENCE_STOP_RE = /[.!?]\s*$/;

/** True for an image caption or photo credit line (at most 250 characters). */
export function isCaption(line: string): boolean {
  if (line.length > 250) return false;
  if (CREDIT_TAIL_RE.test(line) || FIGURE_CAPTION_RE.test(line) || CAPTION_NOTE_RE.test(line))
    return true;
  // A bare credit: a few words with a photographer/agency separator and an agency name.
  return (
    line.length <= 60 &&
    CREDIT_MARK_RE.test(line) &&
    AGENCY_RE.test(line) &&
    !SENTENCE_STOP_RE.test(line)
  );
}

const SPACE_RE = /\s+/g;
const BYLINE_RE =
  /^(?:by|von|por|par|di|door|przez|بقلم|كتب|كتبت|إعداد|اعداد|تقرير|written by|text)\s*[:：]?\s+\S.{0,60}$/iu;
/** "حوار: آسيا العتروس", "Interview: Jo Lee" — only with the colon (a subheading may start so). */
const INTERVIEW_BYLINE_RE =
  /^(?:حوار|حاوره|حاورته|أجرى الحوار|interview|entrevista|interviewt? von)\s*[:：]\s*\S.{0,50}$/iu;
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
  if (line.length <= 80 && (BYLINE_RE.test(line) || INTERVIEW_BYLINE_RE.test(line))) return true;
  return author !== undefined && comparable(line) === comparable(author);
}

const EDGE_LINES = 3;
/** The headline is dropped when it is one of this many first lines. */
const TITLE_LINES = 4;

/**
 * Cleans extracted text line by line. `title` is dropped when it is one of the first lines,
 * `author` when it stands alone on one of the first or last lines; captions, furniture lines,
 * repeated short lines and pull quotes go wherever they are.
 */
export function cleanArticleText(text: string, title?: string, author?: string): string {
  const lines = edgeTrimmed(text, author);
  const blocks = lines.split(/\n{2,}/);
  const out: string[][] = [];
  const seen = new Set<string>();
  const titleKey = title ? comparable(title) : "";
  let lineNo = 0;
  for (const block of blocks) {
    const kept: string[] = [];
    for (const raw of block.split("\n")) {
      const line = raw.replace(SPACE_RE, " ").trim();
      if (line.length === 0) continue;
      if (line.length <= 220 && FURNITURE_LINE_RE.test(line)) continue;
      if (isCaption(line)) continue;
      const key = comparable(line);
      if (key.length === 0) continue;
      // The headline among the first lines (after a kicker or standfirst), and exact repeats
      // of short lines (captions, labels).
      if (lineNo++ < TITLE_LINES && titleKey.length > 0 && key === titleKey) continue;
      if (line.length < 200 && seen.has(key)) continue;
      seen.add(key);
      kept.push(line);
    }
    if (kept.length > 0) out.push(kept);
  }
  return withoutPullQuotes(out)
    .map((b) => b.join("\n"))
    .join("\n\n");
}

/** Pull quotes are this long; longer lines are paragraphs even when repeated. */
const PULL_QUOTE_MIN = 30;
const PULL_QUOTE_MAX = 400;
/** Above this much text the check is skipped (it scans the text once per candidate line). */
const PULL_QUOTE_TEXT_MAX = 200_000;

/**
 * Drops lines that repeat part of a longer line: pull quotes and teaser repeats of a sentence
 * the body states in full.
 */
function withoutPullQuotes(blocks: string[][]): string[][] {
  const keys: string[] = [];
  const starts: number[] = [];
  let at = 0;
  for (const block of blocks) {
    for (const line of block) {
      const key = comparable(line);
      keys.push(key);
      starts.push(at);
      at += key.length + 1;
    }
  }
  const joined = keys.join("\n");
  if (joined.length > PULL_QUOTE_TEXT_MAX) return blocks;
  const drop = new Set<number>();
  let i = -1;
  for (const block of blocks) {
    for (const line of block) {
      i++;
      const key = keys[i] ?? "";
      if (key.length < PULL_QUOTE_MIN || key.length > PULL_QUOTE_MAX || !isQuotable(line)) continue;
      if (repeatsPartOfLonger(key, i, keys, starts, joined)) drop.add(i);
    }
  }
  if (drop.size === 0) return blocks;
  let n = 0;
  return blocks
    .map((block) => block.filter(() => !drop.has(n++)))
    .filter((block) => block.length > 0);
}

const QUOTE_START_RE = /^["“„«‚‘'»]/u;
const SENTENCE_END_RE = /[.!?…"“”»«’']$/u;

/** A sentence (or a quotation) of some length: a subheading or table row may well recur. */
function isQuotable(line: string): boolean {
  if (QUOTE_START_RE.test(line)) return true;
  return SENTENCE_END_RE.test(line) && line.split(" ").length >= 6;
}

function repeatsPartOfLonger(
  key: string,
  self: number,
  keys: string[],
  starts: number[],
  joined: string,
): boolean {
  for (let hit = joined.indexOf(key); hit >= 0; hit = joined.indexOf(key, hit + 1)) {
    const j = lineAt(starts, hit);
    if (j !== self && (keys[j] ?? "").length > key.length) return true;
  }
  return false;
}

/** Index of the line whose start offset is the last one at or before `offset`. */
function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
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
