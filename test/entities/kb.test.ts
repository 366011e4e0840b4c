import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import {
  KB_FILE,
  type KbEntry,
  KbEntrySchema,
  KnowledgeBase,
  loadKnowledgeBase,
  mergeEntry,
  setKnowledgeBasePath,
} from "../../src/entities/kb.js";
import { InputError } from "../../src/errors.js";
import { normalizeArabic } from "../../src/text/index.js";

const BUNDLED = new URL(`../../data/kb/${KB_FILE}`, import.meta.url);

// ---------------------------------------------------------------------------------------------
// A small fixture KB for behaviour tests (independent of what the curated files hold).

const FIXTURE: KbEntry[] = [
  {
    id: "RUS",
    type: "LOC",
    kind: "country",
    nameAr: "روسيا",
    aliases: ["روسيا الاتحادية"],
    iso: "RU",
    cameo: "RUS",
    adjectives: ["روسي", "روسية", "الروسي", "الروسية", "روس", "الروس"],
  },
  {
    id: "USA",
    type: "LOC",
    kind: "country",
    nameAr: "الولايات المتحدة",
    aliases: ["الولايات المتحدة الأمريكية", "أمريكا"],
    iso: "US",
    adjectives: ["أمريكي", "الأمريكية"],
  },
  {
    id: "CHN",
    type: "LOC",
    kind: "country",
    nameAr: "الصين",
    iso: "CN",
    adjectives: ["صيني"],
  },
  {
    id: "moscow",
    type: "LOC",
    kind: "capital",
    nameAr: "موسكو",
    country: "RUS",
    capitalOf: "RUS",
  },
  // a city and a UniversalPetrarch person sharing a name with better-ranked entries
  {
    id: "moscow-usa",
    type: "LOC",
    kind: "city",
    nameAr: "موسكو",
    country: "USA",
    population: 25000,
  },
  { id: "up-mwskw", type: "PER", kind: "person", nameAr: "موسكو" },
  {
    id: "vladimir-putin",
    type: "PER",
    kind: "person",
    nameAr: "فلاديمير بوتين",
    nameEn: "Vladimir Putin",
    aliases: ["بوتين", "بوتن", "فلاديمير بوتن"],
    country: "RUS",
    roles: [
      { role: "head-of-state", of: "RUS", from: "2000-05-07", to: "2008-05-07" },
      { role: "head-of-government", of: "RUS", from: "2008-05-08", to: "2012-05-07" },
      { role: "head-of-state", of: "RUS", from: "2012-05-07" },
    ],
  },
  {
    id: "dmitry-medvedev",
    type: "PER",
    kind: "person",
    nameAr: "دميتري ميدفيديف",
    roles: [{ role: "head-of-state", of: "RUS", from: "2008-05-07", to: "2012-05-07" }],
  },
  {
    id: "year-precision",
    type: "PER",
    kind: "person",
    nameAr: "شخص تجريبي",
    roles: [{ role: "foreign-minister", of: "CHN", from: "2013", to: "2018-03" }],
  },
  { id: "un-security-council", type: "ORG", kind: "igo", nameAr: "مجلس الأمن الدولي" },
  { id: "russian-security-council", type: "ORG", kind: "government-body", nameAr: "مجلس الأمن" },
];

const fixtureKb = () => new KnowledgeBase(FIXTURE.map((e) => structuredClone(e)));
const ids = (es: KbEntry[]) => es.map((e) => e.id);
const norms = (s: string) => s.split(" ").map(normalizeArabic);

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "marsad-kb-"));
}

/** Writes entries as a gzipped bundle and points the loader at it. */
function useFixtureBundle(entries: KbEntry[]): void {
  const file = join(tempDir(), KB_FILE);
  writeFileSync(file, gzipSync(entries.map((e) => JSON.stringify(e)).join("\n")));
  setKnowledgeBasePath(file);
}

function userFile(lines: string[]): string {
  const file = join(tempDir(), "user.jsonl");
  writeFileSync(file, `${lines.join("\n")}\n`);
  return file;
}

afterEach(() => setKnowledgeBasePath(BUNDLED));

describe("KnowledgeBase (fixture)", () => {
  it("looks names up after normalisation, with and without the article", () => {
    const kb = fixtureKb();
    for (const name of ["بوتين", "بوتن", "فلاديمير بوتين", "فلاديمير  بوتن", "بُوتِين"]) {
      expect(ids(kb.lookup(name))[0]).toBe("vladimir-putin");
    }
    expect(ids(kb.lookup("الصين"))).toEqual(["CHN"]);
    expect(ids(kb.lookup("صين"))).toEqual(["CHN"]);
    expect(ids(kb.lookup("ولايات المتحدة"))).toEqual(["USA"]);
    expect(ids(kb.lookup("أمريكا"))).toEqual(["USA"]);
    expect(kb.lookup("الرئيس الروسي")).toEqual([]); // titles are roles, not aliases
    expect(kb.lookup("روسي")).toEqual([]); // adjectives are not names
    expect(kb.lookup("")).toEqual([]);
  });

  it("ranks capitals before cities before UniversalPetrarch entries", () => {
    expect(ids(fixtureKb().lookup("موسكو"))).toEqual(["moscow", "moscow-usa", "up-mwskw"]);
  });

  it("maps every form of a nationality adjective to its country", () => {
    const kb = fixtureKb();
    for (const w of ["روسي", "الروسية", "روس", "الروس", "روسية", "الروسي"]) {
      expect(kb.adjective(w)?.id).toBe("RUS");
    }
    expect(kb.adjective("الأمريكي")?.id).toBe("USA"); // article toggled from أمريكي
    expect(kb.adjective("أمريكية")?.id).toBe("USA");
    expect(kb.adjective("روسيا")).toBeUndefined(); // the country name is not an adjective
  });

  it("finds role holders with inclusive, precision-aware date bounds", () => {
    const kb = fixtureKb();
    const hos = (d: string) => ids(kb.holders("head-of-state", "RUS", d));
    expect(hos("1999-12-31")).toEqual([]);
    expect(hos("2000-05-07")).toEqual(["vladimir-putin"]);
    expect(hos("2010-01-01")).toEqual(["dmitry-medvedev"]);
    // handover day: both, the newer tenure first
    expect(hos("2012-05-07")).toEqual(["vladimir-putin", "dmitry-medvedev"]);
    expect(hos("2025-01-21")).toEqual(["vladimir-putin"]); // open-ended tenure
    expect(hos("2010")).toEqual(["dmitry-medvedev"]); // a year query overlaps tenures
    expect(ids(kb.holders("head-of-government", "RUS", "2010-06-01"))).toEqual(["vladimir-putin"]);
    const fm = (d: string) => ids(kb.holders("foreign-minister", "CHN", d));
    expect(fm("2012-12-31")).toEqual([]);
    expect(fm("2013-01-01")).toEqual(["year-precision"]); // from "2013" covers the whole year
    expect(fm("2018-03-31")).toEqual(["year-precision"]); // to "2018-03" covers all of March
    expect(fm("2018-04-01")).toEqual([]);
    expect(kb.holders("head-of-state", "RUS", "not a date")).toEqual([]);
    expect(kb.holders("head-of-state", "XXX", "2020")).toEqual([]);
  });

  it("knows capitals", () => {
    const kb = fixtureKb();
    expect(kb.capitalOf("RUS")?.id).toBe("moscow");
    expect(kb.capitalOf("CHN")).toBeUndefined();
  });

  it("matches the longest name over token sequences, greedily left to right", () => {
    const kb = fixtureKb();
    const sentence = norms("قال مجلس الأمن الدولي إن الولايات المتحدة الأمريكية و صين و روسيا");
    const hits = kb.matchTokens(sentence);
    expect(hits.map((h) => [h.start, h.end, h.ids])).toEqual([
      [1, 4, ["un-security-council"]],
      [5, 8, ["USA"]],
      [9, 10, ["CHN"]], // the first token may lack the article
      [11, 12, ["RUS"]],
    ]);
    // a shorter name when the longer one does not continue
    expect(kb.matchTokens(norms("مجلس الأمن الروسي"))).toEqual([
      { start: 0, end: 2, ids: ["russian-security-council"] },
    ]);
    expect(kb.matchTokens(norms("الولايات المتحدة"))).toEqual([{ start: 0, end: 2, ids: ["USA"] }]);
    expect(kb.matchTokens(norms("فلاديمير"))).toEqual([]);
    // only the article of a name may be missing in the text, not added to it
    expect(kb.matchTokens(norms("الموسكو"))).toEqual([]);
    expect(kb.matchTokens([])).toEqual([]);
  });

  it("merges later entries: scalars replace, names unite, roles replace by key", () => {
    const base = FIXTURE.find((e) => e.id === "vladimir-putin") as KbEntry;
    const merged = mergeEntry(base, {
      id: "vladimir-putin",
      type: "PER",
      kind: "person",
      nameAr: "فلاديمير بوتين",
      nameEn: "Vladimir V. Putin",
      aliases: ["بوتين", "ف. بوتين"],
      roles: [{ role: "head-of-state", of: "RUS", from: "2012-05-07", to: "2030" }],
    });
    expect(merged.nameEn).toBe("Vladimir V. Putin");
    expect(merged.aliases).toEqual(["بوتين", "بوتن", "فلاديمير بوتن", "ف. بوتين"]);
    expect(merged.roles).toHaveLength(3);
    expect(merged.roles?.find((r) => r.from === "2012-05-07")?.to).toBe("2030");
  });
});

describe("KbEntrySchema", () => {
  it("accepts the documented format and rejects inconsistent entries", () => {
    for (const e of FIXTURE) expect(KbEntrySchema.safeParse(e).success).toBe(true);
    const bad: unknown[] = [
      { id: "Putin", type: "PER", kind: "person", nameAr: "بوتين" }, // not a slug
      { id: "russia", type: "LOC", kind: "country", nameAr: "روسيا" }, // country id not alpha-3
      { id: "x", type: "ORG", kind: "person", nameAr: "س" }, // type/kind mismatch
      { id: "x", type: "PER", kind: "person", nameAr: "Putin" }, // not Arabic
      { id: "x", type: "PER", kind: "person", nameAr: "س", alias: ["ص"] }, // unknown field
      {
        id: "x",
        type: "PER",
        kind: "person",
        nameAr: "س",
        roles: [{ role: "president", of: "RUS" }], // role outside the vocabulary
      },
      {
        id: "x",
        type: "PER",
        kind: "person",
        nameAr: "س",
        roles: [{ role: "leader", of: "y", from: "2020", to: "2019-05" }], // ends before start
      },
      { id: "x", type: "PER", kind: "person", nameAr: "س", wikidata: "7747" },
      { id: "x", type: "LOC", kind: "city", nameAr: "س", capitalOf: "RUS" },
    ];
    for (const b of bad) expect(KbEntrySchema.safeParse(b).success, JSON.stringify(b)).toBe(false);
  });
});

describe("loadKnowledgeBase with user files", () => {
  it("adds and overrides entries by id", () => {
    useFixtureBundle(FIXTURE);
    const file = userFile([
      "# my additions",
      JSON.stringify({
        id: "yuri-ushakov",
        type: "PER",
        kind: "person",
        nameAr: "يوري أوشاكوف",
        aliases: ["أوشاكوف"],
        country: "RUS",
      }),
      "",
      JSON.stringify({
        id: "CHN",
        type: "LOC",
        kind: "country",
        nameAr: "الصين",
        aliases: ["بلاد التنين"],
      }),
    ]);
    const kb = loadKnowledgeBase({ extraFiles: [file] });
    expect(ids(kb.lookup("أوشاكوف"))).toEqual(["yuri-ushakov"]);
    expect(ids(kb.lookup("بلاد التنين"))).toEqual(["CHN"]);
    expect(kb.get("CHN")?.iso).toBe("CN"); // fields the user did not give are kept
    expect(kb.size).toBe(FIXTURE.length + 1);
    // the default KB is not affected by a load with extra files
    expect(loadKnowledgeBase().get("yuri-ushakov")).toBeUndefined();
  });

  it("caches the default KB and not the extended one", () => {
    useFixtureBundle(FIXTURE);
    const a = loadKnowledgeBase();
    expect(loadKnowledgeBase()).toBe(a);
    const file = userFile([JSON.stringify(FIXTURE[2])]);
    expect(loadKnowledgeBase({ extraFiles: [file] })).not.toBe(a);
  });

  it("rejects a bad line with an InputError naming file:line and the problem", () => {
    useFixtureBundle(FIXTURE);
    const cases: [string, RegExp][] = [
      ["{not json", /user\.jsonl:3: not valid JSON/],
      [JSON.stringify({ id: "x", type: "PER", kind: "person" }), /user\.jsonl:3 \(id x\): nameAr/],
      [
        JSON.stringify({ id: "x", type: "PER", kind: "person", nameAr: "س", country: "ZZZ" }),
        /user\.jsonl:3 \(id x\): country refers to unknown id "ZZZ"/,
      ],
    ];
    for (const [line, message] of cases) {
      const file = userFile([JSON.stringify(FIXTURE[2]), "", line]);
      let error: unknown;
      try {
        loadKnowledgeBase({ extraFiles: [file] });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).code).toBe("bad-record");
      expect((error as InputError).message).toMatch(message);
    }
  });

  it("reports a missing user file as an InputError", () => {
    useFixtureBundle(FIXTURE);
    expect(() => loadKnowledgeBase({ extraFiles: [join(tempDir(), "nope.jsonl")] })).toThrow(
      InputError,
    );
  });
});

describe("the bundled knowledge base (facts the build guarantees)", () => {
  const kb = loadKnowledgeBase();
  const all = [...kb.entries()];
  const countries = all.filter((e) => e.kind === "country");

  it("is sorted by id, one valid entry per line, with resolvable references", () => {
    const lines = gunzipSync(readFileSync(BUNDLED)).toString("utf8").trimEnd().split("\n");
    const lineIds = lines.map((l) => (JSON.parse(l) as KbEntry).id);
    expect(lineIds).toEqual([...lineIds].sort());
    expect(new Set(lineIds).size).toBe(lineIds.length);
    for (const l of lines) expect(KbEntrySchema.safeParse(JSON.parse(l)).success, l).toBe(true);
    for (const e of all) {
      for (const ref of [e.country, e.capitalOf, ...(e.roles ?? []).map((r) => r.of)]) {
        if (ref !== undefined) expect(kb.get(ref), `${e.id} → ${ref}`).toBeDefined();
      }
    }
  });

  it("keeps every id it ever shipped resolving, readable ids for actors and one entry per person", () => {
    // ids of the UniversalPetrarch actors up to 2026-12 were consonant skeletons
    expect(kb.get("up-sayb-ryqat")?.id).toBe("saib-ariqat");
    expect(kb.get("up-sayb-ryqat")?.nameAr).toBe("صائب عريقات");
    // an actor that is a curated person under a longer or titled name merges into that entry
    expect(kb.get("up-rawwl-kastrw-krwz")?.id).toBe("raul-castro");
    expect(kb.get("up-ayh-allh-ly-khamnyy")?.id).toBe("ali-khamenei");
    expect(ids(kb.lookup("راوول كاسترو كروز"))[0]).toBe("raul-castro");
    for (const e of all) {
      for (const former of e.formerIds ?? []) expect(kb.get(former)?.id, former).toBe(e.id);
      if (e.formerIds?.some((f) => f.startsWith("up-"))) expect(e.id).not.toMatch(/^up-/);
    }
  });

  it("has every ISO country with its codes and nationality adjectives", () => {
    expect(countries.length).toBeGreaterThanOrEqual(249);
    for (const c of countries) {
      expect(c.iso, c.id).toMatch(/^[A-Z]{2}$/);
      expect(c.cameo, c.id).toMatch(/^[A-Z]{3}$/);
      expect(c.adjectives?.length, c.id).toBeGreaterThan(0);
    }
    expect(kb.get("RUS")?.iso).toBe("RU");
    expect(kb.get("PSE")?.cameo).toBe("PSE");
  });

  it("resolves nationality adjectives, regular and irregular", () => {
    for (const w of ["روسي", "الروسية", "روس", "الروس", "روسيون"])
      expect(kb.adjective(w)?.id).toBe("RUS");
    for (const w of ["أمريكي", "أميركي", "الأمريكية", "الأميركيين", "الأمريكان"]) {
      expect(kb.adjective(w)?.id, w).toBe("USA");
    }
    const cases: [string, string][] = [
      ["صيني", "CHN"],
      ["الأتراك", "TUR"],
      ["البريطانية", "GBR"],
      ["الإماراتي", "ARE"],
      ["السعودية", "SAU"],
      ["اللبنانيين", "LBN"],
      ["الأوكرانية", "UKR"],
      ["الألمان", "DEU"],
      ["إيراني", "IRN"],
      ["الكوري الشمالي", "PRK"],
      ["النمساوي", "AUT"],
    ];
    for (const [w, id] of cases) expect(kb.adjective(w)?.id, w).toBe(id);
    expect(kb.adjective("المالية")).toBeUndefined(); // "financial", not Malian
    expect(kb.adjective("موسكو")).toBeUndefined();
  });

  it("links countries, capitals and their metonymy", () => {
    expect(ids(kb.lookup("الصين"))[0]).toBe("CHN");
    expect(ids(kb.lookup("عراق"))[0]).toBe("IRQ");
    expect(ids(kb.lookup("أمريكا"))[0]).toBe("USA");
    expect(ids(kb.lookup("الولايات المتحدة"))[0]).toBe("USA");
    expect(kb.capitalOf("RUS")?.nameAr).toBe("موسكو");
    expect(kb.capitalOf("USA")?.id).toBe("washington-dc");
    expect(ids(kb.lookup("واشنطن"))[0]).toBe("washington-dc");
    expect(kb.lookup("موسكو")[0]?.capitalOf).toBe("RUS");
    // Jerusalem: a city, capital of no one in the KB
    const jerusalem = kb.lookup("القدس")[0];
    expect(jerusalem?.kind).toBe("city");
    expect(jerusalem?.capitalOf).toBeUndefined();
    expect(kb.capitalOf("ISR")).toBeUndefined();
    expect(kb.capitalOf("PSE")).toBeUndefined();
    // every capital is the capital of a country, and that country finds it back
    const capitals = all.filter((e) => e.kind === "capital");
    expect(capitals.length).toBeGreaterThanOrEqual(190);
    for (const c of capitals) {
      expect(kb.get(c.capitalOf as string)?.kind, c.id).toBe("country");
      expect(kb.capitalOf(c.capitalOf as string)?.id).toBe(c.id);
    }
  });

  it("matches multi-word country names in a sentence", () => {
    const hits = kb.matchTokens(norms("زار وفد من الولايات المتحدة الأمريكية موسكو"));
    const usa = hits.find((h) => h.ids[0] === "USA");
    expect(usa).toMatchObject({ start: 3, end: 6 });
    expect(hits.some((h) => h.start === 6 && h.ids[0] === "moscow")).toBe(true);
  });
});

describe("properties", () => {
  const pieces = [
    "ال",
    "الولايات",
    "المتحدة",
    "بوتين",
    " ",
    "ـ",
    "ُ",
    "\ud800",
    "😀",
    "أ",
    "ة",
    "-",
  ];
  const text = fc.oneof(
    fc.string({ unit: "binary", maxLength: 60 }),
    fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((xs) => xs.join("")),
  );
  const kbs = [fixtureKb(), loadKnowledgeBase()];

  it("lookup, adjective, holders and capitalOf never throw", () => {
    fc.assert(
      fc.property(text, (s) => {
        for (const kb of kbs) {
          expect(Array.isArray(kb.lookup(s))).toBe(true);
          kb.adjective(s);
          kb.holders(s, s, s);
          kb.holders("head-of-state", "RUS", s);
          kb.capitalOf(s);
          kb.get(s);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("matchTokens never throws and returns ordered, non-overlapping, in-range spans", () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 30 }), (tokens) => {
        for (const kb of kbs) {
          let prev = 0;
          for (const m of kb.matchTokens(tokens)) {
            expect(m.start).toBeGreaterThanOrEqual(prev);
            expect(m.end).toBeGreaterThan(m.start);
            expect(m.end).toBeLessThanOrEqual(tokens.length);
            expect(m.ids.length).toBeGreaterThan(0);
            prev = m.end;
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
