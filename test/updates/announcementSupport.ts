import { afterEach } from 'vitest';
import { FakeDiscord } from '../e2e/support/fakeDiscord.js';

/** The smallest announcement a webhook takes: one Components V2 text display, pinging no one. */
export const ANNOUNCEMENT = {
  components: [{ type: 10, content: 'The story has been updated' }],
  flags: 1 << 15,
  allowed_mentions: { parse: [] },
};

/** A fake Discord per test, closed after it. */
export function fakeDiscordPerTest(): (
  options?: Parameters<typeof FakeDiscord.start>[0],
) => Promise<FakeDiscord> {
  let fake: FakeDiscord | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });
  return async (options) => {
    fake = await FakeDiscord.start(options);
    return fake;
  };
}
