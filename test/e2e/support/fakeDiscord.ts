/**
 * A local fake of Discord (REST API + gateway) for end-to-end tests of the real, unmodified
 * discord.js client. Point a client at it with `rest: { api: fake.apiUrl }`: discord.js discovers
 * the gateway through `GET /gateway/bot`, so no other switch is needed.
 *
 * Only `node:http` and `ws` at run time; discord-api-types is used for types. Every wait is
 * bounded and `close()` ends sockets and the server at once, so tests exit on their own.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocket, WebSocketServer } from 'ws';
import type { RawData } from 'ws';
import type {
  APIApplicationCommand,
  APIEmbed,
  APIInteractionResponse,
  APIMessage,
  APIUser,
  ApplicationFlags,
  GatewayReadyDispatchData,
} from 'discord-api-types/v10';
import { componentsV2Problems } from '../../support/componentsV2.js';
import { botUser, fakeGuild, guildCreate, message, shardOfGuild, snowflake } from './payloads.js';
import type { AppRef, FakeGuild } from './payloads.js';

// ---------------------------------------------------------------------------------------------
// Options

export interface FakeDiscordOptions {
  /** When set, bot routes need `Authorization: Bot <token>` (else 401) and IDENTIFY/RESUME need it (else close 4004). */
  requireToken?: string;
  applicationId?: string;
  botUser?: APIUser;
  /** Guilds the bot is in; each gets READY (unavailable) + GUILD_CREATE on the shard that owns it. */
  guilds?: FakeGuild[];
  /** Shard count that `GET /gateway/bot` recommends (used by `shards: 'auto'`). */
  shards?: number;
  /** `session_start_limit.max_concurrency`; > 1 lets one client's shards identify without a 5 s wait. */
  maxConcurrency?: number;
  /** HELLO's heartbeat_interval. Discord's is ~41 s; lower it to make zombie detection fast. */
  heartbeatIntervalMs?: number;
  /** Default bound for every `waitFor…` helper. */
  timeoutMs?: number;
  /** Discord answers 10062 Unknown interaction to a first callback later than 3 s after the event. */
  callbackDeadlineMs?: number;
  /** Reject message bodies over Discord's limits with 400 50035, as Discord does. */
  validateBodies?: boolean;
}

type Defaulted =
  | 'shards'
  | 'maxConcurrency'
  | 'heartbeatIntervalMs'
  | 'timeoutMs'
  | 'callbackDeadlineMs'
  | 'validateBodies';
type ResolvedOptions = FakeDiscordOptions & Required<Pick<FakeDiscordOptions, Defaulted>>;

/** Defaults, merged once in the constructor. */
const DEFAULTS: Required<Pick<FakeDiscordOptions, Defaulted>> = {
  shards: 1,
  maxConcurrency: 16,
  heartbeatIntervalMs: 41_250,
  timeoutMs: 3_000,
  callbackDeadlineMs: 3_000,
  validateBodies: true,
};

/** Upper bound on a request body; far above Discord's attachment limits for bots in tests. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
/** Dispatches kept per session for replay on RESUME. */
const MAX_REPLAY = 1_000;
/** Upper bound on `delayNext`, so a typo cannot hold a test for minutes. */
const MAX_DELAY_MS = 30_000;

/**
 * Spread into a client's `ws` options when a test makes a shard IDENTIFY again (op 9 with
 * `false`, close 1000): discord.js otherwise waits out its 5 s identify window (+ up to 1.5 s).
 */
export const noIdentifyThrottle = {
  buildIdentifyThrottler: () => ({ waitForIdentify: () => Promise.resolve() }),
};

// ---------------------------------------------------------------------------------------------
// What the fake records

export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string | undefined;
  size: number;
}

/**
 * One REST request and the fake's answer.
 * - `ok`: served; `rejected`: the fake answered like Discord refusing it (note says why);
 * - `scripted`: answered by `failNext`; `unexpected`: no such route (or the fake broke).
 */
export type RequestOutcome = 'ok' | 'rejected' | 'scripted' | 'unexpected';

export interface RecordedRequest {
  method: string;
  /** Decoded path, e.g. `/api/v10/webhooks/1/tok/messages/@original`. */
  path: string;
  /** Route template that matched, e.g. `POST /interactions/:id/:token/callback`; null if none. */
  route: string | null;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or a multipart request's `payload_json`; undefined when empty. */
  body: unknown;
  files: RecordedFile[];
  /** `performance.now()` when the request arrived and when the answer was written. */
  receivedAt: number;
  respondedAt: number;
  status: number;
  response: unknown;
  outcome: RequestOutcome;
  note?: string;
}

export interface IdentifyRecord {
  shard: [id: number, count: number];
  token: string;
  intents: number;
  sessionId: string;
  at: number;
}

export interface ResumeRecord {
  shard: [id: number, count: number] | null;
  sessionId: string;
  seq: number | null;
  accepted: boolean;
  replayed: number;
  at: number;
}

export interface GatewayFrame {
  op: number;
  d: unknown;
  shard: number | null;
  at: number;
}

export interface InteractionExchange {
  /** The callback request the fake accepted or refused (never a scripted fault). */
  callback: RecordedRequest;
  response: APIInteractionResponse;
  /** From dispatch to the callback's arrival, in ms. */
  latencyMs: number;
}

/** A scripted REST answer, used once for the first request it matches. */
export interface FaultSpec {
  method?: string;
  /** Tested against the decoded path (with the `/api/v10` prefix). */
  path: RegExp;
  status: number;
  /** For 429: seconds (default 1), sent as `retry-after` header and `retry_after` in the body. */
  retryAfter?: number;
  /** For 429: a global rate limit (`x-ratelimit-global`). */
  global?: boolean;
  /** Replaces the default JSON error body. */
  body?: unknown;
}

interface ChannelWebhook {
  readonly id: string;
  readonly token: string;
  readonly channelId: string;
  readonly messages: APIMessage[];
  readonly announcement: boolean;
  readonly botMayPublish: boolean;
}

export interface DelaySpec {
  method?: string;
  path: RegExp;
  /** Hold the answer this long, then serve normally (to trip a client timeout, say). */
  ms: number;
}

export interface ShardTarget {
  /** Only this shard id; all shards by default. */
  shard?: number;
}

// ---------------------------------------------------------------------------------------------
// Internal state

interface Connection {
  ws: WebSocket;
  path: string;
  session: Session | null;
  acks: boolean;
  closedByFake: boolean;
}

interface Session {
  id: string;
  shard: [number, number];
  token: string;
  seq: number;
  log: { s: number; t: string; d: unknown }[];
  conn: Connection | null;
}

interface InteractionState {
  id: string;
  token: string;
  type: number;
  payload: Record<string, unknown>;
  dispatchedAt: number;
  acknowledged: boolean;
  original: APIMessage | undefined;
  followups: Map<string, APIMessage>;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  outcome: RequestOutcome;
  note?: string;
}

interface Ctx {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  files: RecordedFile[];
  receivedAt: number;
}

interface Route {
  method: string;
  segments: string[];
  /** Bot routes need the bot token; interaction callbacks and webhook-token routes do not. */
  auth: boolean;
  handle: (ctx: Ctx) => Reply;
}

interface Waiter {
  check: () => boolean;
  fail: () => void;
}

type Fault = ({ kind: 'fail' } & FaultSpec) | ({ kind: 'delay' } & DelaySpec);

// Interaction and callback types, by number (see discord-api-types' enums).
const INTERACTION = { command: 2, component: 3, autocomplete: 4, modal: 5 } as const;
const CALLBACK = {
  message: 4,
  deferredMessage: 5,
  deferredUpdate: 6,
  update: 7,
  autocomplete: 8,
  modal: 9,
} as const;
/** The callback types Discord accepts for each interaction type. */
const ALLOWED_CALLBACKS: Record<number, readonly number[]> = {
  [INTERACTION.command]: [CALLBACK.message, CALLBACK.deferredMessage, CALLBACK.modal],
  [INTERACTION.component]: [
    CALLBACK.message,
    CALLBACK.deferredMessage,
    CALLBACK.deferredUpdate,
    CALLBACK.update,
    CALLBACK.modal,
  ],
  [INTERACTION.autocomplete]: [CALLBACK.autocomplete],
  [INTERACTION.modal]: [
    CALLBACK.message,
    CALLBACK.deferredMessage,
    CALLBACK.deferredUpdate,
    CALLBACK.update,
  ],
};
/** Discord's message and autocomplete limits; over one, Discord answers 400 and users see nothing. */
const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  embedAuthor: 256,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  /** Across all embeds of one message. */
  embedTotal: 6000,
  rows: 5,
  perRow: 5,
  customId: 100,
  buttonLabel: 80,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;
const EMPTY_MESSAGE = 'Cannot send an empty message';
/** MessageFlags.Loading: the "Bot is thinking…" placeholder after a deferred reply. */
const LOADING_FLAG = 1 << 7;
/** MessageFlags.Crossposted: published from an Announcement channel to its followers. */
const CROSSPOSTED_FLAG = 1 << 0;
/** MessageFlags.IsComponentsV2: content/embeds are not allowed, components carry the text. */
const COMPONENTS_V2_FLAG = 1 << 15;

/** Route names, as recorded in `RecordedRequest.route` (paths after `/api/v10`). */
export const ROUTES = {
  gateway: 'GET /gateway',
  gatewayBot: 'GET /gateway/bot',
  usersMe: 'GET /users/@me',
  applicationsMe: 'GET /applications/@me',
  callback: 'POST /interactions/:id/:token/callback',
  followUp: 'POST /webhooks/:appId/:token',
  getWebhookMessage: 'GET /webhooks/:appId/:token/messages/:messageId',
  editWebhookMessage: 'PATCH /webhooks/:appId/:token/messages/:messageId',
  deleteWebhookMessage: 'DELETE /webhooks/:appId/:token/messages/:messageId',
  getGlobalCommands: 'GET /applications/:appId/commands',
  putGlobalCommands: 'PUT /applications/:appId/commands',
  getGuildCommands: 'GET /applications/:appId/guilds/:guildId/commands',
  putGuildCommands: 'PUT /applications/:appId/guilds/:guildId/commands',
  createMessage: 'POST /channels/:channelId/messages',
  crosspost: 'POST /channels/:channelId/messages/:messageId/crosspost',
  typing: 'POST /channels/:channelId/typing',
} as const;

const API_PREFIX = '/api/v10';

// ---------------------------------------------------------------------------------------------

export class FakeDiscord implements AppRef {
  readonly applicationId: string;
  readonly botUser: APIUser;
  readonly guilds: readonly FakeGuild[];
  /** Every REST request, in the order answered. */
  readonly requests: RecordedRequest[] = [];
  /** Every IDENTIFY, with its `shard: [id, count]`. */
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  /** Every frame clients sent (heartbeats included). */
  readonly gatewayFrames: GatewayFrame[] = [];

  private readonly options: ResolvedOptions;
  private readonly server: Server;
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private readonly sessions = new Map<string, Session>();
  private readonly interactions = new Map<string, InteractionState>();
  private readonly interactionsByToken = new Map<string, InteractionState>();
  private readonly knownChannels = new Set<string>();
  private readonly commands = new Map<string, APIApplicationCommand[]>();
  private readonly channelWebhooks = new Map<string, ChannelWebhook>();
  private readonly faults: Fault[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly routes: Route[];
  private heartbeatIntervalMs: number;
  private port = 0;
  private closed = false;

  private constructor(options: FakeDiscordOptions) {
    this.options = { ...DEFAULTS, ...options };
    this.applicationId = options.applicationId ?? snowflake();
    this.botUser = options.botUser ?? botUser({ id: this.applicationId });
    this.guilds = options.guilds ?? [fakeGuild()];
    for (const guild of this.guilds) this.knownChannels.add(guild.textChannelId);
    this.heartbeatIntervalMs = this.options.heartbeatIntervalMs;
    this.routes = this.buildRoutes();
    this.server = createServer((req, res) => void this.onHttp(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      if (this.closed) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, req));
    });
  }

  /** Starts a fake on 127.0.0.1 and a free port. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve, reject) => {
      fake.server.once('error', reject);
      fake.server.listen(0, '127.0.0.1', () => resolve());
    });
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** For `new Client({ rest: { api: fake.apiUrl } })` (no trailing slash, or you get `/api//v10`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** Sent as READY's `resume_gateway_url`, so resumed connections are told apart in `connectionPaths`. */
  get resumeGatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway-resume`;
  }

  /** The token to log in with: the required one, or any non-empty string. */
  get token(): string {
    return this.options.requireToken ?? 'fake-bot-token';
  }

  // -------------------------------------------------------------------------------------------
  // Gateway: dispatching

  /**
   * Sends a dispatch (op 0) to every session, or one shard's. Sessions whose socket is down keep
   * it for replay on RESUME, as Discord does. Returns how many sessions got it.
   */
  dispatch(t: string, d: unknown, target: ShardTarget = {}): number {
    this.learnChannels(d);
    if (t === 'INTERACTION_CREATE') this.registerInteraction(d);
    const sessions = [...this.sessions.values()].filter(
      (s) => target.shard === undefined || s.shard[0] === target.shard,
    );
    if (sessions.length === 0) {
      const which = target.shard === undefined ? '' : ` for shard ${target.shard}`;
      throw new Error(
        `fake: cannot dispatch ${t}: no gateway session${which} (is the client logged in?)`,
      );
    }
    for (const session of sessions) this.sendDispatch(session, t, d);
    return sessions.length;
  }

  /** The shard that owns a guild, for the shard count clients identified with. */
  shardOf(guildId: string | undefined): number {
    if (guildId === undefined) return 0; // DMs go to shard 0
    return shardOfGuild(guildId, this.shardCount());
  }

  /** Dispatches INTERACTION_CREATE to the shard owning its guild (shard 0 for DMs); returns the dispatch time. */
  dispatchInteraction(payload: { id: string; token: string; guild_id?: string }): number {
    const dispatchedAt = performance.now();
    this.dispatch('INTERACTION_CREATE', payload, { shard: this.shardOf(payload.guild_id) });
    return dispatchedAt;
  }

  /** Dispatches an interaction and waits for its callback (the fake's verdict, not a scripted fault). */
  async sendInteraction(
    payload: { id: string; token: string; guild_id?: string },
    { timeoutMs = this.options.timeoutMs }: { timeoutMs?: number } = {},
  ): Promise<InteractionExchange> {
    const dispatchedAt = this.dispatchInteraction(payload);
    const callback = await this.waitForRequest(
      (r) =>
        r.route === ROUTES.callback &&
        r.params.id === payload.id &&
        r.outcome !== 'scripted' &&
        r.receivedAt >= dispatchedAt,
      timeoutMs,
    );
    return {
      callback,
      response: callback.body as APIInteractionResponse,
      latencyMs: callback.receivedAt - dispatchedAt,
    };
  }

  /** MESSAGE_CREATE to the shard owning the message's guild. */
  dispatchMessage(data: { guild_id?: string; channel_id: string }): void {
    this.dispatch('MESSAGE_CREATE', data, { shard: this.shardOf(data.guild_id) });
  }

  // -------------------------------------------------------------------------------------------
  // Gateway: faults

  /** Closes live sockets with `code` (4000 → discord.js resumes; 1000 → it identifies again). */
  closeGateway(code = 4000, target: ShardTarget = {}): number {
    const conns = this.liveConnections(target);
    for (const conn of conns) {
      conn.closedByFake = true;
      conn.ws.close(code, 'fake: closeGateway');
    }
    return conns.length;
  }

  /** Drops live sockets without a close frame (a network failure); discord.js resumes. */
  dropGateway(target: ShardTarget = {}): number {
    const conns = this.liveConnections(target);
    for (const conn of conns) {
      conn.closedByFake = true;
      conn.ws.terminate();
    }
    return conns.length;
  }

  /** Op 9. Not resumable: the sessions are forgotten, so the client must IDENTIFY again. */
  invalidateSession(resumable: boolean, target: ShardTarget = {}): number {
    const conns = this.liveConnections(target);
    for (const conn of conns) {
      if (!resumable && conn.session) this.sessions.delete(conn.session.id);
      send(conn.ws, { op: 9, d: resumable });
    }
    return conns.length;
  }

  /** Op 7: Discord asks the client to reconnect and resume. */
  requestReconnect(target: ShardTarget = {}): number {
    const conns = this.liveConnections(target);
    for (const conn of conns) send(conn.ws, { op: 7, d: null });
    return conns.length;
  }

  /** Current sockets stop answering heartbeats (a zombie connection); new sockets answer again. */
  stopHeartbeatAcks(target: ShardTarget = {}): number {
    const conns = this.liveConnections(target);
    for (const conn of conns) conn.acks = false;
    return conns.length;
  }

  /** heartbeat_interval for HELLOs sent from now on. */
  setHeartbeatInterval(ms: number): void {
    this.heartbeatIntervalMs = ms;
  }

  /** Paths of open gateway sockets (`/gateway` or `/gateway-resume`), for assertions. */
  connectionPaths(): string[] {
    return [...this.connections].map((c) => c.path);
  }

  // -------------------------------------------------------------------------------------------
  // Channel webhooks (what a server admin creates under Integrations → Webhooks)

  /**
   * A webhook of a channel; `url` is what an admin would copy (pointing at this fake). In an
   * Announcement channel (`announcement`) its messages can be published to followers, by a bot
   * that may manage the channel's messages (`botMayPublish`, default true).
   */
  createWebhook(
    channelId = this.guilds[0]?.textChannelId ?? snowflake(),
    channel: { readonly announcement?: boolean; readonly botMayPublish?: boolean } = {},
  ): {
    readonly id: string;
    readonly token: string;
    readonly url: string;
  } {
    const id = snowflake();
    const token = randomBytes(34).toString('base64url').slice(0, 68);
    this.channelWebhooks.set(id, {
      id,
      token,
      channelId,
      messages: [],
      announcement: channel.announcement ?? false,
      botMayPublish: channel.botMayPublish ?? true,
    });
    return { id, token, url: `${this.apiUrl}/webhooks/${id}/${token}` };
  }

  /** Deletes a webhook: posting to it then gets 404 Unknown Webhook, as on Discord. */
  deleteWebhook(id: string): void {
    this.channelWebhooks.delete(id);
  }

  /** Resolves with the first `n` messages posted through a webhook, as the n-th arrives. */
  waitForWebhookMessages(
    id: string,
    n = 1,
    timeoutMs = this.options.timeoutMs,
  ): Promise<APIMessage[]> {
    return this.waitFor(
      () => {
        const messages = this.webhookMessages(id);
        return messages.length >= n ? messages.slice(0, n) : undefined;
      },
      timeoutMs,
      () => `${this.webhookMessages(id).length} of ${n} webhook messages`,
    );
  }

  /** Messages posted through a channel webhook, oldest first. */
  webhookMessages(id: string): APIMessage[] {
    return [...(this.channelWebhooks.get(id)?.messages ?? [])];
  }

  // -------------------------------------------------------------------------------------------
  // REST: faults

  /** The next request matching `spec` gets `spec.status` (e.g. 429 with retry-after, or 500); once. */
  failNext(spec: FaultSpec): void {
    this.faults.push({ kind: 'fail', ...spec });
  }

  /** The next request matching `spec` is answered normally, `spec.ms` late; once. */
  delayNext(spec: DelaySpec): void {
    if (spec.ms > MAX_DELAY_MS)
      throw new RangeError(`fake: delayNext ms must be ≤ ${MAX_DELAY_MS}`);
    this.faults.push({ kind: 'delay', ...spec });
  }

  // -------------------------------------------------------------------------------------------
  // Observation

  /** Requests to routes the fake does not know (or that broke the fake): a test should expect none. */
  unexpectedRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.outcome === 'unexpected');
  }

  /** Requests the fake refused as Discord would (double ack, over a limit, unknown channel…). */
  rejectedRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.outcome === 'rejected');
  }

  /** Every callback request for one interaction, scripted faults included. */
  callbacksFor(interactionId: string): RecordedRequest[] {
    return this.requests.filter(
      (r) => r.route === ROUTES.callback && r.params.id === interactionId,
    );
  }

  /** The message an interaction's response created or updated (what users see), if any. */
  originalMessage(interactionId: string): APIMessage | undefined {
    return this.interactions.get(interactionId)?.original;
  }

  /** Follow-up messages of an interaction, in order. */
  followUps(interactionId: string): APIMessage[] {
    return [...(this.interactions.get(interactionId)?.followups.values() ?? [])];
  }

  /** Commands registered with the bulk PUT, globally or for one guild. */
  registeredCommands(guildId?: string): APIApplicationCommand[] {
    return this.commands.get(guildId ?? 'global') ?? [];
  }

  /** The first recorded request matching `predicate` (already arrived or still to come). */
  waitForRequest(
    predicate: (r: RecordedRequest) => boolean,
    timeoutMs = this.options.timeoutMs,
  ): Promise<RecordedRequest> {
    return this.waitFor(
      () => this.requests.find(predicate),
      timeoutMs,
      () => `no matching request; received ${describeRequests(this.requests)}`,
    );
  }

  /**
   * Resolves with the n-th IDENTIFY (1-based), as the frame arrives: the client has not yet
   * processed READY. Before `client.destroy()`, wait for its `shardReady` event or an interaction
   * round trip: discord.js 14.28 destroyed between IDENTIFY and READY never settles and reconnects.
   */
  waitForIdentify(n = 1, timeoutMs = this.options.timeoutMs): Promise<IdentifyRecord> {
    return this.waitFor(
      () => this.identifies[n - 1],
      timeoutMs,
      () => `expected ${n} IDENTIFY, got ${this.identifies.length} (${this.describeGateway()})`,
    );
  }

  /** Resolves with the n-th RESUME (1-based), as the frame arrives (see `waitForIdentify`). */
  waitForResume(n = 1, timeoutMs = this.options.timeoutMs): Promise<ResumeRecord> {
    return this.waitFor(
      () => this.resumes[n - 1],
      timeoutMs,
      () => `expected ${n} RESUME, got ${this.resumes.length} (${this.describeGateway()})`,
    );
  }

  /** Resolves with the n-th frame of opcode `op` the clients sent (1-based). */
  waitForGatewayOp(op: number, n = 1, timeoutMs = this.options.timeoutMs): Promise<GatewayFrame> {
    return this.waitFor(
      () => this.gatewayFrames.filter((f) => f.op === op)[n - 1],
      timeoutMs,
      () => `expected ${n} frame(s) with op ${op} (${this.describeGateway()})`,
    );
  }

  /** Resolves once `n` sessions have a live socket that sent IDENTIFY or RESUME. */
  waitForLiveSessions(n: number, timeoutMs = this.options.timeoutMs): Promise<number> {
    return this.waitFor(
      () => {
        const live = [...this.sessions.values()].filter((s) => s.conn !== null).length;
        return live >= n ? live : undefined;
      },
      timeoutMs,
      () => `expected ${n} live session(s) (${this.describeGateway()})`,
    );
  }

  /** Ends every socket and the server now; pending waits reject. Call after `client.destroy()`. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    for (const waiter of [...this.waiters]) waiter.fail();
    for (const conn of this.connections) conn.ws.terminate();
    this.connections.clear();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // -------------------------------------------------------------------------------------------
  // Gateway: protocol

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const conn: Connection = {
      ws,
      path: new URL(req.url ?? '/', 'http://fake').pathname,
      session: null,
      acks: true,
      closedByFake: false,
    };
    this.connections.add(conn);
    ws.on('error', () => {}); // a client vanishing mid-frame is not the test's failure
    ws.on('message', (data) => this.onFrame(conn, data));
    ws.on('close', (code) => this.onSocketClose(conn, code));
    send(ws, { op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs } });
    this.poke();
  }

  private onFrame(conn: Connection, data: RawData): void {
    let frame: { op?: unknown; d?: unknown };
    try {
      frame = JSON.parse(rawToBuffer(data).toString('utf8')) as {
        op?: unknown;
        d?: unknown;
      };
    } catch {
      conn.closedByFake = true;
      conn.ws.close(4002, 'Error while decoding payload.');
      return;
    }
    const op = typeof frame.op === 'number' ? frame.op : -1;
    this.gatewayFrames.push({
      op,
      d: frame.d,
      shard: conn.session?.shard[0] ?? null,
      at: performance.now(),
    });
    switch (op) {
      case 1: // heartbeat
        if (conn.acks) send(conn.ws, { op: 11 });
        break;
      case 2:
        this.onIdentify(conn, frame.d as IdentifyData);
        break;
      case 6:
        this.onResume(conn, frame.d as ResumeData);
        break;
      default:
        break; // presence updates, member requests…: recorded, not answered
    }
    this.poke();
  }

  private onIdentify(conn: Connection, d: IdentifyData): void {
    if (this.options.requireToken !== undefined && d.token !== this.options.requireToken) {
      conn.closedByFake = true;
      conn.ws.close(4004, 'Authentication failed.');
      return;
    }
    if (conn.session) {
      conn.closedByFake = true;
      conn.ws.close(4005, 'Already authenticated.');
      return;
    }
    const shard: [number, number] = d.shard ?? [0, 1];
    if (shard[0] < 0 || shard[1] < 1 || shard[0] >= shard[1]) {
      conn.closedByFake = true;
      conn.ws.close(4010, 'Invalid shard.');
      return;
    }
    // A new IDENTIFY for a shard supersedes its abandoned session (no duplicate deliveries).
    for (const old of this.sessions.values()) {
      if (old.conn === null && old.shard[0] === shard[0] && old.shard[1] === shard[1]) {
        this.sessions.delete(old.id);
      }
    }
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      shard,
      token: d.token,
      seq: 0,
      log: [],
      conn,
    };
    this.sessions.set(session.id, session);
    conn.session = session;
    this.identifies.push({
      shard,
      token: d.token,
      intents: d.intents,
      sessionId: session.id,
      at: performance.now(),
    });
    const owned = this.guilds.filter((g) => shardOfGuild(g.id, shard[1]) === shard[0]);
    const ready: GatewayReadyDispatchData = {
      v: 10,
      user: this.botUser,
      guilds: owned.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.resumeGatewayUrl,
      shard,
      application: { id: this.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
    };
    this.sendDispatch(session, 'READY', ready);
    for (const guild of owned) this.sendDispatch(session, 'GUILD_CREATE', guildCreate(this, guild));
  }

  private onResume(conn: Connection, d: ResumeData): void {
    const session = this.sessions.get(d.session_id);
    const tokenOk =
      this.options.requireToken === undefined || d.token === this.options.requireToken;
    const record: ResumeRecord = {
      shard: session?.shard ?? null,
      sessionId: d.session_id,
      seq: d.seq,
      accepted: false,
      replayed: 0,
      at: performance.now(),
    };
    this.resumes.push(record);
    if (!session || !tokenOk || session.token !== d.token) {
      send(conn.ws, { op: 9, d: false });
      return;
    }
    if (session.conn && session.conn !== conn) {
      session.conn.closedByFake = true;
      session.conn.ws.close(4000, 'fake: session resumed elsewhere');
    }
    session.conn = conn;
    conn.session = session;
    const missed = session.log.filter((e) => e.s > (d.seq ?? 0));
    for (const entry of missed) send(conn.ws, { op: 0, t: entry.t, s: entry.s, d: entry.d });
    record.accepted = true;
    record.replayed = missed.length;
    this.sendDispatch(session, 'RESUMED', {}, false);
  }

  private onSocketClose(conn: Connection, code: number): void {
    this.connections.delete(conn);
    const session = conn.session;
    if (session && session.conn === conn) {
      session.conn = null;
      // Discord ends a session the client closes with 1000/1001 (discord.js does on destroy()).
      if (!conn.closedByFake && (code === 1000 || code === 1001)) this.sessions.delete(session.id);
    }
    this.poke();
  }

  private sendDispatch(session: Session, t: string, d: unknown, replayable = true): void {
    session.seq += 1;
    if (replayable) {
      session.log.push({ s: session.seq, t, d });
      if (session.log.length > MAX_REPLAY) session.log.shift();
    }
    if (session.conn) send(session.conn.ws, { op: 0, t, s: session.seq, d });
  }

  private liveConnections(target: ShardTarget): Connection[] {
    return [...this.connections].filter(
      (c) =>
        c.ws.readyState === WebSocket.OPEN &&
        (target.shard === undefined || c.session?.shard[0] === target.shard),
    );
  }

  private shardCount(): number {
    for (const session of this.sessions.values()) return session.shard[1];
    return this.identifies.at(-1)?.shard[1] ?? this.options.shards;
  }

  private describeGateway(): string {
    const live = [...this.sessions.values()].filter((s) => s.conn !== null).length;
    return `${this.connections.size} socket(s), ${live} live session(s), ${this.identifies.length} identify, ${this.resumes.length} resume`;
  }

  // -------------------------------------------------------------------------------------------
  // Interactions bookkeeping

  private registerInteraction(d: unknown): void {
    const p = d as Record<string, unknown>;
    if (typeof p.id !== 'string' || typeof p.token !== 'string' || this.interactions.has(p.id))
      return;
    const state: InteractionState = {
      id: p.id,
      token: p.token,
      type: typeof p.type === 'number' ? p.type : 0,
      payload: p,
      dispatchedAt: performance.now(),
      acknowledged: false,
      original: undefined,
      followups: new Map(),
    };
    this.interactions.set(state.id, state);
    this.interactionsByToken.set(state.token, state);
  }

  /** Channels the bot may post in: the guilds' text channels and any channel an event came from. */
  private learnChannels(d: unknown): void {
    if (typeof d !== 'object' || d === null) return;
    const p = d as { channel_id?: unknown; channel?: { id?: unknown } };
    if (typeof p.channel_id === 'string') this.knownChannels.add(p.channel_id);
    if (typeof p.channel?.id === 'string') this.knownChannels.add(p.channel.id);
  }

  // -------------------------------------------------------------------------------------------
  // REST

  private buildRoutes(): Route[] {
    const r = (name: string, auth: boolean, handle: (ctx: Ctx) => Reply): Route => {
      const [method = '', pattern = ''] = name.split(' ');
      return { method, segments: pattern.split('/').slice(1), auth, handle };
    };
    return [
      r(ROUTES.gateway, false, () => ok({ url: this.gatewayUrl })),
      r(ROUTES.gatewayBot, true, () =>
        ok({
          url: this.gatewayUrl,
          shards: this.options.shards,
          session_start_limit: {
            total: 1000,
            remaining: 1000,
            reset_after: 14_400_000,
            max_concurrency: this.options.maxConcurrency,
          },
        }),
      ),
      r(ROUTES.usersMe, true, () => ok(this.botUser)),
      r(ROUTES.applicationsMe, true, () => ok(this.application())),
      r(ROUTES.callback, false, (ctx) => this.onCallback(ctx)),
      r(ROUTES.followUp, false, (ctx) => this.onFollowUp(ctx)),
      r(ROUTES.getWebhookMessage, false, (ctx) => this.onWebhookMessage(ctx)),
      r(ROUTES.editWebhookMessage, false, (ctx) => this.onWebhookMessage(ctx)),
      r(ROUTES.deleteWebhookMessage, false, (ctx) => this.onWebhookMessage(ctx)),
      r(ROUTES.getGlobalCommands, true, (ctx) => this.onCommands(ctx)),
      r(ROUTES.putGlobalCommands, true, (ctx) => this.onCommands(ctx)),
      r(ROUTES.getGuildCommands, true, (ctx) => this.onCommands(ctx)),
      r(ROUTES.putGuildCommands, true, (ctx) => this.onCommands(ctx)),
      r(ROUTES.createMessage, true, (ctx) => this.onCreateMessage(ctx)),
      r(ROUTES.crosspost, true, (ctx) => this.onCrosspost(ctx)),
      r(ROUTES.typing, true, (ctx) =>
        this.knownChannels.has(ctx.params.channelId ?? '')
          ? { status: 204, outcome: 'ok' }
          : discordError(404, 10003, 'Unknown Channel', 'unknown channel'),
      ),
    ];
  }

  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://fake');
    // Decode per segment: discord.js sends `@original` as `%40original`.
    const path = url.pathname.split('/').map(safeDecode).join('/');
    const query = Object.fromEntries(url.searchParams);
    let body: unknown;
    let files: RecordedFile[] = [];
    let reply: Reply;
    let route: string | null = null;
    let params: Record<string, string> = {};
    try {
      const raw = await readBody(req);
      const parsed = parseBody(raw, req.headers['content-type']);
      if (parsed === null) throw new BadJson();
      ({ body, files } = parsed);
      const match = this.match(method, path);
      route = match ? `${match.route.method} /${match.route.segments.join('/')}` : null;
      params = match?.params ?? {};
      const fault = this.takeFault(method, path);
      if (fault?.kind === 'delay') await this.sleep(fault.ms);
      if (fault?.kind === 'fail') reply = scripted(fault);
      else if (!match) {
        reply = discordError(404, 0, 'fake: unknown route', 'unknown route', 'unexpected');
      } else if (match.route.auth && !this.authorized(req.headers.authorization)) {
        reply = discordError(401, 0, '401: Unauthorized', 'bad or missing bot token');
      } else {
        reply = match.route.handle({ method, path, params, query, body, files, receivedAt });
      }
    } catch (error) {
      reply =
        error instanceof BadJson
          ? discordError(400, 50109, 'The request body contains invalid JSON.', 'invalid JSON')
          : discordError(
              500,
              0,
              'fake: internal error',
              `fake broke: ${String(error)}`,
              'unexpected',
            );
    }
    if (this.closed) return;
    const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
    res.writeHead(reply.status, {
      ...(text ? { 'content-type': 'application/json' } : {}),
      ...reply.headers,
    });
    res.end(text);
    this.requests.push({
      method,
      path,
      route,
      params,
      query,
      headers: req.headers,
      body,
      files,
      receivedAt,
      respondedAt: performance.now(),
      status: reply.status,
      response: reply.body,
      outcome: reply.outcome,
      ...(reply.note === undefined ? {} : { note: reply.note }),
    });
    this.poke();
  }

  private match(
    method: string,
    path: string,
  ): { route: Route; params: Record<string, string> } | null {
    if (!path.startsWith(`${API_PREFIX}/`)) return null;
    const segments = path.slice(API_PREFIX.length).split('/').slice(1);
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      const fits = route.segments.every((pattern, i) => {
        const actual = segments[i] ?? '';
        if (pattern.startsWith(':')) {
          params[pattern.slice(1)] = actual;
          return actual.length > 0;
        }
        return pattern === actual;
      });
      if (fits) return { route, params };
    }
    return null;
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const i = this.faults.findIndex(
      (f) => (f.method === undefined || f.method.toUpperCase() === method) && f.path.test(path),
    );
    return i === -1 ? undefined : this.faults.splice(i, 1)[0];
  }

  private authorized(header: string | undefined): boolean {
    return this.options.requireToken === undefined || header === `Bot ${this.options.requireToken}`;
  }

  private onCallback(ctx: Ctx): Reply {
    const it = this.interactions.get(ctx.params.id ?? '');
    if (!it || it.token !== ctx.params.token) {
      return discordError(404, 10062, 'Unknown interaction', 'interaction never dispatched');
    }
    const body = ctx.body as { type?: unknown; data?: Record<string, unknown> } | undefined;
    if (it.acknowledged) {
      return discordError(
        400,
        40060,
        'Interaction has already been acknowledged.',
        'already acknowledged',
      );
    }
    const age = ctx.receivedAt - it.dispatchedAt;
    if (age > this.options.callbackDeadlineMs) {
      return discordError(
        404,
        10062,
        'Unknown interaction',
        `expired: ${Math.round(age)} ms after dispatch`,
      );
    }
    const type = typeof body?.type === 'number' ? body.type : -1;
    const allowed = ALLOWED_CALLBACKS[it.type] ?? [];
    if (!allowed.includes(type)) {
      return invalidForm({
        type: `callback type ${type} is not valid for interaction type ${it.type}`,
      });
    }
    const data = body?.data ?? {};
    const problem =
      type === CALLBACK.autocomplete
        ? this.autocompleteProblems(data)
        : type === CALLBACK.message
          ? this.messageProblems(data, true)
          : type === CALLBACK.update
            ? this.messageProblems(data, false)
            : null;
    if (problem) return invalidForm(problem);

    it.acknowledged = true;
    const source = it.payload.message as APIMessage | undefined;
    if (type === CALLBACK.message || type === CALLBACK.deferredMessage) {
      it.original = this.responseMessage(
        it,
        type === CALLBACK.deferredMessage ? { flags: LOADING_FLAG | flagsOf(data) } : data,
      );
    } else if ((type === CALLBACK.update || type === CALLBACK.deferredUpdate) && source) {
      it.original = type === CALLBACK.update ? editMessage(source, data) : source;
    }
    if (ctx.query.with_response !== 'true') return { status: 204, outcome: 'ok' };
    return ok({
      interaction: {
        id: it.id,
        type: it.type,
        ...(it.original
          ? {
              response_message_id: it.original.id,
              response_message_loading: type === CALLBACK.deferredMessage,
              response_message_ephemeral: ((it.original.flags ?? 0) & 64) !== 0,
            }
          : {}),
      },
      resource: {
        type,
        ...(it.original && type !== CALLBACK.autocomplete ? { message: it.original } : {}),
      },
    });
  }

  private webhookInteraction(ctx: Ctx): InteractionState | undefined {
    if (ctx.params.appId !== this.applicationId) return undefined;
    return this.interactionsByToken.get(ctx.params.token ?? '');
  }

  private onFollowUp(ctx: Ctx): Reply {
    const channelWebhook = this.channelWebhooks.get(ctx.params.appId ?? '');
    if (channelWebhook) return this.onChannelWebhook(channelWebhook, ctx);
    const it = this.webhookInteraction(ctx);
    if (!it) return discordError(404, 10015, 'Unknown Webhook', 'no interaction has this token');
    const data = (ctx.body ?? {}) as Record<string, unknown>;
    const problem = this.messageProblems(data, true);
    if (problem) return invalidForm(problem);
    const created = this.responseMessage(it, data);
    it.followups.set(created.id, created);
    return ctx.query.wait === 'true' ? ok(created) : { status: 204, outcome: 'ok' };
  }

  /**
   * Executing a channel webhook. As on Discord: components count only with `with_components=true`
   * (without it they are dropped, so a Components V2 message is then empty), and a webhook no
   * application owns may send only non-interactive components (link buttons, not custom ids).
   */
  private onChannelWebhook(webhook: ChannelWebhook, ctx: Ctx): Reply {
    if (ctx.params.token !== webhook.token) {
      return discordError(401, 50027, 'Invalid Webhook Token', 'wrong webhook token');
    }
    const sent = (ctx.body ?? {}) as Record<string, unknown>;
    const data = ctx.query.with_components === 'true' ? sent : { ...sent, components: undefined };
    if (JSON.stringify(data.components ?? []).includes('"custom_id"')) {
      return invalidForm({
        components: 'Interactive components cannot be sent by a webhook no application owns.',
      });
    }
    const v2Empty =
      (flagsOf(data) & COMPONENTS_V2_FLAG) !== 0 &&
      (!Array.isArray(data.components) || data.components.length === 0);
    if (v2Empty) return discordError(400, 50006, EMPTY_MESSAGE, 'components dropped or absent');
    const problem = this.messageProblems(data, true);
    if (problem) return invalidForm(problem);
    const created: APIMessage = {
      ...message(this.botUser, { channelId: webhook.channelId, ...messageFields(data) }),
      webhook_id: webhook.id,
    };
    webhook.messages.push(created);
    this.poke();
    return ctx.query.wait === 'true' ? ok(created) : { status: 204, outcome: 'ok' };
  }

  /**
   * Publishing a message of an Announcement channel to the channels that follow it (flag
   * CROSSPOSTED). Only webhook messages are kept here: the only messages a bot would publish.
   */
  private onCrosspost(ctx: Ctx): Reply {
    const webhook = [...this.channelWebhooks.values()].find(
      (w) => w.channelId === ctx.params.channelId,
    );
    const index = webhook?.messages.findIndex((m) => m.id === ctx.params.messageId) ?? -1;
    const found = webhook?.messages[index];
    if (!webhook || !found) return discordError(404, 10008, 'Unknown Message', 'no such message');
    if (!webhook.announcement) {
      return discordError(
        400,
        50024,
        'Cannot execute action on this channel type',
        'not an Announcement channel',
      );
    }
    if (!webhook.botMayPublish) {
      return discordError(403, 50013, 'Missing Permissions', 'no Manage Messages here');
    }
    if (((found.flags ?? 0) & CROSSPOSTED_FLAG) !== 0) {
      return discordError(400, 40033, 'This message has already been crossposted.', 'twice');
    }
    const published = { ...found, flags: (found.flags ?? 0) | CROSSPOSTED_FLAG };
    webhook.messages[index] = published;
    return ok(published);
  }

  private onWebhookMessage(ctx: Ctx): Reply {
    const it = this.webhookInteraction(ctx);
    if (!it) return discordError(404, 10015, 'Unknown Webhook', 'no interaction has this token');
    const id = ctx.params.messageId ?? '';
    const isOriginal = id === '@original';
    const current = isOriginal ? it.original : it.followups.get(id);
    if (!current) return discordError(404, 10008, 'Unknown Message', `no message ${id}`);
    if (ctx.method === 'GET') return ok(current);
    if (ctx.method === 'DELETE') {
      if (isOriginal) it.original = undefined;
      else it.followups.delete(id);
      return { status: 204, outcome: 'ok' };
    }
    const data = (ctx.body ?? {}) as Record<string, unknown>;
    const problem = this.messageProblems(data, false);
    if (problem) return invalidForm(problem);
    const edited = editMessage(current, data);
    if (isOriginal) it.original = { ...edited, flags: (edited.flags ?? 0) & ~LOADING_FLAG };
    else it.followups.set(id, edited);
    return ok(isOriginal ? it.original : edited);
  }

  private onCommands(ctx: Ctx): Reply {
    if (ctx.params.appId !== this.applicationId) {
      return discordError(403, 50001, 'Missing Access', 'another application id');
    }
    const scope = ctx.params.guildId ?? 'global';
    if (ctx.method === 'GET') {
      const stored = this.commands.get(scope) ?? [];
      // As Discord: localizations only when asked for with `with_localizations=true`.
      return ok(
        ctx.query.with_localizations === 'true' ? stored : stored.map(withoutLocalizations),
      );
    }
    if (!Array.isArray(ctx.body)) return invalidForm({ _: 'expected an array of commands' });
    const previous = this.commands.get(scope) ?? [];
    const stored = (ctx.body as Record<string, unknown>[]).map((cmd) => {
      const kept = previous.find((p) => p.name === cmd.name && p.type === (cmd.type ?? 1));
      return {
        description: '',
        default_member_permissions: null,
        type: 1,
        nsfw: false,
        // Discord's defaults for what a global command leaves out.
        ...(ctx.params.guildId
          ? {}
          : { integration_types: [0], contexts: null, dm_permission: true }),
        ...cmd,
        id: kept?.id ?? snowflake(),
        application_id: this.applicationId,
        version: snowflake(),
        ...(ctx.params.guildId ? { guild_id: ctx.params.guildId } : {}),
      } as APIApplicationCommand;
    });
    this.commands.set(scope, stored);
    return ok(stored);
  }

  /** PUTs to the commands routes, as `registeredCommands` counts them. */
  commandPuts(guildId?: string): RecordedRequest[] {
    const route = guildId ? ROUTES.putGuildCommands : ROUTES.putGlobalCommands;
    return this.requests.filter(
      (r) => r.route === route && (!guildId || r.params.guildId === guildId),
    );
  }

  private onCreateMessage(ctx: Ctx): Reply {
    const channelId = ctx.params.channelId ?? '';
    if (!this.knownChannels.has(channelId)) {
      return discordError(
        404,
        10003,
        'Unknown Channel',
        `channel ${channelId} was never announced`,
      );
    }
    const data = (ctx.body ?? {}) as Record<string, unknown>;
    const problem = this.messageProblems(data, true);
    if (problem) return invalidForm(problem);
    const guild = this.guilds.find((g) => g.textChannelId === channelId);
    const created = {
      ...message(this.botUser, {
        channelId,
        ...messageFields(data),
      }),
      ...(guild ? { guild_id: guild.id } : {}),
      ...(data.message_reference ? { message_reference: data.message_reference, type: 19 } : {}),
    } as APIMessage;
    return ok(created);
  }

  /** A message sent as an interaction response or follow-up, as Discord shows it. */
  private responseMessage(it: InteractionState, data: Record<string, unknown>): APIMessage {
    const p = it.payload as {
      channel?: { id?: string };
      channel_id?: string;
      member?: { user?: APIUser };
      user?: APIUser;
      data?: { type?: number };
    };
    const ranBy = p.member?.user ?? p.user;
    const base = message(this.botUser, {
      channelId: p.channel?.id ?? p.channel_id ?? '',
      ...messageFields(data),
    });
    return {
      ...base,
      type: it.type === INTERACTION.command ? (p.data?.type === 1 ? 20 : 23) : 0,
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      ...(ranBy
        ? {
            interaction_metadata: {
              id: it.id,
              type: it.type,
              user: ranBy,
              authorizing_integration_owners: {},
            },
          }
        : {}),
    };
  }

  private application(): Record<string, unknown> {
    return {
      id: this.applicationId,
      name: this.botUser.username,
      icon: null,
      description: '',
      summary: '',
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      team: null,
      flags: 0,
      bot: this.botUser,
      owner: this.botUser,
    };
  }

  // -------------------------------------------------------------------------------------------
  // Discord's limits: the problems Discord would report (400), or null when the body is fine.

  private messageProblems(
    data: Record<string, unknown>,
    mustHaveContent: boolean,
  ): Record<string, string> | null {
    if (!this.options.validateBodies) return null;
    const problems: Record<string, string> = {};
    const tooLong = (key: string, text: string | undefined, max: number): void => {
      if ((text?.length ?? 0) > max) problems[key] = `Must be ${max} or fewer in length.`;
    };
    const content = typeof data.content === 'string' ? data.content : '';
    const embeds = Array.isArray(data.embeds) ? (data.embeds as APIEmbed[]) : [];
    const components = Array.isArray(data.components) ? (data.components as unknown[]) : [];
    const v2 = (flagsOf(data) & COMPONENTS_V2_FLAG) !== 0;

    tooLong('content', content, LIMITS.content);
    if (v2 && (content || embeds.length)) {
      problems.content = 'Components V2 messages cannot have content or embeds.';
    }
    if (embeds.length > LIMITS.embeds)
      problems.embeds = `Must be ${LIMITS.embeds} or fewer in length.`;
    let embedChars = 0;
    embeds.forEach((e, i) => {
      const texts: [string, string | undefined, number][] = [
        ['title', e.title, LIMITS.embedTitle],
        ['description', e.description, LIMITS.embedDescription],
        ['footer.text', e.footer?.text, LIMITS.embedFooter],
        ['author.name', e.author?.name, LIMITS.embedAuthor],
        ...(e.fields ?? []).flatMap((f, j): [string, string, number][] => [
          [`fields.${j}.name`, f.name, LIMITS.fieldName],
          [`fields.${j}.value`, f.value, LIMITS.fieldValue],
        ]),
      ];
      for (const [key, text, max] of texts) {
        embedChars += text?.length ?? 0;
        tooLong(`embeds.${i}.${key}`, text, max);
      }
      if ((e.fields?.length ?? 0) > LIMITS.fields) {
        problems[`embeds.${i}.fields`] = `Must be ${LIMITS.fields} or fewer in length.`;
      }
    });
    if (embedChars > LIMITS.embedTotal) {
      problems.embeds = `Embed size exceeds maximum size of ${LIMITS.embedTotal}.`;
    }
    // Components V2: Discord's own rules for the layout (count, nesting, text, buttons).
    if (v2) {
      componentsV2Problems(data).forEach((problem, i) => {
        problems[`components.v2.${i}`] = problem;
      });
    }
    if (!v2) {
      if (components.length > LIMITS.rows)
        problems.components = `Must be ${LIMITS.rows} or fewer in length.`;
      components.forEach((row, i) => {
        const children =
          (row as { components?: { custom_id?: string; label?: string }[] }).components ?? [];
        if (children.length > LIMITS.perRow) {
          problems[`components.${i}.components`] = `Must be ${LIMITS.perRow} or fewer in length.`;
        }
        children.forEach((c, j) => {
          tooLong(`components.${i}.components.${j}.custom_id`, c.custom_id, LIMITS.customId);
          tooLong(`components.${i}.components.${j}.label`, c.label, LIMITS.buttonLabel);
        });
      });
    }
    const hasAnything =
      content.length > 0 ||
      embeds.length > 0 ||
      components.length > 0 ||
      Boolean(data.poll) ||
      (Array.isArray(data.attachments) && data.attachments.length > 0);
    if (mustHaveContent && !hasAnything && Object.keys(problems).length === 0) {
      problems._ = EMPTY_MESSAGE;
    }
    return Object.keys(problems).length ? problems : null;
  }

  private autocompleteProblems(data: Record<string, unknown>): Record<string, string> | null {
    if (!this.options.validateBodies) return null;
    const problems: Record<string, string> = {};
    const choices = Array.isArray(data.choices)
      ? (data.choices as { name?: unknown; value?: unknown }[])
      : [];
    if (choices.length > LIMITS.choices) {
      problems.choices = `Must be ${LIMITS.choices} or fewer in length.`;
    }
    choices.forEach((c, i) => {
      const name = typeof c.name === 'string' ? c.name : '';
      if (name.length < 1 || name.length > LIMITS.choiceName) {
        problems[`choices.${i}.name`] = `Must be between 1 and ${LIMITS.choiceName} in length.`;
      }
      if (typeof c.value === 'string' && c.value.length > LIMITS.choiceValue) {
        problems[`choices.${i}.value`] = `Must be ${LIMITS.choiceValue} or fewer in length.`;
      }
    });
    return Object.keys(problems).length ? problems : null;
  }

  // -------------------------------------------------------------------------------------------
  // Bounded waiting

  /** Re-checks every pending wait; called after each state change. */
  private poke(): void {
    for (const waiter of [...this.waiters]) waiter.check();
  }

  private waitFor<T>(
    probe: () => T | undefined,
    timeoutMs: number,
    describe: () => string,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const started = performance.now();
      const waiter: Waiter = {
        check: () => {
          const found = probe();
          if (found === undefined) return false;
          finish();
          resolve(found);
          return true;
        },
        fail: () => {
          finish();
          reject(new Error(`fake: closed while waiting: ${describe()}`));
        },
      };
      const timer = setTimeout(() => {
        finish();
        reject(
          new Error(
            `fake: timed out after ${Math.round(performance.now() - started)} ms: ${describe()}`,
          ),
        );
      }, timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        this.timers.delete(timer);
        this.waiters.delete(waiter);
      };
      if (this.closed) {
        waiter.fail();
        return;
      }
      this.timers.add(timer);
      this.waiters.add(waiter);
      waiter.check();
    });
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

interface IdentifyData {
  token: string;
  intents: number;
  shard?: [number, number];
}

interface ResumeData {
  token: string;
  session_id: string;
  seq: number | null;
}

function send(ws: WebSocket, payload: unknown): void {
  if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(payload));
}

function rawToBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function ok(body: unknown): Reply {
  return { status: 200, body, outcome: 'ok' };
}

function discordError(
  status: number,
  code: number,
  message: string,
  note: string,
  outcome: RequestOutcome = 'rejected',
): Reply {
  return { status, body: { code, message }, outcome, note };
}

/** Discord's 50035 shape, flattened the way discord.js prints it. */
function invalidForm(problems: Record<string, string>): Reply {
  const errors = Object.fromEntries(
    Object.entries(problems).map(([key, message]) => [
      key,
      { _errors: [{ code: 'BASE_TYPE_INVALID', message }] },
    ]),
  );
  return {
    status: 400,
    body: {
      code: problems._ === EMPTY_MESSAGE ? 50006 : 50035,
      message: 'Invalid Form Body',
      errors,
    },
    outcome: 'rejected',
    note: `invalid form body: ${Object.entries(problems)
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ')}`,
  };
}

function scripted(fault: FaultSpec): Reply {
  if (fault.status === 429) {
    const retryAfter = fault.retryAfter ?? 1;
    return {
      status: 429,
      headers: {
        'retry-after': String(retryAfter),
        'x-ratelimit-scope': fault.global ? 'global' : 'user',
        ...(fault.global ? { 'x-ratelimit-global': 'true' } : {}),
      },
      body: fault.body ?? {
        message: 'You are being rate limited.',
        retry_after: retryAfter,
        global: fault.global ?? false,
      },
      outcome: 'scripted',
      note: `scripted 429 (retry after ${retryAfter} s)`,
    };
  }
  return {
    status: fault.status,
    body: fault.body ?? { code: 0, message: `${fault.status}: scripted by fake` },
    outcome: 'scripted',
    note: `scripted ${fault.status}`,
  };
}

function flagsOf(data: Record<string, unknown>): number {
  return typeof data.flags === 'number' ? data.flags : 0;
}

/** The message fields a create/edit body may carry. */
function messageFields(data: Record<string, unknown>): {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessage['components'] & unknown[];
  flags?: number;
} {
  return {
    ...(typeof data.content === 'string' ? { content: data.content } : {}),
    ...(Array.isArray(data.embeds) ? { embeds: data.embeds as APIEmbed[] } : {}),
    ...(Array.isArray(data.components)
      ? { components: data.components as NonNullable<APIMessage['components']> }
      : {}),
    ...(typeof data.flags === 'number' ? { flags: data.flags } : {}),
  };
}

function editMessage(current: APIMessage, data: Record<string, unknown>): APIMessage {
  return { ...current, ...messageFields(data), edited_timestamp: new Date().toISOString() };
}

function describeRequests(requests: RecordedRequest[]): string {
  if (requests.length === 0) return 'no requests at all';
  const lines = requests
    .slice(-20)
    .map((r) => `${r.method} ${r.path} → ${r.status}${r.note ? ` (${r.note})` : ''}`);
  return `${requests.length} request(s):\n  ${lines.join('\n  ')}`;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_BODY_BYTES) throw new Error(`request body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/** Thrown for a body that is not JSON: Discord answers 400 50109, not a server error. */
class BadJson extends Error {}

/** The JSON body (or multipart `payload_json`) and any files; null if the JSON does not parse. */
function parseBody(
  raw: Buffer,
  contentType: string | undefined,
): { body: unknown; files: RecordedFile[] } | null {
  if (raw.length === 0) return { body: undefined, files: [] };
  const boundary = /multipart\/form-data;.*boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
  if (!boundary) {
    const body = parseJson(raw);
    return body === BAD_JSON ? null : { body, files: [] };
  }
  let body: unknown;
  const files: RecordedFile[] = [];
  for (const part of multipartParts(raw, boundary)) {
    if (part.name === 'payload_json') {
      body = parseJson(part.data);
      if (body === BAD_JSON) return null;
    } else if (part.filename !== undefined) {
      files.push({
        field: part.name,
        filename: part.filename,
        contentType: part.contentType,
        size: part.data.length,
      });
    }
  }
  return { body, files };
}

const BAD_JSON = Symbol('bad JSON');

function parseJson(data: Buffer): unknown {
  try {
    return JSON.parse(data.toString('utf8')) as unknown;
  } catch {
    return BAD_JSON;
  }
}

interface Part {
  name: string;
  filename: string | undefined;
  contentType: string | undefined;
  data: Buffer;
}

/** Splits a multipart body; each step moves past one delimiter, so the loop ends. */
function multipartParts(raw: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Part[] = [];
  let start = raw.indexOf(delimiter);
  while (start !== -1) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next === -1) break;
    const chunk = raw.subarray(start + delimiter.length + 2, next - 2); // drop the CRLFs around it
    const headerEnd = chunk.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const head = chunk.subarray(0, headerEnd).toString('utf8');
      parts.push({
        name: /[;\s]name="([^"]*)"/i.exec(head)?.[1] ?? '',
        filename: /filename="([^"]*)"/i.exec(head)?.[1],
        contentType: /content-type:\s*([^\r\n]+)/i.exec(head)?.[1],
        data: chunk.subarray(headerEnd + 4),
      });
    }
    start = next;
  }
  return parts;
}

/** A command as Discord lists it without `with_localizations`: the dictionaries left out. */
function withoutLocalizations<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutLocalizations) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => k !== 'name_localizations' && k !== 'description_localizations')
      .map(([k, v]) => [k, withoutLocalizations(v)]),
  ) as T;
}
