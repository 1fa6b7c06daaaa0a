import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/**
 * Discord signs every interaction it POSTs: Ed25519 over `X-Signature-Timestamp` + the raw body,
 * with the application's key pair. An endpoint that accepts a bad signature is removed by Discord
 * (it sends some on purpose), so anything that does not verify is refused before it is parsed.
 */

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw 32-byte key follows it. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const SIGNATURE_HEX = /^[0-9a-fA-F]{128}$/;
const TIMESTAMP = /^\d{1,12}$/;

export const SIGNATURE_DEFAULTS = {
  /** A timestamp further than this from our clock is refused (replays of old captures). */
  maxSkewSeconds: 300,
} as const;

export type SignatureVerdict =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly reason:
        | 'missing signature'
        | 'malformed signature'
        | 'missing timestamp'
        | 'malformed timestamp'
        | 'stale timestamp'
        | 'bad signature';
    };

export interface SignedHeaders {
  readonly signature: string | undefined;
  readonly timestamp: string | undefined;
}

export interface SignatureVerifierOptions {
  readonly maxSkewSeconds?: number;
  /** Clock in ms (tests). */
  readonly now?: () => number;
}

/** The application's public key (64 hex characters, as the developer portal shows it). */
export function publicKeyFromHex(hex: string): KeyObject {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
    throw new TypeError('DISCORD_PUBLIC_KEY: expected the 64-character hex public key');
  }
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

export class SignatureVerifier {
  private readonly key: KeyObject;
  private readonly maxSkewMs: number;
  private readonly now: () => number;

  constructor(publicKeyHex: string, options: SignatureVerifierOptions = {}) {
    this.key = publicKeyFromHex(publicKeyHex);
    this.maxSkewMs = (options.maxSkewSeconds ?? SIGNATURE_DEFAULTS.maxSkewSeconds) * 1000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The checks that need only the headers: cheap, so forged floods are refused before their body
   * is read.
   */
  checkHeaders(headers: SignedHeaders): SignatureVerdict {
    if (headers.signature === undefined) return { ok: false, reason: 'missing signature' };
    if (!SIGNATURE_HEX.test(headers.signature)) return { ok: false, reason: 'malformed signature' };
    if (headers.timestamp === undefined) return { ok: false, reason: 'missing timestamp' };
    if (!TIMESTAMP.test(headers.timestamp)) return { ok: false, reason: 'malformed timestamp' };
    const skew = Math.abs(this.now() - Number(headers.timestamp) * 1000);
    if (skew > this.maxSkewMs) return { ok: false, reason: 'stale timestamp' };
    return { ok: true };
  }

  /** Every check: headers, then the signature over timestamp + raw body. */
  verify(headers: SignedHeaders, rawBody: Buffer): SignatureVerdict {
    const early = this.checkHeaders(headers);
    if (!early.ok) return early;
    const message = Buffer.concat([Buffer.from(headers.timestamp ?? '', 'utf8'), rawBody]);
    const signature = Buffer.from(headers.signature ?? '', 'hex');
    return verify(null, message, this.key, signature)
      ? { ok: true }
      : { ok: false, reason: 'bad signature' };
  }
}
