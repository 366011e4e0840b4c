/**
 * PLOVER-style actor codes: a country (ISO 3166 alpha-3, or an international organisation's
 * code) and a sector. A linked entity brings both from the knowledge base (its CAMEO code:
 * RUSGOV is Russia's government); otherwise they are read off the actor's words, the head noun
 * giving the sector (مسلحون UAF, قوات الأمن COP) and a nationality adjective the country
 * (الجيش السوري → SYR MIL).
 */
import type { Entity, EventActor } from "../analysis.js";
import type { KnowledgeBase } from "../entities/index.js";
import { normalizeArabic } from "../text/index.js";

/** Head nouns (singular and plural, normalised, without the article) and their sector. */
const SECTOR_WORDS: readonly [string, string][] = [
  ["MIL", "جيش جيوش جنود جندي جنديا قوات قوة عسكري عسكريون عسكريين ضباط ضابط مشاة بحرية طيران"],
  ["COP", "شرطة شرطي أمن امن درك حرس مخابرات استخبارات"],
  [
    "GOV",
    "حكومة حكومات وزير وزيرة وزراء وزارة رئيس رئيسة رئاسة سلطات سلطة ملك أمير حاكم محافظ والي ولاية سفير سفارة دبلوماسي دبلوماسيون خارجية داخلية بلدية",
  ],
  ["LEG", "برلمان برلمانية نائب نواب كونغرس مجلس"],
  ["JUD", "محكمة محاكم قاضي قاض قضاة قضاء نيابة"],
  ["OPP", "معارضة معارضون معارضين معارض"],
  ["REB", "متمردون متمردين متمرد ميليشيا ميليشيات مليشيات ثوار"],
  ["UAF", "مسلحون مسلحين مسلح ملثمون ملثمين مجهولون مجهولين عصابة عصابات خاطفون خاطفين"],
  [
    "RAD",
    "متشددون متشددين متطرفون متطرفين إرهابيون إرهابيين إرهابي جهاديون جهاديين انتحاري انتحاريون",
  ],
  [
    "CVL",
    "متظاهرون متظاهرين محتجون محتجين معتصمون معتصمين مدنيون مدنيين مواطنون مواطنين سكان أهالي شبان لاجئون لاجئين مهاجرين مهاجرون",
  ],
  ["PTY", "حزب أحزاب كتلة"],
  ["LAB", "نقابة نقابات عمال عامل موظفون موظفين"],
  ["EDU", "طلاب طالب طلبة جامعة"],
  ["MED", "صحيفة صحف صحفي صحفيون صحفيين قناة وكالة إذاعة"],
  ["BUS", "شركة شركات"],
  ["HLH", "مستشفى أطباء طبيب"],
  ["NGO", "منظمة منظمات جمعية جمعيات"],
];

const SECTORS = new Map<string, string>();
for (const [sector, words] of SECTOR_WORDS) {
  for (const w of words.split(" ")) SECTORS.set(normalizeArabic(w), sector);
}

/** The sector of one word: its head-noun sector, with و/ب/ل and the article taken off. */
export function sectorOfWord(word: string): string | undefined {
  let w = normalizeArabic(word);
  for (let k = 0; k < 3 && w.length > 2; k++) {
    const hit = SECTORS.get(w);
    if (hit) return hit;
    if (/^(ال|لل)/.test(w)) w = w.slice(2);
    else if (/^[وفبلك]/.test(w)) w = w.slice(1);
    else break;
  }
  return SECTORS.get(w);
}

/** Splits a CAMEO actor code into country and sector: RUSGOV → RUS, GOV; IGOUNO → UNO. */
function splitCameo(cameo: string | undefined): { code?: string; sector?: string } {
  if (!cameo || !/^[A-Z]{3}/.test(cameo)) return {};
  const head = cameo.slice(0, 3);
  const rest = cameo.slice(3, 6);
  if (head === "IGO" || head === "NGO") return rest ? { code: rest } : {};
  return rest ? { code: head, sector: rest } : { code: head };
}

/**
 * The actor code for one side of an event: the entity's KB codes where it has them, the words'
 * nationality adjective and head noun otherwise (and for whatever the KB leaves open).
 */
export function actorCode(
  text: string,
  entity: Entity | undefined,
  kb: KnowledgeBase | undefined,
): EventActor {
  const out: EventActor = { text };
  const fromKb = splitCameo(entity?.kb?.cameo);
  if (fromKb.code) out.code = fromKb.code;
  if (fromKb.sector) out.sector = fromKb.sector;
  const kbEntry = entity?.kb?.id && kb ? kb.get(entity.kb.id) : undefined;
  if (!out.code && kbEntry?.country) out.code = kbEntry.country;
  if (!out.code && entity?.type === "LOC" && kbEntry?.kind === "country") out.code = kbEntry.id;
  const words = text.split(/\s+/).filter(Boolean);
  if (!out.sector) {
    for (const w of words.slice(0, 3)) {
      const s = sectorOfWord(w);
      if (s) {
        out.sector = s;
        break;
      }
    }
  }
  if (!out.code && kb) {
    for (const w of words) {
      const country = kb.adjective(w);
      if (country) {
        out.code = country.id;
        break;
      }
    }
  }
  // a country named as an actor (أعلنت مصر) is its government
  if (!out.sector && entity?.type === "LOC" && kbEntry?.kind === "country") out.sector = "GOV";
  return out;
}
