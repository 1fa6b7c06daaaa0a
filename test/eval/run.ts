/**
 * `npm run eval`: hit@1 for /quote and hit@3 for /story ask on the public evaluation sets, by
 * kind of question and beside MiniSearch (a plain BM25 search) on the same cases; the abstention's
 * precision and recall; and the quote checker's precision and recall per verdict and per flag.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { commands } from '../../commands/index.js';
import { bootstrap } from '../../src/bot/bootstrap.js';
import { buildMiniSearch } from '../../bench/engines/minisearch.js';
import { benchCorpus, loadSeed } from '../../bench/corpus/seed.js';
import {
  evaluateChecks,
  FLAGS,
  LABELLED_FLAGS,
  LABELLED_FLAGS_BLIND,
  LABELLED_FLAGS_BLIND_2,
  loadLabelled,
  type CheckReport,
} from '../check/evaluateChecks.js';
import { evaluate, loadCases } from './evaluate.js';
import {
  articleQuestions,
  BLIND_QUESTION_FILES,
  blindQuestionsUrl,
  evaluateQuestions,
  HELD_BACK_FILES,
  loadQuestions,
  overall,
  type Case,
  type QuestionRanker,
  type QuestionsReport,
} from './evaluateQuestions.js';
import { storyQuestionRanker, storyRankers } from './storyRankers.js';

// `npm run eval -- --questions other.yaml` scores another questions file (a held-back set) instead.
const { values: flags } = parseArgs({ options: { questions: { type: 'string' } } });
const router = await bootstrap(commands);
const cases = loadCases();
const report = evaluate(cases, storyRankers(router));
const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;
console.log(`/quote      hit@1  ${percent(report.quoteHit1)}  (${report.quoteCases} cases)`);

// The blind sets nobody has read (HELD_BACK_FILES) are held back: their figures are shown, their
// misses are not, so they can judge the next round of changes honestly.
const sets: [name: string, cases: Case[], heldBack?: boolean][] = flags.questions
  ? [[flags.questions, loadQuestions(pathToFileURL(flags.questions))]]
  : [
      [
        'test/eval/cases.yaml (article) and questions.yaml',
        [...articleQuestions(cases.ask), ...loadQuestions()],
      ],
      ...BLIND_QUESTION_FILES.map((file): [string, Case[], boolean] => [
        `test/eval/${file}`,
        loadQuestions(blindQuestionsUrl(file)),
        HELD_BACK_FILES.includes(file),
      ]),
    ];
const seed = await loadSeed();
const miniSearch = await buildMiniSearch(benchCorpus(seed, seed.passages.length));
const searchBox: QuestionRanker = (question) => {
  const ids = miniSearch.search(question).map((hit) => hit.id);
  return [{ ids, notCovered: ids.length === 0 }];
};

const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
const figure = (r: QuestionsReport, kind: keyof QuestionsReport['byKind']): string => {
  const f = r.byKind[kind];
  return f ? `${percent(f.hits / f.cases)} (${f.hits}/${f.cases})` : '–';
};
const all = (r: QuestionsReport): string => {
  const { hits, cases } = overall(r);
  return `${percent(hits / cases)} (${hits}/${cases})`;
};
const abstention = (r: QuestionsReport): string =>
  `precision ${percent(r.abstention.precision)}, recall ${percent(r.abstention.recall)}`;

let questionMisses = 0;
for (const [name, questions, isHeldBack] of sets) {
  const ours = evaluateQuestions(questions, storyQuestionRanker(router));
  const baseline = evaluateQuestions(questions, searchBox);
  console.log(
    `\n/story ask, ${name}: hit@3 by kind (every part answered, or "not covered" said)\n`,
  );
  console.log(row(['kind', 'story-bot', 'MiniSearch']));
  console.log(row(['---', '---:', '---:']));
  for (const kind of Object.keys(ours.byKind) as (keyof QuestionsReport['byKind'])[])
    console.log(row([kind, figure(ours, kind), figure(baseline, kind)]));
  console.log(row(['all', all(ours), all(baseline)]));
  console.log(
    `\n"The sources do not cover this" (${ours.abstention.uncovered} uncovered parts): story-bot ${abstention(ours)}; MiniSearch ${abstention(baseline)}`,
  );
  questionMisses += ours.misses.length;
  if (isHeldBack === true) {
    console.log(`\nHeld back: its ${ours.misses.length} misses are not shown.`);
    continue;
  }
  for (const miss of ours.misses)
    console.log(
      `\nmiss (${miss.kind}): ${miss.question}\n  expected ${miss.expected}\n  got      ${miss.got}`,
    );
}

for (const miss of report.misses) {
  console.log(
    `\nmiss: ${miss.query}\n  expected ${miss.expected.join(' or ')}\n  got      ${miss.got.join(', ') || '(nothing)'}`,
  );
}
const checks = evaluateChecks(router.story, loadLabelled());
const figureLine = (
  name: string,
  f: CheckReport['perFlag'][keyof CheckReport['perFlag']],
): string =>
  `  ${name.padEnd(16)} precision ${percent(f.precision).padStart(6)}  recall ${percent(f.recall).padStart(6)}  (${f.support} cases)`;
console.log(`\nquote check, verdicts on test/check/labelled.yaml (${checks.cases} quotations):`);
for (const [verdict, f] of Object.entries(checks.perVerdict)) console.log(figureLine(verdict, f));
console.log(`  nearest passage shown exactly when related: ${percent(checks.relatedAccuracy)}`);
for (const mistake of checks.mistakes)
  console.log(`\nmistake: ${mistake.text}\n  expected ${mistake.expected}, got ${mistake.got}`);

// The flags: on the public set (both files), then on the held-back set, whose cases are never shown.
const flagsPublic = evaluateChecks(router.story, [
  ...loadLabelled(),
  ...loadLabelled(LABELLED_FLAGS),
]);
const flagsBlind = evaluateChecks(router.story, loadLabelled(LABELLED_FLAGS_BLIND));
const flagsBlind2 = evaluateChecks(router.story, loadLabelled(LABELLED_FLAGS_BLIND_2));
for (const [name, report] of [
  ['labelled.yaml + labelled-flags.yaml', flagsPublic],
  ['labelled-flags-blind.yaml, held back', flagsBlind],
  ['labelled-flags-blind-2.yaml, written blind', flagsBlind2],
] as const) {
  console.log(`\nquote check flags, ${name} (${report.cases} messages):`);
  for (const flag of FLAGS) console.log(figureLine(flag, report.perFlag[flag]));
  const verdicts = Object.entries(report.perVerdict)
    .map(([verdict, f]) => `${verdict} ${percent(f.recall)}`)
    .join(', ');
  console.log(`  verdict recall: ${verdicts}`);
}
for (const mistake of flagsPublic.flagMistakes)
  console.log(
    `\nflag mistake: ${mistake.text}\n  expected ${mistake.expected}, got ${mistake.got}`,
  );

process.exitCode =
  report.misses.length === 0 &&
  questionMisses === 0 &&
  checks.mistakes.length === 0 &&
  flagsPublic.flagMistakes.length === 0
    ? 0
    : 1;
