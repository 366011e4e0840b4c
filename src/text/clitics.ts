/**
 * Conservative, lexicon-driven clitic segmentation of Arabic words.
 *
 * Grammar (outside in): [و|ف] [ب|ك|ل|س] [ال] STEM [pronoun], where س (future) only precedes an
 * imperfect prefix (ي ت ن أ), ل + ال is written لل (the article's alef dropped), and the article
 * excludes a pronoun suffix.
 *
 * A split needs support from the word list (data/lexicon, see lexicon.ts). Cliticised forms c+y
 * occur at most about K_c times as often as y itself, so a known word x = c+y is cliticised only
 * when count(x) <= K_c · count(y); a word much more frequent than cliticisation explains is a word
 * of its own (وزير 2541 vs زير 15; كمال 635 vs مال 232; لجنة 1425 vs جنة 67). K_c started from
 * the 90th–95th percentile of count(c+y)/count(y) over the lexicon's frequent words and were
 * tuned by hand on samples (data/lexicon/README.md says how). Guards:
 *  - x taking clitics that could not stack outside c (الوزير, ووزير) is a stem: no split;
 *    conversely a frequent x never seen with such clitics gets a higher limit (وأضاف);
 *  - a remainder must be 3+ letters or a listed 2-letter function word (ولي, ورد, بنك stay);
 *  - a remainder starting with a bare ا that is normally spelt أ/إ/آ counts only its hamza-less
 *    share (واحد is not و + أحد);
 *  - an unknown word (often a rare name) splits only off a directly observed remainder seen
 *    20+ times; ك then only before the article, and never the future س or ي/ك/نا/ني suffixes;
 *  - the article is structural: a bare ا in the surface, a stem of 2+ letters, and a word not
 *    usually spelt with an initial hamza (المانيا is ألمانيا, not ال + مانيا);
 *  - closed-class function words (الذي، لكن، كان، بعد...) never split;
 *  - suffixes need the surface letter (ة and ى are never ه and ي); ي only after a ة stem
 *    (حكومتي) and never on a nisba adjective (تونسي, which has تونسية).
 */
import type { Segment } from "../analysis.js";
import * as lexicon from "./lexicon.js";
import * as normalize from "./normalize.js";

// local copies of imported bindings (accessors under some loaders; see tokenize.ts)
const hamzaShare = lexicon.hamzaShare;
const wordCount = lexicon.wordCount;
const normalizeArabic = normalize.normalizeArabic;
const normalizeWithOffsets = normalize.normalizeWithOffsets;

type Role = Segment["role"];

/** A piece of the analysis: ends at `end` (index in the normalised word). */
interface Piece {
  end: number;
  role: Role;
  norm: string;
}

interface Parse {
  pieces: Piece[];
  /** Estimated corpus count of this form as a word (whole or cliticised). */
  score: number;
}

/** Proclitic attachment ratios (see module comment). */
const K_PRO: Record<string, number> = {
  و: 0.8, // وقال/قال = 0.69, وأكد/أكد = 0.62: narrative verbs carry و very often
  ف: 0.3,
  ب: 0.4,
  ل: 0.4,
  ك: 0.05, // ك+word is rare; names starting with ك are not (كمال، كريم، كوريا)
  س: 0.5, // ستكون/تكون = 0.11
};

/** Pronoun suffixes, longest first, with their attachment ratios. */
const ENCLITICS: ReadonlyArray<readonly [string, number]> = [
  ["هما", 0.05],
  ["كما", 0.05],
  ["هم", 0.1],
  ["هن", 0.05],
  ["ها", 0.2],
  ["كم", 0.05],
  ["كن", 0.05],
  ["نا", 0.1],
  ["ني", 0.05],
  ["ه", 0.25],
  ["ك", 0.01], // second person is rare in news; بنك، ملك، سمك are words
  ["ي", 0.05], // only after a ة stem (حكومتي): elsewhere ي is far more often a nisba (تونسي، قاسمي)
];

/** Minimum evidence for a remainder; stricter for the clitics that collide with names. */
const MIN_EVIDENCE = 5;
const MIN_EVIDENCE_STRICT = 20;
/** Evidence needed to split a word that the lexicon has never seen. */
const MIN_EVIDENCE_UNKNOWN = 20;
const MAX_WORD = 40;
/**
 * A word seen at least RELAX_MIN times but never with clitics that would have to stack outside
 * the proposed one is probably cliticised already; its ratio limit is multiplied by RELAX.
 */
const RELAX_MIN = 20;
const RELAX = 4;
/** Seen RELAX_STRONG_MIN times and never once with an outer clitic: limit × RELAX_STRONG. */
const RELAX_STRONG_MIN = 200;
const RELAX_STRONG = 10;

/** Closed-class words that look cliticised but are not (normalised forms). */
const NEVER_SPLIT = new Set(
  (
    "الذي التي الذين اللذان اللتان اللذين اللتين اللاتي اللواتي اللائي الله اللهم لله الى الا " +
    "الان الي لما كما لكن لدي لعل لقد ليس ليست ليسا ليسوا لذا لو لولا لاسيما كان كانت كانا " +
    "كانوا كيف كلا كذا كذلك كي كيلا بل بعد بعض بين بينما بدون بيد فقط فوق سوف سوي سواء"
  ).split(" "),
);

/**
 * A remainder of only two letters must be one of these function words: short remainders of
 * ordinary words are too often words themselves (ولي ≠ و+لي, ورد ≠ و+رد, بنك ≠ بن+ك, فرح).
 */
const SHORT_STEMS = new Set(
  "هو هي هم هن ما لا لم لن قد من في ان كل لو ذا مع عن ثم او اي له لها به نحن انا انت ذلك".split(
    " ",
  ),
);

/** Vowel-final words that take نا/ني. */
const VOWEL_FINAL_HOSTS = new Set(["علي", "لدي", "في", "الي", "اني", "انا"]);

const ALEF = 0x0627;
const ALEF_WASLA = 0x0671;

// Grammar states: which slots are still open.
const S_START = 0; // conj, prep/future, article, pronoun
const S_CONJ = 1; // after و/ف: prep/future, article, pronoun
const S_PREP = 2; // after ب/ك/ل: article, pronoun
const S_FUT = 3; // after س: pronoun

class Analyzer {
  readonly t: string;
  private readonly word: string;
  private readonly map: Int32Array;
  private readonly memo = new Map<number, Parse>();

  constructor(word: string, t: string, map: Int32Array) {
    this.word = word;
    this.t = t;
    this.map = map;
  }

  /** The surface character behind normalised index i. */
  private surface(i: number): number {
    return this.word.charCodeAt(this.map[i] as number);
  }

  private count(s: string): number {
    return wordCount(s);
  }

  /** Count of remainder t[pos..], discounted when its bare ا is normally written with hamza. */
  private remainderEvidence(pos: number, sub: Parse): number {
    let e = sub.score;
    const c = this.surface(pos);
    if (c === ALEF && this.t.charCodeAt(pos) === ALEF) {
      const share = hamzaShare(this.t.slice(pos));
      if (share >= 50) e = (e * (100 - share)) / 100;
    }
    return e;
  }

  parse(pos: number, state: number): Parse {
    const key = pos * 4 + state;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const result = this.parseUncached(pos, state);
    this.memo.set(key, result);
    return result;
  }

  private parseUncached(pos: number, state: number): Parse {
    const t = this.t;
    const n = t.length;
    const whole = t.slice(pos);
    const fWhole = this.count(whole);
    const unsplit: Parse = { pieces: [{ end: n, role: "stem", norm: whole }], score: fWhole };
    if (n - pos < 3 || NEVER_SPLIT.has(whole)) return unsplit;

    // The article is structural: accepted on form alone (see module comment).
    if (
      state !== S_FUT &&
      t.charCodeAt(pos) === ALEF &&
      t.charCodeAt(pos + 1) === 0x0644 &&
      n - pos >= 4 &&
      (this.surface(pos) === ALEF || this.surface(pos) === ALEF_WASLA) &&
      hamzaShare(whole) < 50
    ) {
      return {
        pieces: [
          { end: pos + 2, role: "article", norm: "ال" },
          { end: n, role: "stem", norm: t.slice(pos + 2) },
        ],
        score: fWhole,
      };
    }

    let best: Parse | null = null;
    const consider = (score: number, pieces: Piece[]) => {
      if (best === null || score > best.score) best = { pieces, score };
    };
    const first = t[pos] as string;

    if (state === S_START && (first === "و" || first === "ف")) {
      const sub = this.parse(pos + 1, S_CONJ);
      this.tryProclitic(pos, first, sub, fWhole, MIN_EVIDENCE, consider);
    }
    if (
      (state === S_START || state === S_CONJ) &&
      (first === "ب" || first === "ك" || first === "ل")
    ) {
      const sub = this.parse(pos + 1, S_PREP);
      this.tryProclitic(
        pos,
        first,
        sub,
        fWhole,
        first === "ك" ? MIN_EVIDENCE_STRICT : MIN_EVIDENCE,
        consider,
      );
      if (first === "ل" && t.charCodeAt(pos + 1) === 0x0644 && n - pos >= 4) {
        // ل + ال written لل: evidence is the definite form ال+stem
        const definite = `ال${t.slice(pos + 2)}`;
        const e = this.count(definite);
        // nothing but و/ف can precede لل, so frequent لل forms get the relaxed ratio too
        const k = (K_PRO.ل as number) * (fWhole >= RELAX_MIN ? RELAX : 1);
        if (
          e >= MIN_EVIDENCE &&
          fWhole <= k * e &&
          hamzaShare(definite) < 50 &&
          !NEVER_SPLIT.has(definite)
        ) {
          consider(k * e, [
            { end: pos + 1, role: "proclitic", norm: "ل" },
            { end: pos + 2, role: "article", norm: "ال" },
            { end: n, role: "stem", norm: t.slice(pos + 2) },
          ]);
        }
      }
    }
    if ((state === S_START || state === S_CONJ) && first === "س" && n - pos >= 4) {
      const c = this.surface(pos + 1);
      if (c === 0x064a || c === 0x062a || c === 0x0646 || c === ALEF || c === 0x0623) {
        const sub = this.parse(pos + 1, S_FUT);
        this.tryProclitic(pos, first, sub, fWhole, MIN_EVIDENCE, consider);
      }
    }
    this.tryEnclitics(pos, fWhole, consider);
    if (best === null) return unsplit;
    // An observed count beats the estimate: ليد is seen 12 times, so it is not ل+يد (606).
    const chosen = best as Parse;
    return { pieces: chosen.pieces, score: fWhole > 0 ? fWhole : chosen.score };
  }

  private tryProclitic(
    pos: number,
    clitic: string,
    sub: Parse,
    fWhole: number,
    minEvidence: number,
    consider: (score: number, pieces: Piece[]) => void,
  ): void {
    const t = this.t;
    if (!this.remainderLengthOk(pos + 1, t.length)) return;
    let e = this.remainderEvidence(pos + 1, sub);
    if (fWhole === 0) {
      // Unknown word (often a rare name): only a directly observed, common remainder counts,
      // ك (rare as a clitic) only before the article (كالرئيس), and never the future س.
      const observed = this.count(t.slice(pos + 1));
      if (observed < MIN_EVIDENCE_UNKNOWN) return;
      if (clitic === "ك" && !t.startsWith("ال", pos + 1)) return;
      if (clitic === "س") return; // unseen ست…/سي… words are names (ستراتفورد، سيدني), not futures
      e = Math.min(e, observed);
    }
    if (e < minEvidence) return;
    const ev = this.stemEvidence(pos, clitic);
    if (ev >= 2 && ev >= 0.02 * fWhole) return;
    // A frequent form never seen with further clitics (وأضاف: no الوأضاف, لوأضاف) is already
    // cliticised: allow a higher ratio for it.
    // relaxed for conjunctions and future only: names rarely take them but often look like ب/ل/ك+x
    const relax =
      (clitic === "و" || clitic === "ف" || clitic === "س") &&
      fWhole >= RELAX_MIN &&
      ev * 500 <= fWhole;
    const strong = relax && fWhole >= RELAX_STRONG_MIN && ev === 0; // وأضاف: 1988 vs أضاف 314
    const k = (K_PRO[clitic] as number) * (strong ? RELAX_STRONG : relax ? RELAX : 1);
    if (fWhole > k * e) return;
    consider(k * e, [{ end: pos + 1, role: "proclitic", norm: clitic }, ...sub.pieces]);
  }

  /**
   * Evidence that t[pos..] is itself a stem: it occurs with clitics that could not stack on the
   * proposed one (الوزير and ووزير show وزير is a word; nothing precedes و+الصين).
   */
  private stemEvidence(pos: number, clitic: string): number {
    const x = this.t.slice(pos);
    // ل+x is not evidence when x starts with ل: لل is the article form (للتنظيم)
    let ev = this.count(`ال${x}`) + this.count(`ب${x}`);
    if (!x.startsWith("ل")) ev += this.count(`ل${x}`);
    if (clitic === "و" || clitic === "ف") ev += this.count(`و${x}`) + this.count(`ف${x}`);
    return ev;
  }

  private tryEnclitics(
    pos: number,
    fWhole: number,
    consider: (score: number, pieces: Piece[]) => void,
  ): void {
    const t = this.t;
    const n = t.length;
    for (const [suffix, k] of ENCLITICS) {
      const cut = n - suffix.length;
      if (cut - pos < 2 || !t.endsWith(suffix)) continue;
      if (!this.surfaceMatches(cut, suffix)) continue;
      const stem = t.slice(pos, cut);
      if (!this.remainderLengthOk(pos, cut)) return;
      // an article-initial stem cannot carry a pronoun
      if (stem.startsWith("ال") && this.surface(pos) === ALEF) continue;
      let underlying = stem;
      let e = this.count(stem);
      const last = stem.charCodeAt(stem.length - 1);
      if (last === 0x062a) {
        // ة is written ت before a suffix: حكومته = حكومة + ه
        const alt = `${stem.slice(0, -1)}ه`;
        const ea = this.count(alt);
        if (ea > e) {
          e = ea;
          underlying = alt;
        }
      }
      const strict = suffix === "ي" || suffix === "ك" || suffix === "ني" || suffix === "نا";
      // an unseen word ending in ي/ك/ني/نا is more likely a name or nisba than a possessive
      if (strict && fWhole === 0) return;
      const minEvidence = strict || fWhole === 0 ? MIN_EVIDENCE_STRICT : MIN_EVIDENCE;
      if (suffix === "ي" && (underlying === stem || this.looksNisba(t.slice(pos)))) return;
      // -ana/-ina names (ماريانا، ميسينا): نا/ني after a vowel only on prepositions (علينا، لدينا)
      if ((suffix === "نا" || suffix === "ني") && (last === ALEF || last === 0x064a)) {
        if (!VOWEL_FINAL_HOSTS.has(stem)) return;
      }
      // A word seen with the article is a stem of its own (the article excludes a pronoun); not
      // tested for ه, whose article form collides with ة words (العليه = العلية).
      const withArticle = suffix === "ه" ? 1 : this.count(`ال${t.slice(pos)}`);
      if (withArticle >= 2) return;
      // a frequent form never seen with the article is no noun of its own (سكانها)
      const kEff = k * (fWhole >= RELAX_MIN && withArticle === 0 ? RELAX : 1);
      if (e >= minEvidence && fWhole <= kEff * e) {
        consider(kEff * e, [
          { end: cut, role: "stem", norm: underlying },
          { end: n, role: "enclitic", norm: suffix },
        ]);
      }
      return; // only the longest matching suffix is considered
    }
  }

  private remainderLengthOk(from: number, to: number): boolean {
    return to - from >= 3 || (to - from === 2 && SHORT_STEMS.has(this.t.slice(from, to)));
  }

  /** تونسي, رئيسي: a nisba adjective has a feminine (ـية) or plural (ـيون/ـيين) form in use. */
  private looksNisba(x: string): boolean {
    const f = this.count(x);
    const related = this.count(`${x}ه`) + this.count(`${x}ون`) + this.count(`${x}ين`);
    return related >= 3 && related * 10 >= f;
  }

  /** The suffix's letters are really ه / ي in the surface (not ة / ى). */
  private surfaceMatches(cut: number, suffix: string): boolean {
    for (let i = 0; i < suffix.length; i++) {
      if (this.surface(cut + i) !== suffix.charCodeAt(i)) return false;
    }
    return true;
  }
}

/** Relative segmentation cache: word → pieces with surface offsets. */
interface CachedSeg {
  start: number;
  end: number;
  role: Role;
  norm: string;
}
const cache = new Map<string, CachedSeg[]>();
const CACHE_LIMIT = 50_000;

function isArabicWord(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x0621 || c > 0x06ff) return false;
  }
  return t.length > 0;
}

function analyse(word: string): CachedSeg[] {
  const whole: CachedSeg[] = [
    { start: 0, end: word.length, role: "stem", norm: normalizeArabic(word) },
  ];
  if (word.length > MAX_WORD * 2) return whole;
  const { text: t, map } = normalizeWithOffsets(word);
  if (t.length < 3 || t.length > MAX_WORD || !isArabicWord(t)) return whole;
  const parse = new Analyzer(word, t, map).parse(0, S_START);
  if (parse.pieces.length < 2) return whole;
  const out: CachedSeg[] = [];
  let prevEnd = 0;
  let prevN = 0;
  for (const p of parse.pieces) {
    const end = p.end >= t.length ? word.length : (map[p.end] as number);
    // a boundary inside a one-to-many expansion (ﻻ → لا) cannot be cut in the surface
    if (end <= prevEnd || p.end <= prevN) return whole;
    out.push({ start: prevEnd, end, role: p.role, norm: p.norm });
    prevEnd = end;
    prevN = p.end;
  }
  return out;
}

/**
 * Splits an Arabic word into clitic segments (proclitics, article, stem, enclitic). Offsets are
 * `offset` + index in `word`; the segments are contiguous and cover the word. A word that is
 * not split (or is not Arabic) is returned as a single stem segment. Diacritics stay with the
 * letter they follow. `norm` is the normalised underlying form (the article of لل is "ال";
 * a stem written with ت before a pronoun gets its ة form, as normalised ه).
 */
export function segmentWord(word: string, offset = 0): Segment[] {
  let rel = cache.get(word);
  if (rel === undefined) {
    rel = analyse(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, rel);
  }
  const out: Segment[] = new Array(rel.length);
  for (let i = 0; i < rel.length; i++) {
    const r = rel[i] as CachedSeg;
    out[i] = {
      start: offset + r.start,
      end: offset + r.end,
      text: word.slice(r.start, r.end),
      role: r.role,
      norm: r.norm,
    };
  }
  return out;
}

/**
 * The span of a word used for entity mentions (ANERcorp convention): without conjunctions,
 * prepositions and pronoun suffixes, but with the article (والصين → الصين, وبوتين → بوتين).
 * When the article is elided after ل (للصين, وللصين) there is no separate ال in the surface, so
 * the span starts at that ل (للصين). Offsets are indices into `word`.
 */
export function mentionCore(word: string): { start: number; end: number } {
  const segs = segmentWord(word, 0);
  let start = 0;
  let end = word.length;
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i] as Segment;
    if (s.role === "article") {
      const prev = segs[i - 1];
      // elided article: the surface ل is the article; keep the preposition ل before it
      start = normalizeArabic(s.text) !== "ال" && prev !== undefined ? prev.start : s.start;
      break;
    }
    if (s.role === "stem") {
      start = s.start;
      break;
    }
  }
  for (let i = segs.length - 1; i >= 0; i--) {
    const s = segs[i] as Segment;
    if (s.role === "stem") {
      end = s.end;
      break;
    }
  }
  return { start, end };
}
