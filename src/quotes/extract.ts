/**
 * Who said what. The article is read in order, as a reader follows it:
 *
 * - A reporting verb (قال، أكد، أضاف...) opens a quotation: a direct one when a colon or a
 *   quotation mark follows (وقال بوتين: «...»), an indirect one after أن/إن (وقال الكرملين إن...)
 *   or, for verbs of calling, demanding, warning and announcing, after their preposition (دعا
 *   إلى، طالب بـ، حذر من، شدد على، أعلن عن), mixed when the reported clause holds quoted words.
 *   Its speaker is the verb's grammatical subject (see speakers.ts).
 * - A participle (مضيفا، مشيرا، قائلا) continues the subject of its sentence.
 * - بحسب / وفقا لـ / نقلا عن attribute the clause around them to their source; نقل X عن Y قوله
 *   reports Y's words.
 * - Quoted words with no cue of their own are attributed by a cue right after them («...»، قال
 *   فلان), or to the subject of the verb they follow in their sentence (وأدان الحزب هذه «العملية
 *   العدوانية»), or continue the quotation before them (a quotation carried on into the next
 *   paragraph); short quoted phrases with no cue are titles or scare quotes, not speech. A
 *   journalist's question (ردا على سؤال...؟) is not the speaker's words.
 *
 * Speakers are entities where a mention of any kind (name, title, pronoun, nominal) names them;
 * unnamed ones (مصدر أمني، مسؤولون) keep their words as `speakerText` with `speaker: null`.
 */
import type { Doc, Entity, Quote, Span, Token } from "../analysis.js";
import { ORGANISATION_HEADS, tokenBase } from "../entities/index.js";
import { DEMONSTRATIVES, type Gender, PREPOSITIONS } from "../syntax/index.js";
import { wordCount as lexiconCount, normalizeArabic } from "../text/index.js";
import { BAYYANA, type Cue, cueOf, isComplementizer, isStanceVerb, isStanceWord } from "./cues.js";
import { type QuotedSpan, quotedSpans } from "./marks.js";
import {
  expressed,
  type Found,
  isPressWord,
  isSourceWord,
  type Speaker,
  SpeakerFinder,
} from "./speakers.js";

export interface QuoteOptions {
  /** Time expressions: skipped between a verb and its subject (قال أمس الأول الوزير). */
  times?: readonly Span[];
  /** Grammatical gender of entities (from coreference), for verbs with no expressed subject. */
  gender?: ReadonlyMap<string, Gender>;
  /** Entities that speak for another (a capital for its country's government: أعلنت برلين). */
  speaksFor?: ReadonlyMap<string, string>;
}

/** Confidence by how the speaker was found. */
const CONFIDENCE: Record<Found["how"], number> = {
  named: 0.85,
  anonymous: 0.75,
  current: 0.7,
  continuation: 0.6,
};

/** How far after a cue (in tokens) its subject and the reported clause may start. */
const HEAD_WINDOW = 30;
/** Quoted words shorter than this, with no cue, are taken for titles or scare quotes. */
const MIN_CONTINUATION_WORDS = 3;
/** Quoted words in a clause with a speaking subject need at least this many words. */
const MIN_CLAUSE_QUOTE_WORDS = 2;

/** Words before من that make it partitive (عدد من الخبراء), not the complement of حذر. */
const PARTITIVE = new Set("عدد مجموعه بعض كثير الكثير اي احد العديد جمله".split(" "));

/** Words that make أن after them a time or purpose clause (بعد أن أقر المجلس...). */
const TEMPORAL = new Set("بعد قبل منذ دون حتي بدل عقب اثر وبعد وقبل".split(" "));

/** Particles that negate the verb after them: a report that was not made (لم يفصح البيان). */
const NEGATIONS = new Set("لم لن ولم ولن فلم لا ولا ما".split(" "));

/** Nouns after which a short quoted phrase is a name (صحيفة «الحياة»، عملية «عاصفة الحزم»). */
const NAMING_NOUNS = new Set(
  "صحيفه جريده مجله وكاله قناه اذاعه موقع برنامج عمليه حمله مبادره كتاب فيلم وثيقه خطه مشروع شعار اسم مسمي تسميه".split(
    " ",
  ),
);

/** Words inside Arabic names before another name (بن، أبي، آل): what follows is a name. */
const NAME_PARTICLES = new Set(["بن", "ابن", "ابو", "ابي", "بنت", "ال", "ام"]);

/** Words after which a reporting verb opens a clause of its own (فيما تابعت، لكنه أضاف). */
const CLAUSE_OPENERS = new Set(
  "فيما بينما كما ثم لكن لكنه لكنها لكنهم ولكن ولكنه حيث بل وفيما وبينما".split(" "),
);

/** Conjunctions that open a new clause inside a sentence (فيما نزح الآلاف، بحسب مصدر). */
const CLAUSE_CONJUNCTIONS = new Set(["فيما", "بينما", "وفيما", "وبينما"]);

/** Source words of بحسب that point back to the current speaker (وفق تعبيره، على حد قوله). */
const OWN_WORDS = /^(تعبير|قول|وصف|كلام|رأي|راي)(ه|ها|هم|هما)$/;

export function extractQuotes(doc: Doc, entities: Entity[], options: QuoteOptions = {}): Quote[] {
  return new QuoteReader(doc, entities, options).read();
}

class QuoteReader {
  private readonly text: string;
  private readonly tokens: readonly Token[];
  private readonly norms: readonly string[];
  private readonly sentenceOf: Int32Array;
  private readonly sentences: Doc["sentences"];
  private readonly speakers: SpeakerFinder;
  private readonly spans: QuotedSpan[];
  /** Words in each quoted span (short ones are names and scare quotes, not speech). */
  private readonly spanWords: number[];
  /** Index of the quoted span that starts at a token (its opening mark), if any. */
  private readonly spanAtToken = new Map<number, number>();
  private readonly usedSpans = new Set<number>();
  private readonly quotes: Quote[] = [];
  /** End offset of the last quotation (for continuations). */
  private lastQuoteEnd = -1;

  constructor(doc: Doc, entities: Entity[], options: QuoteOptions) {
    this.text = doc.text;
    this.tokens = doc.tokens;
    this.sentences = doc.sentences;
    this.speakers = new SpeakerFinder(doc, entities, options);
    this.norms = this.speakers.clauses.norms;
    this.sentenceOf = this.speakers.clauses.sentenceOf;
    this.spans = quotedSpans(doc.text, doc.tokens);
    this.spanWords = this.spans.map((span) => wordCount(doc.text, span.start, span.end));
    this.spans.forEach((span, k) => {
      const i = this.tokenAt(span.open);
      if (i >= 0) this.spanAtToken.set(i, k);
    });
    this.speakers.insideReport = (at) =>
      this.quotes.some((q) => q.start <= at && at < q.end) ||
      this.spans.some((s) => s.start <= at && at < s.end && s.end - s.start > 30);
  }

  read(): Quote[] {
    let nextSpan = 0;
    for (let i = 0; i < this.tokens.length; i++) {
      this.speakers.noteTopics(i);
      // quoted spans that start before this token and no cue claimed
      while (
        nextSpan < this.spans.length &&
        (this.spans[nextSpan] as QuotedSpan).open < (this.tokens[i] as Token).start
      ) {
        this.unclaimedSpan(nextSpan);
        nextSpan++;
      }
      const token = this.tokens[i] as Token;
      if (token.kind !== "word" || this.inName(i)) continue;
      const cue = cueOf(this.norms[i] as string) ?? this.bayyanaAt(i);
      if (!cue) continue;
      if (cue.kind === "according") this.according(i);
      else this.reportingCue(i, cue);
    }
    while (nextSpan < this.spans.length) this.unclaimedSpan(nextSpan++);
    return this.quotes.sort((a, b) => a.start - b.start);
  }

  // ---------------------------------------------------------------- reporting verbs, participles

  /** Whether token i is part of a name (a name mention, or after بن، أبي، آل: علي بن أبي طالب). */
  private inName(i: number): boolean {
    const m = this.speakers.mentionOf(i);
    if (m && m.kind === "name" && m.start < (this.tokens[i] as Token).start) return true;
    return NAME_PARTICLES.has(this.norms[i - 1] ?? "");
  }

  /** بيّن at the head of its sentence (وبين، و بين، كما بين) is the verb, not the preposition. */
  private bayyanaAt(i: number): Cue | undefined {
    const bare = this.speakers.clauses.bare[i];
    if (bare !== "بين") return undefined;
    const start = this.speakers.clauses.sentenceStart(i);
    const prev = this.norms[i - 1];
    const atHead =
      i === start ||
      (i - 1 === start && (prev === "و" || prev === "كما")) ||
      (prev === "كما" && this.tokens[i - 2]?.kind === "punct") ||
      // ولدى استعراضه الحصيلة، بين المقدم الوسلاتي أنه...: after a comma, with a name next
      (this.speakers.clauses.isComma(i - 1) && this.speakers.mentionOf(i + 1) !== undefined);
    return atHead ? BAYYANA : undefined;
  }

  private reportingCue(i: number, cue: Cue): void {
    const sentence = this.sentenceOf[i] as number;
    if (this.isBackgroundFormula(i)) return;
    if (NEGATIONS.has(this.norms[i - 1] ?? "")) return;
    // في متابعة لآخر التحقيقات: a participle's form after a preposition is a noun
    if (cue.kind === "participle" && PREPOSITIONS.has(this.speakers.clauses.bare[i - 1] ?? ""))
      return;
    // a verb inside quoted words is the speaker's own, unless it reports someone named (قال
    // العمري: «قال الرئيس بوتين إن ...»): then it is a report inside the quotation
    const quoted = this.insideQuotation(i);
    // Scan the head: subject and adjuncts, up to what opens the reported words.
    let opener = -1;
    let colon = -1;
    let complementizer = -1;
    /** For a nominal report: offset where the reported noun phrase starts. */
    let nominalStart = -1;
    let words = 0;
    for (let j = i + 1; j < this.tokens.length && words <= HEAD_WINDOW; j++) {
      const t = this.tokens[j] as Token;
      if (this.sentenceOf[j] !== sentence && !this.spanAtToken.has(j)) break;
      if (t.kind === "quote") {
        const k = this.spanAtToken.get(j);
        if (k === undefined) break;
        // a short name in marks inside the head (كشفت صحيفة "الخبر الجزائرية" عن...): go past it
        const span = this.spans[k] as QuotedSpan;
        if ((this.spanWords[k] as number) <= 4 && this.headGoesOn(span.close, sentence)) {
          this.usedSpans.add(k);
          while (j + 1 < this.tokens.length && (this.tokens[j + 1] as Token).start < span.close)
            j++;
          continue;
        }
        opener = j;
        break;
      }
      if (t.kind === "punct") {
        if (t.text === ":") colon = j;
        else if (/[.!?؟]/.test(t.text) && !this.isAbbreviationDot(t)) break;
        continue;
      }
      if (t.kind !== "word") continue;
      words++;
      const norm = this.norms[j] as string;
      // اعتبره سابقة: the predicate after the object pronoun is the report
      if (cue.predicate && j === i + 1 && !this.speakers.mentionOf(j)) {
        complementizer = j;
        nominalStart = t.start;
        break;
      }
      if (isComplementizer(norm)) {
        // بعد أن، قبل أن، منذ أن: a time clause, not what was reported
        if (TEMPORAL.has(this.norms[j - 1] ?? "")) break;
        complementizer = j;
        break;
      }
      if (colon >= 0) break;
      // another report starts before this one said anything (but "ونقل مباشرة" is no report),
      // or a coordinated one (وأعرب عن أمله في أن): the أن after it is that verb's
      const other = cueOf(norm);
      if (
        other &&
        other.kind !== "according" &&
        (this.opensReportSoon(j) || /^[وف]/.test(norm) || this.tokens[j - 1]?.kind === "punct")
      )
        break;
      const nominal =
        cue.nominal && !this.inCommaAdjunct(i, j) ? this.nominalComplement(j, cue) : -1;
      if (nominal >= 0) {
        complementizer = j;
        nominalStart = nominal;
        break;
      }
    }
    // نفى الوزير وجود أي تقصير، تنفي فيه وجود ارتباط: a denial or request whose object is a
    // verbal noun reports that noun phrase
    if (complementizer < 0 && colon < 0 && cue.objectReport) {
      const object = this.objectAfter(i);
      if (object >= 0 && (opener < 0 || object < opener)) {
        complementizer = object;
        nominalStart = (this.tokens[object] as Token).start;
        opener = -1;
      }
    }
    const headEnd = complementizer >= 0 ? complementizer : opener >= 0 ? opener : colon;
    if (headEnd < 0 && (cue === BAYYANA || quoted)) return;
    if (headEnd < 0) {
      // No reported words we can delimit (أكدت معلمة نائبة تعرضها إلى...), but an expressed
      // subject still says who is speaking now: the next وأضافت is hers.
      if (cue.kind === "verb") {
        const stop = this.speakers.clauses.sentenceStop(i);
        const k = this.speakers.clauses.subjectAfter(i, stop);
        const subject = k >= 0 ? this.speakers.phraseAt(k, stop) : undefined;
        if (subject && (subject.id !== null || subject.text)) this.speakers.current = subject;
      }
      return;
    }
    const speaker = this.speakerOf(i, headEnd, cue);
    if (quoted && (speaker.how !== "named" || !speaker.id)) return;
    // كشفت التحقيقات عن...: a nominal report needs someone who can report
    if (nominalStart >= 0 && !speaker.id && speaker.text && !isSourceWord(firstWord(speaker.text)))
      return;
    const cueSpan = { start: (this.tokens[i] as Token).start, end: (this.tokens[i] as Token).end };
    if (nominalStart >= 0) {
      this.indirect(this.tokenAt(nominalStart), speaker, cueSpan, nominalStart);
    } else if (complementizer >= 0) {
      this.indirect(complementizer + 1, speaker, cueSpan);
    } else if (opener >= 0) {
      const k = this.spanAtToken.get(opener) as number;
      const direct = colon >= 0 || opener - i <= 3;
      this.fromSpan(k, speaker, direct ? "direct" : "mixed", cueSpan);
    } else {
      this.afterColon(colon, speaker, cueSpan);
    }
  }

  /**
   * For a verb whose report may be a noun phrase (دعا إلى، حذر من، طالب بـ، أعلن عن): where that
   * phrase starts (an offset) when token j is the verb's preposition, else -1.
   */
  private nominalComplement(j: number, cue: Cue): number {
    if (!cue.nominal || this.speakers.mentionOf(j)?.entity.type === "PER") return -1;
    const norm = this.speakers.clauses.bare[j] as string;
    const t = this.tokens[j] as Token;
    const next = this.tokens[j + 1];
    let start = -1;
    if (cue.nominal.includes(norm)) {
      if (norm === "من" && PARTITIVE.has(this.norms[j - 1] as string)) return -1;
      if (!next || this.sentenceOf[j + 1] !== this.sentenceOf[j]) return -1;
      start = next.start;
      // دعا إلى أن: the clause after أن
      if (next.kind === "word" && isComplementizer(this.norms[j + 1] as string)) {
        const after = this.tokens[j + 2];
        if (!after) return -1;
        start = after.start;
      }
    } else if (
      cue.nominal.includes("ب") &&
      norm.startsWith("ب") &&
      norm.length >= 4 &&
      norm !== "باسم" &&
      !this.speakers.mentionOf(j) &&
      isKnownWord(norm.slice(1))
    ) {
      // طالب ... بتغيير: the phrase starts after the fused ب
      start = t.start + 1;
    } else if (cue.nominal.includes("ب") && norm === "ب" && next) {
      start = next.start;
    }
    return start;
  }

  /**
   * The verbal-noun object of the verb at token i (نفى [الوزير]، رضوان عيارة، [وجود] أي تقصير):
   * after the expressed subject with any name in apposition, or after adjuncts when the subject
   * is dropped; an indefinite noun that is no name. -1 when there is none.
   */
  private objectAfter(i: number): number {
    const { clauses } = this.speakers;
    const stop = clauses.sentenceStop(i);
    let k = clauses.skipAdverbials(i + 1, stop);
    let subject = clauses.subjectAfter(i, stop);
    // تنفي فيه وجود ارتباط: a noun that can name no speaker is the object, the subject dropped
    if (
      subject >= 0 &&
      !this.speakers.mentionOf(subject) &&
      !isSourceWord(clauses.bare[subject] as string) &&
      !DEMONSTRATIVES.has(clauses.bare[subject] as string)
    )
      subject = -1;
    if (subject >= 0) {
      k = this.speakers.phraseEndToken(subject, stop) + 1;
      // "، رضوان عيارة،": a name in apposition between commas
      while (k < stop && clauses.isComma(k)) {
        const m = this.speakers.mentionOf(k + 1);
        k = m ? clauses.tokenAt(m.end) : k + 1;
      }
    }
    k = clauses.skipAdverbials(k, stop);
    const t = this.tokens[k];
    if (t?.kind !== "word" || this.speakers.mentionOf(k)) return -1;
    const w = clauses.bare[k] as string;
    if (w === "اي") return k;
    const isNoun = !w.startsWith("ال") && !clauses.isVerb(k) && lexiconCount(`ال${w}`) > 0;
    return isNoun && !clauses.opensAdjunct(k) ? k : -1;
  }

  /**
   * Whether token j lies in an adjunct set off by commas inside the head of the cue at i
   * (طالب المجلس، خلال جلسته برئاسة فلان، الوزارة بأن...: برئاسة is the adjunct's, not the
   * demand's complement).
   */
  private inCommaAdjunct(i: number, j: number): boolean {
    const { clauses } = this.speakers;
    let start = i + 1;
    for (let k = j - 1; k > i; k--)
      if (clauses.isComma(k)) {
        start = k + 1;
        break;
      }
    if (start === i + 1) return false;
    const first = clauses.skipAdverbials(start, j + 1);
    if (first > j || !clauses.opensAdjunct(first)) return false;
    const stop = clauses.sentenceStop(j);
    for (let k = j + 1; k < stop; k++) {
      if (clauses.isComma(k)) return true;
      const t = this.tokens[k] as Token;
      if (t.kind === "quote" || isComplementizer(this.norms[k] as string)) return false;
    }
    return false;
  }

  private speakerOf(i: number, headEnd: number, cue: Cue): Found {
    // نقلت الوكالة عن مصدر قوله إن...، ناقلا عن مصادر قولها: the words are the source's
    if (cue.lemma === "نقل") {
      for (let j = i + 1; j < headEnd; j++) {
        if (this.norms[j] !== "عن") continue;
        const source = this.speakers.phraseAt(j + 1, headEnd);
        if (source) return expressed(source);
      }
    }
    if (cue.kind === "participle") return this.speakers.ofParticiple(i, cue.agreement);
    const found = this.speakers.ofVerb(
      i,
      headEnd,
      cue.agreement,
      cue.continues === true,
      cue.nominal !== undefined || cue.addressee === true,
    );
    // كشفت صحيفة الخبر، نقلا عن مصادر مطلعة، عن...: the paper passes on its sources' words
    if (found.text && isPressWord(firstWord(found.text))) {
      for (let j = i + 1; j + 2 < headEnd; j++) {
        if (this.norms[j] !== "نقلا" || this.norms[j + 1] !== "عن") continue;
        const source = this.speakers.phraseAt(j + 2, headEnd);
        if (source) return expressed(source);
      }
    }
    return found;
  }

  /**
   * The reported clause from token `first` to the end of its sentence or the next cue. With
   * `nominalAt`, a nominal report (دعا إلى ...) whose noun phrase starts at that offset.
   */
  private indirect(first: number, speaker: Found, cue: Span, nominalAt?: number): void {
    const startToken = this.tokens[first];
    if (!startToken) return;
    const nominal = nominalAt !== undefined;
    // The clause is exactly a quotation in marks: report the quoted words (mixed).
    const k = this.spanAtToken.get(first);
    if (k !== undefined) {
      this.fromSpan(k, speaker, "mixed", cue, nominal);
      return;
    }
    const sentence = this.sentenceOf[first] as number;
    let end = this.sentences[sentence]?.end ?? this.text.length;
    let mixed = false;
    for (let j = first; j < this.tokens.length; j++) {
      const t = this.tokens[j] as Token;
      if (t.start >= end) break;
      const span = this.spanAtToken.get(j);
      if (span !== undefined) {
        // quoted words inside the clause: it is mixed, and runs at least to their closing mark
        mixed = true;
        this.usedSpans.add(span);
        end = Math.max(end, (this.spans[span] as QuotedSpan).close);
        continue;
      }
      // حذر من خطر تدفق المقاتلين، لكنه استبعد...: a contrast ends a reported noun phrase
      if (nominal && t.kind === "word" && /^و?لكن/.test(this.norms[j] as string)) {
        end = (this.tokens[j - 1] as Token).end;
        break;
      }
      if (t.kind === "word" && j > first) {
        const c = cueOf(this.norms[j] as string);
        const prev = this.tokens[j - 1] as Token;
        // "، مشيرا إلى أن ..." or "وأضاف أن": a new report starts (but "وأعرب عن أمله في أن"
        // inside the reported clause is still what was reported)
        // (a verb with its own subject inside the clause, ما حدث ذكر «...», is reported too)
        const joined =
          /^[وف]/.test(this.norms[j] as string) ||
          c?.kind === "participle" ||
          CLAUSE_OPENERS.has(this.norms[j - 1] as string);
        if (
          c &&
          c.kind !== "according" &&
          (prev.kind === "punct" || (this.opensReportSoon(j) && joined))
        ) {
          end = prev.kind === "punct" ? prev.start : t.start;
          break;
        }
      }
    }
    const span = trimEnd(this.text, nominalAt ?? startToken.start, end);
    if (span.end <= span.start) return;
    this.add(span, mixed ? "mixed" : "indirect", speaker, cue, nominal);
  }

  /** "وقال: ..." with no quotation marks: the rest of the sentence is the speaker's words. */
  private afterColon(colon: number, speaker: Found, cue: Span): void {
    const first = this.tokens[colon + 1];
    if (!first || this.sentenceOf[colon + 1] !== this.sentenceOf[colon]) return;
    const end = this.sentences[this.sentenceOf[colon] as number]?.end ?? this.text.length;
    const span = trimEnd(this.text, first.start, end);
    if (wordCount(this.text, span.start, span.end) >= MIN_CONTINUATION_WORDS)
      this.add(span, "direct", speaker, cue);
  }

  /** A dot inside an abbreviation (بي.بي.سي), with letters right before and after it. */
  private isAbbreviationDot(t: Token): boolean {
    return (
      t.text === "." &&
      /[\p{L}]/u.test(this.text[t.start - 1] ?? "") &&
      /[\p{L}]/u.test(this.text[t.end] ?? "")
    );
  }

  /** A verb inside quotation marks is the speaker's own words, not the journalist reporting. */
  private insideQuotation(i: number): boolean {
    const at = (this.tokens[i] as Token).start;
    return this.spans.some(
      (s, k) => s.start <= at && at < s.end && (this.spanWords[k] as number) > 4,
    );
  }

  /** "يذكر أن ..." / "يشار إلى أن ...": the journalist's background, not anyone's words. */
  private isBackgroundFormula(i: number): boolean {
    const norm = stripConjunctionWord(this.norms[i] as string);
    if (norm !== "يذكر" && norm !== "يشار") return false;
    const next = this.nextWord(i);
    return (
      next >= 0 && (isComplementizer(this.norms[next] as string) || this.norms[next] === "الي")
    );
  }

  private nextWord(i: number): number {
    for (let k = i + 1; k < this.tokens.length; k++) if (this.tokens[k]?.kind === "word") return k;
    return -1;
  }

  /** Whether, after offset `at`, the sentence goes on with more words before أن or a mark. */
  private headGoesOn(at: number, sentence: number): boolean {
    for (let k = this.tokenAt(at); k >= 0 && k < this.tokens.length; k++) {
      const t = this.tokens[k] as Token;
      if (this.sentenceOf[k] !== sentence) return false;
      if (t.kind === "word") return true;
      if (t.kind === "punct" && /[.!?؟:]/.test(t.text)) return false;
    }
    return false;
  }

  /** Whether the cue at token j is followed at once by أن/إن, a colon or a quotation mark. */
  private opensReportSoon(j: number): boolean {
    for (let k = j + 1, words = 0; k < this.tokens.length && words < 2; k++) {
      const t = this.tokens[k] as Token;
      if (t.kind === "quote" || (t.kind === "punct" && t.text === ":")) return true;
      if (t.kind !== "word") continue;
      words++;
      if (isComplementizer(this.norms[k] as string)) return true;
    }
    return false;
  }

  // --------------------------------------------------------------------------- quoted spans

  private fromSpan(
    k: number,
    speaker: Found,
    kind: Quote["kind"],
    cue?: Span,
    nominal = false,
  ): void {
    const span = this.spans[k] as QuotedSpan;
    // a quotation already inside an indirect report may still be a report inside that report
    // (وأوضح الوزير أن خادم الحرمين أكد أن «...»): add() decides
    const inner =
      cue !== undefined && this.quotes.some((q) => q.start <= cue.start && span.end <= q.end);
    if (this.usedSpans.has(k) && !inner) return;
    this.usedSpans.add(k);
    if (this.isQuestionToSpeaker(span)) return;
    this.add({ start: span.start, end: span.end }, kind, speaker, cue, nominal);
  }

  /**
   * A quoted span no cue claimed: attributed by a cue after it, by the subject of the verb it
   * follows in its sentence, as a continuation of the quotation before, or to nobody.
   */
  private unclaimedSpan(k: number): void {
    if (this.usedSpans.has(k)) return;
    const span = this.spans[k] as QuotedSpan;
    if (this.isQuestionToSpeaker(span) || this.isQuotedName(k)) return;
    const after = this.cueAfter(span);
    if (after) {
      this.usedSpans.add(k);
      const speaker = this.speakerOf(after.index, this.headEndAfter(after.index), after.cue);
      const t = this.tokens[after.index] as Token;
      this.add({ start: span.start, end: span.end }, "direct", speaker, {
        start: t.start,
        end: t.end,
      });
      return;
    }
    const words = this.spanWords[k] as number;
    const clause = words >= MIN_CLAUSE_QUOTE_WORDS ? this.clauseSpeaker(span) : undefined;
    if (clause) {
      this.usedSpans.add(k);
      this.add({ start: span.start, end: span.end }, "mixed", clause.speaker, clause.cue);
      return;
    }
    if (!this.speakers.current || this.lastQuoteEnd < 0) return;
    if (words < MIN_CONTINUATION_WORDS) return;
    if (!this.continues(span)) return;
    this.usedSpans.add(k);
    this.add({ start: span.start, end: span.end }, "direct", {
      ...this.speakers.current,
      how: "continuation",
    });
  }

  /**
   * A short quoted phrase that is a name: an entity mention, or after a noun that names what is
   * in the marks (جماعة «الإخوان المسلمين»، عملية «عاصفة الحزم»، كتلة «الحرة»).
   */
  private isQuotedName(k: number): boolean {
    const span = this.spans[k] as QuotedSpan;
    if ((this.spanWords[k] as number) > 4) return false;
    const inside = this.speakers.mentionsIn(span.start, span.end);
    if (inside.some((m) => m.start <= span.start + 1 && m.end >= span.end - 1)) return true;
    const before = this.tokenAt(span.open) - 1;
    const token = this.tokens[before];
    if (before < 0 || token?.kind !== "word") return false;
    const noun = tokenBase(token).norm.replace(/^ال/, "");
    return ORGANISATION_HEADS.has(noun) || NAMING_NOUNS.has(noun);
  }

  /**
   * Quoted words inside a clause whose verb has a speaking subject (وأدان الحزب هذه «العملية
   * العدوانية»، ووصف النائب القرار بـ«المخزي»): the subject's words, quoted. Not a name in marks
   * after the noun it names (كتلة «الحرة»، عملية «عاصفة الحزم»).
   */
  private clauseSpeaker(span: QuotedSpan): { speaker: Found; cue: Span } | undefined {
    const open = this.tokenAt(span.open);
    if (open <= 0) return undefined;
    const { clauses } = this.speakers;
    const before = open - 1;
    if (this.sentenceOf[before] !== this.sentenceOf[open]) return undefined;
    const first = clauses.sentenceStart(open);
    // a word of taking a position in the clause (أدان، عبر عن قلقه، إدانتها), then the nearest
    // verb before the mark, else the sentence's main verb
    let stance = false;
    let verb = -1;
    for (let v = before; v >= first && open - v <= 20; v--) {
      const t = this.tokens[v] as Token;
      if (t.kind === "quote" || (t.kind === "punct" && !clauses.isComma(v) && !/[()]/.test(t.text)))
        break;
      const norm = this.norms[v] as string;
      if (t.kind === "word" && isStanceWord(norm)) stance = true;
      // a stance verb is a verb even where its form is also a noun's (وصف)
      const verbal = clauses.isVerb(v) || isStanceVerb(norm);
      if (verb < 0 && verbal && !cueOf(norm)) verb = v;
      if (stance && verb >= 0) break;
    }
    if (!stance) return undefined;
    if (verb < 0) {
      const main = clauses.mainClause(open);
      if (!main || main.verb >= open) return undefined;
      verb = main.verb;
    }
    const found = this.speakers.ofVerb(verb, open, {}, false);
    if (found.id === null && !found.text) return undefined;
    const t = this.tokens[verb] as Token;
    return { speaker: found, cue: { start: t.start, end: t.end } };
  }

  /** Whether quoted words go on from the last quotation: no cue or new paragraph between. */
  private continues(span: QuotedSpan): boolean {
    const between = this.text.slice(this.lastQuoteEnd, span.open);
    // يشار إلى أن... / يذكر أن...: the journalist's words come between
    if (/(^|\s)[وف]?(يشار|يذكر)\s+(الى|إلى|أن|ان)/.test(between)) return false;
    const newlines = (between.match(/\n/g) ?? []).length;
    if (newlines > 2) return false;
    // a new paragraph continues the quotation only when it opens with the quotation
    if (newlines > 0 && between.slice(between.lastIndexOf("\n") + 1).trim() !== "") return false;
    for (let i = this.tokenAt(this.lastQuoteEnd); i >= 0 && i < this.tokens.length; i++) {
      const t = this.tokens[i] as Token;
      if (t.start >= span.open) break;
      if (t.kind === "word" && cueOf(this.norms[i] as string)) return false;
    }
    return true;
  }

  /** "«...»، قال بوتين" / "«...» كما قال": a reporting verb right after the closing mark. */
  private cueAfter(span: QuotedSpan): { index: number; cue: Cue } | undefined {
    let seen = 0;
    for (let i = this.tokenAt(span.close); i >= 0 && i < this.tokens.length && seen < 3; i++) {
      const t = this.tokens[i] as Token;
      if (t.start < span.close) continue;
      if (t.kind !== "word") {
        if (t.kind === "punct" && /[.!?؟]/.test(t.text)) return undefined;
        continue;
      }
      seen++;
      const cue = cueOf(this.norms[i] as string);
      // «...»، قال الوزير: the verb put after the words; «...»، وقال: a new clause, not that
      if (cue?.kind === "verb" && !/^[وف]/.test(this.tokens[i]?.text ?? ""))
        return { index: i, cue };
      if ((this.norms[i] as string) !== "كما") return undefined;
    }
    return undefined;
  }

  /** Where the subject after a cue that follows a quotation may end: the sentence's end. */
  private headEndAfter(i: number): number {
    const sentence = this.sentenceOf[i];
    let j = i + 1;
    while (j < this.tokens.length && this.sentenceOf[j] === sentence && j - i <= HEAD_WINDOW) j++;
    return j;
  }

  /** A question the journalist put, quoted: "ردا على سؤال ... «...؟»". */
  private isQuestionToSpeaker(span: QuotedSpan): boolean {
    if (!/[?؟]\s*$/.test(this.text.slice(span.start, span.end))) return false;
    const before = this.text.slice(Math.max(0, span.open - 80), span.open);
    return /سؤال|سئل|تساؤل|سوال|سيل|تساول/.test(before);
  }

  // --------------------------------------------------------------------------------- بحسب

  private according(i: number): void {
    const sentence = this.sentenceOf[i] as number;
    const bounds = this.sentences[sentence];
    if (!bounds) return;
    const t = this.tokens[i] as Token;
    // the source: words after بحسب / وفقا لـ / نقلا عن up to a comma or the sentence's end
    let j = i + 1;
    if (j < this.tokens.length && /^(ل|عن)$/.test(this.norms[j] as string)) j++;
    // وفق ما أعلن عنه الاتحاد / حسب ما أفاد به المصدر / حسب ما جاء في بيان: the source is
    // after the verb
    if (this.norms[j] === "ما") {
      j += 2;
      if (/^(عنه|عنها|به|بها|في|علي)$/.test(this.norms[j] ?? "")) j++;
    }
    const sourceStart = j;
    while (
      j < this.tokens.length &&
      this.sentenceOf[j] === sentence &&
      this.tokens[j]?.kind !== "punct" &&
      j - i <= 10
    )
      j++;
    if (j === sourceStart) return;
    if (OWN_WORDS.test(this.norms[sourceStart] as string)) return;
    // a name in apposition after a comma (حسب ما أعلنته الأمينة العامة، مية الجريبي)
    let limit = j;
    if (this.speakers.clauses.isComma(j) && this.speakers.mentionOf(j + 1)?.entity.type === "PER")
      limit = this.speakers.clauses.tokenAt(this.speakers.mentionOf(j + 1)?.end ?? 0);
    const source = this.speakers.phraseAt(sourceStart, limit);
    // بحسب القانون، وفقا لإرادة النواب: "in accordance with", not a source
    if (!source || (!source.id && !this.speakers.isSourceNoun(sourceStart))) return;
    const speaker: Found = expressed(source);
    const startOfSentence = bounds.start;
    const cueSpan = { start: t.start, end: t.end };
    // at the head of its sentence (وبحسب المصادر، فإن ...): the rest of the sentence
    const leading = this.text.slice(startOfSentence, t.start).trim().length === 0;
    let span: Span;
    if (leading) {
      let k = j;
      while (
        k < this.tokens.length &&
        (this.tokens[k]?.kind === "punct" || this.norms[k] === "فان")
      )
        k++;
      const from = this.tokens[k];
      if (!from || this.sentenceOf[k] !== sentence) return;
      span = trimEnd(this.text, from.start, bounds.end);
    } else {
      // after the sentence's start, a quotation already there, or a clause conjunction (فيما،
      // بينما، في حين): the clause the attribution closes
      let from = startOfSentence;
      for (const q of this.quotes) if (q.end <= t.start && q.end > from) from = q.end;
      for (let k = this.tokenAt(from); k >= 0 && k < i; k++) {
        const w = this.norms[k] as string;
        if (CLAUSE_CONJUNCTIONS.has(w) || (w === "حين" && this.norms[k - 1] === "في"))
          from = (this.tokens[k] as Token).end;
      }
      span = trimEnd(this.text, firstWordAfterConjunction(this.text, from, t.start), t.start);
    }
    if (span.end > span.start && wordCount(this.text, span.start, span.end) >= 3)
      this.add(span, "indirect", speaker, cueSpan);
  }

  // ------------------------------------------------------------------------------- helpers

  private add(span: Span, kind: Quote["kind"], speaker: Found, cue?: Span, nominal = false): void {
    // a report inside a report (وأوضح الوزير أن خادم الحرمين أكد أن «...»): both are kept, the
    // inner one with its own speaker; any other overlap is the same words found twice. A nominal
    // report (دعا إلى ...) never nests in another.
    const nested = (q: Quote) =>
      cue !== undefined &&
      (speaker.how === "named" || speaker.how === "anonymous") &&
      !nominal &&
      q.start <= cue.start &&
      q.start < span.start &&
      span.end <= q.end &&
      speaker.id !== q.speaker;
    if (this.quotes.some((q) => q.start < span.end && span.start < q.end && !nested(q))) return;
    this.quotes.push({
      start: span.start,
      end: span.end,
      text: this.text.slice(span.start, span.end),
      kind,
      speaker: speaker.id,
      ...(speaker.text ? { speakerText: speaker.text } : {}),
      ...(cue ? { cue: { ...cue, text: this.text.slice(cue.start, cue.end) } } : {}),
      confidence: speaker.id === null && !speaker.text ? 0.4 : CONFIDENCE[speaker.how],
    });
    const said: Speaker = { id: speaker.id, text: speaker.text };
    this.speakers.spoke(said, span.end);
    this.lastQuoteEnd = Math.max(this.lastQuoteEnd, span.end);
  }

  /** The index of the token covering or first after offset `at`, or -1. */
  private tokenAt(at: number): number {
    const i = this.speakers.clauses.tokenAt(at);
    return i < this.tokens.length ? i : -1;
  }
}

function stripConjunctionWord(norm: string): string {
  return /^[وف]/.test(norm) && norm.length > 3 ? norm.slice(1) : norm;
}

/** [start, end) without trailing spaces and punctuation (a closing quotation mark stays). */
function trimEnd(text: string, start: number, end: number): Span {
  let e = end;
  while (e > start && /[\s.,،:؛!]/.test(text[e - 1] as string)) e--;
  return { start, end: e };
}

/** The first offset at or after `start` that is no space or punctuation, before `limit`. */
function firstWordAfterConjunction(text: string, start: number, limit: number): number {
  let s = start;
  while (s < limit && /[\s،,.:؛"'«»“”]/.test(text[s] as string)) s++;
  return s;
}

/** The first word of a phrase, normalised, without a conjunction. */
function firstWord(phrase: string): string {
  return normalizeArabic(phrase.split(/\s+/)[0] ?? "").replace(/^[وف](?=ال)/, "");
}

/** Whether a normalised word is in the corpus lexicon (a real word, not a stray letter run). */
function isKnownWord(norm: string): boolean {
  return lexiconCount(norm) > 0;
}

function wordCount(text: string, start: number, end: number): number {
  return text
    .slice(start, end)
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
