import {
  ApplicationCommandOptionType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import type { Invocation, OptionValue } from './commandTypes.js';
import { UserError } from './commandOptions.js';

/**
 * Commands typed as in Discord's input box — `/quote text:full and urgent review speaker:Microsoft`
 * — parsed with the same definitions Discord gets, so the CLI and the console accept exactly what
 * Discord would send. Page buttons never come through here: they carry their command as data.
 */

type Definition = RESTPostAPIApplicationCommandsJSONBody;

function isBasic(option: APIApplicationCommandOption): option is APIApplicationCommandBasicOption {
  return (
    option.type !== ApplicationCommandOptionType.Subcommand &&
    option.type !== ApplicationCommandOptionType.SubcommandGroup
  );
}

function optionsOf(
  definition: Definition,
  subcommand: string | undefined,
): APIApplicationCommandBasicOption[] {
  const options = 'options' in definition ? (definition.options ?? []) : [];
  if (subcommand === undefined) return options.filter(isBasic);
  const sub = options.find(
    (o) => o.type === ApplicationCommandOptionType.Subcommand && o.name === subcommand,
  );
  return sub && 'options' in sub ? (sub.options ?? []).filter(isBasic) : [];
}

function subcommandsOf(definition: Definition): string[] {
  const options = 'options' in definition ? (definition.options ?? []) : [];
  return options
    .filter((o) => o.type === ApplicationCommandOptionType.Subcommand)
    .map((o) => o.name);
}

/**
 * Commands typed as text: slash commands. Message commands (Discord's Apps menu on a message, such
 * as "Check quote") have no description and cannot be typed.
 */
export function isTypedCommand(definition: Definition): boolean {
  return 'description' in definition && Boolean(definition.description);
}

function unknownCommand(name: string, definitions: readonly Definition[]): UserError {
  const typed = definitions.filter(isTypedCommand).map((d) => `/${d.name}`);
  const menus = definitions.filter((d) => !isTypedCommand(d)).map((d) => d.name);
  const onMessages =
    menus.length > 0 ? `; on a message in Discord: Apps → ${menus.join(', ')}` : '';
  return new UserError(
    `Unknown command “/${name}”. Commands: ${typed.join(', ')}${onMessages}. /help lists them.`,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function convert(option: APIApplicationCommandBasicOption, raw: string): OptionValue {
  switch (option.type) {
    case ApplicationCommandOptionType.Boolean: {
      const value = raw.toLowerCase();
      if (['true', 'yes', '1', 'on'].includes(value)) return true;
      if (['false', 'no', '0', 'off'].includes(value)) return false;
      throw new UserError(`Option ${option.name} is true or false, not “${raw}”.`);
    }
    case ApplicationCommandOptionType.Integer:
    case ApplicationCommandOptionType.Number: {
      const value = Number(raw);
      if (!Number.isFinite(value))
        throw new UserError(`Option ${option.name} is a number, not “${raw}”.`);
      return value;
    }
    case ApplicationCommandOptionType.String: {
      // Choices are typed by name (as Discord shows them) or by value.
      const choice = option.choices?.find(
        (c) => c.name.toLowerCase() === raw.toLowerCase() || String(c.value) === raw,
      );
      return choice ? String(choice.value) : raw;
    }
    default:
      return raw;
  }
}

/** Parses a typed command; `definitions` are the commands' Discord definitions. */
export function parseCommandLine(line: string, definitions: readonly Definition[]): Invocation {
  const text = line.trim().replace(/^\//, '');
  const [name = '', ...rest] = text.split(/\s+/);
  const definition = definitions.find((d) => isTypedCommand(d) && d.name === name.toLowerCase());
  if (!definition) throw unknownCommand(name, definitions);
  let remainder = text.slice(name.length).trim();
  const subcommands = subcommandsOf(definition);
  let subcommand: string | undefined;
  if (subcommands.length > 0) {
    const wanted = (rest[0] ?? '').toLowerCase();
    subcommand = subcommands.find((s) => s === wanted);
    if (!subcommand) {
      throw new UserError(`/${definition.name} needs one of: ${subcommands.join(', ')}.`);
    }
    remainder = remainder.slice(wanted.length).trim();
  }
  const known = optionsOf(definition, subcommand);
  const command = `/${[definition.name, subcommand].filter(Boolean).join(' ')}`;
  const options: Record<string, OptionValue> = {};
  let page: number | undefined;
  // `page:` is the terminal's way to ask for a later page (Discord uses buttons).
  const names = [...known.map((o) => o.name), 'page'];
  const marker = new RegExp(`(?:^|\\s)(${names.map(escapeRegExp).join('|')}):`, 'gi');
  const markers = [...remainder.matchAll(marker)];
  const leading = remainder.slice(0, markers[0]?.index ?? remainder.length).trim();
  if (leading) {
    // Lenient: `/story ask Who runs the review?` fills the only text option.
    const required = known.filter(
      (o) => o.type === ApplicationCommandOptionType.String && o.required,
    );
    const only = required.length === 1 ? required[0] : undefined;
    if (known.length === 0) throw new UserError(`${command} takes no options.`);
    if (!only) {
      throw new UserError(
        `Write options as name:value, e.g. ${command} ${known.map((o) => `${o.name}:…`).join(' ')}`,
      );
    }
    options[only.name] = leading;
  }
  const given = new Set<string>();
  markers.forEach((match, i) => {
    const optionName = (match[1] ?? '').toLowerCase();
    // Discord gives each option once; silently keeping the last would answer another question.
    if (given.has(optionName)) {
      throw new UserError(`Option ${optionName} is given twice: give each option once.`);
    }
    given.add(optionName);
    const valueStart = (match.index ?? 0) + match[0].length;
    const value = remainder.slice(valueStart, markers[i + 1]?.index ?? remainder.length).trim();
    if (optionName === 'page') {
      page = Number.parseInt(value, 10) || 1;
      return;
    }
    const option = known.find((o) => o.name === optionName);
    if (option) options[option.name] = convert(option, value);
  });
  for (const option of known) {
    if (option.required && options[option.name] === undefined) {
      throw new UserError(`${command} needs ${option.name}:…`);
    }
  }
  return { name: definition.name, subcommand, options, page };
}
