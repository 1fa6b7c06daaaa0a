import { beforeAll, describe, expect, it } from 'vitest';
import { quoteCommand } from '../../commands/quoteCommand.js';
import type { CommandRouter } from '../../src/bot/router.js';
import type { FactBlock, Reply } from '../../src/reply/model.js';
import { quotesShown } from '../../src/reply/model.js';
import { editFile, replaceOnce, routerFor, seedFiles, seedRouter } from '../support/seed.js';

let router: CommandRouter;
beforeAll(async () => {
  router = await seedRouter();
});

const run = (line: string): Reply => router.runLine(line).reply;
const facts = (reply: Reply): FactBlock[] =>
  reply.blocks.filter((b): b is FactBlock => b.type === 'fact');

describe('/story review-status', () => {
  it('says when it was announced, by whom it is conducted, what it covers, what was promised, and the status, each cited', () => {
    const reply = run('/story review-status');
    const labels = facts(reply).map((f) => f.label);
    expect(labels[0]).toBe('Announced · August 15, 2025');
    expect(labels).toEqual(
      expect.arrayContaining(['Conducted by', 'What it covers', 'What was promised', 'Status']),
    );
    for (const fact of facts(reply)) expect(fact.citations.length, fact.label).toBeGreaterThan(0);
  });

  it('lists later developments and says as of when, from the newest source shown', () => {
    const reply = run('/story review-status');
    expect(facts(reply).some((f) => f.label === 'Later · September 25, 2025')).toBe(true);
    expect(reply.footer).toMatch(/^As of September 25, 2025/);
  });

  it('quotes the promise verbatim, typo included', () => {
    const promised = facts(run('/story review-status')).find(
      (f) => f.label === 'What was promised',
    );
    const quote = promised?.citations[0];
    expect(quote?.type === 'quote' && quote.quote.text).toBe(
      'Microsoft said it would public the findings of its review once complete.',
    );
  });

  it('GIVEN an editor adds a dated development THEN review-status shows it and the as-of date moves, with no code change', async () => {
    const files = editFile(await seedFiles(), 'later-update.md', () =>
      [
        '---',
        'id: later-update',
        'title: A later update',
        'kind: statement',
        'publisher: Microsoft',
        'published: 2026-01-20',
        'url: https://example.org/later',
        'completeness: reference',
        '---',
        '',
      ].join('\n'),
    );
    const withEvent = editFile(files, 'story.yaml', (t) =>
      replaceOnce(
        t,
        '\nreview:\n',
        '\n  - date: 2026-01-20\n    event: Microsoft published a later update on the review.\n    tags: [review]\n    cite:\n      - doc: later-update\n\nreview:\n',
      ),
    );
    const reply = routerFor(withEvent).runLine('/story review-status').reply;
    expect(facts(reply).map((f) => f.label)).toContain('Later · January 20, 2026');
    expect(reply.footer).toMatch(/^As of January 20, 2026/);
  });
});

describe('/story timeline', () => {
  it('lists events oldest first, each with a source', () => {
    const reply = run('/story timeline');
    const events = facts(reply);
    expect(events[0]?.label).toBe('In the weeks following October 7, 2023');
    expect(events.map((e) => e.label)).toEqual(
      expect.arrayContaining([
        'May 15, 2025',
        'August 6, 2025',
        'August 15, 2025',
        'September 25, 2025',
      ]),
    );
    for (const event of events) expect(event.citations.length).toBeGreaterThan(0);
  });
});

describe('/story who', () => {
  it('lists the parties with roles, paged', () => {
    const reply = run('/story who');
    expect(reply.pager?.pageCount).toBeGreaterThan(1);
    expect(facts(reply)[0]?.label).toBe('Microsoft');
  });

  it('finds a party by alias or misspelling', () => {
    expect(run('/story who name:Burling').title).toBe('Covington & Burling LLP');
    expect(run('/story who name:IMOD').title).toBe('Israel Ministry of Defense (IMOD)');
    expect(run('/story who name:Covingtn').title).toBe('Covington & Burling LLP');
  });

  it('says who exists when a name is unknown', () => {
    const reply = run('/story who name:Apple');
    expect(reply.status).toBe('empty');
    expect(reply.intro).toContain('Unit 8200');
  });
});

describe('/story sources', () => {
  it('lists every document with its completeness', () => {
    const reply = run('/story sources');
    const all = reply.blocks.filter((b) => b.type === 'source');
    expect(all.map((b) => b.type === 'source' && b.completeness)).toEqual(
      expect.arrayContaining([
        'full text',
        'excerpts, as quoted in FOX 28 Spokane',
        'referenced only (no text held)',
      ]),
    );
  });
});

describe('/quote', () => {
  it('shows a passage picked from autocomplete by its id', () => {
    const reply = run('/quote text:microsoft-2025-05-15-statement:1.3');
    expect(quotesShown(reply).map((q) => q.id)).toEqual(['microsoft-2025-05-15-statement:1.3']);
  });

  it('pages results three at a time and clamps the page', () => {
    const first = run('/quote text:Microsoft');
    expect(first.pager).toMatchObject({ page: 1, pageCount: 5 });
    expect(quotesShown(first)).toHaveLength(3);
    const last = run(`/quote text:Microsoft page:99`);
    expect(last.pager?.page).toBe(last.pager?.pageCount);
  });

  it('says only which page it is: the router stamps the command a page turn re-runs', () => {
    const invocation = { name: 'quote', options: { text: 'Microsoft speaker:guardian' } };
    const answered = quoteCommand.execute({ ...invocation, page: 2 }, router.story);
    expect(answered.pager).toEqual({ page: 2, pageCount: 5 });
    expect(router.run({ ...invocation, page: 2 }).pager).toEqual({ ...answered.pager, invocation });
  });

  it('is ephemeral when private', () => {
    expect(run('/quote text:urgent review private:true').ephemeral).toBe(true);
    expect(run('/quote text:urgent review').ephemeral).toBe(false);
  });

  it('explains an empty result and suggests dropping a filter that hid matches', () => {
    const reply = run('/quote text:urgent review speaker:The Guardian');
    expect(reply.status).toBe('empty');
    expect(reply.intro).toContain('without the source or speaker filter');
  });

  it('refuses an unknown speaker clearly', () => {
    const reply = run('/quote text:review speaker:Nobody At All');
    expect(reply).toMatchObject({ status: 'error', ephemeral: true });
    expect(reply.intro).toBe(
      'No speaker matches “Nobody At All”: pick one of the suggestions as you type, or see /story who.',
    );
  });

  it('refuses a typed source that names no document, in one line', () => {
    const reply = run('/quote text:review source:Daily Planet');
    expect(reply).toMatchObject({ status: 'error', ephemeral: true });
    expect(reply.intro).toBe(
      'No source matches “Daily Planet”: pick one of the suggestions as you type, or see /story sources.',
    );
  });

  it('takes a typed part of one document’s name as that source', () => {
    const typed = run('/quote text:review source:august 15, 2025 update');
    const picked = run('/quote text:review source:microsoft-2025-08-15-update');
    expect(typed.status).toBe('ok');
    expect(typed.blocks).toEqual(picked.blocks);
  });
});

describe('/quote autocomplete of source and speaker', () => {
  const suggest = (name: string, value: string) =>
    router.autocomplete({ name: 'quote', options: { text: 'x' } }, { name, value });

  it('suggests documents and speakers from the corpus as the user types', () => {
    expect(suggest('source', 'spokane')).toEqual([
      {
        name: "FOX 28 Spokane: Microsoft launches review into Israel's use of Azure cloud services",
        value: 'fox28-microsoft-azure-review',
      },
    ]);
    expect(suggest('speaker', 'micro')[0]).toEqual({ name: 'Microsoft', value: 'microsoft' });
  });

  it('registers no fixed choices, so the definition does not change with the corpus', () => {
    const quote = router.definitions.find((d) => d.name === 'quote');
    const options = (
      quote as { options?: { name: string; autocomplete?: boolean; choices?: unknown }[] }
    ).options;
    for (const name of ['source', 'speaker']) {
      const option = options?.find((o) => o.name === name);
      expect(option).toMatchObject({ autocomplete: true });
      expect(option?.choices).toBeUndefined();
    }
  });
});

describe('/story ask', () => {
  it('leads with the editors’ entry that answers, then the verbatim passage it cites', () => {
    const reply = run('/story ask question:Will Microsoft publish the findings?');
    expect(facts(reply)[0]?.id).toBe('review:promised');
    expect(quotesShown(reply)[0]?.text).toBe(
      'Microsoft said it would public the findings of its review once complete.',
    );
  });
});

describe('/story check', () => {
  it('GIVEN a match that starts at the end of a paragraph THEN a changed meaning is shown within its excerpt', () => {
    // Found by the replies property test (seed 451976727): the words the negation stands for
    // start in the paragraph before the rest of the match.
    const reply = router.run({
      name: 'story',
      subcommand: 'check',
      options: { quote: ' said that no Guardian article was published on August 6 and' },
    });
    const changes = reply.blocks.flatMap((b) => (b.type === 'check' ? b.meaningChanges : []));
    expect(changes).not.toEqual([]);
    for (const { source } of changes)
      for (const span of source.highlights) {
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeLessThanOrEqual(source.text.length);
        expect(span.end).toBeGreaterThan(span.start);
      }
  });
});

describe('command errors', () => {
  it('names unknown commands and missing options', () => {
    expect(run('/nope').intro).toContain('Unknown command “/nope”');
    expect(run('/quote').intro).toContain('needs text:');
    expect(run('/story').intro).toContain('needs one of: review-status');
  });
});
