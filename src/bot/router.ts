import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { PagedCommand, Reply } from '../reply/model.js';
import type { Choice, CommandModule, FocusedOption, Invocation } from './commandTypes.js';
import { parseCommandLine } from './commandLine.js';
import { errorReply, UserError } from './commandOptions.js';
import { translator } from '../i18n/i18n.js';
import type { Story } from '../story/story.js';
import { stripInvisible } from '../text/typography.js';
import { isMiss } from '../reply/misses.js';

export interface RoutedReply {
  /** Undefined when the line could not be parsed. */
  readonly invocation?: Invocation | undefined;
  readonly reply: Reply;
}

/**
 * The one dispatcher: routes an invocation to its command module. Mistakes a user can fix become
 * an ephemeral error reply; anything else is thrown for the transport to log and apologise for.
 */
export class CommandRouter {
  readonly definitions: readonly RESTPostAPIApplicationCommandsJSONBody[];
  private readonly byName: ReadonlyMap<string, CommandModule>;
  private current: Story;

  constructor(
    story: Story,
    readonly commands: readonly CommandModule[],
  ) {
    this.current = story;
    this.byName = new Map(commands.map((c) => [c.name, c]));
    // The definitions name no source or party (options are completed as users type), so a new
    // corpus never needs them registered again.
    this.definitions = commands.map((c) => c.definition(story));
  }

  /** The story every command answers from now. */
  get story(): Story {
    return this.current;
  }

  /**
   * Answers from `story` from the next command on (a live reload). Answering is synchronous, so an
   * answer being computed finishes on the story it started with.
   */
  replaceStory(story: Story): void {
    this.current = story;
  }

  run(typed: Invocation): Reply {
    const invocation = withoutInvisible(typed);
    const { locale } = invocation;
    const command = this.byName.get(invocation.name);
    if (!command) {
      const t = translator(locale);
      return {
        ...errorReply(
          t('error.unknownCommand.title'),
          t('error.unknownCommand', { name: invocation.name }),
        ),
        locale,
      };
    }
    try {
      const reply = stampPager(command.execute(invocation, this.current), invocation);
      return { ...reply, asked: isMiss(reply) ? askedOf(invocation) : undefined, locale };
    } catch (error) {
      if (error instanceof UserError)
        return { ...errorReply(`/${invocation.name}`, error.message), locale };
      throw error;
    }
  }

  /** A command typed as in Discord (CLI and console), answered in `locale`'s language. */
  runLine(line: string, locale?: string): RoutedReply {
    let invocation: Invocation;
    try {
      invocation = { ...parseCommandLine(line, this.definitions), locale };
    } catch (error) {
      if (error instanceof UserError)
        return {
          reply: {
            ...errorReply(translator(locale)('error.command.title'), error.message),
            locale,
          },
        };
      throw error;
    }
    return { invocation, reply: this.run(invocation) };
  }

  autocomplete(invocation: Invocation, focused: FocusedOption): Choice[] {
    const command = this.byName.get(invocation.name);
    return (
      command?.autocomplete?.(
        { ...focused, value: stripInvisible(focused.value) },
        withoutInvisible(invocation),
        this.current,
      ) ?? []
    );
  }
}

/**
 * What users type may hold characters that show as nothing (a zero-width space pasted inside a
 * word, a soft hyphen): they would split or hide the word from every command, so no command sees
 * them. Only what users type is cleaned; the sources' text is never touched.
 */
function withoutInvisible(invocation: Invocation): Invocation {
  const entries = Object.entries(invocation.options);
  if (!entries.some(([, value]) => typeof value === 'string' && value !== stripInvisible(value))) {
    return invocation;
  }
  const options = Object.fromEntries(
    entries.map(([name, value]) => [
      name,
      typeof value === 'string' ? stripInvisible(value) : value,
    ]),
  );
  return { ...invocation, options };
}

/**
 * A paged reply carries the command it answers, as data, so a page turn runs exactly the same
 * command again (never text read back). A command run on a chat message is not stamped: the
 * message is not part of what a page turn can carry, so such a reply gets no page buttons.
 */
function stampPager(reply: Reply, invocation: Invocation): Reply {
  if (!reply.pager || invocation.targetMessage) return reply;
  const { name, subcommand, options } = invocation;
  const paged: PagedCommand =
    subcommand === undefined ? { name, options } : { name, subcommand, options };
  return { ...reply, pager: { ...reply.pager, invocation: paged } };
}

/**
 * What a miss was asked, as a command that can be written down. A quotation checked from a chat
 * message is recorded as the `/story check` it is equivalent to (the message itself is not kept).
 */
function askedOf(invocation: Invocation): PagedCommand {
  const { name, subcommand, options, targetMessage } = invocation;
  if (targetMessage)
    return { name: 'story', subcommand: 'check', options: { quote: targetMessage.content } };
  return subcommand === undefined ? { name, options } : { name, subcommand, options };
}
