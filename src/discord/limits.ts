import { CHOICE_LIMITS } from '../bot/commandTypes.js';

/**
 * Discord's limits on what a bot may send: Components V2 messages
 * (https://discord.com/developers/docs/components/reference) and autocomplete.
 */
export const DISCORD_LIMITS = {
  /** Components in one message, nested ones included (a container's children, a section's). */
  components: 40,
  /** Components at the top level of a message. */
  topLevelComponents: 10,
  /** Characters of text across every component of a message. */
  textTotal: 4000,
  /** Text displays in one section (at least one). */
  sectionTexts: 3,
  autocompleteChoices: CHOICE_LIMITS.count,
  choiceName: CHOICE_LIMITS.name,
  choiceValue: CHOICE_LIMITS.value,
  customId: 100,
  buttonsPerRow: 5,
  buttonLabel: 80,
  linkUrl: 512,
} as const;
