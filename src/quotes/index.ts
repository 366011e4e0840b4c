/**
 * Quotations and their speakers. Lands with the quotes issue; until then the stage finds nothing.
 */
import type { Doc, Entity, Quote } from "../analysis.js";

export function extractQuotes(_doc: Doc, _entities: Entity[]): Quote[] {
  return [];
}
