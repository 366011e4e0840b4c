/**
 * The lookups NER features draw on (word classes, gazetteers), loaded once and shared by
 * training and tagging so that both see exactly the same features.
 */
import type { FeatureResources } from "./features.js";
import { gazetteerFeatures } from "./gazetteers.js";
import { loadWordClasses } from "./word-classes.js";

let cached: FeatureResources | undefined;

export function nerResources(): FeatureResources {
  if (!cached) {
    const classes = loadWordClasses();
    cached = {
      gazetteer: gazetteerFeatures,
      wordClasses: (norm) => classes.classIds(norm),
    };
  }
  return cached;
}
