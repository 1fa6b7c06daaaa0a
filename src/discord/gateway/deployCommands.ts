/**
 * `npm run deploy-commands`: registers every command with one bulk PUT — to DISCORD_GUILD_ID when
 * set (instant, for development), else globally. Definitions come from `commands/` and the corpus
 * (the /quote source and speaker choices), so run it again after adding documents or parties.
 */
import { REST } from '@discordjs/rest';
import {
  Routes,
  type RESTGetAPIOAuth2CurrentApplicationResult,
  type RESTPutAPIApplicationCommandsResult,
} from 'discord-api-types/v10';
import { commands } from '../../../commands/index.js';
import { configOrExit, exitWith, routerOrExit } from '../../bot/startup.js';

function explain(error: unknown): string {
  const status = (error as { status?: number }).status;
  if (status === 401)
    return 'Discord rejected the token (401 Unauthorized): check DISCORD_TOKEN (Bot page of the developer portal).';
  if (status === 403)
    return 'Discord refused (403 Forbidden): is the bot in that server, invited with the applications.commands scope?';
  if (status === 404)
    return 'Discord does not know that application or server (404): check DISCORD_APPLICATION_ID and DISCORD_GUILD_ID.';
  return `Registering the commands failed: ${error instanceof Error ? error.message : String(error)}`;
}

const config = configOrExit(process.env);
if (!config.token)
  exitWith('Configuration error: DISCORD_TOKEN: required to register commands (set it in .env)');
const router = await routerOrExit(commands, config.corpusDir);

const rest = new REST({
  ...(config.apiUrl ? { api: config.apiUrl } : {}),
  retries: 1,
  timeout: 10_000,
}).setToken(config.token);
try {
  const applicationId =
    config.applicationId ??
    ((await rest.get(Routes.currentApplication())) as RESTGetAPIOAuth2CurrentApplicationResult).id;
  const route = config.guildId
    ? Routes.applicationGuildCommands(applicationId, config.guildId)
    : Routes.applicationCommands(applicationId);
  const registered = (await rest.put(route, {
    body: router.definitions,
  })) as RESTPutAPIApplicationCommandsResult;
  const where = config.guildId
    ? `to server ${config.guildId} (available now)`
    : 'globally (may take up to an hour to appear)';
  console.log(
    `Registered ${registered.length} commands ${where}: ${registered.map((c) => c.name).join(', ')}`,
  );
} catch (error) {
  exitWith(explain(error));
}
