/**
 * `npm run eval`: hit@1 for /quote and hit@3 for /story ask on the public evaluation set, and the
 * quote checker's precision and recall per verdict on its labelled set.
 */
import { bootstrap } from '../../src/app/bootstrap.js';
import { evaluateChecks, loadLabelled } from '../check/evaluateChecks.js';
import { evaluate, loadCases } from './evaluate.js';
import { storyRankers } from './storyRankers.js';

const router = await bootstrap();
const report = evaluate(loadCases(), storyRankers(router));
const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;
console.log(`/quote      hit@1  ${percent(report.quoteHit1)}  (${report.quoteCases} cases)`);
console.log(`/story ask  hit@3  ${percent(report.askHit3)}  (${report.askCases} cases)`);
for (const miss of report.misses) {
  console.log(
    `\nmiss: ${miss.query}\n  expected ${miss.expected.join(' or ')}\n  got      ${miss.got.join(', ') || '(nothing)'}`,
  );
}

const checks = evaluateChecks(router.story, loadLabelled());
console.log(`\nquote check, ${checks.cases} labelled quotations:`);
for (const [verdict, figures] of Object.entries(checks.perVerdict)) {
  console.log(
    `  ${verdict.padEnd(10)} precision ${percent(figures.precision).padStart(6)}  recall ${percent(figures.recall).padStart(6)}  (${figures.support} cases)`,
  );
}
console.log(`  nearest passage shown exactly when related: ${percent(checks.relatedAccuracy)}`);
for (const mistake of checks.mistakes)
  console.log(`\nmistake: ${mistake.text}\n  expected ${mistake.expected}, got ${mistake.got}`);

process.exitCode = report.misses.length === 0 && checks.mistakes.length === 0 ? 0 : 1;
