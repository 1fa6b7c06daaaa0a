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
import { pagedCommandFromTexts, pageSignature, parsePageButtonId } from './pageTurns.js';
import type { PagedCommand, Reply } from '../reply/model.js';
import { parseActionId, sharedCopy, shareSignature } from './replyActions.js';
import { languageOf, translator, type MessageKey } from '../i18n/i18n.js';
import type { Invocation } from '../bot/commandTypes.js';
import type { BotMetrics } from '../metrics/botMetrics.js';
import { outcomeOf, type Outcome } from '../reply/outcome.js';
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
  /** Counts commands, outcomes, cooldown refusals and misses (none: not counted). */
  readonly metrics?: BotMetrics | undefined;
}

export class InteractionService {
  private readonly cooldowns: Cooldowns;
  private readonly now: () => number;
  private readonly metrics: BotMetrics | undefined;

  constructor(
    private readonly router: CommandRouter,
    private readonly logger: Logger,
    options: ServiceOptions,
  ) {
    this.cooldowns = options.cooldowns ?? new MemoryCooldowns(options.cooldown, options.now);
    this.now = options.now ?? Date.now;
    this.metrics = options.metrics;
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
      if (request.kind === 'command') this.count(request.invocation, 'failed', request.locale);
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
    return this.message(apologyReply(request.locale));
  }

  /** A private error in the asker's language. */
  private refusal(
    request: InteractionRequest,
    title: MessageKey,
    text: string,
  ): APIInteractionResponse {
    const t = translator(request.locale);
    return this.message({ ...errorReply(t(title), text), locale: request.locale });
  }

  private async answer(request: InteractionRequest): Promise<APIInteractionResponse> {
    switch (request.kind) {
      case 'ping':
        return { type: InteractionResponseType.Pong };
      case 'command': {
        const slowDown = await this.overBudget(request);
        if (slowDown) return slowDown;
        const reply = this.router.run({ ...request.invocation, locale: request.locale });
        this.count(request.invocation, outcomeOf(reply), request.locale);
        return this.message(reply);
      }
      case 'autocomplete':
        return this.autocomplete(request.invocation, request.focused);
      case 'button': {
        const action = parseActionId(request.customId);
        if (!action) return this.turnPage(request);
        // Each click posts a message or records a miss: counted like a command, so a user cannot
        // flood a channel with copies or the editors' list with one question.
        const slowDown = await this.overBudget(request);
        if (slowDown) return slowDown;
        return action.kind === 'share'
          ? this.share(request, action.signature)
          : this.reportMiss(request, action.signature);
      }
      case 'unsupported':
        return this.refusal(
          request,
          'error.unsupported.title',
          translator(request.locale)('error.unsupported'),
        );
    }
  }

  /** The private "slow down" when the user is over the cooldown budget, else undefined. */
  private async overBudget(
    request: InteractionRequest,
  ): Promise<APIInteractionResponse | undefined> {
    const verdict = await this.cooldowns.take(request.userId);
    if (verdict.ok) return undefined;
    this.metrics?.cooldownRefusals.inc();
    const seconds = Math.ceil(verdict.retryAfterMs / 1000);
    return this.refusal(
      request,
      'error.slowDown.title',
      translator(request.locale)('error.slowDown', { count: seconds }),
    );
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
    /** The server's language (a message carries no user locale). */
    locale?: string | undefined;
  }): Promise<APIInteractionResponseCallbackData | undefined> {
    const { locale } = request;
    const t = translator(locale);
    let reply: Reply;
    try {
      if (!(await this.cooldowns.take(request.userId)).ok) {
        this.metrics?.cooldownRefusals.inc();
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
            locale,
          })
        : {
            status: 'ok',
            title: t('mention.title'),
            intro: t('mention.intro'),
            blocks: [],
            ephemeral: false,
            locale,
          };
      this.count(MENTION, outcomeOf(reply), locale);
    } catch (error) {
      this.logger.error({ err: error, message: request.id }, 'mention handler failed');
      this.count(MENTION, 'failed', locale);
      reply = apologyReply(locale);
    }
    // A channel message cannot be private: the reply is public whatever the reply model says.
    return renderMessageData({ ...reply, ephemeral: false }, { fingerprint: this.fingerprint });
  }

  /** A command's metric label: only names the bot has, so labels stay few. */
  private commandLabel(invocation: Pick<Invocation, 'name' | 'subcommand'>): string {
    if (invocation === MENTION) return '@mention';
    const known = this.router.commands.some((c) => c.name === invocation.name);
    if (!known) return 'unknown';
    const sub = invocation.subcommand;
    return `/${invocation.name}${sub && /^[\w-]{1,32}$/.test(sub) ? ` ${sub}` : ''}`;
  }

  private count(
    invocation: Pick<Invocation, 'name' | 'subcommand'>,
    outcome: Outcome | 'failed',
    locale: string | undefined,
  ): void {
    this.metrics?.commands.inc({
      command: this.commandLabel(invocation),
      outcome,
      locale: languageOf(locale),
    });
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
   * "Post in channel": the private reply, posted publicly as it stands, naming who shared it. Its
   * texts must still be what this corpus answered (the signature), or nothing is posted.
   */
  private share(
    request: Extract<InteractionRequest, { kind: 'button' }>,
    signature: string,
  ): APIInteractionResponse {
    const t = translator(request.locale);
    if (shareSignature(request.messageTexts, this.fingerprint) !== signature) {
      return this.refusal(request, 'error.button.title', t('error.button.sharedChanged'));
    }
    return {
      type: InteractionResponseType.ChannelMessageWithSource,
      data: sharedCopy(request.messageComponents, request.userName, t),
    };
  }

  /** "Report a miss": logs what was asked (no user id) and thanks the user privately. */
  private reportMiss(
    request: Extract<InteractionRequest, { kind: 'button' }>,
    signature: string,
  ): APIInteractionResponse {
    const t = translator(request.locale);
    const command = pagedCommandFromTexts(request.messageTexts);
    if (!command) return this.refusal(request, 'error.button.title', t('error.button.unknown'));
    if (pageSignature(command, this.fingerprint) !== signature) {
      return this.refusal(request, 'error.button.title', t('error.button.stale'));
    }
    const miss: MissEvent = {
      event: 'miss',
      command: `/${[command.name, command.subcommand].filter(Boolean).join(' ')}`,
      options: command.options,
      locale: request.locale,
      corpus: this.fingerprint,
      at: new Date(this.now()).toISOString(),
    };
    this.logger.info(miss, 'miss');
    this.metrics?.missesReported.inc({ command: this.commandLabel(command) });
    return this.message({
      status: 'ok',
      title: t('miss.thanks.title'),
      intro: t('miss.thanks'),
      blocks: [],
      ephemeral: true,
      locale: request.locale,
    });
  }

  /**
   * Page buttons: the custom_id says which page and signs the command the footer carries as data;
   * that command runs again, unchanged, for the page. The person who ran the command turns the
   * page in place; anyone else gets that page privately.
   */
  private turnPage(
    request: Extract<InteractionRequest, { kind: 'button' }>,
  ): APIInteractionResponse {
    const t = translator(request.locale);
    const target = parsePageButtonId(request.customId);
    const command = pagedCommandFromTexts(request.messageTexts);
    if (!target || !command) {
      return this.refusal(request, 'error.button.title', t('error.button.unknown'));
    }
    if (pageSignature(command, this.fingerprint) !== target.signature) {
      return this.refusal(request, 'error.button.title', t('error.button.stale'));
    }
    // The page in the language of whoever clicked: the command is the same for everyone.
    const reply = this.router.run({ ...command, page: target.page, locale: request.locale });
    const ownClick =
      request.messageOwnerId === undefined || request.messageOwnerId === request.userId;
    if (ownClick) return renderUpdateResponse(reply, { fingerprint: this.fingerprint });
    return this.message({ ...reply, ephemeral: true });
  }
}

/** Mentions are counted as a command of their own. */
const MENTION = { name: '@mention' } as const;

/** A miss as editors read it: what was asked, in what language, of which corpus — never who asked. */
export interface MissEvent {
  readonly event: 'miss';
  readonly command: string;
  readonly options: PagedCommand['options'];
  readonly locale: string | undefined;
  readonly corpus: string;
  readonly at: string;
}

/** The short private apology for a failure, in the asker's language. */
function apologyReply(locale: string | undefined): Reply {
  const t = translator(locale);
  return { ...errorReply(t('error.sorry.title'), t('error.sorry')), locale };
}
