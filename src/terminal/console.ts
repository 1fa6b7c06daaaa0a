import { createInterface, type Interface } from 'node:readline';
import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { isTypedCommand } from '../bot/commandLine.js';
import type { CommandRouter } from '../bot/router.js';
import type { PagedCommand, Reply } from '../reply/model.js';
import { renderTerminal } from './terminalRenderer.js';

/**
 * The local console: type commands as in Discord, read the replies as text. For a fresh machine
 * with no Discord account, and for editors checking the corpus's answers.
 */
export function helpText(router: CommandRouter): string {
  const lines = ['Type a command as you would in Discord:'];
  for (const definition of router.definitions.filter(isTypedCommand)) {
    const options = 'options' in definition ? (definition.options ?? []) : [];
    const subcommands = options.filter((o) => o.type === ApplicationCommandOptionType.Subcommand);
    if (subcommands.length === 0) {
      const args = options
        .map((o) => ('required' in o && o.required ? `${o.name}:…` : `[${o.name}:…]`))
        .join(' ');
      lines.push(
        `  /${definition.name} ${args}`.trimEnd() +
          `  — ${'description' in definition ? definition.description : ''}`,
      );
    }
    for (const sub of subcommands) {
      const args = ('options' in sub ? (sub.options ?? []) : [])
        .map((o) => ('required' in o && o.required ? `${o.name}:…` : `[${o.name}:…]`))
        .join(' ');
      lines.push(`  /${definition.name} ${sub.name} ${args}`.trimEnd() + `  — ${sub.description}`);
    }
  }
  // Message commands are used from Discord's Apps menu on a message, never typed.
  const menus = router.definitions.filter((d) => !isTypedCommand(d)).map((d) => d.name);
  if (menus.length > 0) {
    lines.push(
      `On a message in Discord (Apps menu): ${menus.join(', ')}; here, /story check quote:… does the same.`,
    );
  }
  lines.push(
    'Examples: /story review-status · /quote text:urgent review · /story ask question:Who runs the review?',
  );
  lines.push(
    'Console only: /next and /prev turn pages, /help shows this, /exit (or Ctrl-D) quits.',
  );
  return lines.join('\n');
}

/** The help as a reply, for `--json` (where every answer is an interaction response). */
export function helpReply(router: CommandRouter): Reply {
  return { status: 'ok', title: 'Commands', intro: helpText(router), blocks: [], ephemeral: true };
}

export interface ConsoleOptions {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly color: boolean;
  readonly terminal: boolean;
  /** The Discord locale whose language the bot's own words are in (`de`, `es-419`…). */
  readonly locale?: string | undefined;
}

export function startConsole(router: CommandRouter, options: ConsoleOptions): Interface {
  const names = router.definitions.filter(isTypedCommand).map((d) => `/${d.name}`);
  const rl = createInterface({
    input: options.input,
    output: options.output,
    terminal: options.terminal,
    historySize: 200,
    prompt: 'story-bot> ',
    completer: (line: string) => {
      const all = [...names, '/help', '/next', '/prev', '/exit'];
      const hits = all.filter((name) => name.startsWith(line));
      return [hits.length > 0 ? hits : all, line];
    },
  });
  const print = (text: string): void => {
    options.output.write(`${text}\n`);
  };
  // The last paged reply's command, as data: /next and /prev run it again, never re-read as text.
  let lastPaged: { invocation: PagedCommand; page: number } | undefined;

  const show = (reply: Reply): void => {
    print(renderTerminal(reply, { color: options.color }));
    const pager = reply.pager;
    lastPaged = pager?.invocation ? { invocation: pager.invocation, page: pager.page } : undefined;
  };

  print(
    `story-bot console: ${router.story.passages.length} passages from ${router.story.corpus.documents.length} sources. /help for commands.`,
  );
  rl.prompt();
  rl.on('line', (input) => {
    const line = input.trim();
    try {
      if (line === '/exit' || line === '/quit') {
        rl.close();
        return;
      }
      if (line === '/help' || line === 'help') print(helpText(router));
      else if (line === '/next' || line === '/prev') {
        if (!lastPaged) print('Nothing to page: run a search first.');
        else {
          const page = lastPaged.page + (line === '/next' ? 1 : -1);
          show(router.run({ ...lastPaged.invocation, page, locale: options.locale }));
        }
      } else if (line) show(router.runLine(line, options.locale).reply);
    } catch (error) {
      print(`Something went wrong: ${error instanceof Error ? error.message : String(error)}`);
    }
    rl.prompt();
  });
  return rl;
}
