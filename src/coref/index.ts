/**
 * Document coreference: names, partial names, titles and descriptions, honorific pronouns and
 * organisation nominals, each added to the mentions of the entity it refers to (see resolve.ts).
 */

export { RANKS, roleNoun, SOURCE_DOCUMENTS, STATEMENT_NOUNS } from "./lexicon.js";
export { type Coreference, type CorefOptions, resolveCoreference } from "./resolve.js";
