/**
 * `npm run misses -- <log files…>`: the questions users reported the bot could not answer, most
 * asked first — what editors should add sources or entries for. Reads the bot's JSON-line logs
 * (stdin when no file is named).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { formatMissReport, missReport } from './missReport.js';

async function* linesOf(files: readonly string[]): AsyncGenerator<string> {
  const streams = files.length > 0 ? files.map((file) => createReadStream(file)) : [process.stdin];
  for (const input of streams) yield* createInterface({ input, crlfDelay: Infinity });
}

const lines: string[] = [];
try {
  for await (const line of linesOf(process.argv.slice(2))) lines.push(line);
} catch (error) {
  console.error(`Cannot read the logs: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
console.log(formatMissReport(missReport(lines)));
