/**
 * The `marsad` command line. Every user error ends as one line on stderr and a non-zero exit,
 * never a stack trace.
 */
import { Command, CommanderError, Option } from "commander";
import { describeError, isInputError } from "../errors.js";
import type { AnalyzeOptions } from "../index.js";
import { analyzeJsonl, analyzeSourceOrBatch } from "./batch.js";
import { type EventsFlags, runEvents } from "./events.js";
import { registerExportCommand } from "./export.js";
import { runKbLookup } from "./kb.js";
import { nerModel, runEvalNer, runNer, runTrainNer } from "./ner.js";
import { dateOption, positiveNumber, whole } from "./options.js";
import { registerQueueCommands } from "./queue.js";
import { formatReport } from "./report.js";
import { registerServeCommand } from "./serve.js";
import { registerStoreCommands } from "./store.js";
import { runTime } from "./time.js";

const VERSION = "0.1.0";

interface AnalyzeFlags {
  date?: string;
  format: "json" | "text";
  jsonl?: string;
  tokens?: boolean;
  timeout: number;
  maxBytes: number;
  kb?: string[];
  ner?: string;
}

function buildProgram(): Command {
  const program = new Command()
    .name("marsad")
    .description(
      "Arabic news to structured knowledge: who is mentioned, who said what, when, who did what to whom.",
    )
    .version(VERSION)
    .configureOutput({
      outputError: (message, write) => write(`marsad: ${message.replace(/^error: /, "")}`),
    })
    .exitOverride();

  const analyzeCommand = program
    .command("analyze")
    .description(
      "analyse one article (a file, a URL or - for stdin), or a JSONL batch with --jsonl",
    )
    .argument("[source]", "file path, http(s) URL, or - for standard input")
    .option("--date <YYYY-MM-DD>", "publication date to use when the page gives none", dateOption)
    .addOption(
      new Option("--format <format>", "output format").choices(["json", "text"]).default("json"),
    )
    .option(
      "--jsonl <file>",
      "batch: one JSON article per line ({ id, text | html, url?, date? }); - for stdin",
    )
    .option("--tokens", "include tokens with clitic segments in the output");
  withReadingOptions(analyzeCommand).action(runAnalyze);

  const eventsCommand = program
    .command("events")
    .description(
      "who did what to whom in an article (a file, a URL or - for stdin), or in a JSONL batch with --jsonl",
    )
    .argument("[source]", "file path, http(s) URL, or - for standard input")
    .option("--date <YYYY-MM-DD>", "publication date to use when the page gives none", dateOption)
    .option("--json", "print the events[] array of the analysis (every status)")
    .option("--all", "list negated, future and hypothetical events too, not only realised ones")
    .option(
      "--jsonl <file>",
      "batch: lines of articles ({ id, text | html | url, date? }) or of analyze --jsonl output → { id, events }; - for stdin",
    );
  withReadingOptions(eventsCommand).action((source: string | undefined, flags: EventsFlags) =>
    runEvents(source, flags, analyzeOptions(flags)),
  );

  program
    .command("kb")
    .description("the knowledge base of people, organisations and places")
    .command("lookup")
    .description("what a name, nationality adjective or office title resolves to")
    .argument("<name>", 'e.g. بوتين, الروسية, "الرئيس الصيني"')
    .option("--date <YYYY-MM-DD>", "the date offices are resolved on (default: today)", dateOption)
    .option("--kb <files...>", "knowledge-base files (JSONL) over the bundled one")
    .option("--json", "print the matching entries as JSON")
    .action(runKbLookup);

  program
    .command("time")
    .description("the time expressions of a text, resolved against a date (TIMEX3 values)")
    .argument("[text...]", "the text (quote it), or - for standard input")
    .option("--date <YYYY-MM-DD>", "the reference date (e.g. the publication date)", dateOption)
    .addOption(
      new Option(
        "--bare-dates <convention>",
        "weekdays, day-months and months with no year or relative word: the most recent (past, default) or the next (forward)",
      ).choices(["past", "forward"]),
    )
    .addOption(
      new Option("--weekdays <convention>", "the former name of --bare-dates").choices([
        "past",
        "forward",
      ]),
    )
    .addOption(
      new Option("--clock <reading>", "clock times as written (phrase) or on the date (article)")
        .choices(["phrase", "article"])
        .default("phrase"),
    )
    .option("--json", "print the times as JSON")
    .option("--jsonl <file>", "batch: lines { id, text, date } → { id, times }; - for stdin")
    .action(runTime);

  program
    .command("ner")
    .description(
      "tag a pre-tokenised CoNLL file (one token per line, blank line between sentences)",
    )
    .requiredOption("--conll <file>", "the input; - for stdin. Output: token<TAB>TAG lines")
    .option(
      "--model <model>",
      "neural (default), perceptron, or a model file trained with `marsad train ner`",
    )
    .action((flags: { conll: string; model?: string }) => runNer(flags.conll, flags));

  program
    .command("eval")
    .description("score a component against gold data")
    .command("ner")
    .description("exact-span precision, recall and F1 per type and micro overall")
    .requiredOption("--gold <file>", "CoNLL file with gold BIO tags in the last column")
    .option(
      "--model <model>",
      "neural (default), perceptron, or a model file trained with `marsad train ner`",
    )
    .option("--json", "print the scores as JSON")
    .action(runEvalNer);

  program
    .command("train")
    .description("train a model")
    .command("ner")
    .description("train an NER tagger on CoNLL files with BIO tags")
    .requiredOption("--data <files...>", "training files")
    .requiredOption("--out <file>", "where to write the model")
    .addOption(
      new Option("--kind <kind>", "neural (BiLSTM-CRF with a perceptron partner) or perceptron")
        .choices(["neural", "perceptron"])
        .default("neural"),
    )
    .option(
      "--epochs <n>",
      "passes over the data (default: 7 neural, 8 perceptron)",
      positiveNumber,
    )
    .option(
      "--ensemble <n>",
      "perceptrons averaged into the model (the shipped one uses 3)",
      positiveNumber,
      3,
    )
    .option(
      "--window <n>",
      "sentences each side that form a document for the second pass; 0 = one pass",
      whole,
      20,
    )
    .option("--dev <file>", "held-out CoNLL file: fits confidences and reports F1")
    .action(runTrainNer);

  registerStoreCommands(program);
  registerExportCommand(program);
  registerServeCommand(program);
  registerQueueCommands(program);
  return program;
}

/** The options for reading and analysing an article that `analyze` and `events` share. */
function withReadingOptions(command: Command): Command {
  return command
    .option("--timeout <seconds>", "URL fetch timeout", positiveNumber, 20)
    .option("--max-bytes <n>", "largest input read, in bytes", positiveNumber, 10 * 1024 * 1024)
    .option(
      "--kb <files...>",
      "knowledge-base files (JSONL) that add to or override the bundled one",
    )
    .option(
      "--ner <model>",
      "NER model: neural (default), perceptron (about 5× faster, less accurate) or a model file",
    );
}

/** The analysis options that `analyze` and `events` share. */
function analyzeOptions(
  flags: Pick<AnalyzeFlags, "date" | "tokens" | "timeout" | "maxBytes" | "kb" | "ner">,
): AnalyzeOptions {
  if (flags.ner) nerModel(flags.ner); // a wrong model name fails before any input is read
  return {
    ...(flags.date ? { date: flags.date } : {}),
    ...(flags.tokens ? { tokens: true } : {}),
    ...(flags.kb ? { kb: flags.kb } : {}),
    ...(flags.ner ? { ner: flags.ner } : {}),
    fetch: { timeoutMs: flags.timeout * 1000 },
    maxBytes: flags.maxBytes,
  };
}

async function runAnalyze(source: string | undefined, flags: AnalyzeFlags): Promise<void> {
  const analysis = await analyzeSourceOrBatch(
    source,
    flags.jsonl,
    analyzeOptions(flags),
    analyzeJsonl,
    "analyse",
  );
  if (!analysis) return;
  const out =
    flags.format === "text"
      ? formatReport(analysis, process.stdout.isTTY === true)
      : `${JSON.stringify(analysis, null, 2)}\n`;
  process.stdout.write(out);
}

async function main(argv: string[]): Promise<number> {
  // Output piped into `head` and the like: stop quietly when the reader goes away.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    process.stderr.write(`marsad: ${describeError(error)}\n`);
    if (!isInputError(error) && process.env.MARSAD_DEBUG) console.error(error);
    return isInputError(error) ? 1 : 70;
  }
}

process.exitCode = await main(process.argv);
