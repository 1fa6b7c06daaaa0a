import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { storyUpdate } from '../../src/answers/storyUpdate.js';
import { diffCorpus, type CorpusDiff } from '../../src/corpus/corpusDiff.js';
import { renderMessageData } from '../../src/discord/discordRenderer.js';
import { quotesShown } from '../../src/reply/model.js';
import type { Story } from '../../src/story/story.js';
import { messageText } from '../support/componentsV2.js';
import { expectWithinDiscordLimits } from '../support/discordLimits.js';
import { hostileString } from '../support/hostile.js';
import { seedStory } from '../support/seed.js';

let story: Story;
/** The difference of a corpus from itself: nothing, to add changes to. */
let NO_CHANGE: CorpusDiff;
beforeAll(async () => {
  story = await seedStory();
  NO_CHANGE = diffCorpus(story.corpus, story.corpus);
});

const render = (diff: CorpusDiff, locale?: string) =>
  renderMessageData(storyUpdate(story, diff, locale), { fingerprint: story.corpus.fingerprint });

describe('storyUpdate (the announcement of a corpus change)', () => {
  it('states each new entry in the editors’ words with its citations, and what was taken out', () => {
    const [first, second] = story.corpus.knowledge.timeline;
    const { review } = story.corpus.knowledge;
    const text = messageText(
      render({
        ...NO_CHANGE,
        addedEvents: [second!],
        removedEvents: [first!],
        reviewChanges: [
          { field: 'status', before: 'Ongoing.', after: review.status.text, fact: review.status },
        ],
      }),
    );
    expect(text).toContain('3 changes to what the bot knows');
    expect(text).toContain('Review status, updated');
    expect(text).toContain('New on the timeline · May 15, 2025');
    expect(text).toContain('Taken off the timeline\\: In the weeks following October 7, 2023');
    // The new event's citation, verbatim.
    expect(text).toContain('Microsoft said that it conducted an internal review and found');
  });

  it('speaks the language it is given (ANNOUNCE_LOCALE), quoting the sources as they are', () => {
    const event = story.corpus.knowledge.timeline[1]!;
    const text = messageText(render({ ...NO_CHANGE, addedEvents: [event] }, 'de'));
    expect(text).toContain('Die Geschichte wurde aktualisiert');
    expect(text).toContain('Neu in der Zeitleiste · 15. Mai 2025');
    expect(text).toContain('Microsoft said that it conducted an internal review and found');
  });

  it('sums up past six changes in one line', () => {
    const events = story.corpus.knowledge.timeline;
    const many = Array.from({ length: 14 }, (_, i) => events[i % events.length]!);
    const text = messageText(render({ ...NO_CHANGE, addedEvents: many }));
    expect(text).toContain('… and 8 more changes');
  });

  it('whatever changed, in any language: within Discord’s limits, pinging no one, every quote verbatim', () => {
    const { timeline, parties } = story.corpus.knowledge;
    const citations = timeline.flatMap((event) => event.citations);
    const event = fc.record({
      date: fc.constantFrom('2025-10-20', '2025-11', '2026-01-02'),
      text: fc.oneof(hostileString, fc.constantFrom(...timeline.map((e) => e.text))),
      citations: fc.subarray(citations, { maxLength: 4 }),
      tags: fc.constant([] as string[]),
    });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 16 }),
        fc.subarray([...story.corpus.documents]),
        fc.subarray([...parties]),
        fc.subarray([...timeline]),
        fc.constantFrom(undefined, 'en-US', 'de', 'fr', 'es-ES', 'es-419', 'tr'),
        (added, documents, newParties, removed, locale) => {
          const diff: CorpusDiff = {
            ...NO_CHANGE,
            addedEvents: added,
            addedDocuments: documents,
            addedParties: newParties,
            removedEvents: removed,
          };
          const reply = storyUpdate(story, diff, locale);
          for (const quote of quotesShown(reply)) {
            expect(quote.text).toBe(
              story.document(quote.documentId)?.text.slice(quote.start, quote.end),
            );
          }
          const data = render(diff, locale);
          expectWithinDiscordLimits(data);
          // A webhook no application owns may not carry interactive components.
          expect(JSON.stringify(data.components)).not.toContain('custom_id');
        },
      ),
      { numRuns: 60 },
    );
  });
});
