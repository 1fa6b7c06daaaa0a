import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionType,
} from 'discord-api-types/v10';
import { z } from 'zod';
import type { OptionValue } from '../bot/commandTypes.js';
import type { InteractionRequest } from './interactionRequest.js';
import { messageTexts } from './messageTexts.js';

/**
 * A raw interaction as Discord POSTs it (discord-api-types' `APIInteraction`, as parsed JSON) →
 * the transport-neutral request; the HTTP endpoint's twin of `fromDiscordJs`, with the same
 * results for the same interaction. The payload is untrusted input until proven otherwise, so it
 * is read through zod: only the fields the bot uses, each checked, the rest ignored. Options nest
 * at most three deep on Discord (group → subcommand → option); deeper levels are ignored.
 */

export type ApiConversion =
  | { readonly ok: true; readonly request: InteractionRequest }
  | { readonly ok: false; readonly problem: string };

const Id = z.string().min(1).max(64);
/** Command and option names are ≤ 32 characters on Discord; this bounds what reaches the logs. */
const Name = z.string().min(1).max(100);
const Value = z.union([z.string(), z.number(), z.boolean()]);
/** A number Discord sends for one of its enums (values it adds later stay possible). */
const enumNumber = <E extends number>() =>
  z
    .number()
    .int()
    .transform((n) => n as E);

const Leaf = z.object({
  name: Name,
  type: enumNumber<ApplicationCommandOptionType>(),
  value: Value.optional(),
  focused: z.boolean().optional(),
});
const Subcommand = Leaf.extend({ options: z.array(Leaf).optional() });
const TopOption = Leaf.extend({ options: z.array(Subcommand).optional() });
type RawOption = z.infer<typeof Leaf> & { options?: readonly RawOption[] | undefined };

/** Display name and username, for "Shared by …" (never trusted for anything else). */
const Names = {
  username: z.string().max(64).optional().catch(undefined),
  global_name: z.string().max(64).nullish().catch(undefined),
};

const Envelope = z.object({
  id: Id,
  type: enumNumber<InteractionType>(),
  guild_id: Id.optional(),
  member: z.object({ user: z.object({ id: Id, ...Names }) }).optional(),
  user: z.object({ id: Id, ...Names }).optional(),
  /** The user's language; Discord's codes are at most 6 characters ("es-419"). */
  locale: z.string().max(16).optional().catch(undefined),
  data: z.unknown().optional(),
  message: z.unknown().optional(),
});

const CommandData = z.object({
  name: Name,
  type: enumNumber<ApplicationCommandType>().optional(),
  options: z.array(TopOption).optional(),
  target_id: Id.optional(),
  resolved: z.object({ messages: z.unknown().optional() }).optional(),
});

const ComponentData = z.object({
  custom_id: z.string().max(100),
  component_type: enumNumber<ComponentType>(),
});

const TargetMessage = z.object({ id: Id, content: z.string() });

/** What a button's message tells: its texts (paged replies carry their command) and who ran it. */
const ButtonMessage = z.object({
  components: z.array(z.unknown()).optional().catch(undefined),
  interaction_metadata: z
    .object({ user: z.object({ id: Id }) })
    .optional()
    .catch(undefined),
});

function nameOf(
  user: { global_name?: string | null | undefined; username?: string | undefined } | undefined,
): string {
  return user?.global_name ?? user?.username ?? '';
}

function problem(text: string): ApiConversion {
  return { ok: false, problem: text };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'interaction'}: ${issue?.message ?? 'invalid'}`;
}

function flattenOptions(options: readonly RawOption[]): Record<string, OptionValue> {
  const entries: [string, OptionValue][] = [];
  const walk = (list: readonly RawOption[]): void => {
    for (const option of list) {
      if (option.options) walk(option.options);
      else if (option.value !== undefined) entries.push([option.name, option.value]);
    }
  };
  walk(options);
  // fromEntries defines own properties: an option named __proto__ stays an ordinary key.
  return Object.fromEntries(entries);
}

/** As discord.js's `getSubcommand(false)`: the first option, if it is a subcommand (or a group's). */
function subcommandOf(options: readonly RawOption[]): string | undefined {
  const first = options[0];
  if (first?.type === ApplicationCommandOptionType.Subcommand) return first.name;
  if (first?.type === ApplicationCommandOptionType.SubcommandGroup) {
    const inner = first.options?.[0];
    return inner?.type === ApplicationCommandOptionType.Subcommand ? inner.name : undefined;
  }
  return undefined;
}

function findFocused(options: readonly RawOption[]): RawOption | undefined {
  for (const option of options) {
    if (option.focused === true) return option;
    const inner = option.options && findFocused(option.options);
    if (inner) return inner;
  }
  return undefined;
}

export function fromApi(payload: unknown): ApiConversion {
  const envelope = Envelope.safeParse(payload);
  if (!envelope.success) return problem(describeIssue(envelope.error));
  const raw = envelope.data;
  if (raw.type === InteractionType.Ping) {
    return { ok: true, request: { id: raw.id, userId: '', guildId: undefined, kind: 'ping' } };
  }
  const userId = raw.member?.user.id ?? raw.user?.id;
  if (userId === undefined) return problem('interaction: no member.user or user');
  const base = { id: raw.id, userId, guildId: raw.guild_id, locale: raw.locale };

  switch (raw.type) {
    case InteractionType.ApplicationCommand:
    case InteractionType.ApplicationCommandAutocomplete: {
      const parsed = CommandData.safeParse(raw.data);
      if (!parsed.success) return problem(`data.${describeIssue(parsed.error)}`);
      const data = parsed.data;
      const commandType = data.type ?? ApplicationCommandType.ChatInput;
      if (commandType === ApplicationCommandType.Message) {
        if (raw.type !== InteractionType.ApplicationCommand) {
          return { ok: true, request: { ...base, kind: 'unsupported', type: raw.type } };
        }
        return messageCommand(base, data);
      }
      if (commandType !== ApplicationCommandType.ChatInput) {
        return { ok: true, request: { ...base, kind: 'unsupported', type: raw.type } };
      }
      const options = data.options ?? [];
      const invocation = {
        name: data.name,
        subcommand: subcommandOf(options),
        options: flattenOptions(options),
      };
      if (raw.type === InteractionType.ApplicationCommand) {
        return { ok: true, request: { ...base, kind: 'command', invocation } };
      }
      const focused = findFocused(options);
      if (!focused) return problem('data.options: autocomplete without a focused option');
      return {
        ok: true,
        request: {
          ...base,
          kind: 'autocomplete',
          invocation,
          focused: { name: focused.name, value: String(focused.value ?? '') },
        },
      };
    }
    case InteractionType.MessageComponent: {
      const parsed = ComponentData.safeParse(raw.data);
      if (!parsed.success) return problem(`data.${describeIssue(parsed.error)}`);
      if (parsed.data.component_type !== ComponentType.Button) {
        return { ok: true, request: { ...base, kind: 'unsupported', type: raw.type } };
      }
      const message = ButtonMessage.safeParse(raw.message ?? {});
      return {
        ok: true,
        request: {
          ...base,
          kind: 'button',
          customId: parsed.data.custom_id,
          messageTexts: messageTexts(message.data?.components),
          messageComponents: message.data?.components ?? [],
          userName: nameOf(raw.member?.user ?? raw.user),
          messageOwnerId: message.data?.interaction_metadata?.user.id,
        },
      };
    }
    default:
      return { ok: true, request: { ...base, kind: 'unsupported', type: raw.type } };
  }
}

/** A message context-menu command: the target message comes from `resolved.messages`. */
function messageCommand(
  base: { id: string; userId: string; guildId: string | undefined; locale: string | undefined },
  data: z.infer<typeof CommandData>,
): ApiConversion {
  const messages = data.resolved?.messages;
  const targetId = data.target_id;
  const found =
    targetId !== undefined &&
    typeof messages === 'object' &&
    messages !== null &&
    Object.hasOwn(messages, targetId)
      ? TargetMessage.safeParse((messages as Record<string, unknown>)[targetId])
      : undefined;
  if (!found?.success) return problem('data.resolved.messages: the target message is missing');
  return {
    ok: true,
    request: {
      ...base,
      kind: 'command',
      invocation: {
        name: data.name,
        options: {},
        targetMessage: { id: found.data.id, content: found.data.content },
      },
    },
  };
}
