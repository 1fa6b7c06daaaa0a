import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { Server } from 'node:http';
import type {
  APIInteractionResponse,
  APIInteractionResponseCallbackData,
} from 'discord-api-types/v10';
import type { AddressInfo } from 'node:net';

/**
 * A test application key pair: signs request bodies as Discord does (Ed25519 over timestamp + raw
 * body) and gives the public key in the developer portal's format (64 hex characters).
 */
export class TestSigner {
  readonly publicKeyHex: string;
  private readonly privateKey: KeyObject;

  constructor() {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    // The last 32 bytes of the SPKI DER encoding are the raw key.
    this.publicKeyHex = publicKey
      .export({ format: 'der', type: 'spki' })
      .subarray(-32)
      .toString('hex');
    this.privateKey = privateKey;
  }

  /** Signature headers for `body`, stamped `timestamp` (seconds; now by default). */
  headers(
    body: string | Buffer,
    timestamp = Math.floor(Date.now() / 1000),
  ): Record<string, string> {
    const stamp = String(timestamp);
    const signature = sign(
      null,
      Buffer.concat([Buffer.from(stamp), Buffer.from(body)]),
      this.privateKey,
    ).toString('hex');
    return {
      'content-type': 'application/json',
      'x-signature-ed25519': signature,
      'x-signature-timestamp': stamp,
    };
  }
}

/** Listens on 127.0.0.1 and a free port; resolves with the base URL. */
export async function listenLocal(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Closes the server and every connection now. */
export function closeNow(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** POSTs `body` (signed by `signer` unless headers are given) and reads the whole answer. */
export async function post(
  url: string,
  body: string,
  headers: Record<string, string>,
  signal = AbortSignal.timeout(5000),
): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', body, headers, signal });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** POSTs `interaction` signed by `signer`, as Discord does; resolves with the interaction response. */
export async function sendSigned(
  signer: TestSigner,
  url: string,
  interaction: unknown,
): Promise<APIInteractionResponse> {
  const body = JSON.stringify(interaction);
  const answer = await post(url, body, signer.headers(body));
  if (answer.status !== 200) throw new Error(`expected 200, got ${answer.status}: ${answer.text}`);
  return answer.json as APIInteractionResponse;
}

/** The message data of an interaction response (empty for a PONG). */
export const responseData = (
  response: APIInteractionResponse,
): APIInteractionResponseCallbackData =>
  ('data' in response ? response.data : {}) as APIInteractionResponseCallbackData;
