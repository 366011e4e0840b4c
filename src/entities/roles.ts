/**
 * Role nouns: the heads of descriptions that stand for a person (الوزير، المتحدث باسم الوزارة،
 * المفتي), ranks before names (اللواء، الشيخ), and which honorifics each office takes. Words are
 * in their masculine singular form, normalised; a feminine form adds ة (الوزيرة، الناطقة).
 * Entities use them to find names after titles; coreference to read descriptions.
 */
import type { HonorificOffice } from "../syntax/index.js";
import { normalizeArabic } from "../text/index.js";

/**
 * Role nouns and the honorifics they take. A noun with no honorific class still heads a
 * description (الخبير، الكاتب, المحامي).
 */
const ROLES: readonly (readonly [string, readonly HonorificOffice[]])[] = [
  ["رئيس", ["president", "prime-minister", "minister", "official"]],
  ["وزير", ["minister", "prime-minister"]],
  ["نائب", ["minister", "official", "prince"]],
  ["متحدث", ["official"]],
  ["ناطق", ["official"]],
  ["مفتي", ["cleric"]],
  ["كاتب", []],
  ["سفير", ["official", "minister"]],
  ["قنصل", ["official"]],
  ["أمين", ["minister", "official"]],
  ["مدير", ["minister", "official"]],
  ["قائد", ["official"]],
  ["أمير", ["prince"]],
  ["ملك", ["king"]],
  ["عاهل", ["king"]],
  ["ولي", ["prince"]],
  ["خادم", ["king"]],
  ["شيخ", ["cleric", "prince"]],
  ["مستشار", ["minister", "official", "prime-minister"]],
  ["محافظ", ["minister", "official", "prince"]],
  ["والي", ["official"]],
  ["عمدة", ["official"]],
  ["مندوب", ["official"]],
  ["مبعوث", ["official", "minister"]],
  ["ممثل", ["official"]],
  ["منسق", ["official"]],
  ["زعيم", ["official"]],
  ["مرشد", ["cleric"]],
  ["قاضي", ["official"]],
  ["مدعي", ["official"]],
  ["محامي", []],
  ["محام", []],
  ["خبير", []],
  ["باحث", []],
  ["أستاذ", []],
  ["طبيب", []],
  ["مراسل", []],
  ["عضو", ["official"]],
  ["قيادي", []],
  ["مرشح", []],
  ["مدرب", []],
  ["لاعب", []],
  ["مسؤول", ["official"]],
  ["مساعد", ["official", "minister"]],
  ["وكيل", ["official", "minister"]],
  ["عميد", ["official"]],
  ["لواء", ["official"]],
  ["عقيد", ["official"]],
  ["جنرال", ["official"]],
  ["ضابط", []],
  ["إمام", ["cleric"]],
  ["خطيب", ["cleric"]],
  ["مرجع", ["cleric"]],
  ["بابا", ["cleric"]],
  ["بطريرك", ["cleric"]],
  ["مطران", ["cleric"]],
  ["حاخام", ["cleric"]],
  ["داعية", ["cleric"]],
  ["حاكم", ["prince", "official"]],
  ["سلطان", ["king"]],
  ["محلل", []],
  ["ناشط", []],
  ["مؤرخ", []],
  ["مفكر", []],
  ["دكتور", []],
  ["مهندس", []],
  ["مفوض", ["official"]],
  ["مقرر", ["official"]],
  ["مراقب", []],
  ["رائد", ["official"]],
  ["مقدم", ["official"]],
  ["ملازم", []],
  ["نقيب", ["official"]],
  ["مؤلف", []],
  ["روائي", []],
  ["شاعر", []],
  ["مخرج", []],
  ["متهم", []],
  ["مشتبه", []],
  ["منفذ", []],
  ["مهاجم", []],
];

/** Role noun (masculine, normalised) → the honorific offices it goes with. */
export const ROLE_NOUNS: ReadonlyMap<string, readonly HonorificOffice[]> = new Map(
  ROLES.map(([noun, offices]) => [normalizeArabic(noun), offices]),
);

/** Ranks and forms of address that stand right before a name (اللواء منصور التركي). */
export const RANKS: ReadonlySet<string> = new Set(
  (
    "اللواء العقيد العميد المقدم الرائد النقيب الملازم الفريق الجنرال الشيخ السيد السيدة " +
    "الدكتور الدكتورة الأستاذ الأستاذة المهندس الحاج الأمير الأميرة الإمام القاضي المحامي"
  )
    .split(" ")
    .map(normalizeArabic),
);

export interface RoleNoun {
  /** The role in its masculine singular, normalised, without the article (وزير). */
  noun: string;
  gender: "m" | "f";
  /** Written with the article (الوزير), not in construct (وزير الخارجية، مستشار بوتين). */
  definite: boolean;
}

/**
 * The role noun a normalised word is, article and gender ending taken off (الوزيرة → وزير, f),
 * or undefined.
 */
export function roleNoun(word: string): RoleNoun | undefined {
  const definite = word.startsWith("ال") && word.length > 3;
  const bare = definite ? word.slice(2) : word;
  if (ROLE_NOUNS.has(bare)) return { noun: bare, gender: "m", definite };
  if (bare.endsWith("ه") && ROLE_NOUNS.has(bare.slice(0, -1)))
    return { noun: bare.slice(0, -1), gender: "f", definite };
  return undefined;
}
