import type { CommandInteractionOption, Interaction } from 'discord.js';
import type { OptionValue } from '../bot/commandTypes.js';
import type { InteractionRequest } from './interactionRequest.js';
import { messageTexts } from './messageTexts.js';

/** discord.js interaction objects → the transport-neutral request. */

function flattenOptions(options: readonly CommandInteractionOption[]): Record<string, OptionValue> {
  const values: Record<string, OptionValue> = {};
  for (const option of options) {
    if (option.options) Object.assign(values, flattenOptions(option.options));
    else if (option.value !== undefined && option.value !== null)
      values[option.name] = option.value;
  }
  return values;
}

export function fromDiscordJs(interaction: Interaction): InteractionRequest {
  const base = {
    id: interaction.id,
    userId: interaction.user.id,
    guildId: interaction.guildId ?? undefined,
    locale: interaction.locale,
  };
  if (interaction.isChatInputCommand()) {
    return {
      ...base,
      kind: 'command',
      invocation: {
        name: interaction.commandName,
        subcommand: interaction.options.getSubcommand(false) ?? undefined,
        options: flattenOptions(interaction.options.data),
      },
    };
  }
  if (interaction.isAutocomplete()) {
    const focused = interaction.options.getFocused(true);
    return {
      ...base,
      kind: 'autocomplete',
      invocation: {
        name: interaction.commandName,
        subcommand: interaction.options.getSubcommand(false) ?? undefined,
        options: flattenOptions(interaction.options.data),
      },
      focused: { name: focused.name, value: String(focused.value) },
    };
  }
  if (interaction.isMessageContextMenuCommand()) {
    return {
      ...base,
      kind: 'command',
      invocation: {
        name: interaction.commandName,
        options: {},
        targetMessage: {
          id: interaction.targetMessage.id,
          content: interaction.targetMessage.content,
        },
      },
    };
  }
  if (interaction.isButton()) {
    const message = interaction.message;
    const components = message.components.map((c) => c.toJSON());
    return {
      ...base,
      kind: 'button',
      customId: interaction.customId,
      messageTexts: messageTexts(components),
      messageComponents: components,
      userName: interaction.user.globalName ?? interaction.user.username,
      messageOwnerId: message.interactionMetadata?.user.id,
    };
  }
  return { ...base, kind: 'unsupported', type: interaction.type };
}
