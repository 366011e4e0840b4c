/**
 * Who said what. The article is read in order, as a reader follows it:
 *
 * - A reporting verb (قال، أكد، أضاف...) opens a quotation: a direct one when a colon or a
 *   quotation mark follows (وقال بوتين: «...»), an indirect one after أن/إن (وقال الكرملين إن...),
 *   mixed when the reported clause holds quoted words. Its speaker is the named subject after the
 *   verb (VSO), or before it (SVO), or, when none is expressed (وأضاف، وشدد), the current speaker.
 * - A participle (مضيفا، مشيرا، قائلا) continues the subject of its sentence.
 * - بحسب / وفقا لـ / نقلا عن attribute the clause around them to their source.
 * - Quoted words with no cue of their own continue the quotation before them (a quotation
 *   carried on into the next paragraph, a second sentence in its own marks), or, followed by
 *   "قال فلان", are attributed to him; short quoted phrases with no cue are titles or scare
 *   quotes, not speech. A journalist's question (ردا على سؤال...؟) is not the speaker's words.
 *
 * Speakers are entities where a mention names them; unnamed ones (مصدر أمني، مسؤولون) keep their
 * words as `speakerText` with `speaker: null`.
 */
import type { Doc, Entity, Quote, Token } from "../analysis.js";
import { normalizeArabic } from "../text/index.js";
import { type Cue, cueOf, isComplementizer } from "./cues.js";
import { type QuotedSpan, quotedSpans } from "./marks.js";

interface MentionRef {
  start: number;
  end: number;
  entity: Entity;
}

interface Speaker {
  id: string | null;
  text?: string | undefined;
}

/** Confidence by how the speaker was found. */
const CONFIDENCE = {
  named: 0.85,
  anonymous: 0.75,
  current: 0.7,
  continuation: 0.6,
} as const;

/** How far after a cue (in tokens) its subject and the reported clause may start. */
const HEAD_WINDOW = 30;
/** Quoted words shorter than this, with no cue, are taken for titles or scare quotes. */
const MIN_CONTINUATION_WORDS = 3;

/** Words that begin a phrase that cannot be the subject (time, place, manner, addressee). */
const NOT_SUBJECT = new Set(
  (
    "في خلال يوم امس اليوم الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت مساء صباح ظهر " +
    "عقب بعد قبل اثناء لدي امام عن علي الي من مع ايضا كذلك مجددا بدوره بدورها بدورهم " +
    "جهته جهتها جانبه جانبها عبر حول ضمن اثر اليه لها له لهم لنا ذلك هذا هذه تلك فيه فيها " +
    "فيهم عليه عليها منه منها عنه عنها به بها معه معها اليها"
  ).split(" "),
);

/** Time words that may stand between a verb and its subject (قال اليوم الاثنين محافظ ...). */
const TIME_WORDS = new Set(
  "اليوم امس الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت مساء صباح ظهر الليله".split(" "),
);

/** Nouns whose name follows them (ذكرت صحيفة الشروق): the name is the speaker. */
const PRESS_NOUNS = new Set("صحيفه جريده يوميه مجله وكاله قناه اذاعه موقع تلفزيون".split(" "));

/** Verbs whose reported content may be a noun phrase after عن (كشف عن، أعلن عن). */
const NOMINAL_WITH_AN = new Set(["كشف", "أعلن", "أفصح"]);

const PREPOSITIONS = new Set("في مع عن علي الي من خلال بين لدي امام نحو حول".split(" "));

/** Ranks between a title and a name (الناطق الرسمي ... المقدم بلحسن الوسلاتي). */
const RANK_WORDS = new Set(
  "المقدم العقيد العميد اللواء الفريق الجنرال الرايد النقيب السيد السيده الدكتور الشيخ".split(" "),
);

export function extractQuotes(doc: Doc, entities: Entity[]): Quote[] {
  return new QuoteReader(doc, entities).read();
}

class QuoteReader {
  private readonly text: string;
  private readonly tokens: Token[];
  private readonly norms: string[];
  private readonly sentenceOf: Int32Array;
  private readonly sentences: Doc["sentences"];
  private readonly mentions: MentionRef[];
  private readonly spans: QuotedSpan[];
  /** Words in each quoted span (short ones are names and scare quotes, not speech). */
  private readonly spanWords: number[];
  /** Index of the quoted span that starts at a token (its opening mark), if any. */
  private readonly spanAtToken = new Map<number, number>();
  private readonly usedSpans = new Set<number>();
  private readonly quotes: Quote[] = [];
  private current: Speaker | undefined;
  /** Titles the article gave a named person, normalised (see titleHolder). */
  private titles: Map<string, string> | undefined;
  /** End offset of the last quotation, and its paragraph start (for continuations). */
  private lastQuoteEnd = -1;

  constructor(doc: Doc, entities: Entity[]) {
    this.text = doc.text;
    this.tokens = doc.tokens;
    this.sentences = doc.sentences;
    this.norms = doc.tokens.map((t) => t.norm ?? normalizeArabic(t.text));
    this.sentenceOf = new Int32Array(doc.tokens.length).fill(-1);
    let s = 0;
    doc.tokens.forEach((t, i) => {
      while (s < doc.sentences.length && (doc.sentences[s]?.end ?? 0) <= t.start) s++;
      this.sentenceOf[i] = s;
    });
    this.mentions = entities
      .flatMap((entity) => entity.mentions.map((m) => ({ start: m.start, end: m.end, entity })))
      .sort((a, b) => a.start - b.start);
    this.spans = quotedSpans(doc.text, doc.tokens);
    this.spanWords = this.spans.map((span) => wordCount(doc.text, span.start, span.end));
    this.spans.forEach((span, k) => {
      const i = this.tokenAt(span.open);
      if (i >= 0) this.spanAtToken.set(i, k);
    });
  }

  read(): Quote[] {
    let nextSpan = 0;
    for (let i = 0; i < this.tokens.length; i++) {
      // quoted spans that start before this token and no cue claimed
      while (
        nextSpan < this.spans.length &&
        (this.spans[nextSpan] as QuotedSpan).open < (this.tokens[i] as Token).start
      ) {
        this.unclaimedSpan(nextSpan);
        nextSpan++;
      }
      const token = this.tokens[i] as Token;
      if (token.kind !== "word") continue;
      const cue = cueOf(this.norms[i] as string);
      if (!cue) continue;
      if (cue.kind === "according") this.according(i);
      else this.reportingCue(i, cue);
    }
    while (nextSpan < this.spans.length) this.unclaimedSpan(nextSpan++);
    return this.quotes.sort((a, b) => a.start - b.start);
  }

  // ---------------------------------------------------------------- reporting verbs, participles

  private reportingCue(i: number, cue: Cue): void {
    const sentence = this.sentenceOf[i] as number;
    if (this.isBackgroundFormula(i) || this.insideQuotation(i)) return;
    // Scan the head: subject and adjuncts, up to what opens the reported words.
    let opener = -1;
    let colon = false;
    let complementizer = -1;
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
        if (t.text === ":") colon = true;
        else if (/[.!?؟]/.test(t.text)) break;
        continue;
      }
      if (t.kind !== "word") continue;
      words++;
      const norm = this.norms[j] as string;
      if (isComplementizer(norm)) {
        complementizer = j;
        break;
      }
      // another report starts before this one said anything (but "ونقل مباشرة" is no report)
      if (cueOf(norm) && this.opensReportSoon(j)) break;
      // كشف عن: what was disclosed follows عن (كشفت صحيفة الخبر عن انطلاق عملية)
      if (norm === "عن" && j > i + 1 && NOMINAL_WITH_AN.has(cue.lemma)) {
        complementizer = j;
        break;
      }
      // شدد على ضرورة / أكد أهمية: a nominal report with no أن
      if ((norm === "ضروره" || norm === "اهميه") && j > i && this.norms[j - 1] === "علي") {
        complementizer = j - 1;
        break;
      }
    }
    const headEnd = complementizer >= 0 ? complementizer : opener >= 0 ? opener : -1;
    if (headEnd < 0) {
      // No reported words we can delimit (أكدت معلمة نائبة تعرضها إلى...), but the verb still
      // says who is speaking now: the next وأضافت is hers.
      if (cue.kind === "verb") {
        const subject = this.subjectIn(i + 1, this.headEndAfter(i), cue.addressee === true);
        if (subject && (subject.id !== null || subject.text)) this.current = subject;
      }
      return;
    }
    const speaker = this.speakerOf(i, headEnd, cue);
    const cueSpan = { start: (this.tokens[i] as Token).start, end: (this.tokens[i] as Token).end };
    if (complementizer >= 0) {
      this.indirect(complementizer + 1, speaker, cueSpan);
    } else {
      const k = this.spanAtToken.get(opener) as number;
      const direct = colon || opener - i <= 3;
      this.fromSpan(k, speaker, direct ? "direct" : "mixed", cueSpan);
    }
  }

  /** The reported clause from token `first` to the end of its sentence or the next cue. */
  private indirect(
    first: number,
    speaker: Speaker & { how: keyof typeof CONFIDENCE },
    cue: Span,
  ): void {
    const startToken = this.tokens[first];
    if (!startToken) return;
    // The clause is exactly a quotation in marks: report the quoted words (mixed).
    const k = this.spanAtToken.get(first);
    if (k !== undefined) {
      this.fromSpan(k, speaker, "mixed", cue);
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
      if (t.kind === "word" && j > first) {
        const c = cueOf(this.norms[j] as string);
        const prev = this.tokens[j - 1] as Token;
        // "، مشيرا إلى أن ..." or "وأضاف أن": a new report starts (but "وأعرب عن أمله في أن"
        // inside the reported clause is still what was reported)
        if (c && c.kind !== "according" && (prev.kind === "punct" || this.opensReportSoon(j))) {
          end = prev.kind === "punct" ? prev.start : t.start;
          break;
        }
      }
    }
    const span = trimEnd(this.text, startToken.start, end);
    if (span.end <= span.start) return;
    this.add(span, mixed ? "mixed" : "indirect", speaker, cue);
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
    speaker: Speaker & { how: keyof typeof CONFIDENCE },
    kind: Quote["kind"],
    cue?: Span,
  ): void {
    if (this.usedSpans.has(k)) return;
    this.usedSpans.add(k);
    const span = this.spans[k] as QuotedSpan;
    if (this.isQuestionToSpeaker(span)) return;
    this.add({ start: span.start, end: span.end }, kind, speaker, cue);
  }

  /** A quoted span no cue claimed: attributed by a cue after it, a continuation, or nothing. */
  private unclaimedSpan(k: number): void {
    if (this.usedSpans.has(k)) return;
    const span = this.spans[k] as QuotedSpan;
    if (this.isQuestionToSpeaker(span)) return;
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
    if (!this.current || this.lastQuoteEnd < 0) return;
    if ((this.spanWords[k] as number) < MIN_CONTINUATION_WORDS) return;
    if (!this.continues(span)) return;
    this.usedSpans.add(k);
    this.add({ start: span.start, end: span.end }, "direct", {
      ...this.current,
      how: "continuation",
    });
  }

  /** Whether quoted words go on from the last quotation: no cue or new paragraph between. */
  private continues(span: QuotedSpan): boolean {
    const between = this.text.slice(this.lastQuoteEnd, span.open);
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
      if (cue?.kind === "verb") return { index: i, cue };
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
    const before = normalizeArabic(this.text.slice(Math.max(0, span.open - 80), span.open));
    return /سوال|سيل|تساول/.test(before);
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
    // وفق ما أعلن عنه الاتحاد / حسب ما أفاد به المصدر: the source is after the verb
    if (this.norms[j] === "ما") {
      j += 2;
      if (/^(عنه|عنها|به|بها)$/.test(this.norms[j] ?? "")) j++;
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
    const speaker = this.subjectIn(sourceStart, j, false);
    if (!speaker) return;
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
      span = trimEnd(
        this.text,
        firstWordAfterConjunction(this.text, startOfSentence, t.start),
        t.start,
      );
    }
    if (span.end > span.start && wordCount(this.text, span.start, span.end) >= 3)
      this.add(span, "indirect", { ...speaker, how: speaker.id ? "named" : "anonymous" }, cueSpan);
  }

  // ------------------------------------------------------------------------------ speakers

  /**
   * The speaker of a cue at token i whose head runs to headEnd: a named subject after the verb,
   * an anonymous one, a subject before it (SVO), or the current speaker.
   */
  private speakerOf(
    i: number,
    headEnd: number,
    cue: Cue,
  ): Speaker & { how: keyof typeof CONFIDENCE } {
    if (cue.kind === "participle") {
      // the subject of the participle's own sentence, when no report came before in it
      const sentence = this.sentenceOf[i];
      const lastInSentence =
        this.quotes.length > 0 && this.sentenceOfOffset(this.lastQuoteEnd - 1) === sentence;
      if (!lastInSentence) {
        const start = this.sentenceStartToken(i);
        const subject = this.subjectIn(start, i, false, "main");
        if (subject?.id) return { ...subject, how: "named" };
      }
      return this.currentSpeaker();
    }
    const after = this.subjectIn(i + 1, headEnd, cue.addressee === true);
    if (after) return { ...after, how: after.id ? "named" : "anonymous" };
    // SVO: "بوتين قال إن" (a verb with no conjunction, its subject earlier in the sentence)
    if (!/^[وف]/.test((this.tokens[i] as Token).text)) {
      const before = this.subjectIn(this.sentenceStartToken(i), i, false, "main");
      if (before?.id) return { ...before, how: "named" };
    }
    return this.currentSpeaker();
  }

  private currentSpeaker(): Speaker & { how: keyof typeof CONFIDENCE } {
    return this.current ? { ...this.current, how: "current" } : { id: null, how: "current" };
  }

  /**
   * The subject among tokens [from, to). After a cue (VSO), leading time words skipped: a name
   * that starts right there (وقال الكرملين، قال الرئيس الفرنسي فرنسوا أولاند, or after a press
   * noun: ذكرت صحيفة الشروق); else, when the phrase opens with a common noun, the last person
   * named in it (محافظ البنك المركزي الشاذلي العياري) or, with none, the noun phrase itself as an
   * unnamed speaker (مصدر أمني، شقيق أحد البحارة) — unless it points back to the current one
   * (المصدر ذاته) or repeats a title the article gave someone (الناطق الرسمي باسم ...). Before a
   * participle or an SVO verb ("main"), the first name of the sentence.
   */
  private subjectIn(
    from: number,
    to: number,
    skipFirst: boolean,
    mode: "after-cue" | "main" = "after-cue",
  ): Speaker | undefined {
    if (to <= from) return undefined;
    const mentions = this.mentionsIn(from, to).filter(
      (m) => !this.isAddressee(m) && !this.inPrepositionalPhrase(m),
    );
    if (skipFirst) mentions.shift();
    if (mode === "main") {
      const first = mentions.find((m) => m.entity.type !== "MISC");
      return first && { id: first.entity.id };
    }
    let k = from;
    while (k < to && (this.tokens[k]?.kind !== "word" || TIME_WORDS.has(this.norms[k] as string)))
      k++;
    if (k >= to) return undefined;
    const at = (i: number) =>
      mentions.find(
        (m) => m.start <= (this.tokens[i] as Token).end && m.end > (this.tokens[i] as Token).start,
      );
    const opening =
      at(k) ??
      (PRESS_NOUNS.has(stripArticle(this.norms[k] as string)) && k + 1 < to
        ? at(k + 1)
        : undefined);
    if (opening && opening.entity.type !== "MISC") {
      // a title and the name after it (وزير الخارجية الفرنسي جان إيف لودريان): the name
      const named = mentions.find(
        (m) => m.start > opening.start && m.start - opening.end <= 1 && m.entity.type === "PER",
      );
      return { id: (named ?? opening).entity.id };
    }
    const word = this.norms[k] as string;
    if (NOT_SUBJECT.has(word) || (/^[لب]/.test(word) && !/^ب?ال/.test(word) && word !== "باسم")) {
      // an adjunct first (في بيان له، للصحفيين): the subject, if any, is a person named later
      const person = mentions.filter((m) => m.entity.type === "PER").pop();
      return person && { id: person.entity.id };
    }
    const person = mentions.filter((m) => m.entity.type === "PER").pop();
    if (person) return { id: person.entity.id };
    const phrase = this.nounPhrase(k, to);
    const norm = normalizeArabic(phrase);
    if (this.current && /(^|\s)(ذاته|نفسه|ذاتها|نفسها|ذات|نفس|المذكور|المذكوره)(\s|$)/.test(norm))
      return this.current;
    const titled = this.titleHolder(norm);
    if (titled) return { id: titled };
    return { id: null, text: phrase };
  }

  /** Mentions inside tokens [from, to), in order. */
  private mentionsIn(from: number, to: number): MentionRef[] {
    const start = (this.tokens[from] as Token).start;
    const end = (this.tokens[to - 1] as Token).end;
    return this.mentions.filter((m) => m.start >= start && m.end <= end);
  }

  /** A noun phrase from token k: up to six words, ending before a comma, preposition or time word. */
  private nounPhrase(k: number, to: number): string {
    let j = k + 1;
    while (j < to && j - k < 6) {
      const t = this.tokens[j] as Token;
      const norm = this.norms[j] as string;
      if (t.kind !== "word" || NOT_SUBJECT.has(norm) || TIME_WORDS.has(norm)) break;
      if (/^[لب]/.test(norm) && !/^ب?ال/.test(norm) && norm !== "باسم") break;
      j++;
    }
    return this.text.slice((this.tokens[k] as Token).start, (this.tokens[j - 1] as Token).end);
  }

  /**
   * The person a title names, when the article gave the title with the name before (الناطق
   * الرسمي باسم وزارة الدفاع الوطني المقدم بلحسن الوسلاتي ... وأكد الناطق الرسمي باسم وزارة
   * الدفاع الوطني).
   */
  private titleHolder(norm: string): string | undefined {
    if (!this.titles) {
      this.titles = new Map();
      for (const m of this.mentions) {
        if (m.entity.type !== "PER") continue;
        const i = this.tokenAt(m.start);
        let j = i - 1;
        const words: string[] = [];
        while (j >= 0 && words.length < 10) {
          const t = this.tokens[j] as Token;
          const w = this.norms[j] as string;
          if (t.kind !== "word" || cueOf(w) || this.sentenceOf[j] !== this.sentenceOf[i]) break;
          words.unshift(w);
          j--;
        }
        while (words.length > 0 && RANK_WORDS.has(words[words.length - 1] as string)) words.pop();
        if (words.length >= 2) this.titles.set(words.join(" "), m.entity.id);
      }
    }
    for (const [title, id] of this.titles)
      if (norm === title || norm.startsWith(`${title} `)) return id;
    return undefined;
  }

  /** A name right after a preposition (مع بوتين، ببرطال حيدر) is no subject. */
  private inPrepositionalPhrase(m: MentionRef): boolean {
    const k = this.tokenAt(m.start) - 1;
    if (k < 0 || this.tokens[k]?.kind !== "word") return false;
    const norm = this.norms[k] as string;
    if (cueOf(norm)) return false; // بحسب، وفقا ل: the source, not a prepositional phrase
    // ب/ل before a bare word (لبوتين، ببرطال) heads a phrase; before the article (للبيئة) the
    // word is part of a name's description (برنامج الأمم المتحدة للبيئة ليلى منصور)
    return (
      PREPOSITIONS.has(norm) || (/^[بل]/.test(norm) && !/^(ب?ال|لل)/.test(norm) && norm !== "باسم")
    );
  }

  /** A mention right after the preposition ل (للصحفيين، لبوتين) is who was told. */
  private isAddressee(m: MentionRef): boolean {
    const i = this.tokenAt(m.start);
    if (i < 0) return false;
    const t = this.tokens[i] as Token;
    const lead = this.text.slice(t.start, m.start);
    if (/^[وف]?ل/.test(lead)) return true;
    // an elided article: the mention itself starts with لل / ل (للرئيس الصيني)
    return m.start === t.start && /^ل(ل|ـ)/.test(t.text) && !/^لل?ه/.test(t.text);
  }

  // ------------------------------------------------------------------------------- helpers

  private add(
    span: Span,
    kind: Quote["kind"],
    speaker: Speaker & { how: keyof typeof CONFIDENCE },
    cue?: Span,
  ): void {
    if (this.quotes.some((q) => q.start < span.end && span.start < q.end)) return;
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
    if (speaker.id !== null || speaker.text) this.current = { id: speaker.id, text: speaker.text };
    this.lastQuoteEnd = Math.max(this.lastQuoteEnd, span.end);
  }

  /** The index of the token covering or first after offset `at`. */
  private tokenAt(at: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.tokens[mid] as Token).end <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.tokens.length ? lo : -1;
  }

  private sentenceStartToken(i: number): number {
    const sentence = this.sentenceOf[i];
    let j = i;
    while (j > 0 && this.sentenceOf[j - 1] === sentence) j--;
    return j;
  }

  private sentenceOfOffset(at: number): number {
    const i = this.tokenAt(at);
    return i < 0 ? -1 : (this.sentenceOf[i] as number);
  }
}

interface Span {
  start: number;
  end: number;
}

function stripConjunctionWord(norm: string): string {
  return /^[وف]/.test(norm) && norm.length > 3 ? norm.slice(1) : norm;
}

function stripArticle(norm: string): string {
  return norm.startsWith("ال") ? norm.slice(2) : norm;
}

/** [start, end) without trailing spaces and punctuation (a closing quotation mark stays). */
function trimEnd(text: string, start: number, end: number): Span {
  let e = end;
  while (e > start && /[\s.,،:؛!]/.test(text[e - 1] as string)) e--;
  return { start, end: e };
}

/** The first word of a sentence after a leading و/ف-less conjunction word such as كما. */
function firstWordAfterConjunction(text: string, start: number, limit: number): number {
  let s = start;
  while (s < limit && /\s/.test(text[s] as string)) s++;
  return s;
}

function wordCount(text: string, start: number, end: number): number {
  return text
    .slice(start, end)
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
