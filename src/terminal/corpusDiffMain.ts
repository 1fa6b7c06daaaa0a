/**
 * `npm run corpus:diff -- <git ref> [directory] [--json | --announcement]`: what changed in the
 * corpus between a past revision and the working tree, in the editors' terms, for editors to review
 * before they publish; `--announcement` prints the announcement followers will get for it. The
 * directory is the argument, else CORPUS_DIR, else the shipped corpus (as for corpus:check). Both
 * sides are checked like corpus:check; anything that stops the comparison is one line on stderr
 * and exit 1.
 */
import { stat } from 'node:fs/promises';
import { checkCorpus, type CorpusCheck } from '../corpus/corpus.js';
import { diffCorpus, isEmptyDiff } from '../corpus/corpusDiff.js';
import { storyUpdate } from '../answers/storyUpdate.js';
import { createStory } from '../story/story.js';
import { renderTerminal } from './terminalRenderer.js';
import type { Corpus } from '../corpus/corpusTypes.js';
import { checkCorpusDirectory, DEFAULT_CORPUS_DIR, shownPath } from '../corpus/loadCorpus.js';
import { CorpusLocationError, formatProblem } from '../corpus/problems.js';
import { corpusDiffJson, formatCorpusDiff } from './corpusDiffReport.js';
import { CorpusRevisionError, readCorpusFilesAt } from './corpusRevision.js';

const USAGE = 'Usage: npm run corpus:diff -- <git ref> [directory] [--json | --announcement]';
const FLAGS = ['--json', '--announcement'];

/** Stops the comparison: its message is the one line the editor sees. */
class DiffStop extends Error {}

function parseArguments(args: readonly string[]): {
  ref: string;
  directory: string;
  json: boolean;
  announcement: boolean;
} {
  const unknown = args.find((arg) => arg.startsWith('-') && !FLAGS.includes(arg));
  if (unknown !== undefined) throw new DiffStop(`Unknown option '${unknown}'. ${USAGE}`);
  if (FLAGS.every((flag) => args.includes(flag))) throw new DiffStop(USAGE);
  const positional = args.filter((arg) => !FLAGS.includes(arg));
  const [ref, directory, extra] = positional;
  if (ref === undefined || ref === '' || extra !== undefined) throw new DiffStop(USAGE);
  return {
    ref,
    directory: directory ?? (process.env.CORPUS_DIR?.trim() || DEFAULT_CORPUS_DIR),
    json: args.includes('--json'),
    announcement: args.includes('--announcement'),
  };
}

/** Prints a side's problems like corpus:check, naming the side; the corpus when there are none. */
function reported(check: CorpusCheck, side: string): Corpus | undefined {
  if (check.ok) return check.corpus;
  for (const problem of check.problems) console.error(formatProblem(problem));
  const count = check.problems.length;
  console.error(`${count} problem${count === 1 ? '' : 's'} found in ${side}`);
  return undefined;
}

async function main(args: readonly string[]): Promise<number> {
  const { ref, directory, json, announcement } = parseArguments(args);
  const exists = await stat(directory).then(
    (found) => found.isDirectory(),
    () => false,
  );
  if (!exists) throw new DiffStop(`Corpus error: ${shownPath(directory)}: no such directory`);

  const pastFiles = await readCorpusFilesAt(ref, directory);
  const present = await checkCorpusDirectory(directory).catch((error: unknown) => {
    if (error instanceof CorpusLocationError) throw new DiffStop(`Corpus error: ${error.message}`);
    throw error;
  });
  const before = reported(checkCorpus(pastFiles), `the corpus at ${ref}`);
  const after = reported(present, `the working tree's corpus (${shownPath(directory)})`);
  if (!before || !after) return 1;

  const diff = diffCorpus(before, after);
  if (announcement) {
    // What a running bot would post for this change (the same reply, drawn for a terminal).
    console.log(
      isEmptyDiff(diff)
        ? 'No changes: nothing would be announced.'
        : renderTerminal(storyUpdate(createStory(after), diff), { color: false }),
    );
  } else if (json) console.log(JSON.stringify(corpusDiffJson(diff)));
  else for (const line of formatCorpusDiff(diff)) console.log(line);
  return 0;
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  if (!(error instanceof DiffStop || error instanceof CorpusRevisionError)) throw error;
  console.error(error.message);
  return 1;
});
