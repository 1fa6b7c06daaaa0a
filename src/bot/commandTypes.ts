import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { OptionValue, PagedCommand, Reply } from '../reply/model.js';
import type { Story } from '../story/story.js';

/** The shapes shared by every command module in `commands/` and by every transport. */

export type { OptionValue };

/** A command as received, whatever the transport: Discord interaction, HTTP, CLI, console. */
export interface Invocation extends PagedCommand {
  /** For paged replies (buttons, or the console's /next). */
  readonly page?: number | undefined;
  /** The asker's Discord locale (`de`, `es-419`…): the language of the bot's own words. */
  readonly locale?: string | undefined;
  /** A chat message a context-menu command was used on. */
  readonly targetMessage?: { readonly id: string; readonly content: string } | undefined;
}

/** Discord's limits on autocomplete suggestions, which every command's autocomplete keeps to. */
export const CHOICE_LIMITS = { count: 25, name: 100, value: 100 } as const;

/** One autocomplete suggestion (name and value within CHOICE_LIMITS). */
export interface Choice {
  readonly name: string;
  readonly value: string;
}

export interface FocusedOption {
  readonly name: string;
  readonly value: string;
}

/**
 * A command module: its Discord definition (built from the corpus, since some options offer the
 * corpus's documents and speakers as choices), its handler and, where it has one, autocomplete.
 * Handlers are pure: invocation in, reply model out.
 */
export interface CommandModule {
  readonly name: string;
  definition(story: Story): RESTPostAPIApplicationCommandsJSONBody;
  execute(invocation: Invocation, story: Story): Reply;
  autocomplete?(focused: FocusedOption, invocation: Invocation, story: Story): Choice[];
}
