/**
 * Reads events off an article, trigger by trigger:
 *
 * 1. A trigger is a verb or verbal noun of the lexicon (words.ts), outside names and time
 *    expressions (فجر أمس is dawn). Quoted words count: news reports events through its
 *    sources' words (قال مصدر أمني إن «ثمانية أشخاص قتلوا»). A word with both a verb and a noun
 *    reading is a verb where a verb stands (clause start, after قد/لم).
 * 2. A verbal noun carried by a light verb (شن مسلحون هجوما، أعربت الوزارة عن إدانتها) takes
 *    the light verb's subject and tense; تعرض لـ (underwent) makes its subject the victim.
 * 3. The actor is the verb's subject (syntax/Clauses via the quote attributor's SpeakerFinder,
 *    which resolves titles, pronouns and dropped subjects through coreference); a passive verb's
 *    subject is the victim, its actor after من قبل / على يد / برصاص. A noun's genitive is its
 *    actor (زيارة بوتين) or its victim (مقتل جندي), as the lexicon says.
 * 4. The target stands after the trigger's preposition (اعتدى على، التقى مع) or as its direct
 *    object. Coordinated names (السعودية ومصر والإمارات) give one record per pair.
 * 5. Status and background come from the governing words (realis.ts); the date from the
 *    sentence's time expressions, else the article's date for realised news in the past; the
 *    place from the sentence's places, else the dateline.
 */
import type { Doc, Entity, Event, EventActor, Span, TimeExpression, Token } from "../analysis.js";
import type { KnowledgeBase } from "../entities/index.js";
import { cueOf, type Speaker, SpeakerFinder } from "../quotes/index.js";
import { type Gender, PREPOSITIONS, verbAgreement } from "../syntax/index.js";
import { normalizeArabic } from "../text/index.js";
import { actorCode, sectorOfWord } from "./codes.js";
import { ASSAULT_MODES, type TriggerEntry } from "./lexicon.js";
import { eventStatus, isBackground, type RealisContext } from "./realis.js";
import {
  type Candidate,
  loadReportModel,
  type ReportModel,
  reportFeatures,
  reportProbability,
  type SentenceView,
} from "./report.js";
import { lightVerb, type TriggerWord, triggerReadings } from "./words.js";

export interface EventOptions {
  gender?: ReadonlyMap<string, Gender>;
  speaksFor?: ReadonlyMap<string, string>;
  /** The knowledge base, for actor codes of linked entities. */
  kb?: KnowledgeBase;
  /** The report-or-mention model (report.ts); the shipped one by default, null for rules alone. */
  reportModel?: ReportModel | null;
}

/** How far (tokens) a light verb may stand before its noun (شن مسلحون ملثمون هجوما). */
const LIGHT_WINDOW = 6;
/** How far (tokens) a trigger's required word may stand from it. */
const NEEDS_WINDOW = 10;
/** Most tokens an actor is looked for before its verb (a sentence with no full stop runs on). */
const SCAN_BACK = 60;
/** Most tokens a clause runs after its trigger. */
const CLAUSE_TOKENS = 25;

const norm = (s: string) => normalizeArabic(s);
const normSet = (s: string) => new Set(s.split(/\s+/).filter(Boolean).map(norm));

/** Particles before which a bare ambiguous form (قتل، رفض) is a verb. */
const VERB_LEAD = normSet("قد لقد وقد فقد لم ولم لن ولن ما كما ثم كان كانت وكان وكانت");
/** Words after a passive verb that introduce its actor (قتل ... على يد مسلحين). */
const AGENT_MARKERS = normSet("قبل يد برصاص بنيران رصاص");
/** Light verbs whose subject undergoes the noun (تعرض السفير لهجوم). */
const UNDERGO = normSet("تعرض تعرضت تعرضوا يتعرض تتعرض يتعرضون وتعرض وتعرضت");
/** Words after مسيرة that make it a path, not a march (مسيرة السلام). */
const NOT_A_MARCH = normSet("السلام الديمقراطية التنمية الاصلاح البناء حياته حياتها المهنية");
/** Light verbs that report (أعلن، أكد): their subject tells of the event, it need not do it. */
const REPORTING_LIGHT = normSet("أعلن أعلنت أعلنوا يعلن تعلن أكد أكدت أكدوا يؤكد تؤكد");

/** Light verbs whose subject is where the event happened (شهدت المدينة مظاهرات). */
const WITNESS_LIGHT = normSet("شهد شهدت يشهد تشهد");

/** Words after أصيب that make it an illness or a feeling, not a wound (normalised, with ب). */
const ILLNESS =
  /^ب(ال)?(مرض|فيروس|كورونا|سرطان|عدوي|خيبه|احباط|صدمه|ذهول|دهشه|جلطه|نوبه|ازمه|اكتئاب|انفلونزا|حمي)/;

/** A cardinal number in digits or words (normalised): it opens a count, not an adjective. */
const NUMERAL = /^(\d+|اثن|ثلاث|اربع|خمس|ست|سبع|ثماني?|تسع|عشر|مئ|ماي|الف|الاف|عشرات|مئات|عده|عدد)/;

/** Relative pronouns (normalised). */
const RELATIVE_PRONOUNS = normSet("الذي التي الذين اللذين اللتين");

/** Words before a place where something happens. */
const LOCATIVES = normSet("في داخل قرب شمال جنوب شرق غرب وسط شمالي جنوبي شرقي غربي أمام عند حول");

/** Sectors of armed actors: their attacks are physical. */
const ARMED = new Set(["MIL", "COP", "UAF", "REB", "RAD"]);
/** Event types done together: coordinated subjects with no target do it to each other. */
const SYMMETRIC = new Set(["CONSULT", "AGREE", "COOPERATE"]);

/** Event types whose target may be a place (قصف حلب، انتشر الجيش في المدينة). */
const PLACE_TARGETS = new Set(["ASSAULT", "COERCE", "MOBILIZE"]);

/** Event types that are deeds, not words: a bare present tense of them is no report. */
const MATERIAL = new Set([
  "ASSAULT",
  "PROTEST",
  "COERCE",
  "MOBILIZE",
  "SANCTION",
  "AID",
  "RETREAT",
  "COOPERATE",
]);

/** Adjectives of an attack in words (هجوما لاذعا، هجوم إعلامي). */
const VERBAL_ATTACK = normSet(
  "لاذع لاذعا لاذعه حاد حادا حاده قاس قاسيا قاسيه شديد شديدا شديده اعلامي اعلاميا اعلاميه كلامي سياسي سياسيا",
);
/** Words that say people were hurt. */
const CASUALTY = normSet("قتلى قتيل قتيلا جرحى جريح جريحا ضحايا مصرع مقتل بجروح إصابة اصابه");
const PHONE_WORDS = normSet("هاتفيا هاتفي هاتفية الهاتف الهاتفي الهاتفية بالهاتف");

/** Prepositions as separate words (normalised) and as proclitics. */
const PREP_WORDS = normSet("على مع إلى الى ضد من عن بين أمام في بحق جانب سراح إزاء تجاه");

interface Actor {
  id: string | null;
  text: string;
  /** Token where its phrase starts, or -1. */
  at: number;
}

export function extractEvents(
  doc: Doc,
  entities: readonly Entity[],
  times: readonly TimeExpression[],
  options: EventOptions = {},
): Event[] {
  if (doc.tokens.length === 0) return [];
  const reader = new EventReader(doc, entities, times, options);
  const events = reader.read();
  const model = options.reportModel === undefined ? loadReportModel() : options.reportModel;
  if (model) reader.judgeReports(events, model);
  return events;
}

/**
 * The report model's features for a document taken as one labelled sentence, from the rules
 * alone: those of the first realised, non-background event of `type`, or of the text with no
 * candidate. For training (scripts/train-event-report.ts).
 */
export function reportTrainingRow(
  doc: Doc,
  entities: readonly Entity[],
  times: readonly TimeExpression[],
  type: string,
  options: EventOptions = {},
): Float32Array {
  const reader = new EventReader(doc, entities, times, { ...options, reportModel: null });
  const events = doc.tokens.length ? reader.read() : [];
  return reader.rowFor(events, type);
}

class EventReader {
  private readonly finder: SpeakerFinder;
  private readonly tokens: readonly Token[];
  private readonly norms: readonly string[];
  private readonly bare: readonly string[];
  private readonly entityById: Map<string, Entity>;
  private readonly datelinePlace: string | undefined;

  constructor(
    private readonly doc: Doc,
    entities: readonly Entity[],
    private readonly times: readonly TimeExpression[],
    private readonly options: EventOptions,
  ) {
    this.finder = new SpeakerFinder(doc, [...entities], {
      times,
      ...(options.gender ? { gender: options.gender } : {}),
      ...(options.speaksFor ? { speaksFor: options.speaksFor } : {}),
    });
    this.tokens = doc.tokens;
    this.norms = this.finder.clauses.norms;
    this.bare = this.finder.clauses.bare;
    this.entityById = new Map(entities.map((e) => [e.id, e]));
    this.datelinePlace = this.placeInDateline();
  }

  /** What the rules found about each event, for the report model. */
  private readonly candidates = new Map<Event, Candidate>();

  /**
   * Marks as background the attacks and protests that the model judges mentioned, not
   * reported; the model's probability becomes their confidence.
   */
  judgeReports(events: Event[], model: ReportModel): void {
    // every judgement reads the rules' background flags, not the ones set in this loop
    const rules = events.map((e) => ({ ...e }));
    for (const e of events) {
      if (!model.types.includes(e.type) || e.status !== "realised" || e.background) continue;
      const candidate = this.candidates.get(e);
      if (!candidate) continue;
      const p = reportProbability(
        model,
        reportFeatures(this.view(candidate.at, rules, e.type), candidate, e.type),
      );
      e.confidence = Math.max(0.01, round(p));
      if (p < model.threshold) e.background = true;
    }
  }

  rowFor(events: Event[], type: string): Float32Array {
    const e = events.find((x) => x.type === type && x.status === "realised" && !x.background);
    const candidate = e ? this.candidates.get(e) : undefined;
    if (candidate) return reportFeatures(this.view(candidate.at, events, type), candidate, type);
    return reportFeatures(this.view(-1, events, type), undefined, type);
  }

  /** The sentence of token `at` (the whole text for -1) as the report features read it. */
  private view(at: number, events: readonly Event[], type: string): SentenceView {
    const first = at < 0 ? 0 : this.finder.clauses.sentenceStart(at);
    const key = `${at < 0 ? -1 : first}:${type}`;
    let view = this.views.get(key);
    if (!view) {
      view = this.makeView(at, events, type);
      this.views.set(key, view);
    }
    return view;
  }

  private readonly views = new Map<string, SentenceView>();

  private makeView(at: number, events: readonly Event[], type: string): SentenceView {
    const { clauses } = this.finder;
    const first = at < 0 ? 0 : clauses.sentenceStart(at);
    const stop = at < 0 ? this.tokens.length : clauses.sentenceStop(at);
    const from = (this.tokens[first] as Token).start;
    const to = (this.tokens[stop - 1] as Token).end;
    const here = events.filter(
      (e) => e.type === type && e.trigger.start >= from && e.trigger.end <= to,
    );
    const hasPlace = this.sentenceFacts(first, stop).place;
    return {
      first,
      stop,
      norms: this.norms,
      isNumber: (k) => this.tokens[k]?.kind === "number",
      isQuote: (k) => this.tokens[k]?.kind === "quote",
      hasTime: this.sentenceFacts(first, stop).time,
      hasPlace,
      sameType: here.length,
      sameTypeBackground: here.filter((e) => e.background).length,
    };
  }

  read(): Event[] {
    const events: Event[] = [];
    const { clauses } = this.finder;
    for (let i = 0; i < this.tokens.length; i++) {
      if (!clauses.isWord(i) || clauses.isTime(i)) continue;
      const mention = this.finder.mentionOf(i);
      if (mention && mention.kind === "name") continue;
      const readings = triggerReadings(this.norms[i] as string);
      if (readings.length === 0) continue;
      const reading = this.choose(readings, i);
      if (!reading) continue;
      this.finder.noteTopics(i);
      events.push(...this.eventsAt(i, reading));
    }
    return events;
  }

  /** The reading of an ambiguous word that its context supports, or none. */
  private choose(readings: readonly TriggerWord[], i: number): TriggerWord | undefined {
    const verbal = this.verbStandsAt(i);
    // a passive's subject is the victim whatever follows (أصيب سفير بولندا أمس), unless an
    // illness or a feeling follows (أصيب بمرض، أصيب بخيبة أمل)
    const ok = readings.filter(
      (r) =>
        (r.cls === "passive" ? !this.illnessAfter(i) : this.needsMet(r.entry, i)) &&
        this.fits(r, i),
    );
    if (ok.length === 0) return undefined;
    // قتل ... برصاص قناص، اعتقل ... على يد: with an agent marker (or a count right after the
    // verb: قتل 5 أشخاص) the form spelled like the active is the passive
    const passive = ok.find((r) => r.cls === "passive");
    if (passive && (this.agentMarkerAfter(i) || /^\d/.test(this.bare[i + 1] ?? ""))) return passive;
    const verbs = ok.filter(
      (r) =>
        r.cls !== "noun" &&
        !(r.cls === "passive" && ok.some((x) => x.cls === "past" && x.entry === r.entry)),
    );

    const nouns = ok.filter((r) => r.cls === "noun");
    if (verbs.length && nouns.length) return verbal ? verbs[0] : nouns[0];
    if (
      verbs.length &&
      !verbal &&
      !this.finder.clauses.isVerb(i) &&
      /^[^وف]/.test(this.norms[i] as string)
    ) {
      // a past form in the middle of a noun phrase is more likely a noun we do not know
      const prev = this.norms[i - 1];
      if (prev && PREPOSITIONS.has(this.bare[i - 1] as string)) return undefined;
    }
    return ok[0];
  }

  /** Whether من قبل / على يد / برصاص follows token i in its clause. */
  private agentMarkerAfter(i: number): boolean {
    const stop = this.finder.clauses.sentenceStop(i);
    for (let k = i + 1; k < Math.min(stop, i + 12); k++) {
      if ((this.tokens[k] as Token).kind === "punct") return false;
      if (AGENT_MARKERS.has(this.bare[k] as string)) return true;
    }
    return false;
  }

  /** Whether a verb stands at token i: by form, at a clause start, or after قد/لم/كان. */
  private verbStandsAt(i: number): boolean {
    const { clauses } = this.finder;
    if (clauses.isVerb(i)) return true;
    const first = clauses.sentenceStart(i);
    if (i === first || clauses.isComma(i - 1)) return true;
    if (/^[وف]/.test(this.norms[i] as string) && this.norms[i] !== this.bare[i]) return true;
    return VERB_LEAD.has(this.norms[i - 1] as string);
  }

  /** Words of the trigger's own sentence around it, normalised and bare of clitics. */
  private near(i: number, before: number, after: number): string[] {
    const { clauses } = this.finder;
    const from = Math.max(clauses.sentenceStart(i), i - before);
    const to = Math.min(clauses.sentenceStop(i), i + after + 1);
    const out: string[] = [];
    for (let k = from; k < to; k++) {
      if (k === i) continue;
      const w = this.norms[k] as string;
      out.push(w, this.bare[k] as string, w.replace(/^[وف]?[بلك]?(ال)?/, ""));
    }
    return out;
  }

  private needsMet(entry: TriggerEntry, i: number): boolean {
    if (!entry.needs || entry.needs.length === 0) return true;
    const around = new Set(this.near(i, NEEDS_WINDOW, NEEDS_WINDOW));
    return entry.needs.some((w) => around.has(norm(w)) || around.has(norm(w).replace(/^(ال)/, "")));
  }

  /** Whether an illness or a feeling follows token i (أصيب بمرض، بخيبة أمل، بالإحباط). */
  private illnessAfter(i: number): boolean {
    return this.near(i, 0, 5).some((w) => ILLNESS.test(w));
  }

  /** Guards for words with a common non-event sense. */
  private fits(r: TriggerWord, i: number): boolean {
    const w = this.bare[i] as string;
    if (/^(ال)?مسير(ه|ات)$/.test(w.replace(/^[بل]/, ""))) {
      const prev = this.bare[i - 1] ?? "";
      if (/طائر|طيران/.test(prev)) return false;
      if (NOT_A_MARCH.has(this.norms[i + 1] ?? "")) return false;
    }
    // صادر عن / من is "issued by" (تقرير صادر عن الصندوق), not "confiscated"
    if (/^(ال)?صادر(ه)?$/.test(w) && /^(عن|من)$/.test(this.bare[i + 1] ?? "")) return false;
    // a trigger noun inside an organisation's name is not an event (مجلس التعاون)
    if (r.cls === "noun" && this.finder.mentionOf(i)) return false;
    return true;
  }

  private eventsAt(i: number, reading: TriggerWord): Event[] {
    const { clauses } = this.finder;
    const first = clauses.sentenceStart(i);
    const stop = clauses.sentenceStop(i);
    const end = this.clauseEnd(i, stop);
    const noun = reading.cls === "noun";
    const light = noun ? this.lightVerbBefore(i, first, reading.pronoun) : -1;
    if (reading.entry.afterLight && light < 0) return [];
    const head = light >= 0 ? light : i;
    const context: RealisContext = {
      norms: this.norms,
      at: i,
      noun,
      definite: reading.definite || reading.pronoun,
      future:
        reading.future || (light >= 0 && (lightVerb(this.norms[light] as string)?.future ?? false)),
      light,
      isVerb: (k) =>
        k >= first &&
        (clauses.isVerb(k) ||
          triggerReadings(this.norms[k] as string).some((r) => r.cls !== "noun")),
      isTrigger: (k) => k >= first && triggerReadings(this.norms[k] as string).length > 0,
      isWord: (k) => k >= first && clauses.isWord(k),
      fusedPreposition:
        noun &&
        /^[وف]?([بلك])/.test(this.norms[i] as string) &&
        !reading.entry.nouns?.some((n) =>
          n.split(" ").some((x) => norm(x) === (this.bare[i] as string)),
        ),
      accusative: noun && !reading.definite && /ا$/.test(this.bare[i] as string),
      isName: (k) => this.finder.mentionOf(k)?.kind === "name",
      first,
      stop,
      isPunct: (k) => (this.tokens[k] as Token).kind === "punct",
    };
    let status = eventStatus(context);
    // a material event in the present with no time to it is habitual or generic (يقتلون
    // الأبرياء), not a report
    const cls = light >= 0 ? lightVerb(this.norms[light] as string)?.cls : reading.cls;
    if (
      status === "realised" &&
      cls === "present" &&
      MATERIAL.has(reading.entry.type) &&
      !this.sentenceFacts(first, stop).time
    )
      status = "hypothetical";
    const background = isBackground(context);

    const { sources, targets } = this.actors(i, reading, light, end);
    let { type } = reading.entry;
    let mode = reading.entry.mode;
    if (type === "CONSULT" && !mode && this.near(i, 8, 8).some((w) => PHONE_WORDS.has(w)))
      mode = "phone";
    // an attack on a person or a party with no weapon in sight, or a harsh one (هجوما
    // لاذعا), is a verbal attack — never when armed men or forces make it
    if (
      type === "ASSAULT" &&
      !mode &&
      /^(ال)?(هاجم|يهاجم|تهاجم|هجوم|هجوما|هجمات)/.test(
        (this.bare[i] as string).replace(/^[بل]/, ""),
      )
    ) {
      const tgt = targets[0]?.id ? this.entityById.get(targets[0].id) : undefined;
      const src = sources[0]?.id ? this.entityById.get(sources[0].id) : undefined;
      const armed = sources.some((a) => ARMED.has(this.code(a).sector ?? ""));
      const harsh = this.near(i, 0, 3).some((w) => VERBAL_ATTACK.has(w));
      if (
        !armed &&
        (harsh || tgt?.type === "PER" || (src?.type === "PER" && !this.casualties(i)))
      ) {
        type = "ACCUSE";
        mode = "disapprove";
      }
    }
    // a suicide bomber makes a bombing a suicide attack
    if (type === "ASSAULT" && (mode === undefined || mode === "explosives")) {
      const found = this.assaultMode(i);
      if (found === "suicide-attack" || mode === undefined) mode = found;
    }
    // a verbal noun with nothing to anchor it — no verb carrying it, no named actor, no place,
    // time or count in its sentence — is a generic mention (الاعتداء على السجناء محظور), not
    // a particular event that happened
    if (
      status === "realised" &&
      noun &&
      light < 0 &&
      !this.anchored(first, stop, [...sources, ...targets])
    )
      status = "hypothetical";
    const date = this.dateOf(i, first, stop, status, background, reading, light);
    const used = new Set([...sources, ...targets].map((a) => a.id).filter(Boolean));
    const place = this.placeOf(first, stop, used);
    const evidence = this.evidence(i, head, first, end, [...sources, ...targets]);
    const trigger = this.tokens[i] as Token;
    const named = sources.some((s) => s.id);
    const confidence = round(
      Math.min(
        0.95,
        0.45 +
          (named ? 0.2 : 0) +
          (noun ? 0 : 0.15) +
          (light >= 0 ? 0.1 : 0) +
          (targets.some((t) => t.id) ? 0.05 : 0),
      ),
    );
    const out: Event[] = [];
    const srcList: (Actor | undefined)[] = sources.length ? sources : [undefined];
    const tgtList: (Actor | undefined)[] = targets.length ? targets : [undefined];
    for (const s of srcList) {
      for (const t of tgtList) {
        if (s?.id && t?.id && s.id === t.id) continue;
        const ev: Event = {
          type,
          ...(mode ? { mode } : {}),
          status,
          background,
          source: s?.id ?? null,
          target: t?.id ?? null,
          ...(s ? { sourceActor: this.code(s) } : {}),
          ...(t ? { targetActor: this.code(t) } : {}),
          ...(date ? { date } : {}),
          ...(place ? { place } : {}),
          trigger: { start: trigger.start, end: trigger.end, text: trigger.text },
          start: evidence.start,
          end: evidence.end,
          text: this.doc.text.slice(evidence.start, evidence.end),
          confidence,
        };
        out.push(ev);
        this.candidates.set(ev, {
          type,
          cls: light >= 0 ? (lightVerb(this.norms[light] as string)?.cls ?? "past") : reading.cls,
          light: light >= 0,
          namedSource: Boolean(s?.id),
          unnamedSource: Boolean(s && !s.id),
          namedTarget: Boolean(t?.id),
          mode: mode !== undefined,
          at: i,
        });
      }
    }
    return out;
  }

  private code(a: Actor): EventActor {
    const entity = a.id ? this.entityById.get(a.id) : undefined;
    return actorCode(a.text, entity, this.options.kb);
  }

  /** Where the trigger's clause ends: the sentence end, or a new coordinated clause. */
  private clauseEnd(i: number, stop: number): number {
    const { clauses } = this.finder;
    const limit = Math.min(stop, i + CLAUSE_TOKENS);
    for (let k = i + 2; k < limit; k++) {
      const t = this.tokens[k] as Token;
      if (t.kind === "punct" && /[.؛;!?؟:]/.test(t.text)) return k;
      // و + a verb opens the next clause (وأضاف، وهدد)
      const w = this.norms[k] as string;
      if (/^[وف]/.test(w) && w !== this.bare[k] && clauses.isVerb(k) && !/ات$/.test(w)) return k;
      if (clauses.isComma(k) && clauses.isVerb(k + 1)) return k;
    }
    return limit;
  }

  /**
   * A light verb carrying the noun at i (شن ... هجوما), or -1. A noun with a possessive
   * (تضامنه، وقوفها) is carried by whatever verb or participle governs it (بين الحزب تضامنه،
   * مؤكدة وقوفها): the possessor is that verb's subject.
   */
  private lightVerbBefore(i: number, first: number, possessive: boolean): number {
    const { clauses } = this.finder;
    for (let k = i - 1; k >= Math.max(first, i - LIGHT_WINDOW); k--) {
      const t = this.tokens[k] as Token;
      if (t.kind === "punct") return -1;
      const w = this.norms[k] as string;
      if (lightVerb(w) || UNDERGO.has(w)) return k;
      if (possessive && (clauses.isVerb(k) || cueOf(w))) return k;
      // another verbal noun between governs this one (أكدت الحكومة إدانتها للهجوم)
      if (triggerReadings(w).some((r) => r.cls === "noun")) return -1;
      // another verb before the noun governs it instead
      if (k < i - 1 && clauses.isVerb(k)) return -1;
    }
    return -1;
  }

  private actors(
    i: number,
    reading: TriggerWord,
    light: number,
    end: number,
  ): { sources: Actor[]; targets: Actor[] } {
    const { entry } = reading;
    let source: Actor | undefined;
    let target: Actor | undefined;
    let after = i + 1;
    // أعلنت الوزارة مقتل ثلاثة برصاص الجيش: who announces a killing did not kill
    const reportingLight = light >= 0 && REPORTING_LIGHT.has(this.bare[light] as string);
    const witnessLight = light >= 0 && WITNESS_LIGHT.has(this.bare[light] as string);
    if (reading.cls === "noun" && witnessLight) {
      // شهدت الموصل هجوما: the subject is the place; the noun's own genitive or agent is the doer
      source = this.agentAfter(i, end);
    } else if (reading.cls === "noun" && reportingLight && entry.genitive === "target") {
      const gen = this.phrase(i + 1, end);
      if (gen) target = gen;
      source = this.agentAfter(i, end);
    } else if (reading.cls === "noun" && light < 0) {
      // the genitive right after the noun: زيارة بوتين (actor), مقتل جندي (victim)
      let gen = this.phrase(i + 1, end);
      const genEntity = gen?.id ? this.entityById.get(gen.id) : undefined;
      if (genEntity && !this.canAct(genEntity, entry.genitive === "target" ? entry.type : ""))
        gen = undefined;
      if (gen) {
        if (entry.genitive === "target") target = gen;
        else source = gen;
        after = this.phraseEnd(gen, i + 2);
      }
      // العملية العسكرية التي قامت بها الولايات المتحدة: the relative clause's doer
      if (!source) source = this.doerInRelative(i, end);
    } else if (
      reading.cls === "passive" ||
      (light >= 0 && UNDERGO.has(this.norms[light] as string))
    ) {
      // the subject of a passive or of تعرض is the victim
      const head = light >= 0 ? light : i;
      const subject = this.subjectOf(head, end);
      if (subject) target = subject;
      source = this.agentAfter(i, end);
    } else {
      const head = light >= 0 ? light : i;
      const cue = cueOf(this.norms[head] as string);
      if (cue?.kind === "participle" || (light < 0 && reading.cls === "participle")) {
        const agreement =
          cue?.agreement ?? (/ه$/.test(this.bare[head] as string) ? { gender: "f" as const } : {});
        const found = this.finder.ofParticiple(head, agreement);
        if (found.id)
          source = { id: found.id, text: found.text ?? "", at: this.locate(found, head, end) };
      } else source = this.subjectOf(head, end);
      if (source && source.at > head)
        after = Math.max(after, this.phraseEnd(source, source.at + 1));
      // قتل 5 أشخاص: a count right after the verb is its (passive) subject, the victims
      if (
        !source?.id &&
        /^\d|^(عدد|عشرات|مئات|الاف|آلاف)$/.test(this.bare[head + 1] ?? "") &&
        entry.genitive === "target"
      ) {
        target = source;
        source = this.agentAfter(i, end);
      }
    }
    if (!target) target = this.targetAfter(entry, reading, after, end, source);
    // هنأه، التقاه: the object pronoun's referent, the latest other name before the verb
    if (!target && reading.pronoun && reading.cls !== "noun")
      target = this.nameBeforeLast(i, source?.id);
    const sources = source ? this.coordinated(source, end) : [];
    let targets = target ? this.coordinated(target, end) : [];
    // بوتين وشي ناقشا: a meeting, a deal or a clash between coordinated subjects is between them
    if (targets.length === 0 && sources.length > 1 && SYMMETRIC.has(entry.type)) {
      targets = sources.slice(1);
      sources.length = 1;
    }
    return { sources, targets };
  }

  /**
   * The subject of a light verb in a relative clause on the noun at i (الهجوم الذي شنه
   * مسلحون، العملية التي قامت بها القوات), adjectives of the noun between.
   */
  private doerInRelative(i: number, end: number): Actor | undefined {
    for (let k = i + 1; k < Math.min(end, i + 4); k++) {
      if (!RELATIVE_PRONOUNS.has(this.bare[k] as string)) continue;
      const verb = k + 1;
      if (verb >= end || !lightVerb(this.norms[verb] as string)) return undefined;
      const subject = this.subjectOf(verb, end);
      return subject?.id ? subject : undefined;
    }
    return undefined;
  }

  /** The expressed or understood subject of the verb at token h. */
  private subjectOf(h: number, end: number): Actor | undefined {
    const w = this.bare[h] as string;
    const found = this.finder.ofVerb(h, end, verbAgreement(w), false, true);
    // a dropped subject: the name that opens the sentence's earlier clause shares its verb
    // (بوتين، الذي لم يتحدث بعد مع ترامب، وهنأه) before any subject of earlier sentences
    if (found.how === "current" || found.how === "continuation") {
      const earlier = this.nameBefore(h);
      if (earlier) return earlier;
    }
    if (!found.id && !found.text) return undefined;
    if (!found.id && !sectorOfWord(found.text?.split(/\s+/)[0] ?? "")) return undefined;
    const text = actorText(found);
    return { id: found.id, text, at: this.locate({ ...found, text }, h, end) };
  }

  /** The last named person or body before token h in its sentence or the one before. */
  private nameBeforeLast(h: number, except?: string | null): Actor | undefined {
    const { clauses } = this.finder;
    const s = clauses.sentenceOf[h] as number;
    const from = s > 0 ? clauses.firstTokenOf(s - 1) : 0;
    for (let k = h - 1; k >= Math.max(0, from); k--) {
      const m = this.finder.mentionOf(k);
      if (!m || m.entity.type === "MISC" || m.entity.id === except) continue;
      if (m.entity.type === "LOC" && !this.options.speaksFor?.has(m.entity.id)) {
        const kbId = m.entity.kb?.id;
        const entry = kbId ? this.options.kb?.get(kbId) : undefined;
        if (entry?.kind !== "country") continue;
      }
      return this.named(m, k);
    }
    return undefined;
  }

  /** The first named actor of token h's sentence before h, skipping the dateline. */
  private nameBefore(h: number, except?: string | null): Actor | undefined {
    const { clauses } = this.finder;
    for (let k = Math.max(clauses.sentenceStart(h), h - SCAN_BACK); k < h; k++) {
      const m = this.finder.mentionOf(k);
      if (!m || m.entity.type === "MISC" || m.entity.id === except) continue;
      return this.named(m, k);
    }
    return undefined;
  }

  /** The actor a mention at token k names: the entity as the text names it. */
  private named(m: { start: number; end: number; entity: Entity }, k: number): Actor {
    return { id: m.entity.id, text: this.doc.text.slice(m.start, m.end), at: k };
  }

  /** Where an actor's words stand near token h (for coordination and the evidence span). */
  private locate(found: Speaker, h: number, end: number): number {
    const { clauses } = this.finder;
    const from = Math.max(clauses.sentenceStart(h), h - SCAN_BACK);
    let best = -1;
    for (let k = from; k < end; k++) {
      const m = this.finder.mentionOf(k);
      const hit = found.id ? m?.entity.id === found.id : false;
      const textHit =
        !hit && found.text
          ? this.doc.text.startsWith(found.text, (this.tokens[k] as Token).start)
          : false;
      if (hit || textHit) {
        if (best < 0 || Math.abs(k - h) < Math.abs(best - h)) best = k;
      }
    }
    return best;
  }

  /** The phrase at token k as an actor: an entity, or an unnamed noun phrase with a sector. */
  private phrase(k: number, end: number): Actor | undefined {
    if (k >= end) return undefined;
    const t = this.tokens[k];
    if (!t || t.kind === "number") return undefined;
    const found = this.finder.phraseAt(k, end);
    if (!found) return undefined;
    // an unnamed actor is a noun phrase headed by a kind of actor (مسلحون، قوات الأمن), not
    // an adjective or a thing (الغربية الشاملة، الفيديو)
    if (!found.id && !sectorOfWord(found.text?.split(/\s+/)[0] ?? "")) return undefined;
    return {
      id: found.id,
      text: actorText(found),
      at: k,
    };
  }

  /** One past the last token of an actor's words. */
  private phraseEnd(a: Actor, fallback: number): number {
    if (a.at < 0) return fallback;
    const stop = (this.tokens[a.at] as Token).start + a.text.length;
    let k = a.at;
    while (k < this.tokens.length && (this.tokens[k] as Token).end <= stop) k++;
    return Math.max(k, a.at + 1);
  }

  /** A passive's actor: من قبل X، على يد X، برصاص X. */
  private agentAfter(i: number, end: number): Actor | undefined {
    for (let k = i + 1; k + 1 < end; k++) {
      if (AGENT_MARKERS.has(this.bare[k] as string)) {
        const a = this.phrase(k + 1, end);
        if (a) return a;
      }
    }
    return undefined;
  }

  /** The target after the trigger: after its preposition, or its direct object. */
  private targetAfter(
    entry: TriggerEntry,
    reading: TriggerWord,
    from: number,
    end: number,
    source: Actor | undefined,
  ): Actor | undefined {
    const preps = (entry.preps ?? []).map(norm);
    // a verbal noun takes no direct object (its genitive is read apart): only a verb's
    const object = reading.cls !== "noun" && (entry.object ?? preps.length === 0);
    for (let k = from; k < end; k++) {
      const t = this.tokens[k] as Token;
      if (t.kind === "punct" && t.text !== "،" && t.text !== ",") break;
      if (!this.finder.clauses.isWord(k) && t.kind !== "latin") continue;
      const w = this.bare[k] as string;
      // a separate preposition: the phrase after it
      if (PREP_WORDS.has(w)) {
        if (preps.includes(w)) {
          const a = this.firstActor(k + 1, Math.min(end, k + 8), source, entry.type);
          if (a) return a;
        }
        k += 1; // an adjunct's noun is not the object
        continue;
      }
      const m = this.finder.mentionOf(k);
      if (
        m &&
        m.entity.type !== "MISC" &&
        m.entity.id !== source?.id &&
        this.canAct(m.entity, entry.type)
      ) {
        const lead = norm(this.doc.text.slice(t.start, Math.max(t.start, m.start))).replace(
          /^[وف]/,
          "",
        );
        if (lead === "" ? object || reading.pronoun : preps.includes(lead)) {
          return this.named(m, k);
        }
        if (lead !== "") continue;
      }
      // a proclitic preposition on a common noun (بانفتاح ترامب، للحكومة)
      const proclitic = /^[وف]?([بل])/.exec(this.norms[k] as string)?.[1];
      if (proclitic && preps.includes(proclitic) && !m) {
        const a = this.firstActor(k, Math.min(end, k + 4), source, entry.type);
        if (a) return a;
      }
    }
    return undefined;
  }

  /** The first named actor from token k up to `to`. */
  private firstActor(
    k: number,
    to: number,
    source: Actor | undefined,
    type: string,
  ): Actor | undefined {
    for (let j = k; j < to; j++) {
      if ((this.tokens[j] as Token).kind === "punct") return undefined;
      const m = this.finder.mentionOf(j);
      if (
        m &&
        m.entity.type !== "MISC" &&
        m.entity.id !== source?.id &&
        this.canAct(m.entity, type)
      )
        return this.named(m, j);
    }
    return undefined;
  }

  /**
   * Whether an entity can be an actor of this event type: a city or region is where things
   * happen, not who does them (هجوم مانشستر، اجتمعت الكتلة بولاية صفاقس) — except as the
   * ground of an attack, an occupation or a deployment.
   */
  private canAct(entity: Entity, type: string): boolean {
    if (entity.type !== "LOC") return true;
    if (this.options.speaksFor?.has(entity.id)) return true;
    const id = entity.kb?.id;
    if (id && this.options.kb?.get(id)?.kind === "country") return true;
    return PLACE_TARGETS.has(type);
  }

  /** The actor and the names coordinated with it (السعودية ومصر والإمارات). */
  private coordinated(a: Actor, end: number): Actor[] {
    const out = [a];
    if (!a.id || a.at < 0) return out;
    const seen = new Set([a.id]);
    let k = this.phraseEnd(a, a.at + 1);
    while (k < end && out.length < 8) {
      const t = this.tokens[k] as Token;
      let j = k;
      if (t.kind === "punct" && (t.text === "،" || t.text === ",")) j = k + 1;
      const next = this.tokens[j];
      if (!next) break;
      const m = this.finder.mentionOf(j);
      const w = this.norms[j] as string;
      const joined = w.startsWith("و") || j > k;
      if (!m || !joined || m.entity.type === "MISC") break;
      const lead = norm(this.doc.text.slice(next.start, Math.max(next.start, m.start)));
      if (lead !== "" && lead !== "و") break;
      if (!seen.has(m.entity.id)) {
        seen.add(m.entity.id);
        out.push(this.named(m, j));
      }
      let e = j;
      while (e < this.tokens.length && (this.tokens[e] as Token).end <= m.end) e++;
      k = Math.max(e, j + 1);
    }
    return out;
  }

  /** Whether a sentence ties an event to particulars: a named actor or place, a time, a number. */
  private anchored(first: number, stop: number, actors: Actor[]): boolean {
    if (actors.some((a) => a.id)) return true;
    const facts = this.sentenceFacts(first, stop);
    return facts.time || facts.number || facts.place;
  }

  /** What a sentence holds, found once per sentence (a long one has many triggers). */
  private sentenceFacts(
    first: number,
    stop: number,
  ): { time: boolean; number: boolean; place: boolean } {
    const key = `${first}:${stop}`;
    let facts = this.facts.get(key);
    if (!facts) {
      const from = (this.tokens[first] as Token).start;
      const to = (this.tokens[stop - 1] as Token).end;
      facts = {
        time: this.times.some(
          (t) => t.start >= from && t.end <= to && (t.type === "DATE" || t.type === "TIME"),
        ),
        number: false,
        place: false,
      };
      for (let k = first; k < stop; k++) {
        if ((this.tokens[k] as Token).kind === "number") facts.number = true;
        if (this.finder.mentionOf(k)?.entity.type === "LOC") facts.place = true;
      }
      this.facts.set(key, facts);
    }
    return facts;
  }

  private readonly facts = new Map<string, { time: boolean; number: boolean; place: boolean }>();

  private casualties(i: number): boolean {
    return this.near(i, 12, 12).some((w) => CASUALTY.has(w));
  }

  /** The first mode of ASSAULT_MODES (most telling first) with a word near token i. */
  private assaultMode(i: number): string | undefined {
    const near = new Set(this.near(i, 10, 10));
    for (const [mode, words] of ASSAULT_MODES)
      if (words.some((w) => near.has(norm(w)))) return mode;
    return undefined;
  }

  private dateOf(
    i: number,
    first: number,
    stop: number,
    status: Event["status"],
    background: boolean,
    reading: TriggerWord,
    light: number,
  ): string | undefined {
    const from = (this.tokens[first] as Token).start;
    const to = (this.tokens[stop - 1] as Token).end;
    const at = (this.tokens[i] as Token).start;
    let best: { date: string; distance: number } | undefined;
    for (const t of this.times) {
      if (t.start < from || t.end > to || (t.type !== "DATE" && t.type !== "TIME")) continue;
      // as the text gives it (في عام 2022 → 2022), else the day it was resolved to
      const value =
        /^\d{4}(-\d{2}(-\d{2})?)?$/.exec(t.value)?.[0] ??
        /^\d{4}(-\d{2}(-\d{2})?)?/.exec(t.resolved ?? "")?.[0];
      if (!value) continue;
      const distance = Math.abs(t.start - at) + (t.start < at ? 20 : 0);
      if (!best || distance < best.distance) best = { date: value, distance };
    }
    if (best) return best.date;
    if (status !== "realised" || background) return undefined;
    const cls = light >= 0 ? lightVerb(this.norms[light] as string)?.cls : reading.cls;
    if (cls === "present") return undefined;
    return this.doc.meta.published;
  }

  /**
   * A place named in the sentence where something happens (في الموصل، ببيروت، قرب الحدود), not
   * an actor and not a genitive (الرئيس السابع والأربعين للولايات المتحدة); else the dateline's.
   */
  private placeOf(first: number, stop: number, actors: Set<string | null>): string | undefined {
    for (let k = first; k < stop; k++) {
      const m = this.finder.mentionOf(k);
      if (m?.entity.type !== "LOC" || actors.has(m.entity.id)) continue;
      const t = this.tokens[k] as Token;
      const lead = norm(this.doc.text.slice(t.start, Math.max(t.start, m.start))).replace(
        /^[وف]/,
        "",
      );
      const prev = this.bare[k - 1];
      if (lead === "ب" || (prev && LOCATIVES.has(prev))) return m.entity.id;
    }
    return this.datelinePlace;
  }

  private placeInDateline(): string | undefined {
    const d = this.doc.meta.dateline;
    if (!d) return undefined;
    for (const e of this.entityById.values()) {
      if (e.type !== "LOC") continue;
      if (e.mentions.some((m) => m.start >= d.start && m.end <= d.end)) return e.id;
    }
    return undefined;
  }

  /** The evidence: the clause from its start (or the actor before it) to its end. */
  private evidence(i: number, head: number, first: number, end: number, actors: Actor[]): Span {
    const { clauses } = this.finder;
    let s = head;
    while (s > first && !clauses.isComma(s - 1) && (this.tokens[s - 1] as Token).kind !== "punct")
      s--;
    for (const a of actors) if (a.at >= first && a.at < s) s = a.at;
    let e = Math.max(i + 1, end);
    for (const a of actors) if (a.at >= 0) e = Math.max(e, this.phraseEnd(a, a.at + 1));
    e = Math.min(e, clauses.sentenceStop(i));
    const start = (this.tokens[s] as Token).start;
    let last = e - 1;
    while (last > i && (this.tokens[last] as Token).kind === "punct") last--;
    return { start, end: (this.tokens[last] as Token).end };
  }
}

/** A named actor's words as found; an unnamed one's cut at its noun phrase's end. */
function actorText(found: { id?: string | null; text?: string | null }): string {
  return found.id ? (found.text ?? "") : unnamedPhrase(found.text ?? "");
}

/**
 * An unnamed actor's words up to its noun phrase's end: an indefinite accusative after the head
 * (مسلحون مركزا للشرطة: "a police post", the object) starts the rest of the clause.
 */
function unnamedPhrase(text: string): string {
  const words = text.split(/\s+/);
  const cut = words.findIndex((w, k) => {
    if (k === 0) return false;
    const n = normalizeArabic(w);
    // ... مركزا للشرطة (an object), ... خمسة جنود (a count: the victims)
    return (/[^وا]ا$/.test(n) && !n.startsWith("ال")) || NUMERAL.test(n);
  });
  return cut > 0 ? words.slice(0, cut).join(" ") : text;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
