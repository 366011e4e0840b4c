/**
 * Report or mention? The grammar rules find every attack or protest a sentence names; many of
 * those sentences only mention one (an opinion piece on terrorism, a statistic, a film plot).
 * A logistic model over the sentence decides whether it reports a particular event: the rules'
 * own evidence (a past-tense verb, a carrying verb, a named actor), the anchors of a report (a
 * time, a place, a number, casualties, a source saying so) and the signs of commentary
 * (first person, questions, modals), plus the meaning of the sentence as the average of the
 * shipped word vectors (data/ner/embeddings.bin).
 *
 * An event the model judges mentioned rather than reported is kept, marked `background`: it is
 * context, not the sentence's news. The model is trained by scripts/train-event-report.ts on the
 * tune half of the arabic_event_gsr development sentences (data/events/report-model.json says
 * how) and applies to the types it was trained on, ASSAULT and PROTEST.
 */
import { readFileSync } from "node:fs";
import { loadEmbeddings } from "../ner/index.js";
import { normalizeArabic } from "../text/index.js";

export interface ReportModel {
  /** The event types it judges. */
  types: string[];
  names: string[];
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
  /** Below this probability an event is a mention, not a report. */
  threshold: number;
  about: string;
}

export const REPORT_MODEL = new URL("../../data/events/report-model.json", import.meta.url);

let loaded: ReportModel | undefined;

/** The shipped model, loaded once. */
export function loadReportModel(): ReportModel {
  loaded ??= JSON.parse(readFileSync(REPORT_MODEL, "utf8")) as ReportModel;
  return loaded;
}

/** What the rules found about one candidate event. */
export interface Candidate {
  type: string;
  cls: "past" | "present" | "passive" | "participle" | "noun";
  light: boolean;
  namedSource: boolean;
  unnamedSource: boolean;
  namedTarget: boolean;
  mode: boolean;
  /** Token index of the trigger. */
  at: number;
}

/** The candidate's sentence as the features read it. */
export interface SentenceView {
  first: number;
  stop: number;
  /** Normalised words of the whole document (index by token). */
  norms: readonly string[];
  /** Whether token k is a number, and whether it is a quotation mark. */
  isNumber: (k: number) => boolean;
  isQuote: (k: number) => boolean;
  hasTime: boolean;
  hasPlace: boolean;
  /** Events of the candidate's type in the sentence, and how many of them the rules call background. */
  sameType: number;
  sameTypeBackground: number;
}

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean).map(normalizeArabic));
const CASUALTIES = set(
  "قتلى قتيل قتيلا قتيلان جرحى جريح جريحا جريحان ضحايا مصرع بجروح إصابة إصابات",
);
const FIRST_PERSON = set("نحن أنا إننا اننا لنا علينا نريد نحن أننا إنني انني لدينا بلادنا شعبنا");
const COMMENTARY = set(`يجب ينبغي لابد ربما هل لماذا كيف لعل إذا اذا لو يمكن قد يبدو رأي أعتقد نعتقد
  يعتقد ظاهرة مشكلة فكر فقه ثقافة تاريخ التاريخ`);
const REPORTING = set(
  "قال قالت أعلن أعلنت أفاد أفادت ذكر ذكرت أوضح أوضحت أكد أكدت مصدر مصادر شهود",
);

/** Structural features, in the order of FEATURE_NAMES. */
const STRUCTURE = [
  "candidate",
  "verb_past",
  "verb_present",
  "passive",
  "noun",
  "light_verb",
  "named_source",
  "unnamed_source",
  "named_target",
  "mode",
  "time",
  "number",
  "place",
  "casualties",
  "quote_marks",
  "question",
  "first_person",
  "commentary",
  "reporting",
  "length",
  "same_type",
  "same_type_background",
  "protest",
] as const;

/** The names of the features, structural first, then the sentence's averaged vector. */
export function featureNames(): string[] {
  const dim = loadEmbeddings().dim;
  return [...STRUCTURE, ...Array.from({ length: dim }, (_, d) => `sentence_${d}`)];
}

function has(words: ReadonlySet<string>, w: string): boolean {
  return (
    words.has(w) ||
    words.has(w.replace(/^[وف]/, "")) ||
    words.has(w.replace(/^[وف]?[بل]?(ال)?/, ""))
  );
}

/** A normalised word's vector row: the word, else without و/ف, a preposition and the article. */
function rowOf(w: string): number {
  const e = loadEmbeddings();
  let r = e.row(w);
  if (r < 0) r = e.row(w.replace(/^[وف]/, ""));
  if (r < 0) r = e.row(w.replace(/^[وف]?[بلك]?(ال)?/, ""));
  return r;
}

function average(
  view: SentenceView,
  from: number,
  to: number,
  out: Float32Array,
  offset: number,
): void {
  const e = loadEmbeddings();
  let n = 0;
  for (let k = from; k < to; k++) {
    const r = rowOf(view.norms[k] as string);
    if (r < 0) continue;
    e.addRow(r, out, offset);
    n++;
  }
  if (n > 0) for (let d = 0; d < e.dim; d++) out[offset + d] = (out[offset + d] as number) / n;
}

/** Each sentence's average vector, computed once however many events it has. */
const sentenceVectors = new WeakMap<SentenceView, Float32Array>();

/** The feature vector of a sentence for one event type, with the rules' candidate (if any). */
export function reportFeatures(
  view: SentenceView,
  candidate: Candidate | undefined,
  type: string,
): Float32Array {
  const dim = loadEmbeddings().dim;
  const out = new Float32Array(STRUCTURE.length + dim);
  const words: string[] = [];
  for (let k = view.first; k < view.stop; k++) words.push(view.norms[k] as string);
  let numbers = 0;
  let quotes = 0;
  for (let k = view.first; k < view.stop; k++) {
    if (view.isNumber(k)) numbers++;
    if (view.isQuote(k)) quotes++;
  }
  const any = (s: ReadonlySet<string>) => (words.some((w) => has(s, w)) ? 1 : 0);
  const c = candidate;
  const values: Record<(typeof STRUCTURE)[number], number> = {
    candidate: c ? 1 : 0,
    verb_past: c?.cls === "past" ? 1 : 0,
    verb_present: c?.cls === "present" ? 1 : 0,
    passive: c?.cls === "passive" ? 1 : 0,
    noun: c?.cls === "noun" ? 1 : 0,
    light_verb: c?.light ? 1 : 0,
    named_source: c?.namedSource ? 1 : 0,
    unnamed_source: c?.unnamedSource ? 1 : 0,
    named_target: c?.namedTarget ? 1 : 0,
    mode: c?.mode ? 1 : 0,
    time: view.hasTime ? 1 : 0,
    number: numbers > 0 ? 1 : 0,
    place: view.hasPlace ? 1 : 0,
    casualties: any(CASUALTIES),
    quote_marks: quotes > 0 ? 1 : 0,
    question: words.some((w) => w === "؟" || w === "?") ? 1 : 0,
    first_person: any(FIRST_PERSON),
    commentary: any(COMMENTARY),
    reporting: any(REPORTING),
    length: Math.log1p(view.stop - view.first) / 4,
    same_type: Math.min(3, view.sameType) / 3,
    same_type_background: view.sameType ? view.sameTypeBackground / view.sameType : 0,
    protest: type === "PROTEST" ? 1 : 0,
  };
  STRUCTURE.forEach((name, k) => {
    out[k] = values[name];
  });
  let sentence = sentenceVectors.get(view);
  if (!sentence) {
    sentence = new Float32Array(dim);
    average(view, view.first, view.stop, sentence, 0);
    sentenceVectors.set(view, sentence);
  }
  out.set(sentence, STRUCTURE.length);
  return out;
}

/** The model's probability that the sentence reports the event. */
export function reportProbability(model: ReportModel, features: Float32Array): number {
  let z = model.bias;
  for (let k = 0; k < model.weights.length; k++) {
    const std = model.std[k] as number;
    const x = ((features[k] as number) - (model.mean[k] as number)) / (std > 0 ? std : 1);
    z += (model.weights[k] as number) * x;
  }
  return 1 / (1 + Math.exp(-z));
}
