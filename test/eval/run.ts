/** `npm run eval`: hit@1 for /quote and hit@3 for /story ask on the public evaluation set. */
import { bootstrap } from '../../src/app/bootstrap.js';
import { evaluate, loadCases } from './evaluate.js';
import { storyRankers } from './storyRankers.js';

const report = evaluate(loadCases(), storyRankers(await bootstrap()));
const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;
console.log(`/quote      hit@1  ${percent(report.quoteHit1)}  (${report.quoteCases} cases)`);
console.log(`/story ask  hit@3  ${percent(report.askHit3)}  (${report.askCases} cases)`);
for (const miss of report.misses) {
  console.log(
    `\nmiss: ${miss.query}\n  expected ${miss.expected.join(' or ')}\n  got      ${miss.got.join(', ') || '(nothing)'}`,
  );
}
process.exitCode = report.misses.length === 0 ? 0 : 1;
