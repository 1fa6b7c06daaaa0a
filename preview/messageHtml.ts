import { ChannelType, Client, ClientUser, DMChannel, Message, type APIMessage } from 'discord.js';
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { ExportReturnType, generateFromMessages } from 'discord-html-transcripts';

/**
 * An interaction's reply body → an HTML page that shows it as Discord does, drawn by
 * discord-html-transcripts (server-side, no script from a CDN): the exact body, wrapped in the
 * message object Discord would make of it. Nothing here connects anywhere.
 */

/** A snowflake made at `iso` (Discord's epoch is 2015): the page dates the message by its id. */
function snowflakeAt(iso: string, n: number): string {
  return String(((BigInt(Date.parse(iso)) - 1_420_070_400_000n) << 22n) + BigInt(n));
}
const AT = '2025-09-26T09:00:00.000Z';
const BOT = { id: snowflakeAt(AT, 1), username: 'story-bot', bot: true };
const USER = { id: snowflakeAt(AT, 2), username: 'reader' };
const CHANNEL_ID = snowflakeAt(AT, 3);

/**
 * One correction to the renderer's layout, not to Discord's look: discord-html-transcripts 3.3
 * lays out a container's and a section's text as flex columns, so every bold word or emoji of a
 * text display starts a new line; Discord flows the text. Block layout flows it again.
 */
const LAYOUT_FIX = 'div[style*="flex-direction: column"] { display: block !important; }';

/**
 * The message Discord keeps of a reply to `/command`, carrying the body as sent; without a command,
 * a message the bot's webhook posted (an announcement).
 */
function messageOf(
  body: APIInteractionResponseCallbackData,
  command: string | undefined,
): APIMessage {
  const user = { ...USER, discriminator: '0', global_name: 'reader', avatar: null };
  return {
    id: snowflakeAt(AT, 4),
    channel_id: CHANNEL_ID,
    author: { ...BOT, discriminator: '0', global_name: 'story-bot', avatar: null },
    content: body.content ?? '',
    timestamp: AT,
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: body.embeds ?? [],
    components: body.components ?? [],
    pinned: false,
    type: command === undefined ? 0 : 20,
    flags: body.flags ?? 0,
    ...(command === undefined
      ? { webhook_id: snowflakeAt(AT, 6) }
      : { interaction: { id: snowflakeAt(AT, 5), type: 2, name: command, user } }),
  } as APIMessage;
}

/** The page, for a reply to the command named `command` (e.g. `story review-status`), or a webhook's post. */
export async function messageHtml(
  body: APIInteractionResponseCallbackData,
  command: string | undefined,
  title: string,
): Promise<string> {
  // A client that never logs in: discord.js's message and channel objects need one.
  const client = new Client({ intents: [] });
  client.user = Reflect.construct(ClientUser, [
    client,
    { ...BOT, discriminator: '0', global_name: 'story-bot', avatar: null },
  ]) as ClientUser;
  try {
    const channel = Reflect.construct(DMChannel, [
      client,
      { id: CHANNEL_ID, type: ChannelType.DM, recipients: [{ ...USER, discriminator: '0' }] },
    ]) as DMChannel;
    const message = Reflect.construct(Message, [client, messageOf(body, command)]) as Message;
    // discord-html-transcripts types discord.js through CommonJS; these are the same classes.
    const html = await generateFromMessages([message as never], channel as never, {
      returnType: ExportReturnType.String,
      hydrate: true,
      saveImages: false,
      poweredBy: false,
      footerText: title,
      favicon: 'guild',
    });
    return html.replace('</head>', `<style>${LAYOUT_FIX}</style></head>`);
  } finally {
    await client.destroy();
  }
}
