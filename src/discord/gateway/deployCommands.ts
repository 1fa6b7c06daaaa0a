/**
 * `npm run deploy-commands`: registers every command with one bulk PUT — to DISCORD_GUILD_ID when
 * set (instant, for development), else globally, installable by servers and users. `npm start`
 * does the same by itself when the definitions changed (SYNC_COMMANDS); this is the explicit way.
 */
import type { RESTPutAPIApplicationCommandsResult } from 'discord-api-types/v10';
import { commands } from '../../../commands/index.js';
import { configOrExit, exitWith, routerOrExit } from '../../bot/startup.js';
import {
  applicationIdOf,
  commandsRoute,
  registrationBodies,
  registrationRest,
} from '../commandSync.js';

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

const rest = registrationRest(config.token, config.apiUrl);
try {
  const applicationId = await applicationIdOf(rest, config.applicationId);
  const registered = (await rest.put(commandsRoute({ applicationId, guildId: config.guildId }), {
    body: registrationBodies(router.definitions, config.guildId),
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
