/**
 * `npm run cli -- "<command as typed in Discord>" [--json] [--locale de]`: prints the reply (the
 * bot's own words in that Discord locale's language; quotes stay English). With --json and no
 * command, reads one command per line from stdin and writes one JSON object per line, in order.
 * With --explain "<question>", prints how `/story ask` read and answered it instead.
 * stdout carries only replies; logs go to stderr. Exits 1 when any reply is an error (an unknown
 * command, a missing option, "slow down"), 2 on a misused flag.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { commands } from '../../commands/index.js';
import { bootstrap } from '../bot/bootstrap.js';
import { CorpusError, CorpusLocationError } from '../corpus/problems.js';
import { renderTerminal } from './terminalRenderer.js';
import { helpReply, helpText } from './console.js';
import { formatExplanation } from './explainReport.js';
import { jsonResult } from './jsonResult.js';

const usage = `Usage:
  npm run cli -- "/quote text:urgent review"          print the reply as text
  npm run cli -- --json "/story review-status"        print {command, ok, response, passages}
  printf '/story timeline\\n' | npm run cli -- --json  one JSON object per input line
  npm run cli -- --locale de "/story review-status"  the bot's own words in German
  npm run cli -- --explain "who runs the review"     how /story ask reads and answers it
Options: --json, --explain, --locale <Discord locale: de, fr, es-ES, es-419, tr…>,
  --corpus <dir> (default: CORPUS_DIR, else corpus/), --help
Exit code: 0; 1 when a reply is an error; 2 on a misused flag.`;

function parseCommandLineArguments(): ReturnType<typeof parse> {
  try {
    return parse();
  } catch (error) {
    // An unknown flag or a missing value: say which, with the usage, not a stack trace.
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
}

function parse() {
  return parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      corpus: { type: 'string' },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
}

const { values, positionals } = parseCommandLineArguments();

if (values.help) {
  console.log(usage);
  process.exit(0);
}

let router;
try {
  // Like the bot: --corpus, else CORPUS_DIR, else the shipped corpus.
  router = await bootstrap(
    commands,
    values.corpus ?? (process.env.CORPUS_DIR?.trim() || undefined),
  );
} catch (error) {
  if (error instanceof CorpusLocationError) console.error(`Corpus error: ${error.message}`);
  else if (error instanceof CorpusError) console.error(error.message);
  else throw error;
  process.exit(1);
}

if (values.explain) {
  const question = positionals.join(' ').trim();
  if (question === '' || values.json) {
    console.error(`--explain takes a question (and no --json)\n\n${usage}`);
    process.exit(2);
  }
  console.log(formatExplanation(question, router.story.questions.explain(question)));
  process.exit(0);
}

const fingerprint = router.story.corpus.fingerprint;
/** Whether any reply was an error: the exit code says so, for scripts. */
let failed = false;
const answer = (line: string): string => {
  // /help is the terminal's own, not a Discord command; in --json it is a reply like any other.
  if (/^\/?help$/.test(line.trim())) {
    return values.json
      ? JSON.stringify(jsonResult(line, { reply: helpReply(router) }, fingerprint))
      : helpText(router);
  }
  const routed = router.runLine(line, values.locale);
  failed ||= routed.reply.status === 'error';
  return values.json
    ? JSON.stringify(jsonResult(line, routed, fingerprint))
    : renderTerminal(routed.reply, { color: process.stdout.isTTY === true });
};

if (positionals.length > 0) {
  console.log(answer(positionals.join(' ')));
} else {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    console.log(answer(line));
    if (!values.json) console.log('');
  }
}
process.exitCode = failed ? 1 : 0;
