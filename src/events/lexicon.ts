/**
 * Event triggers: the verbs and verbal nouns that report each PLOVER 0.8 event type, written from
 * PLOVER's own definitions (its CAMEO → PLOVER table gives the types and modes), not from dev
 * sentences. A verb is given as past|present (3rd person masculine singular); words.ts derives the
 * inflected forms. A verbal noun is given with its plural where news uses one.
 *
 * Each entry also says how its arguments are found: whether the noun's genitive (هجوم المسلحين vs
 * مقتل الجنود) names the actor or the victim, and after which prepositions the target stands.
 */
import type { EVENT_TYPES } from "./index.js";

export type PloverType = (typeof EVENT_TYPES)[number];

export interface TriggerEntry {
  type: PloverType;
  mode?: string;
  /**
   * past|present pairs, 3ms; a third form is the adverbial participle (مطالبا "demanding"),
   * whose subject is that of the clause it hangs on.
   */
  verbs?: readonly string[];
  /** Passive forms whose subject is the victim (اغتيل، أصيب، اعتقل with a number after). */
  passives?: readonly string[];
  /** Verbal nouns and plurals (هجوم هجمات). */
  nouns?: readonly string[];
  /** What a genitive after the noun names: the actor (زيارة بوتين) or the victim (مقتل جندي). */
  genitive?: "source" | "target";
  /** Prepositions before the target (هاجم X, but اعتدى على X, تحدث مع X). */
  preps?: readonly string[];
  /** The verb takes its target as a direct object too (default: when `preps` is empty). */
  object?: boolean;
  /** The noun counts only as a light verb's object (تعرض للضرب; ضرب alone is "a kind"). */
  afterLight?: boolean;
  /** One of these words must follow in the clause for the trigger to count (تحدث needs مع). */
  needs?: readonly string[];
}

/** Verbs that carry a verbal-noun object and lend it their subject and tense (شن هجوما). */
export const LIGHT_VERBS: readonly string[] = [
  "قرر|يقرر",
  // شهدت المدينة مظاهرات: the place saw the event (its subject is where, not who)
  "شهد|يشهد",
  "شن|يشن",
  "نفذ|ينفذ",
  "قام|يقوم",
  "أجرى|يجري",
  "وجه|يوجه",
  "أعرب|يعرب",
  "عبر|يعبر",
  "أبدى|يبدي",
  "أعلن|يعلن",
  "قدم|يقدم",
  "فرض|يفرض",
  "وقع|يوقع",
  "نظم|ينظم",
  "خاض|يخوض",
  "ارتكب|يرتكب",
  "أطلق|يطلق",
  "جدد|يجدد",
  "أكد|يؤكد",
  "بدأ|يبدأ",
  "واصل|يواصل",
  "أقام|يقيم",
  "عقد|يعقد",
  "أبرم|يبرم",
  "اتخذ|يتخذ",
  "دخل|يدخل",
  "خرج|يخرج",
];

/** Troops, whose sending or retreat is military. */
const TROOPS =
  "قوات القوات جنود الجنود جنديا جندي تعزيزات قواته قواتها جيش الجيش وحدات دبابات عسكرية".split(
    " ",
  );

/** Protesters, as the subject that makes a gathering a protest. */
const PROTESTERS = [
  ..."متظاهر متظاهرون متظاهرين المتظاهرون المتظاهرين محتج محتجون محتجين المحتجون المحتجين".split(
    " ",
  ),
  ..."معتصمون معتصمين المعتصمون المعتصمين مضربون مضربين المضربون المضربين".split(" "),
];

export const TRIGGERS: readonly TriggerEntry[] = [
  // ---- CONSULT ----
  {
    type: "CONSULT",
    verbs: ["التقى|يلتقي"],
    nouns: ["لقاء لقاءات"],
    preps: ["ب", "مع"],
    object: true,
  },
  { type: "CONSULT", verbs: ["اجتمع|يجتمع"], nouns: ["اجتماع اجتماعات"], preps: ["ب", "مع"] },
  {
    type: "CONSULT",
    verbs: ["تحدث|يتحدث", "تباحث|يتباحث", "تشاور|يتشاور"],
    preps: ["مع"],
    needs: ["مع", "هاتفيا"],
  },
  { type: "CONSULT", verbs: ["بحث|يبحث", "ناقش|يناقش"], preps: ["مع"], needs: ["مع"] },
  { type: "CONSULT", nouns: ["محادثات مباحثات مشاورات قمة"], preps: ["مع"] },
  { type: "CONSULT", verbs: ["استقبل|يستقبل"], nouns: ["استقبال"], mode: "visit", object: true },
  {
    type: "CONSULT",
    mode: "visit",
    verbs: ["زار|يزور"],
    nouns: ["زيارة زيارات"],
    preps: ["إلى", "ل"],
    object: true,
  },
  {
    type: "CONSULT",
    mode: "phone",
    verbs: ["هاتف|يهاتف", "اتصل|يتصل"],
    nouns: ["اتصال اتصالات مكالمة مكالمات"],
    preps: ["ب", "مع"],
    object: true,
  },
  { type: "CONSULT", mode: "third-party", verbs: ["توسط|يتوسط"], nouns: ["وساطة"], preps: ["بين"] },
  { type: "CONSULT", verbs: ["تفاوض|يتفاوض"], nouns: ["مفاوضات"], preps: ["مع"] },
  // ---- AGREE ----
  {
    type: "AGREE",
    verbs: ["اتفق|يتفق"],
    nouns: ["اتفاق اتفاقية اتفاقات اتفاقيات معاهدة هدنة"],
    preps: ["مع"],
  },
  { type: "AGREE", verbs: ["تعهد|يتعهد"], nouns: ["تعهد"], preps: ["ل"] },
  {
    type: "AGREE",
    verbs: ["توصل|يتوصل"],
    preps: ["مع"],
    needs: ["اتفاق", "الاتفاق", "اتفاقا", "تسوية"],
  },
  // ---- SUPPORT ----
  { type: "SUPPORT", verbs: ["أشاد|يشيد|مشيدا"], nouns: ["إشادة"], preps: ["ب"] },
  { type: "SUPPORT", verbs: ["أيد|يؤيد"], nouns: ["تأييد"], object: true },
  {
    type: "SUPPORT",
    verbs: ["دعم|يدعم", "ساند|يساند", "ناصر|يناصر"],
    nouns: ["مساندة مناصرة"],
    object: true,
  },
  { type: "SUPPORT", verbs: ["رحب|يرحب"], nouns: ["ترحيب"], preps: ["ب"] },
  { type: "SUPPORT", verbs: ["هنأ|يهنئ"], nouns: ["تهنئة تهاني"], object: true, preps: ["ل"] },
  { type: "SUPPORT", verbs: ["ثمن|يثمن", "امتدح|يمتدح"], object: true },
  { type: "SUPPORT", verbs: ["أثنى|يثني"], preps: ["على"] },
  { type: "SUPPORT", verbs: ["تضامن|يتضامن"], nouns: ["تضامن"], preps: ["مع"] },
  { type: "SUPPORT", verbs: ["اعتذر|يعتذر"], nouns: ["اعتذار"], preps: ["ل", "من"] },
  { type: "SUPPORT", nouns: ["وقوف"], needs: ["جانب"], preps: ["جانب"] },
  // ---- COOPERATE / AID ----
  { type: "COOPERATE", verbs: ["تعاون|يتعاون"], nouns: ["تعاون"], preps: ["مع"] },
  { type: "COOPERATE", verbs: ["نسق|ينسق"], nouns: ["تنسيق"], preps: ["مع"] },
  { type: "AID", nouns: ["مساعدات معونات معونة إغاثة"], preps: ["ل", "إلى"] },
  {
    type: "AID",
    mode: "asylum",
    nouns: ["لجوء"],
    needs: ["منح", "منحت", "يمنح", "تمنح"],
    preps: ["ل"],
  },
  // ---- CONCEDE / RETREAT ----
  {
    type: "CONCEDE",
    verbs: ["تنازل|يتنازل", "رضخ|يرضخ", "استجاب|يستجيب"],
    nouns: ["تنازلات"],
    preps: ["ل", "عن"],
  },
  { type: "RETREAT", mode: "release", verbs: ["أفرج|يفرج"], nouns: ["إفراج"], preps: ["عن"] },
  { type: "RETREAT", mode: "release", nouns: ["إطلاق"], needs: ["سراح"], preps: ["سراح"] },
  { type: "RETREAT", mode: "ceasefire", nouns: ["وقف"], needs: ["النار", "إطلاق"] },
  // from a meeting, a body or a deal it is a sanction (SANCTION withdraw); troops retreat
  {
    type: "RETREAT",
    mode: "withdraw",
    verbs: ["انسحب|ينسحب"],
    nouns: ["انسحاب"],
    preps: ["من"],
    needs: TROOPS,
  },
  {
    type: "SANCTION",
    mode: "withdraw",
    verbs: ["انسحب|ينسحب", "غادر|يغادر"],
    nouns: ["انسحاب مغادرة"],
    preps: ["من"],
    object: true,
    needs: [
      "اجتماع",
      "جلسة",
      "الجلسة",
      "الاجتماع",
      "اجتماعات",
      "جلسات",
      "قاعة",
      "الأيام",
      "أشغال",
      "حوار",
      "الحوار",
      "مفاوضات",
      "المفاوضات",
      "اتفاق",
      "الاتفاق",
      "الاتفاقية",
      "الحكومة",
      "حكومة",
      "الائتلاف",
      "الحزب",
      "الكتلة",
      "التحالف",
      "لجنة",
      "اللجنة",
      "المجلس",
      "منظمة",
      "المنظمة",
    ],
  },
  // ---- REQUEST ----
  {
    type: "REQUEST",
    verbs: ["طالب|يطالب|مطالبا", "ناشد|يناشد|مناشدا"],
    nouns: ["مطالبة مطالبات مناشدة"],
    object: true,
    preps: ["ب"],
  },
  {
    type: "REQUEST",
    verbs: ["دعا|يدعو|داعيا"],
    nouns: ["دعوة دعوات"],
    object: true,
    preps: ["إلى"],
  },
  { type: "REQUEST", verbs: ["حث|يحث|حاثا"], object: true, preps: ["على"] },
  { type: "REQUEST", verbs: ["طلب|يطلب", "التمس|يلتمس"], nouns: ["طلب"], preps: ["من"] },
  // ---- ACCUSE ----
  {
    type: "ACCUSE",
    mode: "allege",
    verbs: ["اتهم|يتهم"],
    nouns: ["اتهام اتهامات"],
    object: true,
    preps: ["ل"],
  },
  {
    type: "ACCUSE",
    mode: "disapprove",
    verbs: ["أدان|يدين", "ندد|يندد|منددا", "استنكر|يستنكر|مستنكرا", "شجب|يشجب"],
    nouns: ["إدانة تنديد استنكار شجب"],
    object: true,
    preps: ["ب"],
  },
  {
    type: "ACCUSE",
    mode: "disapprove",
    verbs: ["انتقد|ينتقد|منتقدا"],
    nouns: ["انتقاد انتقادات"],
    object: true,
    preps: ["ل"],
  },
  {
    type: "ACCUSE",
    mode: "disapprove",
    verbs: ["حمل|يحمل"],
    needs: ["مسؤولية", "المسؤولية", "مسؤوليه"],
    object: true,
  },
  {
    type: "ACCUSE",
    mode: "disapprove",
    nouns: ["استغراب استياء احتجاج"],
    needs: ["عن", "أعرب", "عبر", "أبدى"],
    preps: ["على", "من", "إزاء", "ل"],
  },
  {
    type: "ACCUSE",
    mode: "investigate",
    // حقق is as often "achieved" (حققت القوات انتصارات): only its noun and تحرى
    verbs: ["تحرى|يتحرى"],
    nouns: ["تحقيق تحقيقات"],
    preps: ["مع", "في"],
  },
  // ---- REJECT ----
  { type: "REJECT", verbs: ["رفض|يرفض|رافضا"], nouns: ["رفض"], object: true },
  { type: "REJECT", verbs: ["عارض|يعارض"], nouns: ["معارضة"], object: true },
  { type: "REJECT", verbs: ["نفى|ينفي"], object: true },
  // ---- THREATEN ----
  {
    type: "THREATEN",
    verbs: ["هدد|يهدد", "توعد|يتوعد"],
    nouns: ["تهديد تهديدات"],
    object: true,
    preps: ["ب", "ضد", "على"],
  },
  { type: "THREATEN", verbs: ["لوح|يلوح"], preps: ["ب"], needs: ["ب"] },
  // ---- PROTEST ----
  {
    type: "PROTEST",
    mode: "demo",
    verbs: ["تظاهر|يتظاهر", "احتج|يحتج", "تجمهر|يتجمهر"],
    nouns: ["مظاهرة مظاهرات تظاهرة تظاهرات احتجاج احتجاجات مسيرة مسيرات وقفة احتجاجية"],
    preps: ["ضد", "على"],
  },
  // protesters gathering or marching (احتشد المتظاهرون، توجه المحتجون إلى): the verb of motion
  // is the protest when its subject is a protester
  {
    type: "PROTEST",
    mode: "demo",
    verbs: [
      "احتشد|يحتشد",
      "تجمع|يتجمع",
      "تدفق|يتدفق",
      "توجه|يتوجه",
      "خرج|يخرج",
      "سار|يسير",
      "زحف|يزحف",
      "نزل|ينزل",
      "جاب|يجوب",
      "طاف|يطوف",
    ],
    needs: PROTESTERS,
  },
  {
    type: "PROTEST",
    mode: "riot",
    verbs: ["أحرق|يحرق", "أضرم|يضرم", "رشق|يرشق"],
    needs: PROTESTERS,
    object: true,
  },
  {
    type: "PROTEST",
    mode: "demo",
    verbs: ["اعتصم|يعتصم"],
    nouns: ["اعتصام اعتصامات"],
    preps: ["ضد", "أمام"],
  },
  {
    type: "PROTEST",
    mode: "strike",
    verbs: ["أضرب|يضرب"],
    nouns: ["إضراب إضرابات"],
    preps: ["ضد"],
    needs: ["عن", "العمل", "عام", "عامل", "عمال", "العمال", "موظف", "موظفو", "الموظفين", "نقابة"],
  },
  { type: "PROTEST", mode: "riot", nouns: ["شغب"], preps: ["ضد"] },
  { type: "PROTEST", mode: "boycott", verbs: ["قاطع|يقاطع"], nouns: ["مقاطعة"], object: true },
  // ---- MOBILIZE ----
  {
    type: "MOBILIZE",
    mode: "troops",
    verbs: ["حشد|يحشد"],
    nouns: ["حشد حشود تعبئة"],
    preps: ["على", "إلى"],
  },
  {
    type: "MOBILIZE",
    mode: "troops",
    verbs: ["نشر|ينشر", "أرسل|يرسل", "دفع|يدفع", "انتشر|ينتشر"],
    nouns: ["نشر انتشار"],
    needs: TROOPS,
    preps: ["إلى", "في"],
  },
  { type: "MOBILIZE", mode: "police", nouns: ["تأهب استنفار"], preps: [] },
  // ---- SANCTION ----
  { type: "SANCTION", nouns: ["عقوبات عقوبة"], preps: ["على", "ضد"] },
  {
    type: "SANCTION",
    mode: "withdraw",
    verbs: ["قطع|يقطع"],
    needs: ["علاقات", "علاقاتها", "علاقاته", "العلاقات"],
    preps: ["مع"],
  },
  {
    type: "SANCTION",
    mode: "withdraw",
    verbs: ["علق|يعلق"],
    needs: ["مشاركة", "مشاركتها", "مشاركته", "عضوية", "عضويته", "عضويتها"],
    preps: ["في"],
  },
  {
    type: "SANCTION",
    mode: "expel",
    verbs: ["طرد|يطرد", "أقال|يقيل"],
    nouns: ["طرد إقالة"],
    genitive: "target",
    object: true,
    preps: ["من"],
  },
  // ---- COERCE ----
  {
    type: "COERCE",
    mode: "arrest",
    verbs: ["اعتقل|يعتقل", "احتجز|يحتجز"],
    passives: ["أوقف", "اعتقل", "احتجز"],
    nouns: ["اعتقال اعتقالات احتجاز"],
    genitive: "target",
    object: true,
  },
  {
    type: "COERCE",
    mode: "arrest",
    verbs: ["أوقف|يوقف"],
    needs: ["الشرطة", "الأمن", "أمنية", "الأمنية", "مشتبه", "مشتبها", "شخصا", "أشخاص"],
    object: true,
  },
  { type: "COERCE", mode: "arrest", nouns: ["القبض"], needs: ["على"], preps: ["على"] },
  {
    type: "COERCE",
    mode: "seize",
    verbs: ["صادر|يصادر", "داهم|يداهم"],
    nouns: ["مصادرة مداهمة مداهمات"],
    object: true,
  },
  {
    type: "COERCE",
    mode: "deport",
    verbs: ["رحل|يرحل"],
    nouns: ["ترحيل"],
    object: true,
    needs: ["إلى", "من", "مهاجر", "مهاجرين", "لاجئين"],
  },
  { type: "COERCE", mode: "ban", verbs: ["حظر|يحظر"], nouns: ["حظر"], object: true },
  { type: "COERCE", mode: "curfew", nouns: ["التجول"], needs: ["حظر"] },
  { type: "COERCE", mode: "restrict", verbs: ["أغلق|يغلق"], nouns: ["إغلاق"], object: true },
  { type: "COERCE", mode: "seize", verbs: ["احتل|يحتل"], nouns: ["احتلال"], object: true },
  // ---- ASSAULT ----
  {
    type: "ASSAULT",
    verbs: ["هاجم|يهاجم"],
    nouns: ["هجوم هجمات هجوما"],
    preps: ["على", "ضد"],
    object: true,
  },
  { type: "ASSAULT", verbs: ["اعتدى|يعتدي"], nouns: ["اعتداء اعتداءات"], preps: ["على"] },
  { type: "ASSAULT", verbs: ["استهدف|يستهدف"], nouns: ["استهداف"], object: true },
  {
    type: "ASSAULT",
    verbs: ["قتل|يقتل"],
    passives: ["قتل"],
    nouns: ["مقتل قتل"],
    genitive: "target",
    object: true,
  },
  {
    type: "ASSAULT",
    verbs: ["جرح|يجرح", "أصاب|يصيب"],
    passives: ["أصيب", "جرح"],
    genitive: "target",
    object: true,
    needs: [
      "بجروح",
      "جروح",
      "بجراح",
      "جريحا",
      "جرحى",
      "برصاص",
      "بالرصاص",
      "إصابات",
      "بإصابات",
      "آخرون",
      "اخرين",
      "آخرين",
    ],
  },
  {
    type: "ASSAULT",
    verbs: ["ذبح|يذبح", "طعن|يطعن", "دهس|يدهس"],
    nouns: ["طعن"],
    genitive: "target",
    object: true,
  },
  {
    type: "ASSAULT",
    mode: "beat",
    nouns: ["ضرب"],
    genitive: "target",
    needs: ["تعرض", "تعرضوا", "تعرضت", "يتعرضون"],
    afterLight: true,
  },
  { type: "ASSAULT", verbs: ["اقتحم|يقتحم"], nouns: ["اقتحام"], object: true },
  {
    type: "ASSAULT",
    nouns: ["عملية عمليات"],
    needs: [
      "انتحارية",
      "انتحاري",
      "إرهابية",
      "إرهابي",
      "مسلحة",
      "عسكرية",
      "تفجير",
      "اغتيال",
      "خطف",
      "اختطاف",
    ],
    preps: ["على", "ضد"],
  },
  {
    type: "ASSAULT",
    mode: "assassinate",
    verbs: ["اغتال|يغتال"],
    passives: ["اغتيل"],
    nouns: ["اغتيال اغتيالات"],
    genitive: "target",
    object: true,
  },
  {
    type: "ASSAULT",
    mode: "abduct",
    verbs: ["خطف|يخطف", "اختطف|يختطف"],
    passives: ["خطف", "اختطف"],
    nouns: ["خطف اختطاف"],
    genitive: "target",
    object: true,
  },
  {
    type: "ASSAULT",
    mode: "torture",
    verbs: ["عذب|يعذب"],
    nouns: ["تعذيب"],
    genitive: "target",
    object: true,
  },
  {
    type: "ASSAULT",
    mode: "heavy-weapons",
    verbs: ["قصف|يقصف"],
    nouns: ["قصف غارة غارات قذائف"],
    object: true,
    preps: ["على"],
  },
  {
    type: "ASSAULT",
    mode: "explosives",
    verbs: ["فجر|يفجر"],
    nouns: ["تفجير تفجيرات انفجار انفجارات"],
    object: true,
  },
  { type: "ASSAULT", mode: "explosives", verbs: ["انفجر|ينفجر", "تفجر|يتفجر"] },
  {
    type: "ASSAULT",
    mode: "firearms",
    verbs: ["أطلق|يطلق"],
    nouns: ["إطلاق"],
    needs: ["النار", "نار", "الرصاص", "رصاص", "النيران"],
    preps: ["على"],
  },
  {
    type: "ASSAULT",
    mode: "heavy-weapons",
    verbs: ["أطلق|يطلق"],
    nouns: ["إطلاق"],
    needs: ["صاروخ", "صواريخ", "صاروخا", "قذيفة", "قذائف", "قذيفتين", "قذيفتان"],
    preps: ["على"],
  },
  {
    type: "ASSAULT",
    verbs: ["اشتبك|يشتبك"],
    nouns: ["اشتباك اشتباكات مواجهات معارك معركة قتال"],
    preps: ["مع", "ضد"],
  },
  { type: "ASSAULT", mode: "massacre", nouns: ["مجزرة مجازر مذبحة"], preps: ["ضد", "بحق", "في"] },
];

/** Words that make an ASSAULT a suicide attack, a bombing or an air strike. */
export const ASSAULT_MODES: readonly [string, readonly string[]][] = [
  [
    "suicide-attack",
    ["انتحاري", "انتحارية", "انتحاريا", "انتحاريان", "انتحاريين", "الانتحاري", "الانتحارية"],
  ],
  ["explosives", ["مفخخة", "ناسفة", "عبوة", "قنبلة", "تفجير", "انفجار", "متفجرات"]],
  [
    "aerial",
    ["غارة", "غارات", "جوية", "الجوية", "طائرة", "طائرات", "الطيران", "مسيرة", "صاروخ", "صواريخ"],
  ],
  ["heavy-weapons", ["مدفعية", "المدفعية", "قذيفة", "قذائف", "الهاون", "دبابات"]],
  ["firearms", ["رصاص", "الرصاص", "برصاص", "النار", "مسلح", "قناص", "قنص"]],
];
