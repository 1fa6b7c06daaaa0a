import { describe, expect, it } from 'vitest';
import { formatMissReport, missReport } from '../../src/terminal/missReport.js';

const miss = (question: string, locale = 'en-US', at = '2026-12-01T10:00:00.000Z', corpus = 'c1') =>
  JSON.stringify({
    level: 30,
    time: 1,
    event: 'miss',
    command: '/story ask',
    options: { question },
    locale,
    corpus,
    at,
    msg: 'miss',
  });

describe('missReport', () => {
  it('counts the same question however it was typed, most asked first, by language', () => {
    const rows = missReport([
      miss('what did the white house say'),
      '{"level":30,"msg":"interaction answered"}',
      'not json at all "miss"',
      miss('What did the  White House say', 'de', '2026-12-02T10:00:00.000Z'),
      miss('who pays for it'),
      miss('what did the white house say', 'de', '2026-12-01T09:00:00.000Z', 'c2'),
    ]);
    expect(rows).toEqual([
      {
        asked: '/story ask question:"what did the white house say"',
        count: 3,
        locales: { 'en-US': 1, de: 2 },
        corpora: 2,
        last: '2026-12-02T10:00:00.000Z',
      },
      {
        asked: '/story ask question:"who pays for it"',
        count: 1,
        locales: { 'en-US': 1 },
        corpora: 1,
        last: '2026-12-01T10:00:00.000Z',
      },
    ]);
    expect(formatMissReport(rows)).toBe(
      [
        '3  /story ask question:"what did the white house say"  (de ×2, en-US ×1; last 2026-12-02, 2 corpus versions)',
        '1  /story ask question:"who pays for it"  (en-US ×1; last 2026-12-01)',
      ].join('\n'),
    );
  });

  it('says so when nothing was reported', () => {
    expect(formatMissReport(missReport(['{"msg":"connected"}']))).toBe('No misses reported.');
  });
});
