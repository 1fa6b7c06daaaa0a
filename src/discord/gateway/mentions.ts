/**
 * A message is a question for the bot when it mentions the bot explicitly (`<@id>` or `<@!id>`);
 * a reply that merely pings the bot's earlier answer is not. The question is the rest of the text.
 */
export function questionFromMention(content: string, botId: string): string | undefined {
  const mention = new RegExp(`<@!?${botId}>`, 'g');
  if (!mention.test(content)) return undefined;
  return content.replace(mention, ' ').replace(/\s+/g, ' ').trim();
}
