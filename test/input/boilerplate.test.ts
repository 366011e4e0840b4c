import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifyChromeLine, stripBoilerplate } from "../../src/input/boilerplate.js";
import { HAS_SEED, SEED_GOLD, SEED_TEXT } from "../shared-data.js";

const BODY =
  "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل في العاصمة.\n\nوأضاف أن الوفدين اتفقا على تشكيل لجنة مشتركة.";

describe.skipIf(!HAS_SEED)("stripBoilerplate on the seed article", () => {
  it("removes exactly the gold boilerplate lines and keeps the body intact", () => {
    const seed = readFileSync(SEED_TEXT, "utf8");
    const gold = JSON.parse(readFileSync(SEED_GOLD, "utf8")) as {
      document: { boilerplate: string[] };
    };
    const { text, removed } = stripBoilerplate(seed);
    expect(removed.map((r) => r.text)).toEqual(gold.document.boilerplate);
    expect(removed.map((r) => r.reason)).toEqual(["share-prompt", "mobile-link"]);
    expect(text.startsWith("موسكو (أ ف ب) –")).toBe(true);
    expect(text).not.toContain("شاركها.");
    expect(text).not.toContain("Exit mobile version");
    // Nothing but chrome and blank lines was dropped.
    expect(seed.replace(/\s+/g, "")).toBe(
      (text + removed.map((r) => r.text).join("")).replace(/\s+/g, ""),
    );
  });
});

describe("stripBoilerplate: chrome lines at the end", () => {
  it.each([
    ["شاركها.", "share-prompt"],
    ["شارك", "share-prompt"],
    ["شارك الخبر", "share-prompt"],
    ["مشاركة", "share-prompt"],
    ["شارك على فيسبوك", "share-prompt"],
    ["فيسبوك تويتر واتساب تيليجرام", "share-prompt"],
    ["Facebook Twitter WhatsApp Telegram Email", "share-prompt"],
    ["Share", "share-prompt"],
    ["Share this article", "share-prompt"],
    ["Tweet", "share-prompt"],
    ["Partager sur Facebook", "share-prompt"],
    ["12 Shares", "share-prompt"],
    ["WhatsApp", "share-prompt"],
    ["Exit mobile version", "mobile-link"],
    ["النسخة الكاملة", "mobile-link"],
    ["اقرأ أيضا", "read-also"],
    ["اقرأ أيضاً:", "read-also"],
    ["إقرأ أيضا", "read-also"],
    ["اقرأ أيضًا: الحكومة تعلن عن خطة جديدة", "read-also"],
    ["Read also", "read-also"],
    ["Lire aussi", "read-also"],
    ["À lire aussi :", "read-also"],
    ["أخبار ذات صلة", "related"],
    ["Related", "related"],
    ["Related articles", "related"],
    ["You may also like", "related"],
    ["Sur le même sujet", "related"],
    ["المزيد", "read-more"],
    ["اقرأ المزيد", "read-more"],
    ["Read more", "read-more"],
    ["Lire la suite", "read-more"],
    ["تابعونا على فيسبوك", "follow-prompt"],
    ["تابعوا آخر الأخبار عبر قناتنا على تلغرام", "follow-prompt"],
    ["Follow us on Twitter", "follow-prompt"],
    ["Suivez-nous sur Facebook", "follow-prompt"],
    ["اشترك في النشرة البريدية", "subscribe-prompt"],
    ["اشترك الآن", "subscribe-prompt"],
    ["Subscribe to our newsletter", "subscribe-prompt"],
    ["Sign up for our daily newsletter", "subscribe-prompt"],
    ["Abonnez-vous à notre newsletter", "subscribe-prompt"],
    [
      "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. بمواصلة التصفح فإنك توافق على ذلك.",
      "cookie-notice",
    ],
    ["يستخدم هذا الموقع الكوكيز", "cookie-notice"],
    ["We use cookies to improve your experience.", "cookie-notice"],
    ["Ce site utilise des cookies pour améliorer votre expérience.", "cookie-notice"],
    ["Accept", "cookie-notice"],
    ["قبول", "cookie-notice"],
    ["جميع الحقوق محفوظة © 2025", "copyright"],
    ["© 2024 الجريدة. جميع الحقوق محفوظة", "copyright"],
    ["جميع الحقوق محفوظة لموقع الخبر", "copyright"],
    ["موقع الخبر 2025 - جميع الحقوق محفوظة", "copyright"],
    ["Copyright 2022 Example Media", "copyright"],
    ["Tous droits réservés", "copyright"],
    ["الرئيسية » أخبار » سياسة", "navigation"],
    ["Home > World > Africa", "navigation"],
    ["العودة إلى الأعلى", "navigation"],
    ["المقال التالي", "navigation"],
    ["Article précédent", "navigation"],
    ["الوسوم: تونس، الانتخابات، البرلمان", "tags"],
    ["كلمات مفتاحية: الاقتصاد", "tags"],
    ["Tags: Tunisia, elections", "tags"],
    ["Mots-clés : Tunisie", "tags"],
    ["#تونس #الانتخابات", "tags"],
    ["إعلان", "advertisement"],
    ["Advertisement", "advertisement"],
    ["Publicité", "advertisement"],
    ["أضف تعليق", "comment-prompt"],
    ["أضف تعليقاً", "comment-prompt"],
    ["اترك تعليقا", "comment-prompt"],
    ["التعليقات", "comment-prompt"],
    ["0 تعليق", "comment-prompt"],
    ["Leave a comment", "comment-prompt"],
    ["Leave a Reply", "comment-prompt"],
    ["3 Comments", "comment-prompt"],
    ["Laisser un commentaire", "comment-prompt"],
    ["Your email address will not be published. Required fields are marked *", "comment-prompt"],
    [
      "ترحب شبكة CNN بالنقاش الحيوي والمفيد، وكي لا نضطر إلى مراجعة التعليقات قبل نشرها، ننصحك بمراجعة سياسة الاستخدام.",
      "comment-prompt",
    ],
    ["الآراء الواردة أدناه لا تعبر عن رأي الموقع، بل تعكس وجهات نظر أصحابها فقط.", "disclaimer"],
    ["طباعة", "print-email"],
    ["أرسل إلى صديق", "print-email"],
    ["Print this article", "print-email"],
    ["Email this article", "print-email"],
    ["لمشاهدة الصور", "media-link"],
    ["فيديو :", "media-link"],
    ["*ملاحظة : الصورة توضيحية-", "image-note"],
    ["* * *", "decoration"],
  ])("%s → %s", (line, reason) => {
    const { text, removed } = stripBoilerplate(`${BODY}\n${line}`);
    expect(removed).toEqual([{ text: line, reason }]);
    expect(text).toBe(BODY);
  });
});

describe("stripBoilerplate: chrome lines at the start", () => {
  it.each([
    ["Skip to content", "navigation"],
    ["تخطى إلى المحتوى", "navigation"],
    ["انتقل إلى المحتوى الرئيسي", "navigation"],
    ["Aller au contenu principal", "navigation"],
    ["الرئيسية", "navigation"],
    ["Menu", "navigation"],
    ["Advertisement", "advertisement"],
    ["الرئيسية » أخبار", "navigation"],
    ["We use cookies. By continuing to browse you accept our cookie policy.", "cookie-notice"],
  ])("%s → %s", (line, reason) => {
    const { text, removed } = stripBoilerplate(`${line}\n\n${BODY}`);
    expect(removed).toEqual([{ text: line, reason }]);
    expect(text).toBe(BODY);
  });
});

describe("stripBoilerplate: runs and blocks", () => {
  it("peels a run from each end, skipping blank lines, and reports in text order", () => {
    const input = `Skip to content\n\nالرئيسية » أخبار\n${BODY}\n\nشاركها.\n\n\nفيسبوك تويتر\nExit mobile version\n`;
    const { text, removed } = stripBoilerplate(input);
    expect(text).toBe(BODY);
    expect(removed).toEqual([
      { text: "Skip to content", reason: "navigation" },
      { text: "الرئيسية » أخبار", reason: "navigation" },
      { text: "شاركها.", reason: "share-prompt" },
      { text: "فيسبوك تويتر", reason: "share-prompt" },
      { text: "Exit mobile version", reason: "mobile-link" },
    ]);
  });

  it("removes a 'read also' header with its headline list", () => {
    const input = `${BODY}\nاقرأ أيضا\nالحكومة تعلن عن خطة جديدة للنقل\nارتفاع أسعار الخضر في الأسواق\nشارك`;
    const { text, removed } = stripBoilerplate(input);
    expect(text).toBe(BODY);
    expect(removed.map((r) => r.reason)).toEqual([
      "read-also",
      "read-also",
      "read-also",
      "share-prompt",
    ]);
    expect(removed[1]?.text).toBe("الحكومة تعلن عن خطة جديدة للنقل");
  });

  it("removes a tags header with its tag lines", () => {
    const input = `${BODY}\nالوسوم\nتونس\nالانتخابات البلدية`;
    expect(stripBoilerplate(input)).toEqual({
      text: BODY,
      removed: [
        { text: "الوسوم", reason: "tags" },
        { text: "تونس", reason: "tags" },
        { text: "الانتخابات البلدية", reason: "tags" },
      ],
    });
  });

  it("keeps sentences that follow a 'read also' line", () => {
    const input = `${BODY}\nاقرأ أيضا\nوأوضح الوزير أن الاجتماع المقبل سيعقد في جنيف.`;
    const { text, removed } = stripBoilerplate(input);
    expect(removed).toEqual([]);
    expect(text).toBe(input);
  });

  it("never touches chrome-like lines in the middle of the text", () => {
    const input = `${BODY}\nشاركها.\nاقرأ أيضا\n${BODY}`;
    expect(stripBoilerplate(input)).toEqual({ text: input, removed: [] });
  });

  it("keeps a list that is too long to be a related-links block", () => {
    const items = Array.from({ length: 12 }, (_, i) => `البند رقم ${i + 1} من القائمة`).join("\n");
    const input = `${BODY}\nاقرأ أيضا\n${items}`;
    expect(stripBoilerplate(input).removed).toEqual([]);
  });
});

describe("stripBoilerplate: prose is content", () => {
  it.each([
    "وشارك في الاجتماع ممثلون عن الوزارات المعنية والمنظمات الدولية.",
    "شارك في هذا الفيلم عدد من الممثلين من بينهم لطيفة القفصي.",
    "اشترك في المسابقة ثلاثون فريقا من مختلف الولايات.",
    "تابع الرئيس حديثه قائلا إن الحكومة ستواصل الإصلاحات.",
    "وقالت الشركة إن جميع الحقوق محفوظة للمؤلفين وفق القانون.",
    "وقالت الصحيفة إن جميع الحقوق محفوظة",
    "أكدت إدارة الموقع في بيانها أن جميع الحقوق محفوظة لأصحابها الأصليين وفق القانون",
    "The company said it would stop using tracking cookies next year, a spokesperson said.",
    "Share prices fell sharply on Monday after the announcement.",
    "وأضاف أن التعليقات التي نشرت على الإنترنت كانت مسيئة.",
    "فيسبوك: http://facebook.com/HuaweiDevice",
    "على محركات البحث : على يوتيوب :",
    "- الإعلانات",
    "المصدر : وات",
    "-وات-",
    "وإليكم قائمة الهواتف التي لن يعمل عليها واتساب اعتبارا من نهاية العام:",
    "الترتيب :",
    "2016",
    "مستقبل المرسى / النادي البنزرتي",
  ])("%s", (line) => {
    expect(classifyChromeLine(line)).toBeUndefined();
    const input = `${line}\n${BODY}\n${line}`;
    expect(stripBoilerplate(input)).toEqual({ text: input, removed: [] });
  });

  it("ignores lines too long to be chrome", () => {
    const long = `شاركها ${"كلمة ".repeat(100)}`;
    expect(classifyChromeLine(long)).toBeUndefined();
  });
});

describe("stripBoilerplate: normalisation", () => {
  it("converts CRLF and CR to LF, drops a BOM, trims trailing whitespace and the whole text", () => {
    const input = "\ufeff  \r\nسطر أول  \t\r\nسطر ثان\u00a0\rسطر ثالث\n\n";
    expect(stripBoilerplate(input).text).toBe("سطر أول\nسطر ثان\nسطر ثالث");
  });

  it("collapses runs of blank lines to one blank line", () => {
    expect(stripBoilerplate("أ\n\n\n\nب\n\nج\n \n \nد").text).toBe("أ\n\nب\n\nج\n\nد");
  });

  it("keeps everything else byte for byte: Arabic spelling, diacritics, leading indentation", () => {
    const input = "قَالَ الرئيسُ إنّ «الأمرَ» ـ كما هو ـ أيضاً\n    سطر مزاح\tبعلامة جدولة";
    expect(stripBoilerplate(input).text).toBe(input);
  });

  it("returns empty text when the input is only chrome or blank", () => {
    expect(stripBoilerplate("")).toEqual({ text: "", removed: [] });
    expect(stripBoilerplate(" \n\r\n\t")).toEqual({ text: "", removed: [] });
    expect(stripBoilerplate("شاركها.\nExit mobile version")).toEqual({
      text: "",
      removed: [
        { text: "شاركها.", reason: "share-prompt" },
        { text: "Exit mobile version", reason: "mobile-link" },
      ],
    });
  });
});

describe("stripBoilerplate properties", () => {
  const chromeLine = fc.constantFrom(
    "شاركها.",
    "Exit mobile version",
    "اقرأ أيضا",
    "Tags: x",
    "أضف تعليق",
    "الرئيسية",
    "©",
  );
  const proseLine = fc.constantFrom(
    "قال الوزير إن الاجتماع سيعقد غدا.",
    "وشارك في الاجتماع عدد من الخبراء.",
    "The meeting will take place tomorrow.",
  );
  const anyLine = fc.oneof(
    chromeLine,
    proseLine,
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.constant(""),
  );
  const document = fc.array(anyLine, { maxLength: 20 }).chain((lines) =>
    fc
      .array(fc.constantFrom("\n", "\r\n", "\r"), {
        minLength: lines.length,
        maxLength: lines.length,
      })
      .map((ends) => lines.map((l, i) => l + (ends[i] ?? "\n")).join("")),
  );

  it("never throws, and removed lines plus kept lines account for every non-blank input line", () => {
    fc.assert(
      fc.property(fc.oneof(document, fc.string({ unit: "binary", maxLength: 200 })), (input) => {
        const { text, removed } = stripBoilerplate(input);
        const inputLines = input
          .replace(/^\ufeff/, "")
          .split(/\r\n|\r|\n/)
          .map((l) => l.trim())
          .filter((l) => l !== "");
        const keptLines = text
          .split("\n")
          .map((l) => l.trim())
          .filter((l) => l !== "");
        expect([...removed.map((r) => r.text), ...keptLines].sort()).toEqual(
          [...inputLines].sort(),
        );
        // Removed lines come off the ends: the kept lines are a contiguous run of the input.
        const firstKept = keptLines.length > 0 ? inputLines.indexOf(keptLines[0] as string) : 0;
        expect(inputLines.slice(firstKept, firstKept + keptLines.length)).toEqual(keptLines);
        for (const r of removed) expect(r.reason).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      }),
      { numRuns: 1000 },
    );
  });

  it("is idempotent on its own output", () => {
    fc.assert(
      fc.property(document, (input) => {
        const once = stripBoilerplate(input).text;
        const twice = stripBoilerplate(once);
        expect(twice.text).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe("stripBoilerplate: unusual line separators", () => {
  it("treats only LF, CRLF and CR as line breaks", () => {
    const input = "سطر أول \u2028 تابع\u2029النهاية";
    expect(stripBoilerplate(input).text).toBe(input);
  });
});
