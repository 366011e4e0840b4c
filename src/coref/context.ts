/**
 * What the coreference steps share: the document's tokens in the forms they compare (base form
 * without clitics, conjunction-less form), the entity mentions found so far with a token index
 * over them, and the knowledge base.
 */
import type { Doc, Entity, MentionKind, Token } from "../analysis.js";
import { type KnowledgeBase, tokenBase } from "../entities/index.js";
import { Clauses } from "../syntax/index.js";
import { roleNoun } from "./lexicon.js";

/** One mention of an entity, with the tokens it covers. */
export interface Ref {
  start: number;
  end: number;
  /** First token covered, and one past the last. */
  first: number;
  last: number;
  entity: Entity;
  kind: MentionKind;
  confidence: number;
}

export class CorefContext {
  readonly tokens: readonly Token[];
  readonly clauses: Clauses;
  /** Base forms: clitics off, article kept (والوزير → الوزير, بمجلس → مجلس). */
  readonly base: readonly string[];
  /** Where the word itself starts inside each token, after its proclitics (والوزير → 1). */
  readonly lead: readonly number[];
  readonly kb: KnowledgeBase;
  /** The article's date, for offices. */
  readonly date: string | undefined;
  private refs: Ref[] = [];
  /** For each token, the mention covering it. */
  private readonly covering: (Ref | undefined)[];

  constructor(doc: Doc, entities: readonly Entity[], kb: KnowledgeBase, date?: string) {
    this.tokens = doc.tokens;
    this.kb = kb;
    this.date = date;
    const names = entities.flatMap((e) => e.mentions);
    this.clauses = new Clauses(doc, {
      names,
      subjectStart: (k, c) => c.isNamed(k) || roleNoun(c.bare[k] as string) !== undefined,
    });
    const bases = doc.tokens.map((t) => (t.kind === "word" ? tokenBase(t) : undefined));
    this.base = bases.map((b, i) => b?.norm ?? (this.clauses.norms[i] as string));
    this.lead = bases.map((b) => b?.start ?? 0);
    this.covering = new Array<Ref | undefined>(doc.tokens.length).fill(undefined);
    for (const entity of entities) {
      for (const m of entity.mentions)
        this.addRef(entity, m.start, m.end, m.kind ?? "name", m.confidence);
    }
  }

  /** Every mention so far, in text order. */
  mentions(): readonly Ref[] {
    return this.refs;
  }

  /** The mention covering token i, if any. */
  refAt(i: number): Ref | undefined {
    return this.covering[i];
  }

  /** Records a mention; false when it would overlap one already there. */
  addRef(
    entity: Entity,
    start: number,
    end: number,
    kind: MentionKind,
    confidence: number,
  ): boolean {
    const first = this.clauses.tokenAt(start);
    let last = first;
    while (last < this.tokens.length && (this.tokens[last] as Token).start < end) last++;
    if (last <= first) return false;
    for (let k = first; k < last; k++) if (this.covering[k]) return false;
    const ref: Ref = { start, end, first, last, entity, kind, confidence };
    // keep refs sorted by start
    let at = this.refs.length;
    while (at > 0 && (this.refs[at - 1] as Ref).start > start) at--;
    this.refs.splice(at, 0, ref);
    this.covering.fill(ref, first, last);
    return true;
  }

  /**
   * Records a mention over shorter name mentions of people it covers (ولد الشيخ أحمد over a
   * tagged أحمد), which it replaces; false when it would overlap anything else.
   */
  replaceRefs(
    entity: Entity,
    start: number,
    end: number,
    kind: MentionKind,
    confidence: number,
  ): boolean {
    const inside = this.refs.filter(
      (r) => r.start >= start && r.end <= end && r.entity.type === "PER" && r.kind === "name",
    );
    if (inside.length === 0) return this.addRef(entity, start, end, kind, confidence);
    const replaced = new Set(inside);
    const kept = this.refs.filter((r) => !replaced.has(r));
    if (kept.some((r) => r.start < end && start < r.end)) return false;
    this.refs = kept;
    for (const r of inside) this.covering.fill(undefined, r.first, r.last);
    return this.addRef(entity, start, end, kind, confidence);
  }

  /**
   * One mention per entity before offset `at`, most recent first: each entity's last mention,
   * or (with `anyAccepted`) its last mention that `accept` takes.
   */
  recentBefore(at: number, accept: (ref: Ref) => boolean = () => true, anyAccepted = false): Ref[] {
    const seen = new Set<string>();
    const out: Ref[] = [];
    for (let k = this.refs.length - 1; k >= 0; k--) {
      const ref = this.refs[k] as Ref;
      if (ref.start >= at || seen.has(ref.entity.id)) continue;
      const accepted = accept(ref);
      if (anyAccepted && !accepted) continue;
      seen.add(ref.entity.id);
      if (accepted) out.push(ref);
    }
    return out;
  }

  private subjects = new Map<number, boolean>();

  /**
   * Whether a mention is the subject of a verb: right after it (وقال الأمير خالد), before it
   * with no conjunction on the verb (الوزير قال), or the main clause's (وكان الوزير قد أكد).
   */
  isSubject(ref: Ref): boolean {
    const cached = this.subjects.get(ref.first);
    if (cached !== undefined) return cached;
    const { clauses } = this;
    const stop = clauses.sentenceStop(ref.first);
    let subject = clauses.mainClause(ref.first)?.subject === ref.first;
    for (let k = ref.first - 1; !subject && k >= Math.max(0, ref.first - 5); k--) {
      if (clauses.sentenceOf[k] !== clauses.sentenceOf[ref.first]) break;
      if (clauses.isVerb(k)) {
        subject = clauses.subjectAfter(k, stop) === ref.first;
        break;
      }
    }
    if (!subject && ref.last < stop && clauses.isVerb(ref.last))
      subject = clauses.subjectBefore(ref.last)?.start === ref.first;
    this.subjects.set(ref.first, subject);
    return subject;
  }
}
