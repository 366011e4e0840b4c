/**
 * `--format text`: an Analysis as a report for a person at a terminal. Colours only on a TTY
 * (picocolors also honours NO_COLOR and FORCE_COLOR).
 */
import { createColors } from "picocolors";
import type { Analysis, Entity, Quote } from "../analysis.js";

export function formatReport(analysis: Analysis, color: boolean): string {
  const c = createColors(color);
  const out: string[] = [];
  const { meta } = analysis;
  const heading = (title: string, count?: number) =>
    c.bold(c.cyan(`── ${title}${count === undefined ? "" : ` (${count})`} `)) +
    c.dim("─".repeat(20));

  if (analysis.id) out.push(c.dim(`id ${analysis.id}`));
  if (meta.title) out.push(c.bold(meta.title));
  const facts = [
    meta.published && `published ${meta.published}`,
    `language ${meta.language}`,
    meta.author && `by ${meta.author}`,
    meta.siteName,
    meta.url,
  ].filter(Boolean);
  out.push(c.dim(facts.join(" · ")));
  if (meta.dateline) {
    const { place, agency } = meta.dateline;
    out.push(
      `dateline: ${[place && `place ${c.bold(place)}`, agency && `agency ${c.bold(agency)}`].filter(Boolean).join(", ")}`,
    );
  }

  out.push("", heading("text", analysis.sentences.length));
  out.push(highlightDateline(analysis, c.yellow));

  if (analysis.removed.length) {
    out.push("", heading("removed page chrome", analysis.removed.length));
    for (const r of analysis.removed) out.push(`  ${c.dim(r.reason.padEnd(16))} ${r.text}`);
  }

  out.push("", heading("entities", analysis.entities.length));
  for (const e of analysis.entities) out.push(`  ${entityLine(e, c.dim)}`);

  out.push("", heading("quotes", analysis.quotes.length));
  for (const [speaker, quotes] of groupQuotes(analysis)) {
    out.push(`  ${c.bold(speaker)}`);
    for (const q of quotes) {
      const content = analysis.text.slice(q.start, q.end);
      const how = q.cue ? `${q.kind} · ${q.cue.text}` : q.kind;
      out.push(`    ${c.dim(`[${how}]`)} ${content}`);
    }
  }

  out.push("", heading("times", analysis.times.length));
  for (const t of analysis.times) {
    out.push(
      `  ${t.text}  ${c.dim("→")} ${t.type} ${c.bold(t.value)}${t.resolved ? c.dim(` (${t.resolved})`) : ""}`,
    );
  }

  out.push("", heading("events", analysis.events.length));
  const names = new Map(analysis.entities.map((e) => [e.id, e.name]));
  for (const ev of analysis.events) {
    const who = (id?: string | null) => (id ? (names.get(id) ?? id) : "?");
    out.push(
      `  ${c.bold(ev.type)} ${who(ev.source)} → ${who(ev.target)}${ev.date ? c.dim(` ${ev.date}`) : ""}`,
    );
  }
  return `${out.join("\n")}\n`;
}

function highlightDateline(analysis: Analysis, mark: (s: string) => string): string {
  const d = analysis.meta.dateline;
  if (!d) return analysis.text;
  const { text } = analysis;
  return text.slice(0, d.start) + mark(text.slice(d.start, d.end)) + text.slice(d.end);
}

function entityLine(e: Entity, dim: (s: string) => string): string {
  const forms = [...new Set(e.mentions.map((m) => m.text))];
  const link = e.kb ? dim(` [${[e.kb.id, e.kb.wikidata].filter(Boolean).join(" ")}]`) : "";
  return `${e.type.padEnd(4)} ${e.name}${e.nameEn ? dim(` (${e.nameEn})`) : ""}${link} ${dim(`× ${e.mentions.length}: ${forms.join("، ")}`)}`;
}

/** Quotes by speaker, in order of first appearance; unattributed ones last. */
function groupQuotes(analysis: Analysis): Map<string, Quote[]> {
  const names = new Map(analysis.entities.map((e) => [e.id, e.name]));
  const groups = new Map<string, Quote[]>();
  const unknown: Quote[] = [];
  for (const q of analysis.quotes) {
    const speaker = q.speaker ? (names.get(q.speaker) ?? q.speaker) : q.speakerText;
    if (!speaker) {
      unknown.push(q);
      continue;
    }
    const list = groups.get(speaker) ?? [];
    list.push(q);
    groups.set(speaker, list);
  }
  if (unknown.length) groups.set("(speaker unknown)", unknown);
  return groups;
}
