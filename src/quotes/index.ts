/**
 * Quotations and their speakers: direct, indirect and mixed reports, attributed to the entities
 * that said them (see extract.ts for how the article is read).
 */
export { type Cue, type CueKind, cueOf } from "./cues.js";
export { extractQuotes, type QuoteOptions } from "./extract.js";
export { type QuotedSpan, quotedSpans } from "./marks.js";
export { type Found, type Speaker, SpeakerFinder } from "./speakers.js";
