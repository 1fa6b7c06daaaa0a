/**
 * `npm run bench:ask`: what answering a question costs, on the seed corpus, over the public
 * questions (both sets): in a fresh process, in order (each question's new words read from
 * WordNet on disk; the first pays for opening it), a new question whose words the process has met
 * (a fresh answerer, the lexicon warm), and the same question again (a page turn). Beside it, the same questions as plain searches: our search and
 * MiniSearch's, which answer with passages only.
 */
import { createStory } from '../src/story/story.js';
import { loadCorpus } from '../src/corpus/loadCorpus.js';
import { blindQuestionsUrl, loadQuestions } from '../test/eval/evaluateQuestions.js';
import { buildMiniSearch } from './engines/minisearch.js';
import { benchCorpus, loadSeed } from './corpus/seed.js';

const ROUNDS = 5;

const corpus = await loadCorpus();
const questions = [
  ...loadQuestions(),
  ...loadQuestions(blindQuestionsUrl('questions-blind.yaml')),
].map((c) => c.q);

const timed = (run: (question: string) => unknown): number[] =>
  questions.map((question) => {
    const start = performance.now();
    run(question);
    return performance.now() - start;
  });
const percentile = (samples: readonly number[], p: number): number =>
  [...samples].sort((a, b) => a - b)[
    Math.min(samples.length - 1, Math.floor(samples.length * p))
  ] ?? NaN;

const newcomer = createStory(corpus);
const first = timed((q) => newcomer.questions.answer(q));
const fresh: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const story = createStory(corpus);
  story.questions.answer('warm');
  fresh.push(...timed((q) => story.questions.answer(q)));
}
const again: number[] = [];
const story = createStory(corpus);
timed((q) => story.questions.answer(q));
for (let round = 0; round < ROUNDS; round++) again.push(...timed((q) => story.questions.answer(q)));
const search: number[] = [];
for (let round = 0; round < ROUNDS; round++)
  search.push(...timed((q) => story.search.search(q, { limit: 5 })));
const seed = await loadSeed();
const miniSearch = await buildMiniSearch(benchCorpus(seed, seed.passages.length));
const peer: number[] = [];
for (let round = 0; round < ROUNDS; round++) peer.push(...timed((q) => miniSearch.search(q)));

const row = (name: string, samples: readonly number[]): string =>
  `| ${name.padEnd(52)} | ${percentile(samples, 0.5).toFixed(3).padStart(8)} | ${percentile(samples, 0.99).toFixed(3).padStart(8)} |`;
console.log(`/story ask on the seed corpus, ${questions.length} questions (ms):\n`);
console.log(`| ${'path'.padEnd(52)} |      p50 |      p99 |`);
console.log(`| ${'-'.repeat(52)} | -------: | -------: |`);
console.log(row('ask: fresh process, questions in order', first));
console.log(row('ask: a new question, words met before', fresh));
console.log(row('ask: the same question again', again));
console.log(row('search the question (story-bot, passages only)', search));
console.log(row('search the question (MiniSearch, passages only)', peer));
