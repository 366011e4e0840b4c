/**
 * Events written by hand for the tests of the CLI, the store and the server, which must not
 * depend on what the events stage finds: an event is given by its words (the trigger, the
 * clause that is its evidence) and its actors by name, and placed in the text here.
 */
import {
  ANALYSIS_SCHEMA_ID,
  type Analysis,
  AnalysisSchema,
  type Entity,
  type EntityType,
  type Event,
  type EventActor,
  type EventStatus,
} from "../../src/analysis.js";

export interface EventSpec {
  type: string;
  /** The trigger word, looked for inside the clause. */
  trigger: string;
  /** The evidence clause (default: the trigger alone). */
  clause?: string;
  /** The actors by entity id or by a name or mention text of the analysis; null: unnamed. */
  source?: string | null;
  target?: string | null;
  sourceActor?: EventActor;
  targetActor?: EventActor;
  mode?: string;
  status?: EventStatus;
  background?: boolean;
  date?: string;
  place?: string;
  confidence?: number;
}

/** The events of `specs`, placed in `analysis.text`, with actors resolved to its entity ids. */
export function eventsFor(analysis: Pick<Analysis, "text" | "entities">, specs: EventSpec[]) {
  const { text } = analysis;
  const idOf = (name: string | null | undefined): string | null | undefined => {
    if (name === null || name === undefined) return name;
    const found =
      analysis.entities.find((e) => e.id === name) ??
      analysis.entities.find((e) => e.name === name) ??
      analysis.entities.find((e) => e.mentions.some((m) => m.text === name));
    if (!found) {
      const known = analysis.entities.map((e) => `${e.id} (${e.name})`).join(", ");
      throw new Error(`test fixture: no entity "${name}" in the analysis; it has ${known}`);
    }
    return found.id;
  };
  return specs.map((spec): Event => {
    const clause = spec.clause ?? spec.trigger;
    const start = text.indexOf(clause);
    if (start < 0) throw new Error(`test fixture: the clause "${clause}" is not in the text`);
    const at = text.indexOf(spec.trigger, start);
    if (at < 0 || at + spec.trigger.length > start + clause.length)
      throw new Error(`test fixture: the trigger "${spec.trigger}" is not in its clause`);
    const source = idOf(spec.source);
    const target = idOf(spec.target);
    const place = idOf(spec.place);
    return {
      type: spec.type,
      ...(spec.mode ? { mode: spec.mode } : {}),
      status: spec.status ?? "realised",
      background: spec.background ?? false,
      ...(source !== undefined ? { source } : {}),
      ...(target !== undefined ? { target } : {}),
      ...(spec.sourceActor ? { sourceActor: spec.sourceActor } : {}),
      ...(spec.targetActor ? { targetActor: spec.targetActor } : {}),
      ...(spec.date ? { date: spec.date } : {}),
      ...(place ? { place } : {}),
      trigger: { start: at, end: at + spec.trigger.length, text: spec.trigger },
      start,
      end: start + clause.length,
      text: clause,
      confidence: spec.confidence ?? 0.8,
    };
  });
}

export interface EntitySpec {
  id: string;
  type: EntityType;
  name: string;
  /** KB id: the store keys the entity by it. */
  kb?: string;
  /** Other words naming it in the text (all their occurrences become mentions). */
  forms?: string[];
}

/**
 * A whole Analysis written by hand: the text, its entities (every occurrence of the name and
 * forms is a mention) and events. Checked against the schema, as the pipeline's output is.
 */
export function handMadeAnalysis(
  text: string,
  meta: { id?: string; published?: string; title?: string; url?: string; siteName?: string },
  entities: EntitySpec[],
  events: EventSpec[],
): Analysis {
  const made: Entity[] = entities.map((e) => ({
    id: e.id,
    type: e.type,
    name: e.name,
    ...(e.kb ? { kb: { id: e.kb } } : {}),
    mentions: [e.name, ...(e.forms ?? [])].flatMap((form) =>
      [...text.matchAll(new RegExp(form, "g"))].map((m) => ({
        start: m.index,
        end: m.index + form.length,
        text: form,
        kind: "name" as const,
        confidence: 0.9,
      })),
    ),
  }));
  const { id, ...rest } = meta;
  const analysis: Analysis = {
    schema: ANALYSIS_SCHEMA_ID,
    ...(id ? { id } : {}),
    meta: { ...rest, language: "ar" },
    text,
    removed: [],
    sentences: [{ start: 0, end: text.length }],
    entities: made,
    quotes: [],
    times: [],
    events: [],
  };
  analysis.events = eventsFor(analysis, events);
  return AnalysisSchema.parse(analysis);
}

// ---------------------------------------------------------------------------------------------
// Invented articles (not from any corpus) with hand-made events.

const JORDAN_EGYPT_ENTITIES: EntitySpec[] = [
  { id: "abdullah-ii", type: "PER", name: "عبد الله الثاني", kb: "abdullah-ii", forms: ["الملك"] },
  { id: "sameh-shoukry", type: "PER", name: "سامح شكري", kb: "sameh-shoukry" },
  {
    id: "benjamin-netanyahu",
    type: "PER",
    name: "بنيامين نتنياهو",
    kb: "benjamin-netanyahu",
  },
  { id: "amman", type: "LOC", name: "عمان", kb: "amman" },
];

/** The story's events: a visit (realised), an agreement (realised), a meeting that did not happen. */
const JORDAN_EGYPT_EVENTS: EventSpec[] = [
  {
    type: "CONSULT",
    mode: "visit",
    trigger: "استقبل",
    clause:
      "استقبل العاهل الأردني الملك عبد الله الثاني في عمان يوم الأحد وزير الخارجية المصري سامح شكري",
    source: "abdullah-ii",
    target: "sameh-shoukry",
    sourceActor: { code: "JOR", sector: "GOV", text: "العاهل الأردني الملك عبد الله الثاني" },
    targetActor: { code: "EGY", sector: "GOV", text: "وزير الخارجية المصري سامح شكري" },
    date: "2016-03-13",
    place: "amman",
    confidence: 0.9,
  },
  {
    type: "AGREE",
    trigger: "اتفقا",
    clause: "الجانبين اتفقا على عقد اجتماع للجنة العليا المشتركة",
    source: "abdullah-ii",
    target: "sameh-shoukry",
    sourceActor: { code: "JOR", sector: "GOV", text: "الجانبين" },
    targetActor: { code: "EGY", sector: "GOV", text: "الجانبين" },
    date: "2016-03-13",
  },
  {
    type: "CONSULT",
    trigger: "يلتق",
    clause: "لم يلتق الملك رئيس الوزراء الإسرائيلي بنيامين نتنياهو",
    source: "abdullah-ii",
    target: "benjamin-netanyahu",
    sourceActor: { code: "JOR", sector: "GOV", text: "الملك" },
    targetActor: { code: "ISR", sector: "GOV", text: "رئيس الوزراء الإسرائيلي بنيامين نتنياهو" },
    status: "negated",
    date: "2016-03",
  },
];

const JORDAN_EGYPT_TEXT = [
  "عمان (وكالات) - استقبل العاهل الأردني الملك عبد الله الثاني في عمان يوم الأحد وزير الخارجية المصري سامح شكري، وبحث معه سبل تعزيز التعاون بين البلدين في مجالات الطاقة والمياه والنقل البري والتجارة.",
  'وقال بيان للديوان الملكي إن الجانبين اتفقا على عقد اجتماع للجنة العليا المشتركة في القاهرة الشهر المقبل، وإن الوزير نقل إلى الملك رسالة من الرئيس المصري تتعلق "بالأوضاع في المنطقة".',
  "ولم يلتق الملك رئيس الوزراء الإسرائيلي بنيامين نتنياهو خلال الشهر الحالي، بحسب البيان نفسه، رغم ما تردد عن زيارة قريبة.",
].join("\n\n");

/** The story as a first site runs it. */
export function jordanEgypt(meta: Parameters<typeof handMadeAnalysis>[1] = {}): Analysis {
  return handMadeAnalysis(
    JORDAN_EGYPT_TEXT,
    {
      published: "2016-03-13",
      title: "الملك يستقبل شكري",
      url: "https://first.example/jordan-egypt",
      siteName: "first.example",
      ...meta,
    },
    JORDAN_EGYPT_ENTITIES,
    JORDAN_EGYPT_EVENTS,
  );
}

/** The same story reprinted by another site: a new dateline and a closing line of its own. */
export function jordanEgyptReprint(): Analysis {
  const text = `${JORDAN_EGYPT_TEXT.replace("عمان (وكالات) - ", "عمان (بترا) - ")}\n\nالمصدر: وكالة الأنباء.`;
  return handMadeAnalysis(
    text,
    {
      published: "2016-03-14",
      title: "عبد الله الثاني وشكري يبحثان التعاون",
      url: "https://reprint.example/news/77",
      siteName: "reprint.example",
    },
    JORDAN_EGYPT_ENTITIES,
    JORDAN_EGYPT_EVENTS,
  );
}

/** Another story, written apart, that reports the same visit: a story cluster of its own. */
export function visitAnalysis(): Analysis {
  const text =
    "قراءة في العلاقات الأردنية المصرية: يرى محللون أن زيارة الأحد لم تكن عادية، فقد استقبل الملك عبد الله الثاني الوزير سامح شكري في عمان لساعتين، وتناولا ملفات الغاز والربط الكهربائي واللاجئين، وهي ملفات تتقدم ببطء منذ سنوات بسبب التمويل.";
  return handMadeAnalysis(
    text,
    {
      published: "2016-03-20",
      title: "ما وراء زيارة شكري",
      url: "https://analysis.example/jordan-egypt",
      siteName: "analysis.example",
    },
    JORDAN_EGYPT_ENTITIES,
    [
      {
        type: "CONSULT",
        mode: "visit",
        trigger: "استقبل",
        clause: "استقبل الملك عبد الله الثاني الوزير سامح شكري في عمان",
        source: "abdullah-ii",
        target: "sameh-shoukry",
        sourceActor: { code: "JOR", sector: "GOV", text: "الملك عبد الله الثاني" },
        targetActor: { code: "EGY", sector: "GOV", text: "الوزير سامح شكري" },
        date: "2016-03-13",
        place: "amman",
        background: true,
      },
    ],
  );
}

/** An attack by unnamed gunmen, after protests (background), with no date for the protests. */
export function checkpointAttack(): Analysis {
  const text =
    'بغداد - هاجم مسلحون مجهولون نقطة تفتيش للجيش العراقي شمال بغداد مساء السبت، ما أسفر عن مقتل ثلاثة جنود، وفق مصدر أمني. وجاء الهجوم إثر احتجاجات في المدينة، فيما قالت الحكومة إنها "ستلاحق الجناة".';
  return handMadeAnalysis(
    text,
    { published: "2016-03-13", title: "هجوم شمال بغداد", url: "https://third.example/baghdad" },
    [
      { id: "iraqi-army", type: "ORG", name: "الجيش العراقي", kb: "iraqi-army" },
      { id: "baghdad", type: "LOC", name: "بغداد", kb: "baghdad" },
    ],
    [
      {
        type: "ASSAULT",
        mode: "firearms",
        trigger: "هاجم",
        clause: "هاجم مسلحون مجهولون نقطة تفتيش للجيش العراقي شمال بغداد مساء السبت",
        source: null,
        target: "iraqi-army",
        sourceActor: { sector: "UAF", text: "مسلحون مجهولون" },
        targetActor: { code: "IRQ", sector: "MIL", text: "الجيش العراقي" },
        date: "2016-03-12",
        place: "baghdad",
      },
      {
        type: "PROTEST",
        mode: "demo",
        trigger: "احتجاجات",
        clause: "إثر احتجاجات في المدينة",
        background: true,
        place: "baghdad",
      },
    ],
  );
}
