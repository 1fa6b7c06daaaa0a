/**
 * `npm run corpus:check [directory]`: reports every corpus problem as `file:line: message` and exits
 * 1, or summarises the corpus and exits 0. The bot runs the same check at start-up.
 */
import { checkCorpusDirectory } from '../corpus/loadCorpus.js';
import { formatProblem } from '../corpus/problems.js';

const check = await checkCorpusDirectory(process.argv[2]);
if (check.ok) {
  const { documents, knowledge } = check.corpus;
  console.log(
    `corpus ok: ${documents.length} documents, ${knowledge.parties.length} parties, ` +
      `${knowledge.timeline.length} timeline events`,
  );
} else {
  for (const problem of check.problems) console.error(formatProblem(problem));
  console.error(`${check.problems.length} problem${check.problems.length === 1 ? '' : 's'} found`);
  process.exitCode = 1;
}
