import { describe, expect, it } from 'vitest';
import { publicKeyFromHex, SignatureVerifier } from '../../../src/discord/http/signature.js';
import { TestSigner } from './support/signed.js';

const NOW_S = 1_760_000_000;
const signer = new TestSigner();
const verifier = new SignatureVerifier(signer.publicKeyHex, { now: () => NOW_S * 1000 });
const body = Buffer.from('{"type":1,"id":"1"}');

function headersFor(text: Buffer | string, timestamp = NOW_S) {
  const h = signer.headers(text, timestamp);
  return { signature: h['x-signature-ed25519'], timestamp: h['x-signature-timestamp'] };
}

describe('SignatureVerifier', () => {
  it('accepts a body signed with the application key', () => {
    expect(verifier.verify(headersFor(body), body)).toEqual({ ok: true });
  });

  it('accepts the public key in upper-case hex too', () => {
    const upper = new SignatureVerifier(signer.publicKeyHex.toUpperCase(), {
      now: () => NOW_S * 1000,
    });
    expect(upper.verify(headersFor(body), body).ok).toBe(true);
  });

  it('refuses a missing or malformed signature before looking at the body', () => {
    const { timestamp } = headersFor(body);
    expect(verifier.checkHeaders({ signature: undefined, timestamp })).toEqual({
      ok: false,
      reason: 'missing signature',
    });
    for (const signature of ['zz'.repeat(64), 'ab'.repeat(63), 'ab'.repeat(65), '']) {
      expect(verifier.checkHeaders({ signature, timestamp })).toEqual({
        ok: false,
        reason: 'malformed signature',
      });
    }
  });

  it('refuses a missing or malformed timestamp', () => {
    const { signature } = headersFor(body);
    expect(verifier.verify({ signature, timestamp: undefined }, body)).toMatchObject({
      reason: 'missing timestamp',
    });
    for (const timestamp of ['', 'soon', '-5', '1.5', '9'.repeat(13)]) {
      expect(verifier.verify({ signature, timestamp }, body)).toMatchObject({
        reason: 'malformed timestamp',
      });
    }
  });

  it('refuses a timestamp more than five minutes off, in either direction', () => {
    for (const offset of [-301, 301, -3600, 86_400]) {
      const h = headersFor(body, NOW_S + offset);
      expect(verifier.verify(h, body)).toEqual({ ok: false, reason: 'stale timestamp' });
    }
    for (const offset of [-299, 299]) {
      expect(verifier.verify(headersFor(body, NOW_S + offset), body).ok).toBe(true);
    }
  });

  it('refuses a signature by another key (a forgery)', () => {
    const forger = new TestSigner();
    const h = forger.headers(body, NOW_S);
    expect(
      verifier.verify(
        { signature: h['x-signature-ed25519'], timestamp: h['x-signature-timestamp'] },
        body,
      ),
    ).toEqual({ ok: false, reason: 'bad signature' });
  });

  it('refuses a tampered body or a tampered timestamp', () => {
    const h = headersFor(body);
    expect(verifier.verify(h, Buffer.from('{"type":1,"id":"2"}'))).toMatchObject({
      reason: 'bad signature',
    });
    expect(verifier.verify(h, Buffer.concat([body, Buffer.from(' ')]))).toMatchObject({
      reason: 'bad signature',
    });
    expect(verifier.verify({ ...h, timestamp: String(NOW_S + 1) }, body)).toMatchObject({
      reason: 'bad signature',
    });
  });

  it('refuses a public key that is not 64 hex characters', () => {
    expect(() => publicKeyFromHex('abc')).toThrow(/DISCORD_PUBLIC_KEY/);
    expect(() => publicKeyFromHex('g'.repeat(64))).toThrow(/DISCORD_PUBLIC_KEY/);
  });
});
