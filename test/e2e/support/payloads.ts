/**
 * Typed builders for the gateway payloads a real Discord sends, for end-to-end tests that drive the
 * unmodified discord.js client through `FakeDiscord`.
 *
 * Every builder ends in `satisfies <discord-api-types type>` so a field Discord (and discord.js)
 * requires fails `tsc` instead of silently dropping an event at run time. Enum values are written
 * as numbers: `satisfies` checks them against the enum member, and this file stays free of runtime
 * imports (the fake imports it too).
 */
import type {
  APIApplicationCommandAutocompleteInteraction,
  APIBaseInteraction,
  APIApplicationCommandInteractionDataBasicOption,
  APIChatInputApplicationCommandInteraction,
  APIEmbed,
  APIGuildMember,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageApplicationCommandInteraction,
  APIMessageComponentButtonInteraction,
  APIMessageTopLevelComponent,
  APIUser,
  GatewayGuildCreateDispatchData,
  GatewayMessageCreateDispatchData,
  GuildMemberFlags,
  GuildSystemChannelFlags,
  InteractionType,
  Locale,
  RoleFlags,
} from 'discord-api-types/v10';

// ---------------------------------------------------------------------------------------------
// Snowflakes

/** Discord's epoch (2015-01-01), the zero of every snowflake timestamp. */
const DISCORD_EPOCH_MS = 1_420_070_400_000;
/** 2024-01-01 as milliseconds after Discord's epoch: ids built from it have 19 digits, like real ones. */
const BASE_MS = Date.UTC(2024, 0, 1) - DISCORD_EPOCH_MS;
let snowflakeCounter = 0;

/**
 * A fresh snowflake, strictly greater than every earlier one from this module. Each call moves the
 * timestamp part on by 1 ms, so `BigInt(id) >> 22n` (what shard routing uses) differs per id.
 */
export function snowflake(): string {
  snowflakeCounter += 1;
  const timestamp = BigInt(BASE_MS + snowflakeCounter);
  return ((timestamp << 22n) | BigInt(snowflakeCounter % 4096)).toString();
}

/** The shard that owns a guild: Discord's `(guild_id >> 22) % shard_count`. */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** A fresh guild id that shard `shardId` of `shardCount` owns (at most `shardCount` draws). */
export function guildIdOnShard(shardId: number, shardCount: number): string {
  if (!Number.isInteger(shardId) || shardId < 0 || shardId >= shardCount) {
    throw new RangeError(`payloads: shard ${shardId} does not exist among ${shardCount} shards`);
  }
  for (let draw = 0; draw < shardCount; draw += 1) {
    const id = snowflake();
    if (shardOfGuild(id, shardCount) === shardId) return id;
  }
  throw new Error('payloads: unreachable, consecutive snowflakes cover every shard');
}

// ---------------------------------------------------------------------------------------------
// Who and where

/** What every builder needs to know about the application; `FakeDiscord` implements it. */
export interface AppRef {
  readonly applicationId: string;
  readonly botUser: APIUser;
}

/** A guild the fake serves: one text channel is enough for commands and mentions. */
export interface FakeGuild {
  id: string;
  name: string;
  textChannelId: string;
}

export function fakeGuild(overrides: Partial<FakeGuild> = {}): FakeGuild {
  return { id: snowflake(), name: 'Story Readers', textChannelId: snowflake(), ...overrides };
}

export function user(overrides: Partial<APIUser> = {}): APIUser {
  const id = overrides.id ?? snowflake();
  return {
    id,
    username: `reader${id.slice(-4)}`,
    discriminator: '0',
    global_name: null,
    avatar: null,
    ...overrides,
  } satisfies APIUser;
}

export function botUser(overrides: Partial<APIUser> = {}): APIUser {
  return user({
    username: 'story-bot',
    bot: true,
    verified: true,
    mfa_enabled: false,
    ...overrides,
  });
}

/** Permissions as Discord sends them: a decimal bitfield string (this one: every bit below 2^50). */
const ALL_PERMISSIONS = ((1n << 50n) - 1n).toString();
const JOINED_AT = '2024-01-01T00:00:00.000Z';
/** String enums accept no plain literal; the cast is checked by `Locale` having this member. */
const EN_US = 'en-US' as Locale.EnglishUS;
/** Bitfield enums have no 0 member, yet 0 ("no flags") is what Discord sends. */
const NO_FLAGS = 0;

export function guildMember(
  who: APIUser,
  overrides: Partial<APIInteractionGuildMember> = {},
): APIInteractionGuildMember {
  return {
    user: who,
    roles: [],
    joined_at: JOINED_AT,
    deaf: false,
    mute: false,
    flags: NO_FLAGS as GuildMemberFlags,
    nick: null,
    avatar: null,
    pending: false,
    premium_since: null,
    communication_disabled_until: null,
    permissions: ALL_PERMISSIONS,
    ...overrides,
  } satisfies APIInteractionGuildMember;
}

/** Where an interaction or message happens: a guild text channel (with a member) or a DM. */
export type Where =
  | {
      kind: 'guild';
      guildId: string;
      channelId: string;
      user: APIUser;
      member: APIInteractionGuildMember;
      /** 'user': only the user installed the app; the bot is not in this server. */
      installedBy?: 'guild' | 'user';
    }
  | { kind: 'dm'; channelId: string; user: APIUser }
  /** A group DM or a DM between other users, reached through the user's own install. */
  | { kind: 'private'; channelId: string; user: APIUser; group: boolean };

/** In `guild`'s text channel, as `who` (a fresh user by default), a guild member. */
export function inGuild(
  guild: Pick<FakeGuild, 'id' | 'textChannelId'>,
  who: APIUser = user(),
  installedBy: 'guild' | 'user' = 'guild',
): Where {
  return {
    kind: 'guild',
    guildId: guild.id,
    channelId: guild.textChannelId,
    user: who,
    member: guildMember(who),
    installedBy,
  };
}

/**
 * In a server that never added the bot, where `who` installed the app on their account: the
 * interaction names the server and the member, but the bot knows nothing of either.
 */
export function inUserInstalledGuild(who: APIUser = user()): Where {
  return inGuild(fakeGuild(), who, 'user');
}

/** In a group DM (or, with `group: false`, a DM between `who` and someone else), through `who`'s install. */
export function inPrivateChannel(who: APIUser = user(), group = true): Where {
  return { kind: 'private', channelId: snowflake(), user: who, group };
}

/** In a DM with the bot, as `who`: interactions carry `user` instead of `member`. */
export function inDM(who: APIUser = user(), channelId: string = snowflake()): Where {
  return { kind: 'dm', channelId, user: who };
}

// ---------------------------------------------------------------------------------------------
// Interactions

/** A chat-input option as the interaction carries it (`type: 3` string, `4` integer, `5` boolean, `10` number). */
export type CommandOption =
  APIApplicationCommandInteractionDataBasicOption<InteractionType.ApplicationCommand>;
/** An autocomplete option: the one being typed has `focused: true`; numbers arrive as strings. */
export type AutocompleteOption =
  APIApplicationCommandInteractionDataBasicOption<InteractionType.ApplicationCommandAutocomplete>;

export const option = {
  string: (name: string, value: string) => ({ name, type: 3, value }) satisfies CommandOption,
  integer: (name: string, value: number) => ({ name, type: 4, value }) satisfies CommandOption,
  boolean: (name: string, value: boolean) => ({ name, type: 5, value }) satisfies CommandOption,
  number: (name: string, value: number) => ({ name, type: 10, value }) satisfies CommandOption,
  /** The option the user is typing into, for autocomplete. */
  focused: (name: string, value: string) =>
    ({ name, type: 3, value, focused: true }) satisfies AutocompleteOption,
};

/** The fields every interaction type shares (all but `type`, `data` and `message`). */
type InteractionBase = Omit<
  APIBaseInteraction<InteractionType, unknown>,
  'type' | 'data' | 'message'
> &
  Required<Pick<APIBaseInteraction<InteractionType, unknown>, 'channel' | 'channel_id'>>;

/** Fields every interaction carries; discord.js drops the packet without `entitlements`. */
function interactionBase(app: AppRef, where: Where): InteractionBase {
  const id = snowflake();
  const common = {
    id,
    application_id: app.applicationId,
    // Tokens travel in URL paths; keep them URL-safe like Discord's.
    token: `fake-interaction-token-${id}`,
    version: 1,
    app_permissions: ALL_PERMISSIONS,
    locale: EN_US,
    entitlements: [],
    attachment_size_limit: 10_485_760,
    channel_id: where.channelId,
  } satisfies Partial<InteractionBase>;
  if (where.kind === 'guild') {
    return {
      ...common,
      guild_id: where.guildId,
      guild: { id: where.guildId, locale: EN_US, features: [] },
      guild_locale: EN_US,
      member: where.member,
      // 14.28 takes the channel id from `channel.id`.
      channel: { id: where.channelId, type: 0, name: 'general', guild_id: where.guildId },
      context: 0,
      authorizing_integration_owners:
        where.installedBy === 'user' ? { 1: where.user.id } : { 0: where.guildId },
    };
  }
  if (where.kind === 'private') {
    const other = user();
    return {
      ...common,
      user: where.user,
      channel: where.group
        ? { id: where.channelId, type: 3, name: null, recipients: [where.user, other] }
        : { id: where.channelId, type: 1, recipients: [other] },
      context: 2,
      authorizing_integration_owners: { 1: where.user.id },
    };
  }
  return {
    ...common,
    user: where.user,
    channel: { id: where.channelId, type: 1, recipients: [where.user] },
    context: 1,
    authorizing_integration_owners: { 1: where.user.id },
  };
}

export interface ChatInputSpec {
  name: string;
  subcommand?: string;
  options?: CommandOption[];
  where: Where;
  /** The registered command's id; a fresh one by default. */
  commandId?: string;
}

export function chatInput(
  app: AppRef,
  spec: ChatInputSpec,
): APIChatInputApplicationCommandInteraction {
  const options = spec.options ?? [];
  return {
    ...interactionBase(app, spec.where),
    type: 2,
    data: {
      id: spec.commandId ?? snowflake(),
      name: spec.name,
      type: 1,
      options: spec.subcommand ? [{ name: spec.subcommand, type: 1, options }] : options,
    },
  } satisfies APIChatInputApplicationCommandInteraction;
}

export interface AutocompleteSpec {
  name: string;
  subcommand?: string;
  /** Exactly one option must be `focused` (see `option.focused`). */
  options: AutocompleteOption[];
  where: Where;
  commandId?: string;
}

export function autocomplete(
  app: AppRef,
  spec: AutocompleteSpec,
): APIApplicationCommandAutocompleteInteraction {
  const focused = spec.options.filter((o) => 'focused' in o && o.focused === true).length;
  if (focused !== 1) {
    throw new Error(`payloads.autocomplete: needs exactly one focused option, got ${focused}`);
  }
  return {
    ...interactionBase(app, spec.where),
    type: 4,
    data: {
      id: spec.commandId ?? snowflake(),
      name: spec.name,
      type: 1,
      options: spec.subcommand
        ? [{ name: spec.subcommand, type: 1, options: spec.options }]
        : spec.options,
    },
  } satisfies APIApplicationCommandAutocompleteInteraction;
}

export interface ButtonClickSpec {
  customId: string;
  where: Where;
  /**
   * The message the button is attached to, as Discord sends it back (embeds, components,
   * `interaction_metadata`). Default: a bot reply to `/command` run by `where.user`, with one button.
   * Pass `fake.originalMessage(id)` to click on what the bot actually replied.
   */
  message?: APIMessage;
}

export function buttonClick(
  app: AppRef,
  spec: ButtonClickSpec,
): APIMessageComponentButtonInteraction {
  const message =
    spec.message ??
    commandReply(app, {
      channelId: spec.where.channelId,
      ranBy: spec.where.user,
      content: 'page 1',
      components: [
        {
          type: 1,
          components: [{ type: 2, style: 1, label: 'Next', custom_id: spec.customId }],
        },
      ],
    });
  return {
    ...interactionBase(app, spec.where),
    type: 3,
    message,
    data: { custom_id: spec.customId, component_type: 2 },
  } satisfies APIMessageComponentButtonInteraction;
}

export interface MessageContextMenuSpec {
  /** The context-menu command's name, e.g. 'Find sources'. */
  name: string;
  target: APIMessage;
  where: Where;
  commandId?: string;
}

export function messageContextMenu(
  app: AppRef,
  spec: MessageContextMenuSpec,
): APIMessageApplicationCommandInteraction {
  return {
    ...interactionBase(app, spec.where),
    type: 2,
    data: {
      id: spec.commandId ?? snowflake(),
      name: spec.name,
      type: 3,
      target_id: spec.target.id,
      resolved: { messages: { [spec.target.id]: spec.target } },
    },
  } satisfies APIMessageApplicationCommandInteraction;
}

// ---------------------------------------------------------------------------------------------
// Messages

export interface MessageSpec {
  channelId: string;
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  flags?: number;
  mentions?: APIUser[];
}

/** The fields every message object carries. */
export function message(author: APIUser, spec: MessageSpec): APIMessage {
  return {
    id: snowflake(),
    channel_id: spec.channelId,
    author,
    content: spec.content ?? '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: spec.mentions ?? [],
    mention_roles: [],
    attachments: [],
    embeds: spec.embeds ?? [],
    components: spec.components ?? [],
    pinned: false,
    type: 0,
    flags: spec.flags ?? 0,
  } satisfies APIMessage;
}

export interface CommandReplySpec extends MessageSpec {
  /** The user who ran the command the bot answered: Discord puts them in `interaction_metadata`. */
  ranBy: APIUser;
  /** The id of the interaction this message answered; fresh by default. */
  interactionId?: string;
}

/** A bot's reply to a slash command, as Discord returns it (e.g. inside a button click). */
export function commandReply(app: AppRef, spec: CommandReplySpec): APIMessage {
  const interactionId = spec.interactionId ?? snowflake();
  return {
    ...message(app.botUser, spec),
    type: 20,
    webhook_id: app.applicationId,
    application_id: app.applicationId,
    interaction_metadata: {
      id: interactionId,
      type: 2,
      user: spec.ranBy,
      authorizing_integration_owners: {},
    },
  } satisfies APIMessage;
}

/** A message written by a user, e.g. the target of a message context-menu command. */
export function userMessage(author: APIUser, spec: MessageSpec): APIMessage {
  return message(author, spec);
}

export interface MentionSpec {
  /** A guild location: the channel must be the guild's text channel the fake announced. */
  where: Where;
  /** Text after the mention. */
  text: string;
}

/** A MESSAGE_CREATE in which `where.user` writes `<@bot> text` (needs the GuildMessages intent). */
export function mentionMessageCreate(
  app: AppRef,
  spec: MentionSpec,
): GatewayMessageCreateDispatchData {
  const { where } = spec;
  const base = message(where.user, {
    channelId: where.channelId,
    content: `<@${app.botUser.id}> ${spec.text}`,
  });
  // Without the bot in the channel (a user install) no message reaches it: treated as a DM here.
  if (where.kind !== 'guild') {
    return { ...base, mentions: [app.botUser] } satisfies GatewayMessageCreateDispatchData;
  }
  const m = where.member;
  return {
    ...base,
    guild_id: where.guildId,
    channel_type: 0,
    // MESSAGE_CREATE's member has no `user` (that is `author`) and no `permissions`.
    member: {
      roles: m.roles,
      joined_at: m.joined_at ?? JOINED_AT,
      deaf: m.deaf,
      mute: m.mute,
      flags: m.flags,
      nick: m.nick ?? null,
      avatar: m.avatar ?? null,
      pending: m.pending ?? false,
      premium_since: m.premium_since ?? null,
      communication_disabled_until: m.communication_disabled_until ?? null,
    },
    mentions: [app.botUser],
  } satisfies GatewayMessageCreateDispatchData;
}

// ---------------------------------------------------------------------------------------------
// Gateway: what the fake sends after READY

/** One GUILD_CREATE: the guild, its @everyone role, one text channel and the bot as a member. */
export function guildCreate(app: AppRef, guild: FakeGuild): GatewayGuildCreateDispatchData {
  const botMember: APIGuildMember = { ...guildMember(app.botUser), roles: [] };
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: snowflake(),
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id: guild.id,
        name: '@everyone',
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        position: 0,
        permissions: '1071698660929',
        managed: false,
        mentionable: false,
        flags: NO_FLAGS as RoleFlags,
      },
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: NO_FLAGS as GuildSystemChannelFlags,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: 0,
    preferred_locale: EN_US,
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    joined_at: JOINED_AT,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [botMember],
    channels: [
      {
        id: guild.textChannelId,
        type: 0,
        name: 'general',
        guild_id: guild.id,
        position: 0,
        permission_overwrites: [],
        parent_id: null,
        nsfw: false,
        topic: null,
        last_message_id: null,
        rate_limit_per_user: 0,
      },
    ],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  } satisfies GatewayGuildCreateDispatchData;
}
