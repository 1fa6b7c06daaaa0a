import { CHOICE_LIMITS } from '../bot/commandTypes.js';

/** Discord's limits on what a bot may send (https://discord.com/developers/docs/resources/message). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  /** Across every embed of one message: title, description, field names and values, footer, author. */
  embedTotal: 6000,
  autocompleteChoices: CHOICE_LIMITS.count,
  choiceName: CHOICE_LIMITS.name,
  choiceValue: CHOICE_LIMITS.value,
  customId: 100,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
} as const;
