/**
 * Entities: links recognised names to the knowledge base, finds the names and office titles the
 * tagger missed, and merges the mentions of one referent (in-document coreference).
 */
import type { Doc, Entity } from "../analysis.js";
import { type KnowledgeBase, loadKnowledgeBase } from "./kb.js";
import { resolveEntities as resolve } from "./resolve.js";

export {
  isNameToken,
  nameKeyAt,
  type SentenceForms,
  sentenceForms,
  tokenBase,
  wordBase,
} from "./forms.js";
export {
  type KbEntry,
  KbEntrySchema,
  type KbRole,
  KnowledgeBase,
  loadKnowledgeBase,
  lowerBound,
  upperBound,
} from "./kb.js";
export { GENERIC_MODIFIERS, ORGANISATION_HEADS } from "./patterns.js";
export { RANKS, ROLE_NOUNS, type RoleNoun, roleNoun } from "./roles.js";
export { findTitles, type TitleMatch, titleHolders } from "./titles.js";

export interface EntityOptions {
  /** Extra knowledge-base files (JSONL, see data/kb/README.md) over the bundled one. */
  kb?: readonly string[] | undefined;
}

const loaded = new Map<string, KnowledgeBase>();

/** The bundled knowledge base with `files` merged over it, loaded once per list of files. */
export function knowledgeBase(files: readonly string[] = []): KnowledgeBase {
  if (files.length === 0) return loadKnowledgeBase(); // cached by the loader itself
  const key = JSON.stringify(files);
  let kb = loaded.get(key);
  if (!kb) {
    kb = loadKnowledgeBase({ extraFiles: [...files] });
    loaded.set(key, kb);
  }
  return kb;
}

/**
 * The document's entities: NER mentions linked and merged, with what the KB and office titles
 * add. Titles resolve against the article's date, or today's when it has none.
 */
export function resolveEntities(
  doc: Doc,
  recognized: Entity[],
  options: EntityOptions = {},
): Entity[] {
  return resolve(doc, recognized, {
    kb: knowledgeBase(options.kb ?? []),
    date: doc.meta.published ?? new Date().toISOString().slice(0, 10),
  });
}
