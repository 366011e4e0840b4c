/**
 * Entities: links recognised names to the knowledge base and merges the mentions of one referent
 * (coreference). Lands with the entities issue; until then it passes the NER output through.
 */
import type { Doc, Entity } from "../analysis.js";

export function resolveEntities(_doc: Doc, recognized: Entity[]): Entity[] {
  return recognized;
}
