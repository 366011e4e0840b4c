/**
 * `marsad kb lookup NAME`: what a name, a nationality adjective or an office title resolves to in
 * the knowledge base on a date, as the entity linker would resolve it.
 */
import {
  findTitles,
  isNameToken,
  type KbEntry,
  knowledgeBase,
  nameKeyAt,
  sentenceForms,
  titleHolders,
} from "../entities/index.js";
import { InputError } from "../errors.js";
import { tokenize } from "../text/index.js";

export interface KbLookupFlags {
  date?: string;
  kb?: string[];
  json?: boolean;
}

interface Match {
  /** How the query reached the entry: its name, a nationality adjective, or an office title. */
  via: "name" | "adjective" | "title";
  entry: KbEntry;
}

export function lookupName(query: string, flags: KbLookupFlags = {}): Match[] {
  const kb = knowledgeBase(flags.kb ?? []);
  const date = flags.date ?? new Date().toISOString().slice(0, 10);
  const forms = sentenceForms(tokenize(query).filter(isNameToken));
  const n = forms.raw.length;
  if (n === 0) return [];
  const title = findTitles(forms, kb).find((t) => t.start === 0 && t.end === n);
  if (title) return titleHolders(title, kb, date).map((entry) => ({ via: "title", entry }));
  const key = nameKeyAt(forms, 0, n).join(" ");
  const matches: Match[] = kb.lookup(key).map((entry) => ({ via: "name", entry }));
  const country = n === 1 ? kb.adjective(forms.raw[0] as string) : undefined;
  if (country) matches.push({ via: "adjective", entry: country });
  return matches;
}

export function runKbLookup(query: string, flags: KbLookupFlags): void {
  const matches = lookupName(query, flags);
  if (matches.length === 0)
    throw new InputError("not-found", `nothing in the knowledge base matches "${query}"`);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(matches, null, 2)}\n`);
    return;
  }
  const date = flags.date ?? "today";
  const lines = matches.map(({ via, entry }) => {
    const codes = [entry.wikidata, entry.cameo, entry.iso].filter(Boolean).join(" ");
    const how =
      via === "title"
        ? ` (holds the office on ${date})`
        : via === "adjective"
          ? " (adjective)"
          : "";
    return `${entry.id}\t${entry.type}/${entry.kind}\t${entry.nameAr}${entry.nameEn ? ` — ${entry.nameEn}` : ""}${codes ? `\t${codes}` : ""}${how}`;
  });
  process.stdout.write(`${lines.join("\n")}\n`);
}
