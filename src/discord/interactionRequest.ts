import type { FocusedOption, Invocation } from '../bot/commandTypes.js';

/**
 * An interaction as the bot needs it, whatever brought it (discord.js on the gateway, or a signed
 * HTTP POST). Converters in the transports build it; `InteractionService` answers it.
 */
interface Base {
  readonly id: string;
  readonly userId: string;
  /** Guild, or undefined in DMs (for logs). */
  readonly guildId?: string | undefined;
  /** The user's Discord language (`de`, `es-419`…): the language of the bot's own words. */
  readonly locale?: string | undefined;
}

export type InteractionRequest =
  | (Base & { readonly kind: 'ping' })
  | (Base & { readonly kind: 'command'; readonly invocation: Invocation })
  | (Base & {
      readonly kind: 'autocomplete';
      readonly invocation: Invocation;
      readonly focused: FocusedOption;
    })
  | (Base & {
      readonly kind: 'button';
      readonly customId: string;
      /** The text displays of the message the button is on (a paged reply carries its command there). */
      readonly messageTexts: readonly string[];
      /** That message's top-level components as Discord sent them: "Post in channel" copies them. */
      readonly messageComponents: readonly unknown[];
      /** How the clicking user is shown (display name, else username): a shared reply names them. */
      readonly userName: string;
      /** Who ran the command that produced the message. */
      readonly messageOwnerId?: string | undefined;
    })
  | (Base & { readonly kind: 'unsupported'; readonly type: number });

/** A name for logs: `/story ask`, `button page:next:2`, … */
export function describeRequest(request: InteractionRequest): string {
  switch (request.kind) {
    case 'command':
    case 'autocomplete':
      return `${request.kind === 'autocomplete' ? 'autocomplete ' : ''}/${[request.invocation.name, request.invocation.subcommand].filter(Boolean).join(' ')}`;
    case 'button':
      return `button ${request.customId.slice(0, 40)}`;
    case 'ping':
      return 'ping';
    case 'unsupported':
      return `type ${request.type}`;
  }
}
