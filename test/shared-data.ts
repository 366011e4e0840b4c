/**
 * Where the tests find the project's shared read-only data: ../shared beside the checkout, as on
 * every developer's machine and in CI. Tests that read it skip when it is absent (README,
 * Development), so a checkout on its own still passes. MARSAD_SHARED points the tests elsewhere,
 * e.g. at a missing folder to check that they do skip:
 *
 *   MARSAD_SHARED=/nonexistent npx vitest run
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

export const SHARED_DIR = resolve(
  process.env.MARSAD_SHARED ?? join(import.meta.dirname, "..", "..", "shared"),
);

/** The path of a file or folder under ../shared. */
export function sharedPath(relative: string): string {
  return join(SHARED_DIR, relative);
}

/** Whether all these files or folders under ../shared are there. */
export function hasShared(...relatives: string[]): boolean {
  return relatives.every((r) => existsSync(sharedPath(r)));
}

/** The canonical example article and its gold analysis. */
export const SEED_TEXT = sharedPath("seed/putin-xi-call.txt");
export const SEED_GOLD = sharedPath("seed/putin-xi-call.gold.json");
export const HAS_SEED = existsSync(SEED_TEXT) && existsSync(SEED_GOLD);
