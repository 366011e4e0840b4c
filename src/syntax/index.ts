/**
 * Light syntax: verbs by their form, agreement, and where a clause's subject stands (VSO, SVO
 * after كان, or dropped). Shared by the stages that need "who did it": coreference (salience),
 * quotations (the speaker) and events (the actor).
 */
export {
  type ClauseOptions,
  Clauses,
  hasFusedPreposition,
  type SubjectOpener,
  stripConjunction,
} from "./clauses.js";
export {
  ANAPHORIC_AFTER,
  DEMONSTRATIVES,
  FUNCTION_WORDS,
  HONORIFIC_ADDRESS,
  HONORIFICS,
  type HonorificClass,
  type HonorificOffice,
  PERSONAL_PRONOUNS,
  PREPOSITIONS,
  TIME_WORDS,
  VERB_PARTICLES,
} from "./lexicon.js";
export { type Agreement, type Gender, isVerbForm, verbAgreement } from "./verbs.js";
