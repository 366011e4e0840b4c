/**
 * Political events between actors (PLOVER types). Lands with the events issue; until then the
 * stage finds nothing.
 */
import type { Doc, Entity, Event, TimeExpression } from "../analysis.js";

export function extractEvents(_doc: Doc, _entities: Entity[], _times: TimeExpression[]): Event[] {
  return [];
}
