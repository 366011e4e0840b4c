/**
 * Who is speaking: the grammatical subject of the reporting verb, never the nearest name.
 *
 * - An expressed subject after the verb (VSO, the news default) or before it (SVO: كانت
 *   الشرطة قالت، أما الحزب فقد أكد) is the speaker. What it refers to is read off the entity
 *   mentions at its first word, of any kind: a name, a title or description (الوزير الألماني),
 *   an honorific pronoun (سموه), an organisation nominal (الحزب، البيان) — coreference has
 *   attached each to its referent. A noun phrase that refers to no named entity is an unnamed
 *   source (مصادر مطلعة، مسؤول في وزارة الخارجية): its words become `speakerText`, even when a
 *   named body is inside it.
 * - A participle (مضيفا، مشيرا) takes the subject of the clause it hangs on.
 * - A verb with no expressed subject (وأضاف، وأكدت) takes, in order: the subject of an earlier
 *   clause of the same sentence (وكان الوزير قد افتتح المؤتمر بكلمة دعا فيها), the current
 *   speaker, or the most recent subject of the article — whichever agrees with the verb in
 *   gender (قالت needs a woman or a feminine body). أضاف and تابع carry on the current speaker
 *   first; other verbs go to the most recent subject.
 */
import type { Doc, Entity, MentionKind, Span, Token } from "../analysis.js";
import { RANKS, roleNoun, SOURCE_DOCUMENTS } from "../coref/index.js";
import { ORGANISATION_HEADS } from "../entities/index.js";
import {
  type Agreement,
  ANAPHORIC_AFTER,
  Clauses,
  DEMONSTRATIVES,
  FUNCTION_WORDS,
  type Gender,
  HONORIFIC_ADDRESS,
  PREPOSITIONS,
} from "../syntax/index.js";
import { normalizeArabic } from "../text/index.js";
import { cueOf } from "./cues.js";

export interface Speaker {
  /** The entity id, or null for an unnamed or unknown speaker. */
  id: string | null;
  /** The words naming the speaker at the cue (مصادر مطلعة، سموه، لافروف). */
  text?: string | undefined;
}

/** How a speaker was found, for the quote's confidence. */
export type SpeakerHow = "named" | "anonymous" | "current" | "continuation";

export type Found = Speaker & { how: SpeakerHow };

/** A speaker the text expresses: named when it is an entity, else anonymous (مصدر أمني). */
export function expressed(speaker: Speaker): Found {
  return { ...speaker, how: speaker.id ? "named" : "anonymous" };
}

interface MentionRef {
  start: number;
  end: number;
  entity: Entity;
  kind: MentionKind;
}

/** Nouns whose name follows them (ذكرت صحيفة الشروق): the name is the speaker. */
const PRESS_NOUNS = new Set(
  "صحيفة جريدة يومية مجلة وكالة قناة إذاعة موقع تلفزيون شبكة".split(" ").map(normalizeArabic),
);

/** A subject can start at a name, a title or a rank (see Clauses.subjectAfter). */
function startsSubject(k: number, clauses: Clauses): boolean {
  const w = clauses.bare[k] as string;
  return clauses.isNamed(k) || roleNoun(w) !== undefined || RANKS.has(w);
}

/** The gender a noun phrase's first word shows: ة (ه once normalised) is feminine. */
function phraseGender(word: string): Gender | undefined {
  return /ه$/.test(word) && word.length > 3 ? "f" : undefined;
}

/** Relative pronouns: the verb after them has their antecedent for subject. */
const RELATIVES = new Set(
  ["الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"].map(normalizeArabic),
);

/** قد / لقد between a subject and its verb. */
const VERB_PARTICLE_WORDS = new Set(["قد", "لقد"]);

/** أن / إن: the clause after them has its own subject. */
const COMPLEMENTIZER_WORDS = new Set(["ان", "بان", "فان"]);

/** Nouns for unnamed sources (بحسب مصادر، وفقا لشهود عيان). */
const SOURCE_NOUNS = new Set(
  (
    "مصدر مصادر مسؤول مسؤولون مسؤولين مسؤولة شهود شاهد سكان ناشطون ناشطين خبراء محللون " +
    "محللين مراقبون مراقبين وسائل تقارير تقرير استطلاع استطلاعات مراسل مراسلون أوساط دوائر " +
    "مقربون مقربين متحدث ناطق جهات أجهزة"
  )
    .split(" ")
    .map(normalizeArabic),
);

/** Whether a normalised word is a press noun (صحيفة، وكالة، قناة), with or without ال. */
export function isPressWord(word: string): boolean {
  return PRESS_NOUNS.has(word.replace(/^ال/, ""));
}

/**
 * Whether a normalised word can name a source of information: a role (الوزير، قياديون), a
 * statement (بيان، أرقام), the press (صحيفة) or an unnamed source (مصادر، شهود).
 */
export function isSourceWord(first: string): boolean {
  const word = first.replace(/^(ال|ل(?!ل)|لل)/, "");
  const singular = word.replace(/(ون|ين|يون|يين)$/, "");
  return (
    roleNoun(word) !== undefined ||
    roleNoun(singular) !== undefined ||
    roleNoun(`${singular}ي`) !== undefined ||
    SOURCE_DOCUMENTS.has(word.replace(/ا$/, "")) ||
    PRESS_NOUNS.has(word) ||
    SOURCE_NOUNS.has(word) ||
    ORGANISATION_HEADS.has(word) ||
    BODIES.has(word)
  );
}

/** Plurals of bodies and groups that speak as one (الأحزاب، الحركات، النواب، القوى). */
const BODIES = new Set(
  "أحزاب حركات منظمات جمعيات نقابات هيئات وزارات حكومات جهات أطراف قوى فصائل دول عائلات نواب أعضاء سلطات"
    .split(" ")
    .map(normalizeArabic),
);

/** Most words an unnamed speaker's phrase keeps. */
const PHRASE_WORDS = 6;

export class SpeakerFinder {
  readonly clauses: Clauses;
  private readonly text: string;
  private readonly tokens: readonly Token[];
  private readonly mentions: MentionRef[];
  /** For each token, the mention covering it (by index), or -1. */
  private readonly mentionAt: Int32Array;
  private readonly gender: ReadonlyMap<string, Gender>;
  /** A capital as speaker stands for its country's government (أعلنت برلين). */
  private readonly speaksFor: ReadonlyMap<string, string>;
  private readonly dateline: Span | undefined;
  /** The speaker of the last quotation. */
  current: Speaker | undefined;
  /** Subjects of recent clauses, newest last, with where they were seen. */
  private readonly topics: { speaker: Speaker; at: number }[] = [];
  private lastQuoteAt = -1;

  constructor(
    doc: Doc,
    entities: readonly Entity[],
    options: {
      times?: readonly Span[];
      gender?: ReadonlyMap<string, Gender>;
      speaksFor?: ReadonlyMap<string, string>;
    },
  ) {
    this.text = doc.text;
    this.tokens = doc.tokens;
    this.mentions = entities
      .flatMap((entity) =>
        entity.mentions.map((m) => ({
          start: m.start,
          end: m.end,
          entity,
          kind: m.kind ?? ("name" as const),
        })),
      )
      .sort((a, b) => a.start - b.start || b.end - a.end);
    this.clauses = new Clauses(doc, {
      names: this.mentions,
      times: options.times ?? [],
      subjectStart: (k, clauses) =>
        startsSubject(k, clauses) && this.mentionOf(k)?.entity.type !== "MISC",
    });
    this.gender = options.gender ?? new Map();
    this.speaksFor = options.speaksFor ?? new Map();
    const d = doc.meta.dateline;
    this.dateline = d ? { start: d.start, end: d.end } : undefined;
    this.mentionAt = new Int32Array(doc.tokens.length).fill(-1);
    this.mentions.forEach((m, k) => {
      for (let i = this.clauses.tokenAt(m.start); i < doc.tokens.length; i++) {
        const t = doc.tokens[i] as Token;
        if (t.start >= m.end) break;
        if ((this.mentionAt[i] as number) < 0) this.mentionAt[i] = k;
      }
    });
  }

  /** The mention covering token i, outside the dateline or byline. */
  mentionOf(i: number): MentionRef | undefined {
    const k = this.mentionAt[i] ?? -1;
    const m = k < 0 ? undefined : this.mentions[k];
    if (m && this.dateline && m.start < this.dateline.end && m.end > this.dateline.start)
      return undefined;
    return m;
  }

  /** Mentions inside offsets [start, end). */
  mentionsIn(start: number, end: number): MentionRef[] {
    return this.mentions.filter((m) => m.start >= start && m.end <= end);
  }

  /**
   * Whether an offset lies inside reported words (a quotation found so far or a span in marks):
   * a verb there is the speaker's, not a clause of the article.
   */
  insideReport: (at: number) => boolean = () => false;

  /** Records the speaker of a quotation ending at offset `at`. */
  spoke(speaker: Speaker, at: number): void {
    if (speaker.id === null && !speaker.text) return;
    this.current = speaker;
    this.lastQuoteAt = at;
    if (speaker.id) this.topics.push({ speaker, at });
  }

  /** Records the subject of the main clause of each sentence up to token i (topics). */
  noteTopics(i: number): void {
    const sentence = this.clauses.sentenceOf[i] as number;
    while (this.topicSentence < sentence) {
      const s = this.topicSentence++;
      const first = this.clauses.firstTokenOf(s);
      if (first < 0) continue;
      const main = this.clauses.mainClause(first);
      if (!main || main.subject < 0) continue;
      const speaker = this.phraseAt(main.subject, this.clauses.sentenceStop(first));
      if (speaker?.id) this.topics.push({ speaker, at: (this.tokens[first] as Token).start });
    }
  }

  private topicSentence = 0;

  /**
   * The speaker of a reporting verb at token i whose head (subject, adjuncts) ends before token
   * `headEnd`.
   */
  ofVerb(
    i: number,
    headEnd: number,
    agreement: Agreement,
    continues: boolean,
    takesObject = false,
  ): Found {
    let before = this.clauses.subjectBefore(i);
    // the sentence's own clause, when it opens with كان or أما and this is its verb
    if (!before) {
      const main = this.clauses.mainClause(i);
      if (main?.verb === i && main.subject >= 0 && main.subject < i)
        before = { start: main.subject, opener: "kana" };
    }
    const svo = (): Found | undefined => {
      if (!before) return undefined;
      const found = this.phraseAt(before.start, i);
      return found && (found.id || this.isNounPhrase(before.start)) ? expressed(found) : undefined;
    };
    // الكاتب سعد المحارب، الذي كتب أن...: a verb after a relative pronoun has its antecedent
    const antecedent = this.antecedentOf(i);
    if (antecedent) return expressed(antecedent);
    // وكان الرئيس قد أبلغ زواره: after كان or أما the subject stands before the verb; after أن
    // only when it is a name that runs up to the verb (أن الجبهة الشعبية وصفت)
    if (before && (before.opener === "kana" || before.opener === "amma")) {
      const found = svo();
      if (found) return found;
    }
    if (before?.opener === "anna" && this.nameUpTo(before.start, i)) {
      const found = svo();
      if (found) return found;
    }
    // واجتمعت اللجنة ... وأوصت وسائل الإعلام بـ: a call verb joined to a clause that has its
    // subject shares it; the phrase after it is the one called on
    if (takesObject && /^[وف]/.test(this.clauses.norms[i] as string)) {
      const main = this.clauses.mainClause(i);
      if (main && main.verb < i && main.subject >= 0 && main.subject < i) {
        const found = this.phraseAt(main.subject, i);
        if (found && this.agrees(found, agreement)) return expressed(found);
      }
    }
    const after = this.clauses.subjectAfter(i, headEnd);
    if (after >= 0) {
      const found = this.phraseAt(after, headEnd);
      // a singular feminine noun after a masculine verb is its object (وطالب [الخارجية
      // التونسية] بإدانة...: the subject is dropped)
      if (found && !this.objectByAgreement(found, after, agreement)) return expressed(found);
    }
    return svo() ?? this.dropped(i, agreement, continues);
  }

  /** The speaker of a participle at token i: the subject of the clause it hangs on. */
  ofParticiple(i: number, agreement: Agreement): Found {
    const sentence = this.clauses.sentenceOf[i];
    if (this.lastQuoteAt >= 0 && this.current) {
      const k = this.clauses.tokenAt(this.lastQuoteAt - 1);
      if (this.clauses.sentenceOf[k] === sentence) return { ...this.current, how: "current" };
    }
    const clause = this.clauseSubject(i, agreement);
    if (clause) return clause;
    return this.dropped(i, agreement, true);
  }

  /**
   * The subject of the clause a participle hangs on: the first verb after the sentence's start
   * or its last أن (يشار إلى أن [الجبهة الشعبية وصفت ...، واتهمت ...، مطالبة]) that has an
   * expressed subject, verbs joined by و sharing it.
   */
  private clauseSubject(i: number, agreement: Agreement): Found | undefined {
    const { clauses } = this;
    const first = clauses.sentenceStart(i);
    let from = first;
    for (let k = i - 1; k >= first; k--) {
      if (COMPLEMENTIZER_WORDS.has(clauses.norms[k] as string)) {
        from = k + 1;
        break;
      }
    }
    for (let v = from; v < i; v++) {
      if (!clauses.isVerb(v) || this.insideReport((this.tokens[v] as Token).start)) continue;
      const before = clauses.subjectBefore(v);
      const at = before && before.start >= from ? before.start : clauses.subjectAfter(v, i);
      if (at < 0) continue;
      const found = this.phraseAt(at, i);
      if (found && this.agrees(found, agreement) && (found.id || this.isNounPhrase(at)))
        return expressed(found);
    }
    return undefined;
  }

  /**
   * A subject that is not expressed: an earlier clause's subject in the same sentence, the
   * current speaker or a recent subject, the first that agrees with the verb.
   */
  private dropped(i: number, agreement: Agreement, continues: boolean): Found {
    const main = this.clauses.mainClause(i);
    const reported = (k: number) => this.insideReport((this.tokens[k] as Token).start);
    if (
      main &&
      main.verb < i &&
      main.subject >= 0 &&
      main.subject < i &&
      !reported(main.verb) &&
      !reported(main.subject)
    ) {
      const found = this.phraseAt(main.subject, i);
      if (found && this.agrees(found, agreement)) return expressed(found);
    }
    const at = (this.tokens[i] as Token).start;
    // earlier speakers and subjects, each once, the most recent first
    const candidates: { speaker: Speaker; at: number }[] = [];
    if (this.current) candidates.push({ speaker: this.current, at: this.lastQuoteAt });
    for (let k = this.topics.length - 1; k >= 0; k--) {
      const t = this.topics[k] as { speaker: Speaker; at: number };
      if (t.at >= at || candidates.some((c) => c.speaker.id === t.speaker.id)) continue;
      candidates.push(t);
    }
    // the current speaker first for verbs that carry on (أضاف), else the most recent subject
    candidates.sort((a, b) =>
      continues && a.speaker === this.current
        ? -1
        : continues && b.speaker === this.current
          ? 1
          : b.at - a.at,
    );
    const pick = candidates.find((c) => this.agrees(c.speaker, agreement));
    // the current speaker does not agree (مبينة after a man's words): the nearest person of the
    // verb's gender named earlier in the sentence
    if (agreement.gender && this.current && !this.agrees(this.current, agreement)) {
      const person = this.personOfGender(i, agreement.gender);
      if (person && (!pick || pick.at < person.at)) return { ...person.speaker, how: "current" };
    }
    if (pick) return { ...pick.speaker, how: "current" };
    if (this.current) return { ...this.current, how: "current" };
    // nobody has spoken yet: the first person or body named in the sentence, outside adjuncts
    const first = this.clauses.sentenceStart(i);
    for (let k = first; k < i; k++) {
      const m = this.mentionOf(k);
      if (!m || m.entity.type === "MISC" || m.entity.type === "LOC") continue;
      if (k > first && this.clauses.opensAdjunct(k - 1)) continue;
      if (this.clauses.opensAdjunct(k)) continue;
      return { id: m.entity.id, text: this.text.slice(m.start, m.end), how: "current" };
    }
    return { id: null, how: "current" };
  }

  /** For a verb right after الذي/التي (a comma may come before them): the name they follow. */
  private antecedentOf(i: number): Speaker | undefined {
    let k = i - 1;
    while (k >= 0 && this.clauses.isTime(k)) k--;
    if (!RELATIVES.has(this.clauses.norms[k] ?? "")) return undefined;
    k--;
    if (k >= 0 && this.clauses.isComma(k)) k--;
    const m = k >= 0 ? this.mentionOf(k) : undefined;
    if (!m || m.entity.type === "MISC" || m.entity.type === "LOC") return undefined;
    return { id: m.entity.id, text: this.text.slice(m.start, m.end) };
  }

  /** Whether a mention starting at token k runs up to token `verb` (particles aside). */
  private nameUpTo(k: number, verb: number): boolean {
    const m = this.mentionOf(k);
    if (!m) return false;
    let j = this.clauses.tokenAt(m.end);
    while (j < verb && VERB_PARTICLE_WORDS.has(this.clauses.norms[j] as string)) j++;
    return j === verb;
  }

  /** Whether a phrase right after a verb disagrees with it, so that it cannot be its subject. */
  private objectByAgreement(found: Speaker, k: number, agreement: Agreement): boolean {
    if (agreement.gender !== "m" || agreement.plural) return false;
    // a person's gender is the person's; a body's is the phrase's own head noun (أعلن [حزب]
    // حركة نداء تونس: حزب is masculine even if حركة is not)
    const m = this.mentionOf(k);
    const person = m?.entity.type === "PER" && found.id === m.entity.id;
    const g = person ? this.gender.get(m.entity.id) : phraseGender(this.clauses.bare[k] as string);
    return g === "f";
  }

  /** The nearest person before token i in its sentence whose gender is known to be `g`. */
  private personOfGender(i: number, g: Gender): { speaker: Speaker; at: number } | undefined {
    const first = this.clauses.sentenceStart(i);
    for (let k = i - 1; k >= first; k--) {
      const m = this.mentionOf(k);
      if (m?.entity.type !== "PER") continue;
      if (this.gender.get(m.entity.id) !== g) continue;
      if (this.insideReport(m.start)) continue;
      return { speaker: { id: m.entity.id, text: this.text.slice(m.start, m.end) }, at: m.start };
    }
    return undefined;
  }

  /** Whether a speaker can be the subject of a verb form with this agreement. */
  private agrees(speaker: Speaker, agreement: Agreement): boolean {
    if (!agreement.gender || agreement.plural || !speaker.id) return true;
    const g = this.gender.get(speaker.id);
    return !g || g === agreement.gender;
  }

  /**
   * Whether the noun at token k can name a source of information (مصادر، مسؤول، الوزير، البيان،
   * صحيفة، أرقام): after بحسب / وفقا لـ such a noun attributes, any other (القانون، الإرادة)
   * only says "in accordance with".
   */
  isSourceNoun(k: number): boolean {
    const first = DEMONSTRATIVES.has(this.clauses.bare[k] as string) ? k + 1 : k;
    return isSourceWord(this.clauses.bare[first] as string);
  }

  /** Whether token k starts a noun phrase (not a verb, particle or preposition). */
  private isNounPhrase(k: number): boolean {
    const w = this.clauses.bare[k] as string;
    return (
      this.clauses.isWord(k) &&
      !this.clauses.isVerb(k) &&
      !FUNCTION_WORDS.has(w) &&
      !PREPOSITIONS.has(w)
    );
  }

  /**
   * The speaker a phrase starting at token k (and ending before `limit`) names: the entity of
   * the mention at its first word (a title followed by a name: the name; a press noun: the
   * outlet; a statement: its issuer, بيان الخارجية), or its words as an unnamed source.
   */
  phraseAt(k: number, limit: number): Speaker | undefined {
    const { clauses } = this;
    if (!clauses.isWord(k) && this.tokens[k]?.kind !== "latin") return undefined;
    let first = k;
    // معالي وزير الثقافة، صاحب السمو الملكي الأمير: forms of address before the title
    while (first + 1 < limit && HONORIFIC_ADDRESS.has(clauses.bare[first] as string)) first++;
    // هذا المسؤول، هذه الأحزاب: the phrase points back to the one it repeats
    const demonstrative = DEMONSTRATIVES.has(clauses.bare[first] as string);
    if (demonstrative && first + 1 < limit) first++;
    const m = this.mentionOf(first);
    if (m && m.entity.type !== "MISC") {
      // a title right before a person's name (وزير الخارجية الفرنسي جان إيف لودريان): the name
      const name = m.kind === "title" ? this.nameAfter(m, limit) : undefined;
      if (name) return { id: name.entity.id, text: this.text.slice(m.start, name.end) };
      const id = this.speaksFor.get(m.entity.id) ?? m.entity.id;
      // a title cut short before a name inside it (رئيس [الحكومة]): the words up to the person
      const person = m.kind === "title" ? this.describedPerson(first, limit) : undefined;
      const end = person && person.entity === m.entity ? person.end : m.end;
      return { id, text: this.text.slice(m.start, end) };
    }
    const word = clauses.bare[first] as string;
    if (clauses.isVerb(first) && !m) return undefined;
    if (FUNCTION_WORDS.has(word) || PREPOSITIONS.has(word)) return undefined;
    // a reporting word is never its own subject (وتابع قائلا)
    if (cueOf(clauses.norms[first] as string)) return undefined;
    // the noun without the article or a fused ل (لأرقام منظمة الصحة → أرقام)
    const bare = word.replace(/^(ال|ل(?!ل))/, "");
    // a description that runs on to the person's name (منسق الأمانة العامة لقوى 14 آذار النائب
    // السابق فارس سعيد): the person
    const described = roleNoun(word) ? this.describedPerson(first, limit) : undefined;
    if (described)
      return {
        id: described.entity.id,
        text: this.text.slice((this.tokens[first] as Token).start, described.end),
      };
    // حزب حركة نداء تونس: a kind of body, then the body's name
    if (ORGANISATION_HEADS.has(bare) && first + 1 < limit) {
      const body = this.mentionOf(first + 1);
      if (body?.entity.type === "ORG")
        return {
          id: body.entity.id,
          text: this.text.slice((this.tokens[first] as Token).start, body.end),
        };
    }
    // وفقا لأقوال المتحدث باسم الوزارة: the one whose words they are
    if (
      SOURCE_DOCUMENTS.has(bare) &&
      first + 1 < limit &&
      isSourceWord(clauses.bare[first + 1] as string)
    ) {
      const owner = this.phraseAt(first + 1, limit);
      if (owner) return owner;
    }
    // صحيفة الشروق، وكالة الأنباء: the outlet named after the press noun
    if (PRESS_NOUNS.has(bare) && first + 1 < limit) {
      const outlet = this.mentionOf(first + 1) ?? this.mentionOf(first + 2);
      if (outlet && outlet.entity.type !== "MISC")
        return { id: outlet.entity.id, text: this.phraseText(first, limit) };
    }
    // بيان الخارجية، تقرير الأمم المتحدة، بلاغ هذا الحزب، بيانات جمعتها الوكالة، التقرير الذي
    // بثته القناة: the body whose statement it is
    if (SOURCE_DOCUMENTS.has(bare.replace(/ا$/, "")) && first + 1 < limit) {
      let j = first + 1;
      if (DEMONSTRATIVES.has(clauses.bare[j] as string)) j++;
      else {
        if (RELATIVES.has(clauses.norms[j] as string)) j++;
        if (j > first + 1 || clauses.isVerb(j)) j = clauses.skipAdverbials(j + 1, limit);
      }
      const issuer = this.mentionOf(j);
      if (issuer && issuer.entity.type !== "MISC")
        return { id: issuer.entity.id, text: this.phraseText(first, limit) };
    }
    // آخر المعطيات الصادرة عن فلان، على لسان فلان: the one they came from
    const issuer = this.issuedBy(first, limit);
    if (issuer) return { id: issuer.id, text: this.phraseText(first, limit) };
    const phrase = this.phraseText(first, limit);
    const norm = normalizeArabic(phrase);
    // المصدر ذاته، المسؤول نفسه: the current speaker again
    if (this.current && norm.split(" ").some((w) => ANAPHORIC_AFTER.has(w))) return this.current;
    // a person named at the end of a longer description (محافظ البنك المركزي الشاذلي العياري)
    const end = this.phraseEnd(first, limit);
    const person = this.mentionsIn((this.tokens[first] as Token).start, end).find(
      (p) => p.entity.type === "PER" && this.followsDescription(p),
    );
    if (person) return { id: person.entity.id, text: phrase };
    if (demonstrative) {
      const antecedent = this.antecedentPhrase(first);
      if (antecedent) return { id: null, text: antecedent };
    }
    return { id: null, text: phrase };
  }

  /**
   * The person a description starting at token k leads to: a person's name or title further on,
   * with no verb, particle or sentence punctuation between.
   */
  private describedPerson(k: number, limit: number): MentionRef | undefined {
    const { clauses } = this;
    for (let j = k + 1; j < limit && j - k <= 20; j++) {
      const t = this.tokens[j] as Token;
      if (t.kind === "quote" || (t.kind === "punct" && !clauses.isComma(j))) return undefined;
      const m = this.mentionOf(j);
      if (m?.entity.type === "PER" && m.kind !== "pronoun") {
        // وكيلة [الأمين العام] ...، فاليري آموس: a person in the genitive is not the one described
        if (!this.isConstruct(j - 1)) return m;
        j = this.clauses.tokenAt(m.end) - 1;
        continue;
      }
      if (t.kind !== "word" || m || clauses.isTime(j)) continue;
      const w = clauses.bare[j] as string;
      if (cueOf(clauses.norms[j] as string) || (FUNCTION_WORDS.has(w) && !PREPOSITIONS.has(w)))
        return undefined;
    }
    return undefined;
  }

  /** "الصادرة عن X" / "على لسان X" inside [k, limit): X's entity. */
  private issuedBy(k: number, limit: number): Entity | undefined {
    const { bare } = this.clauses;
    for (let j = k; j + 1 < limit && j - k < 8; j++) {
      const w = bare[j] as string;
      const from = /^(ال)?صادر(ه|ين)?$/.test(w) && (bare[j + 1] === "عن" || bare[j + 1] === "من");
      const tongue = w === "لسان" && bare[j - 1] === "علي";
      if (!from && !tongue) continue;
      const m = this.mentionOf(from ? j + 2 : j + 1);
      if (m && m.entity.type !== "MISC") return m.entity;
    }
    return undefined;
  }

  /** A person's name right after a title (a comma and ranks may come between), before `limit`. */
  private nameAfter(title: MentionRef, limit: number): MentionRef | undefined {
    // a title in construct (مستشار بوتين) takes the name as its genitive: not the same person
    const last = this.clauses.tokenAt(title.end - 1);
    if (roleNoun(this.clauses.bare[last] as string)?.definite === false) return undefined;
    let k = this.clauses.tokenAt(title.end);
    if (this.clauses.isComma(k)) k++;
    while (k < limit && RANKS.has(this.clauses.bare[k] as string)) k++;
    const next = k < limit ? this.mentionOf(k) : undefined;
    return next && next !== title && next.entity.type === "PER" && next.kind === "name"
      ? next
      : undefined;
  }

  /** Whether a person mention comes right after a description (no verb or comma between). */
  private followsDescription(p: MentionRef): boolean {
    const k = this.clauses.tokenAt(p.start) - 1;
    return k >= 0 && this.clauses.isWord(k) && !this.clauses.isVerb(k) && !this.isConstruct(k);
  }

  /**
   * Whether token k is a noun in construct, so that a name right after it is its genitive, not
   * the person it describes (والدة زوجة [فلان]: the mother of someone's wife; مستشار [بوتين]).
   * A name after a definite word (الوزير، المركزي) or a rank is in apposition.
   */
  private isConstruct(k: number): boolean {
    const w = this.clauses.bare[k] as string;
    if (w.startsWith("ال") || RANKS.has(w) || this.mentionOf(k)) return false;
    return !/(ه|ها|هم|هما)$/.test(w) || roleNoun(w) !== undefined;
  }

  /** Where the noun phrase starting at token k ends (offset), see phraseText. */
  private phraseEnd(k: number, limit: number): number {
    const j = this.phraseLast(k, limit);
    return (this.tokens[j] as Token).end;
  }

  /** The last token of the speaker phrase at token k: a mention (title and name) or words. */
  phraseEndToken(k: number, limit: number): number {
    const m = this.mentionOf(k);
    if (m) {
      const person = m.kind === "title" ? this.describedPerson(k, limit) : undefined;
      return this.clauses.tokenAt((person ?? m).end - 1);
    }
    if (roleNoun(this.clauses.bare[k] as string)) {
      const person = this.describedPerson(k, limit);
      if (person) return this.clauses.tokenAt(person.end - 1);
    }
    return this.phraseLast(k, limit);
  }

  private phraseLast(k: number, limit: number): number {
    const { clauses } = this;
    let j = k + 1;
    while (j < limit && j - k < PHRASE_WORDS) {
      const t = this.tokens[j] as Token;
      const w = clauses.bare[j] as string;
      if (t.kind !== "word" || clauses.isTime(j)) break;
      if (FUNCTION_WORDS.has(w) || PREPOSITIONS.has(w) || clauses.isVerb(j)) break;
      // a definite noun takes no genitive: an indefinite word after it starts another phrase
      // (نفى الوزير [وجود] ...)
      const prev = clauses.bare[j - 1] as string;
      const joins = this.mentionOf(j) !== undefined || w === "باسم" || ANAPHORIC_AFTER.has(w);
      if (prev.startsWith("ال") && !w.startsWith("ال") && !joins) break;
      if (/^[لب]/.test(w) && !/^ب?ال/.test(w) && w !== "باسم" && !this.mentionOf(j)) break;
      j++;
    }
    return j - 1;
  }

  /** The words of the noun phrase at token k: up to six, ending before a particle or verb. */
  phraseText(k: number, limit: number): string {
    const last = this.phraseLast(k, limit);
    return this.text.slice((this.tokens[k] as Token).start, (this.tokens[last] as Token).end);
  }

  /**
   * The earlier phrase a demonstrative phrase repeats (هذه الأحزاب → الأحزاب السياسية في تونس):
   * the last phrase before it with the same head word.
   */
  private antecedentPhrase(k: number): string | undefined {
    const head = this.clauses.bare[k] as string;
    for (let j = k - 2; j >= 0; j--) {
      if (this.clauses.bare[j] !== head || DEMONSTRATIVES.has(this.clauses.bare[j - 1] ?? ""))
        continue;
      // the phrase with its complements (في تونس)
      let e = j + 1;
      while (e < this.tokens.length && e - j < PHRASE_WORDS) {
        const t = this.tokens[e] as Token;
        if (t.kind !== "word" || this.clauses.isVerb(e)) break;
        const w = this.clauses.bare[e] as string;
        if (FUNCTION_WORDS.has(w) || (PREPOSITIONS.has(w) && w !== "في" && w !== "من")) break;
        e++;
      }
      return this.text.slice((this.tokens[j] as Token).start, (this.tokens[e - 1] as Token).end);
    }
    return undefined;
  }
}
