/**
 * Page chrome at the ends of scraped article text: share bars, "read also" lists, cookie
 * notices, copyright lines and the like, in Arabic, English and French. Only whole lines are
 * removed, only in runs at the start or end of the text, and every removed line is reported.
 * A line is chrome only when the whole of it matches a known shape, so prose that merely
 * mentions "شارك" or "cookies" stays: precision over recall.
 */
import type { Removed } from "../analysis.js";

/** Longer lines are always content: chrome is short, and this bounds the regex work. */
const MAX_CHROME_LENGTH = 400;
/** A "read also" / "tags" header may be followed by at most this many list lines. */
const MAX_LIST_ITEMS = 10;
/** List items (related headlines, tags) are short and do not end like sentences. */
const MAX_LIST_ITEM_LENGTH = 150;

/**
 * A pattern over folded lines (see foldLine). Its source is folded the same way, so patterns
 * may be written in ordinary spelling ("على", "الرئيسية"); they must be lower case.
 */
function folded(source: string): RegExp {
  return new RegExp(foldLetters(source), "u");
}

/** Helper: an anchored pattern for a whole folded line. */
function whole(core: string): RegExp {
  return folded(`^(?:${core})$`);
}

/** Diacritics, hamza signs and Latin accents dropped (NFD, then marks); ٱ→ا, ى→ي, ة→ه. */
function foldLetters(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\p{M}\u0640\u200b-\u200f\u2066-\u2069\ufeff]/gu, "")
    .replace(/ٱ/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه");
}

// Social networks and other share targets, as they appear in share bars (folded spelling).
const NETWORK = [
  "فيسبوك",
  "فيس بوك",
  "فايسبوك",
  "فيسبوك ماسنجر",
  "ماسنجر",
  "تويتر",
  "اكس",
  "واتساب",
  "واتس اب",
  "واتسآب",
  "تيليجرام",
  "تيليغرام",
  "تلغرام",
  "تليجرام",
  "تلجرام",
  "لينكد ان",
  "لينكدان",
  "انستغرام",
  "انستجرام",
  "انستقرام",
  "يوتيوب",
  "بنترست",
  "بينترست",
  "ريديت",
  "تيك توك",
  "سناب شات",
  "فايبر",
  "البريد الالكتروني",
  "البريد",
  "نسخ الرابط",
  "طباعه",
  "facebook",
  "twitter",
  "x",
  "whatsapp",
  "telegram",
  "linkedin",
  "instagram",
  "youtube",
  "pinterest",
  "reddit",
  "tumblr",
  "messenger",
  "viber",
  "vk",
  "snapchat",
  "tiktok",
  "google\\+?",
  "email",
  "e-mail",
  "mail",
  "print",
  "copy link",
  "copier le lien",
  "imprimer",
].join("|");
const NETWORK_LIST = `(?:${NETWORK})(?:[\\s,|/•·،-]+(?:${NETWORK}))*`;
// Optional share/comment counters around a label ("12 Shares", "شارك 0").
const COUNT = "(?:\\d+[\\s.,]*)?";

/** Whole-line chrome shapes, tried in order; `reason` is what `removed` reports. */
const LINE_RULES: readonly { reason: string; re: RegExp }[] = [
  {
    reason: "mobile-link",
    re: whole(
      "exit mobile version|(?:view|switch to) (?:the )?(?:full|desktop|mobile|standard) (?:version|site)|mobile version|desktop version|version (?:mobile|complete|classique)|(?:عرض |الغاء )?النسخه (?:الكامله|المحمول|المحموله|الجوال|المكتبيه|الكلاسيكيه)(?: للموقع)?",
    ),
  },
  {
    reason: "print-email",
    re: whole(
      "طباعه|اطبع|(?:طباعه|اطبع) (?:المقال|الخبر|الصفحه)|(?:ارسل|ارسال) (?:الي|ل) ?صديق|ارسال بالبريد(?: الالكتروني)?|print(?: this (?:article|page|story))?|email this(?: article| story| page)?|send to (?:a )?friend|imprimer(?: (?:cet|l')article)?|envoyer (?:a un ami|par e-?mail)|حفظ|save|تكبير الخط|تصغير الخط|حجم الخط|font size",
    ),
  },
  {
    reason: "share-prompt",
    re: whole(
      `${COUNT}(?:شارك|شاركها|شاركه|شاركي|شاركوا|شارك الخبر|شارك المقال|شارك الموضوع|شارك هذا (?:الخبر|المقال|الموضوع)|شاركنا (?:رايك|الخبر)|مشاركه|المشاركه|مشاركه (?:الخبر|المقال|الموضوع)|انشر|انشر (?:الخبر|المقال)|نشر|share|shares|share this|share (?:this|the) (?:article|story|post|page)|share it|sharing is caring|partager|partagez|partages|partager (?:cet article|l'article|la publication)|tweet|pin it|teilen)(?:\\s*(?:على|عبر|في|مع|on|via|sur|par|:)?\\s*${NETWORK_LIST})?${COUNT}`,
    ),
  },
  {
    reason: "share-prompt",
    re: whole(
      `${COUNT}(?:(?:شارك|share|partager)(?: (?:على|عبر|on|via|sur))? )?${NETWORK_LIST}${COUNT}`,
    ),
  },
  {
    reason: "subscribe-prompt",
    re: whole(
      "(?:اشترك|اشتركوا|اشتركي)(?: الان| مجانا)?|subscribe(?: now)?|s'abonner|abonnez-vous|sign up|inscrivez-vous|newsletter|النشره البريديه|القائمه البريديه",
    ),
  },
  {
    reason: "navigation",
    re: whole(
      "skip to (?:the )?(?:main )?(?:content|navigation)|skip navigation|aller au contenu(?: principal)?|passer au contenu(?: principal)?|(?:تخطي|تخط|تجاوز|انتقل|الانتقال)(?: الي| ل)? ?(?:ال)?محتوي(?: الرئيسي)?|menu|main menu|القائمه|القائمه الرئيسيه|home|homepage|accueil|الرئيسيه|الصفحه الرئيسيه|search|بحث|ابحث|rechercher|recherche|close|اغلاق|toggle navigation|back to top|(?:العوده )?(?:الي|ل)(?: ال)?اعلي|للاعلي|retour en haut(?: de (?:la )?page)?|haut de page|previous(?: (?:article|post|story))?|next(?: (?:article|post|story))?|(?:المقال|الخبر|الموضوع) (?:السابق|التالي)|السابق|التالي|article (?:precedent|suivant)|precedent|suivant|log ?in|sign in|تسجيل الدخول|register|sections|الاقسام|rubriques|contact(?: us)?|contactez-nous|اتصل بنا|تواصل معنا|من نحن|about(?: us)?|qui sommes-nous|privacy policy|سياسه الخصوصيه|terms(?: of (?:use|service))?|شروط الاستخدام|mentions legales|اعلن معنا|advertise(?: with us)?",
    ),
  },
  {
    reason: "read-also",
    re: whole(
      "(?:(?:اقرا|اقراوا|اقرؤوا|اقرءوا|طالع|اطلع|شاهد|انظر|تابع) (?:ايضا|كذلك)|read (?:also|next)|also read|see also|lire (?:aussi|egalement)|a lire (?:aussi|egalement)|voir aussi)(?:\\s*:.{0,200})?",
    ),
  },
  {
    reason: "related",
    re: whole(
      "ذات صله|(?:اخبار|مواضيع|مقالات|موضوعات|مواد|قصص) (?:ذات صله|متعلقه|مشابهه|مقترحه|قد تهمك|قد تعجبك|اخري)|قد (?:يهمك|يعجبك|تهمك)(?: ايضا)?|لا تفوت|لا تفوتك|اخترنا لك|ننصحك ب(?:قراءه|مشاهده)|الاكثر (?:قراءه|مشاهده|تداولا|تعليقا)|(?:اخر|احدث) (?:الاخبار|الاخبار العاجله)|related(?: (?:articles|posts|stories|news|content|topics|coverage))?|you (?:may|might) (?:also )?like|more (?:stories|from [\\p{L} ]{1,30})|most (?:read|popular|viewed)|latest (?:news|articles|stories)|recommended(?: for you)?|sur le meme (?:sujet|theme)|dans la meme rubrique|articles (?:similaires|correspondants|lies|recommandes)|plus de sujets|les plus lus|vous aimerez aussi|vous pourriez aussi aimer",
    ),
  },
  {
    reason: "read-more",
    re: whole(
      "(?:اقرا |قراءه )?المزيد(?: من (?:الاخبار|المقالات|التفاصيل))?|للمزيد|لمزيد من (?:التفاصيل|المعلومات)|التفاصيل|(?:اضغط|انقر) هنا(?: للمزيد| لمزيد من التفاصيل| للتفاصيل)?|read more|continue reading|click here|more|lire la suite|la suite|en savoir plus|cliquez ici|plus",
    ),
  },
  {
    reason: "tags",
    re: whole(
      "(?:الوسوم|وسوم|الكلمات المفتاحيه|كلمات مفتاحيه|كلمات دلاليه|الكلمات الدلاليه|tags?|tagged(?: with)?|keywords|mots[- ]cles|etiquettes)(?:\\s*:.{0,300})?",
    ),
  },
  {
    reason: "advertisement",
    re: whole(
      "advertisement|advertisements|ad|ads|sponsored(?: content)?|publicite|اعلان|محتوي مدعوم|مساحه اعلانيه|scroll to continue(?: with content)?|continue reading below",
    ),
  },
  {
    reason: "comment-prompt",
    re: whole(
      `${COUNT}(?:(?:اضف|اضافه|اكتب|اترك)(?: ال)? ?(?:تعليق|تعليقا|تعليقك|تعليق جديد|تعليقا جديدا|ردا|رد|رايك)|التعليقات|تعليقات|تعليق|تعليقك|لا توجد تعليقات|كن اول من يعلق|leave a (?:comment|reply)|add (?:a )?comment|post a comment|comments?|no comments(?: yet)?|be the first to comment|(?:laisser|laissez|ajouter) un commentaire|commentaires?|reagir|your email address will not be published.{0,200}|votre adresse (?:e-?mail|de messagerie) ne sera pas publiee.{0,200}|لن يتم نشر عنوان بريدك الالكتروني.{0,200})${COUNT}`,
    ),
  },
  {
    reason: "cookie-notice",
    re: whole(
      "accept(?: all)?(?: cookies)?|i accept|i agree|got it|reject(?: all)?|decline|manage (?:cookies|preferences)|cookie settings|cookies? policy|accepter(?: tout)?|refuser(?: tout)?|j'accepte|موافق|اوافق|قبول(?: الكل)?|رفض(?: الكل)?|سياسه (?:ملفات تعريف الارتباط|الكوكيز)",
    ),
  },
  {
    reason: "media-link",
    re: whole(
      "(?:لمشاهده|شاهد|شاهدوا) (?:الصور|الفيديو|الفيديوهات|البوم الصور)|فيديو|صور|الفيديو|watch(?: the video)?|video|photos|voir la video",
    ),
  },
  {
    reason: "image-note",
    re: whole(
      "(?:ملاحظه ?: ?)?(?:ال)?صوره (?:توضيحيه|ارشيفيه|من الارشيف)|illustrative (?:image|photo)|file photo|photo d'illustration|image d'illustration",
    ),
  },
];

// Long chrome sentences: recognised by co-occurring marker words, never by one word alone.
const COOKIE_WORD = folded("ملفات تعريف الارتباط|الكوكيز|كوكيز|cookies?|temoins de connexion");
// A cookie notice talks about this site and asks for consent; a recipe for cookies does not.
const COOKIE_SITE = folded("الموقع|موقعنا|المتصفح|التصفح|تجربتك|site|brows|experience|navigation");
const COOKIE_CONSENT = folded(
  "نستخدم|يستخدم|تستخدم|بمواصله|توافق|موافق|قبول|we use|uses|by (?:continuing|using)|accept|consent|agree|utilis|en poursuivant|acceptez",
);
const COMMENT_WORD = folded("التعليقات|تعليقات|comments|commentaires");
const COMMENT_CONTEXT = folded(
  "لا (?:تعبر|يعبر|تمثل)|قبل نشرها|will not be published|comment policy|are moderated|moderation|charte",
);
const DISCLAIMER = folded(
  "^(?:الاراء|التعليقات|المقالات) (?:الوارده|المنشوره) .{0,80}لا (?:تعبر|يعبر|تمثل)",
);
const COPYRIGHT_START = folded(
  "^(?:copyright|(?:جميع|كل) الحقوق|حقوق (?:النشر|الطبع)|all rights reserved|tous droits reserves)",
);
const COPYRIGHT_C = /\(c\)\s*(?:\d{4}|copyright)/iu;
const COPYRIGHT_ANY = folded("all rights reserved|tous droits reserves");
// "الموقع 2025 جميع الحقوق محفوظة": a few words around the formula, not a sentence quoting it.
const COPYRIGHT_AR = folded(
  "^(?!و)(?:\\S+ ){0,5}(?:(?:جميع|كل) الحقوق محفوظه|حقوق (?:النشر|الطبع)(?: والنشر)? محفوظه)(?: \\S+){0,4}$",
);
const SITE_WORD = folded(
  "موقع|جريده|صحيفه|شبكه|قناه|مجله|\\d{4}|\\.(?:com|net|org|tn|ma|dz)\\b|[a-z]{3,}",
);
// Breadcrumbs: "الرئيسية » أخبار » سياسة", "Home > World".
const CRUMB_SEP = /\s[»›>|/]\s/u;
const CRUMB_HOME = folded("^(?:الرئيسيه|الصفحه الرئيسيه|home|accueil)\\s[»›>|/]\\s");
const HASHTAGS = /^#[^\s#]+(?:\s+#[^\s#]+)*$/u;
const FOLLOW_START = folded(
  "^(?:تابعونا|تابعنا|تابعوا|تابعني|انضم الينا|انضموا الينا|follow us|follow|suivez-nous|suivez nous|rejoignez-nous|retrouvez-nous)(?![\\p{L}\\p{N}])",
);
const SUBSCRIBE_START = folded(
  "^(?:اشترك|اشتركوا|اشتركي|للاشتراك|subscribe|sign up|abonnez-vous|s'abonner|inscrivez-vous)(?![\\p{L}\\p{N}])",
);
const SOCIAL_CONTEXT = folded(
  `(?:^|\\s)(?:${NETWORK})(?:$|\\s|[.!:،,])|صفحتنا|قناتنا|حسابنا|حساباتنا|موقعنا|تطبيق|مواقع التواصل|شبكات التواصل|social|reseaux sociaux|newsletter|النشره|نشرتنا|تنبيهات|اشعارات|ليصلك|لتصلك|ليصلكم|لتصلكم|بريدك|email|inbox|lettre d'information`,
);
const LIST_HEADER_REASONS = new Set(["read-also", "related", "tags", "read-more"]);

/**
 * A comparison key for a line: Latin accents and Arabic diacritics dropped (NFD then marks),
 * hamza carriers and alef forms folded to ا/و/ي, ى→ي, ة→ه, tatweel and invisible format
 * characters dropped, lower case, single spaces, decoration punctuation trimmed at both ends.
 */
function foldLine(line: string): string {
  return foldLetters(line)
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, (edge) => (edge.includes("#") ? edge : ""))
    .trim();
}

function countWords(s: string): number {
  return s === "" ? 0 : s.split(" ").length;
}

/** Why `line` (trailing whitespace already trimmed, not blank) is chrome, or undefined. */
export function classifyChromeLine(line: string): string | undefined {
  const raw = line.trim();
  if (raw.length > MAX_CHROME_LENGTH) return undefined;
  // Lines without a letter or digit (rules, bullets, stray marks) separate chrome blocks.
  if (!/[\p{L}\p{N}]/u.test(raw)) return "decoration";
  const key = foldLine(raw);
  if (
    raw.includes("©") ||
    COPYRIGHT_C.test(raw) ||
    COPYRIGHT_START.test(key) ||
    COPYRIGHT_ANY.test(key)
  ) {
    return countWords(key) <= 40 ? "copyright" : undefined;
  }
  if (COPYRIGHT_AR.test(key) && SITE_WORD.test(key) && countWords(key) <= 15) return "copyright";
  for (const rule of LINE_RULES) if (rule.re.test(key)) return rule.reason;
  const words = countWords(key);
  if (HASHTAGS.test(key)) return "tags";
  if (words <= 50 && COOKIE_WORD.test(key) && COOKIE_SITE.test(key) && COOKIE_CONSENT.test(key)) {
    return "cookie-notice";
  }
  if (words <= 45 && COMMENT_WORD.test(key) && COMMENT_CONTEXT.test(key)) return "comment-prompt";
  if (words <= 40 && DISCLAIMER.test(key)) return "disclaimer";
  if (words <= 14 && FOLLOW_START.test(key) && SOCIAL_CONTEXT.test(key)) return "follow-prompt";
  if (words <= 14 && SUBSCRIBE_START.test(key) && SOCIAL_CONTEXT.test(key)) {
    return "subscribe-prompt";
  }
  if (words <= 24 && isBreadcrumb(key)) return "navigation";
  return undefined;
}

/** "الرئيسية » أخبار » سياسة": a home link first, or two or more "»"-type steps of short items. */
function isBreadcrumb(key: string): boolean {
  if (!CRUMB_SEP.test(key)) return false;
  if (CRUMB_HOME.test(key)) return true;
  const parts = key.split(/\s[»›>]\s/u);
  return parts.length >= 3 && parts.every((p) => p !== "" && countWords(p) <= 3);
}

/** A header such as "اقرأ أيضا" or "Tags:" on its own line, which may head a list below it. */
function isListHeader(line: string): string | undefined {
  const reason = classifyChromeLine(line);
  if (reason === undefined || !LIST_HEADER_REASONS.has(reason)) return undefined;
  return reason;
}

/** A short line that could be a related headline or a tag; a full sentence is not. */
function isListItem(line: string): boolean {
  const t = line.trim();
  return t.length <= MAX_LIST_ITEM_LENGTH && !/[.:؛;]$/u.test(t);
}

/**
 * Peels page chrome off both ends of `text` and normalises it minimally: CRLF/CR to LF, a
 * leading BOM dropped, trailing whitespace trimmed on every line, runs of blank lines collapsed
 * to one, the whole trimmed. Nothing else changes, so later offsets index into the result.
 * Removed lines are listed in text order with their reason.
 */
export function stripBoilerplate(text: string): { text: string; removed: Removed[] } {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // One pass each: line ends to LF, then trailing whitespace off every line.
  const lines = body
    .replace(/\r\n?/g, "\n")
    .replace(/[^\S\n]+(?=\n|$)/g, "")
    .split("\n");

  const head: Removed[] = [];
  let top = 0;
  let bottom = lines.length - 1;
  // From the top: chrome lines until the first content line.
  for (; top <= bottom; top++) {
    const line = lines[top] as string;
    if (line.trim() === "") continue;
    const reason = classifyChromeLine(line);
    if (reason === undefined) break;
    head.push({ text: line.trim(), reason });
  }

  // From the bottom, collected in reverse: chrome lines, and "header + short list" blocks.
  const tail: Removed[] = [];
  while (bottom >= top) {
    const line = lines[bottom] as string;
    if (line.trim() === "") {
      bottom--;
      continue;
    }
    const reason = classifyChromeLine(line);
    if (reason !== undefined) {
      tail.push({ text: line.trim(), reason });
      bottom--;
      continue;
    }
    const block = findListBlock(lines, top, bottom);
    if (block === undefined) break;
    for (let i = bottom; i >= block.header; i--) {
      const item = (lines[i] as string).trim();
      if (item !== "") tail.push({ text: item, reason: block.reason });
    }
    bottom = block.header - 1;
  }

  const kept = lines
    .slice(top, bottom + 1)
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return { text: kept, removed: head.concat(tail.reverse()) };
}

/**
 * Looks upward from `bottom` over short list items for a list header ("اقرأ أيضا", "Tags:")
 * at most MAX_LIST_ITEMS lines up; returns the header's line index when every line between it
 * and `bottom` is a list item.
 */
function findListBlock(
  lines: string[],
  top: number,
  bottom: number,
): { header: number; reason: string } | undefined {
  let items = 0;
  for (let i = bottom; i >= top; i--) {
    const line = lines[i] as string;
    if (line.trim() === "") continue;
    const reason = isListHeader(line);
    if (reason !== undefined) return items > 0 ? { header: i, reason } : undefined;
    if (!isListItem(line) || ++items > MAX_LIST_ITEMS) return undefined;
  }
  return undefined;
}
