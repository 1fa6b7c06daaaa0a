import type { z } from 'zod';
import type { Reply } from '../reply/model.js';
import { isMessageKey, translator } from '../i18n/i18n.js';

/** Option limits of our commands, shared by definitions (Discord enforces them) and validation. */
export const OPTION_LIMITS = {
  /** A search: a phrase or a sentence. */
  queryText: 300,
  /** A question in plain English. */
  question: 300,
  /** A quotation to check: a whole chat message can be pasted. */
  checkedQuote: 2000,
  name: 100,
} as const;

/** A user's mistake in a command (an option missing or malformed): shown to them, privately. */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/**
 * Parses a command's options with its zod schema; messages name the option as users type it. A
 * schema's own messages are catalogue keys, said in the user's language; zod's are English.
 */
export function parseOptions<T extends z.ZodType>(
  schema: T,
  options: unknown,
  locale?: string,
): z.infer<T> {
  const result = schema.safeParse(options);
  if (result.success) return result.data;
  const t = translator(locale);
  const issue = result.error.issues[0];
  const option = issue?.path.join('.') ?? '';
  const said = issue?.message;
  const problem = said === undefined ? t('error.invalid') : isMessageKey(said) ? t(said) : said;
  throw new UserError(option ? t('error.option', { option, problem }) : problem);
}

export function errorReply(title: string, message: string): Reply {
  return { status: 'error', title, intro: message, blocks: [], ephemeral: true };
}
