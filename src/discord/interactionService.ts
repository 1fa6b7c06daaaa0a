import {
  InteractionResponseType,
  type APIApplicationCommandAutocompleteResponse,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import { MemoryCooldowns, type CooldownSettings, type Cooldowns } from '../bot/cooldown.js';
import { errorReply } from '../bot/commandOptions.js';
import type { CommandRouter } from '../bot/router.js';
import type { Logger } from '../logging/logger.js';
import {
  renderInteractionResponse,
  renderMessageData,
  renderUpdateResponse,
} from './discordRenderer.js';
import { DISCORD_LIMITS } from './limits.js';
import { pagedCommandFromFooter, pageSignature, parsePageButtonId } from './pageTurns.js';
import type { Reply } from '../reply/model.js';
import { describeRequest, type InteractionRequest } from './interactionRequest.js';

/**
 * Interaction in, interaction response out: the one place that decides what the bot answers on
 * Discord, shared by the gateway bot and the HTTP endpoint. Every message goes through the same
 * renderer (limits, escaping, mentions off); failures become a short private apology.
 */
export interface ServiceOptions {
  readonly cooldown: CooldownSettings;
  /** Where cooldowns are counted (shared through Redis); default: in this process. */
  readonly cooldowns?: Cooldowns | undefined;
  readonly now?: () => number;
}

const APOLOGY =
  'Sorry, something went wrong while answering. It has been logged; please try again in a moment.';

export class InteractionService {
  private readonly cooldowns: Cooldowns;

  constructor(
    private readonly router: CommandRouter,
    private readonly logger: Logger,
    options: ServiceOptions,
  ) {
    this.cooldowns = options.cooldowns ?? new MemoryCooldowns(options.cooldown, options.now);
  }

  private get fingerprint(): string {
    return this.router.story.corpus.fingerprint;
  }

  private message(reply: Reply): APIInteractionResponse {
    return renderInteractionResponse(reply, { fingerprint: this.fingerprint });
  }

  /** Never rejects: an unexpected error is logged with the interaction id and answered with an apology. */
  async handle(request: InteractionRequest): Promise<APIInteractionResponse> {
    try {
      return await this.answer(request);
    } catch (error) {
      this.logger.error(
        { err: error, interaction: request.id, command: describeRequest(request) },
        'handler failed',
      );
      return this.apology(request);
    }
  }

  /** The private apology for a failure, in the shape the interaction allows. */
  apology(request: InteractionRequest): APIInteractionResponse {
    if (request.kind === 'autocomplete') {
      return {
        type: InteractionResponseType.ApplicationCommandAutocompleteResult,
        data: { choices: [] },
      };
    }
    return this.message(errorReply('Sorry', APOLOGY));
  }

  private async answer(request: InteractionRequest): Promise<APIInteractionResponse> {
    switch (request.kind) {
      case 'ping':
        return { type: InteractionResponseType.Pong };
      case 'command': {
        const verdict = await this.cooldowns.take(request.userId);
        if (!verdict.ok) {
          const seconds = Math.ceil(verdict.retryAfterMs / 1000);
          return this.message(
            errorReply(
              'Slow down',
              `You are asking quickly: try again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
            ),
          );
        }
        return this.message(this.router.run(request.invocation));
      }
      case 'autocomplete':
        return this.autocomplete(request.invocation, request.focused);
      case 'button':
        return this.turnPage(request);
      case 'unsupported':
        return this.message(
          errorReply('Not supported', 'This bot does not handle that kind of interaction.'),
        );
    }
  }

  /**
   * A question in a message that mentions the bot: answered like /story ask, as a channel message.
   * Undefined when the user is over their budget: a flood of mentions gets no flood of replies.
   */
  async answerMention(request: {
    id: string;
    userId: string;
    guildId?: string | undefined;
    question: string;
  }): Promise<APIInteractionResponseCallbackData | undefined> {
    let reply: Reply;
    try {
      if (!(await this.cooldowns.take(request.userId)).ok) {
        this.logger.info(
          { message: request.id, user: request.userId },
          'mention ignored: user over cooldown',
        );
        return undefined;
      }
      reply = request.question
        ? this.router.run({
            name: 'story',
            subcommand: 'ask',
            options: { question: request.question },
          })
        : {
            status: 'ok',
            title: 'Ask me about the story',
            intro:
              'Mention me with a question, e.g. “@me who is conducting the review?”, or use /story and /quote.',
            blocks: [],
            ephemeral: false,
          };
    } catch (error) {
      this.logger.error({ err: error, message: request.id }, 'mention handler failed');
      reply = errorReply('Sorry', APOLOGY);
    }
    // A channel message cannot be private: the reply is public whatever the reply model says.
    const { flags: _flags, ...data } = renderMessageData(reply, { fingerprint: this.fingerprint });
    return data;
  }

  private autocomplete(
    ...args: Parameters<CommandRouter['autocomplete']>
  ): APIApplicationCommandAutocompleteResponse {
    const choices = this.router.autocomplete(...args).slice(0, DISCORD_LIMITS.autocompleteChoices);
    return {
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [...choices] },
    };
  }

  /**
   * Page buttons: the custom_id says which page and signs the command the footer carries as data;
   * that command runs again, unchanged, for the page. The person who ran the command turns the
   * page in place; anyone else gets that page privately.
   */
  private turnPage(
    request: Extract<InteractionRequest, { kind: 'button' }>,
  ): APIInteractionResponse {
    const target = parsePageButtonId(request.customId);
    const command = pagedCommandFromFooter(request.messageFooter);
    if (!target || !command) {
      return this.message(
        errorReply(
          'Button',
          'This button is not one this bot knows (perhaps from an older version). Run the command again.',
        ),
      );
    }
    if (pageSignature(command, this.fingerprint) !== target.signature) {
      return this.message(
        errorReply(
          'Button',
          'The sources have been updated since this search, so its pages have changed. Run the command again.',
        ),
      );
    }
    const reply = this.router.run({ ...command, page: target.page });
    const ownClick =
      request.messageOwnerId === undefined || request.messageOwnerId === request.userId;
    if (ownClick) return renderUpdateResponse(reply, { fingerprint: this.fingerprint });
    return this.message({ ...reply, ephemeral: true });
  }
}
