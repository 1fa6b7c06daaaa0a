import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandRouter } from '../../src/bot/router.js';
import {
  pagedCommandFromTexts,
  pageSignature,
  parsePageButtonId,
} from '../../src/discord/pageTurns.js';
import {
  renderInteractionResponse,
  renderUpdateResponse,
} from '../../src/discord/discordRenderer.js';
import { escapeMarkdown } from '../../src/discord/markdown.js';
import { buttons, messageText, textDisplays } from '../support/componentsV2.js';
import { expectWithinDiscordLimits } from '../support/discordLimits.js';
import { seedRouter } from '../support/seed.js';

let router: CommandRouter;
beforeAll(async () => {
  router = await seedRouter();
});
const render = (line: string, locale?: string) =>
  renderInteractionResponse(router.runLine(line, locale).reply, { fingerprint: 'abc' });

const V2 = 1 << 15;

describe('escapeMarkdown', () => {
  it('neutralises formatting, links and mentions', () => {
    expect(escapeMarkdown('**x** <@123> @everyone [a](b)')).toBe(
      '\\*\\*x\\*\\* \\<\\@123\\> \\@everyone \\[a\\]\\(b\\)',
    );
    expect(escapeMarkdown('# title\n- item\n1. one')).toBe('\\# title\n\\- item\n1\\. one');
  });
});

describe('Discord rendering (Components V2)', () => {
  it('answers with one container and no content or embeds, flagged IsComponentsV2', () => {
    const { data } = render('/quote text:urgent review');
    expect(data.flags).toBe(V2);
    expect(data.content).toBeUndefined();
    expect(data.embeds).toBeUndefined();
    expect(data.components?.[0]?.type).toBe(17);
    expect(data.components?.filter((c) => (c.type as number) === 17)).toHaveLength(1);
    expectWithinDiscordLimits(data);
  });

  it('shows each passage as a section: the quote, its attribution, and a Source ↗ button at the words', () => {
    const { data } = render('/quote text:urgent review');
    const container = data.components?.[0] as unknown as { components: Record<string, unknown>[] };
    const section = container.components.find((c) => c.type === 9) as {
      components: { content: string }[];
      accessory: { style: number; label: string; url: string };
    };
    expect(section.components.map((c) => c.content)).toEqual([
      '> Microsoft appreciates that The Guardian’s recent report raises additional and precise allegations that merit a full and **urgent review**',
      "— **Microsoft**, direct quote · August 15, 2025 update to Microsoft's statement on the issues relating to technology services in Israel and Gaza (Microsoft, August 15, 2025) · quoted in FOX 28 Spokane",
    ]);
    expect(section.accessory).toMatchObject({ style: 5, label: 'Source ↗' });
    // The statement's words were read in the FOX 28 article: the link opens it at them.
    expect(section.accessory.url).toBe(
      'https://www.fox28spokane.com/microsoft-launches-review-into-israels-use-of-azure-cloud-services#:~:text=Microsoft%20appreciates%20that%20The,full%20and%20urgent%20review',
    );
  });

  it('colours the container by outcome', () => {
    const color = (line: string): unknown =>
      (render(line).data.components?.[0] as { accent_color?: number }).accent_color;
    const answer = color('/quote text:urgent review');
    const empty = color('/quote text:zebra');
    const error = color('/quote text:x source:missing');
    const verbatim = color('/story check quote:Microsoft said it would public the findings');
    const close = color(
      '/story check quote:we believe Microsoft has violated these Commitments in Israel and Gaza',
    );
    const notFound = color('/story check quote:the moon is made of cheese entirely');
    expect(new Set([answer, empty, error, verbatim, close, notFound]).size).toBe(6);
  });

  it('escapes user input echoed back and disables every mention', () => {
    const { data } = render('/quote text:@everyone <@123456789012345678> **x**');
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(messageText(data)).toContain('\\@everyone \\<\\@123456789012345678\\> \\*\\*x\\*\\*');
  });

  it('lists review-status facts with their citations within Discord’s limits', () => {
    const { data } = render('/story review-status');
    expectWithinDiscordLimits(data);
    const text = messageText(data);
    expect(text).toContain('## Review status');
    expect(text).toContain('**Conducted by**: The law firm Covington & Burling LLP');
    expect(text).toContain('Covington and Buling LLP');
    expect(text).toMatch(/-# As of September 25, 2025/);
  });

  it('leads a quote check with a changed meaning and a wrong speaker, before the verdict and its similarity', () => {
    const { data } = render(
      '/story check quote:The Guardian wrote "Microsoft provided unlimited emergency support to the Israeli government"',
    );
    const check = textDisplays(data.components).find((text) => text.startsWith('⛔')) ?? '';
    const lines = check.split('\n');
    expect(lines[0]).toBe(
      '⛔ **Changes the meaning.** The source says “…IMOD, Microsoft provided **limited** emergency support to…”; the message has the opposite, “unlimited”.',
    );
    expect(lines[1]).toBe("⛔ **Wrong speaker.** These are Microsoft's words, not The Guardian's.");
    expect(lines[2]).toMatch(/^⚠️ \*\*Close, not verbatim\*\*: .* \\\(similarity \d+%\\\)\.$/);
  });

  it('says nothing first when the message gives the right speaker the right words', () => {
    const texts = textDisplays(
      render('/story check quote:Microsoft wrote "a full and urgent review"').data.components,
    );
    expect(texts.some((text) => text.includes('⛔'))).toBe(false);
    expect(texts.some((text) => /^✅ \*\*Verbatim\*\*/.test(text))).toBe(true);
  });

  it('makes replies ephemeral only when asked', () => {
    expect(render('/quote text:urgent review private:true').data.flags).toBe(V2 | 64);
    expect(render('/quote text:urgent review').data.flags).toBe(V2);
  });

  it('adds Previous/Next in an action row whose ids and page line let any process re-run the page', () => {
    const { data } = render('/quote text:Microsoft');
    const row = data.components?.[1] as unknown as {
      type: number;
      components: Record<string, unknown>[];
    };
    expect(row.type).toBe(1);
    expect(row.components.map((b) => b.label)).toEqual(['◀ Previous', 'Next ▶']);
    expect(row.components.map((b) => b.disabled)).toEqual([true, false]);
    const texts = textDisplays(data.components);
    expect(texts.at(-1)?.split('\n').at(-1)).toBe('-# Page 1 of 5 · /quote text\\:"Microsoft"');
    const next = parsePageButtonId(String(row.components[1]?.custom_id));
    const command = pagedCommandFromTexts(texts);
    expect(next?.page).toBe(2);
    expect(command).toEqual({ name: 'quote', options: { text: 'Microsoft' } });
    expect(next?.signature).toBe(pageSignature(command!, 'abc'));
  });

  it('a page turn updates the message (type 7) with a V2 body and never makes it private', () => {
    const body = renderUpdateResponse(router.runLine('/quote text:Microsoft page:2').reply, {
      fingerprint: 'abc',
    });
    expect(body.type).toBe(7);
    expect(body.data?.flags).toBe(V2);
    expectWithinDiscordLimits(body.data!);
  });

  it('never sends an empty message: no result gets a message saying what was searched', () => {
    expect(messageText(render('/quote text:zebra').data)).toContain(
      'Nothing in the sources matches “zebra”',
    );
  });

  it('shows a check verdict with its differences, and the source passage with its button', () => {
    const { data } = render(
      '/story check quote:we believe Microsoft has violated these Commitments in Israel and Gaza',
    );
    const text = messageText(data);
    expect(text).toContain(
      '⚠️ **Close, not verbatim**: the source says it differently \\(similarity 87%\\).',
    );
    expect(text).toContain('• ~~violated~~ → **abided by**');
    expect(buttons(data.components).map((b) => b.label)).toEqual(['Source ↗']);
  });

  it('speaks the reader’s language, and says the quotes stay English', () => {
    const { data } = render('/quote text:urgent review', 'de');
    const text = messageText(data);
    expect(text).toContain('## Zitate');
    expect(text).toContain('direktes Zitat');
    expect(text).toContain('15. August 2025');
    expect(text).toContain('merit a full and **urgent review**');
    expect(text).toMatch(/-# .*Englisch/u);
    expect(buttons(data.components).map((b) => b.label)).toContain('Quelle ↗');
    expectWithinDiscordLimits(data);
    // English readers are not told what they can see.
    expect(messageText(render('/quote text:urgent review').data)).not.toMatch(/never translated/);
  });
});
