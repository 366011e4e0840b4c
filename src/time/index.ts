/**
 * Time expressions, resolved against the article's publication date. Lands with the time issue;
 * until then the stage finds nothing.
 */
import type { Doc, TimeExpression } from "../analysis.js";

export function extractTimes(_doc: Doc): TimeExpression[] {
  return [];
}
