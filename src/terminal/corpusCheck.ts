/**
 * `npm run corpus:check [directory]`: reports every corpus problem as `file:line: message` and exits
 * 1, or summarises the corpus and exits 0. The directory is the argument, else CORPUS_DIR, else the
 * shipped corpus — the one the bot would load. The bot runs the same check at start-up.
 */
import { checkCorpusDirectory, DEFAULT_CORPUS_DIR, shownPath } from '../corpus/loadCorpus.js';
import { CorpusLocationError, formatProblem } from '../corpus/problems.js';

const directory = process.argv[2] ?? (process.env.CORPUS_DIR?.trim() || DEFAULT_CORPUS_DIR);
const check = await checkCorpusDirectory(directory).catch((error: unknown) => {
  if (!(error instanceof CorpusLocationError)) throw error;
  console.error(`Corpus error: ${error.message}`);
  process.exit(1);
});
if (check.ok) {
  const { documents, knowledge } = check.corpus;
  console.log(
    `corpus ok: ${documents.length} documents, ${knowledge.parties.length} parties, ` +
      `${knowledge.timeline.length} timeline events (${shownPath(directory)})`,
  );
} else {
  for (const problem of check.problems) console.error(formatProblem(problem));
  console.error(`${check.problems.length} problem${check.problems.length === 1 ? '' : 's'} found`);
  process.exitCode = 1;
}
