import type { APIActionRowComponent, APIButtonComponentWithCustomId } from 'discord-api-types/v10';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandRouter } from '../../src/bot/router.js';
import {
  pagedCommandFromFooter,
  pageSignature,
  parsePageButtonId,
} from '../../src/discord/pageTurns.js';
import {
  renderInteractionResponse,
  renderUpdateResponse,
} from '../../src/discord/discordRenderer.js';
import { escapeMarkdown } from '../../src/discord/markdown.js';
import { expectWithinDiscordLimits } from '../support/discordLimits.js';
import { seedRouter } from '../support/seed.js';

let router: CommandRouter;
beforeAll(async () => {
  router = await seedRouter();
});
const render = (line: string) =>
  renderInteractionResponse(router.runLine(line).reply, { fingerprint: 'abc' });

describe('escapeMarkdown', () => {
  it('neutralises formatting, links and mentions', () => {
    expect(escapeMarkdown('**x** <@123> @everyone [a](b)')).toBe(
      '\\*\\*x\\*\\* \\<\\@123\\> \\@everyone \\[a\\]\\(b\\)',
    );
    expect(escapeMarkdown('# title\n- item\n1. one')).toBe('\\# title\n\\- item\n\\1. one');
  });
});

describe('Discord rendering', () => {
  it('renders a quote with the matched words in bold, speaker, kind and a source link', () => {
    const description = render('/quote text:urgent review').data.embeds?.[0]?.description ?? '';
    expect(description).toContain(
      '> Microsoft appreciates that The Guardian’s recent report raises additional and precise allegations that merit a full and **urgent review**',
    );
    expect(description).toContain('— **Microsoft**, direct quote · [August 15, 2025 update');
    expect(description).toContain('quoted in [FOX 28 Spokane](https://www.fox28spokane.com/');
  });

  it('escapes user input echoed back and disables every mention', () => {
    const body = render('/quote text:@everyone <@123456789012345678> **x**');
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
    expect(body.data.embeds?.[0]?.description).toContain(
      '\\@everyone \\<\\@123456789012345678\\> \\*\\*x\\*\\*',
    );
  });

  it('puts review-status facts in fields within Discord’s limits', () => {
    const body = render('/story review-status');
    expectWithinDiscordLimits(body.data);
    expect(body.data.embeds?.[0]?.fields?.map((f) => f.name)).toContain('Conducted by');
  });

  it('leads a quote check with a changed meaning and a wrong speaker, before the verdict and its similarity', () => {
    const description =
      render(
        '/story check quote:The Guardian wrote "Microsoft provided unlimited emergency support to the Israeli government"',
      ).data?.embeds?.[0]?.description ?? '';
    const lines = description.split('\n');
    expect(lines[0]).toBe(
      '⛔ **Changes the meaning.** The source says “…IMOD, Microsoft provided **limited** emergency support to…”; the message has the opposite, “unlimited”.',
    );
    expect(lines[1]).toBe("⛔ **Wrong speaker.** These are Microsoft's words, not The Guardian's.");
    expect(lines[2]).toMatch(/^⚠️ \*\*Close, not verbatim\*\*: .* \(similarity \d+%\)\.$/);
  });

  it('says nothing first when the message gives the right speaker the right words', () => {
    const description =
      render('/story check quote:Microsoft wrote "a full and urgent review"').data?.embeds?.[0]
        ?.description ?? '';
    expect(description).toMatch(/^✅ \*\*Verbatim\*\*/);
  });

  it('makes replies ephemeral only when asked', () => {
    expect(render('/quote text:urgent review private:true').data.flags).toBe(64);
    expect(render('/quote text:urgent review').data.flags).toBeUndefined();
  });

  it('adds Previous/Next buttons whose ids and footer let any process re-run the page', () => {
    const body = render('/quote text:Microsoft');
    const row = body.data.components?.[0] as APIActionRowComponent<APIButtonComponentWithCustomId>;
    expect(row.components.map((b) => b.label)).toEqual(['◀ Previous', 'Next ▶']);
    expect(row.components.map((b) => b.disabled)).toEqual([true, false]);
    const footer = body.data.embeds?.[0]?.footer?.text;
    expect(footer).toBe('Page 1 of 5 · /quote text:"Microsoft"');
    const next = parsePageButtonId(row.components[1]?.custom_id ?? '');
    const command = pagedCommandFromFooter(footer);
    expect(next?.page).toBe(2);
    expect(command).toEqual({ name: 'quote', options: { text: 'Microsoft' } });
    expect(next?.signature).toBe(pageSignature(command!, 'abc'));
  });

  it('a page turn updates the message (type 7) without flags', () => {
    const body = renderUpdateResponse(router.runLine('/quote text:Microsoft page:2').reply, {
      fingerprint: 'abc',
    });
    expect(body.type).toBe(7);
    expect(body.data && 'flags' in body.data).toBe(false);
  });

  it('never sends an empty embed: no result gets a message saying what was searched', () => {
    const embed = render('/quote text:zebra').data.embeds?.[0];
    expect(embed?.description).toContain('Nothing in the sources matches “zebra”');
  });
});
