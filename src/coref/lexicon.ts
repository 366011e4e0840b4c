/**
 * The nouns coreference reads besides role nouns (entities/roles.ts): bodies named by their
 * portfolio, and statements that speak for whoever issued them.
 */
import { normalizeArabic } from "../text/index.js";

export { RANKS, ROLE_NOUNS, type RoleNoun, roleNoun } from "../entities/roles.js";

/**
 * Heads that name a body without naming which one, beyond the kinds of bodies entity patterns
 * know (حزب، حركة، وزارة...): a ministry by its portfolio (الخارجية), the presidency, police.
 */
export const EXTRA_ORGANISATION_NOMINALS: ReadonlySet<string> = new Set(
  "خارجية داخلية رئاسة شرطة دفاع سلطة أمانة إدارة".split(" ").map(normalizeArabic),
);

/** Nouns for a statement or document whose author speaks through it (قال البيان، وأضاف التقرير). */
export const STATEMENT_NOUNS: ReadonlySet<string> = new Set(
  "بيان بلاغ تقرير رسالة مذكرة إعلان تصريح".split(" ").map(normalizeArabic),
);

/** Documents and figures a claim can be attributed to (بحسب أرقام المنظمة، وفقا لإحصاءات). */
export const SOURCE_DOCUMENTS: ReadonlySet<string> = new Set([
  ...STATEMENT_NOUNS,
  ..."تصريحات أقوال أرقام إحصاءات إحصائيات معطيات تقديرات بيانات دراسة قرار"
    .split(" ")
    .map(normalizeArabic),
]);
