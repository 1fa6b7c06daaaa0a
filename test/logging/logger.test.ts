import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logging/logger.js';

function capture(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

describe('logger', () => {
  it('redacts tokens, keys and the URL and body of failed Discord requests', () => {
    const out = capture();
    const logger = createLogger('info', out.stream);
    const error = Object.assign(new Error('Unknown interaction'), {
      url: 'https://discord.com/api/v10/interactions/1/secret-interaction-token/callback',
      requestBody: { json: { type: 4 } },
    });
    logger.error(
      { err: error, config: { token: 'bot-token-value' }, publicKey: 'abcdef' },
      'interaction response failed',
    );
    expect(out.text()).toContain('Unknown interaction');
    for (const secret of ['secret-interaction-token', 'bot-token-value', 'abcdef', '"type":4']) {
      expect(out.text()).not.toContain(secret);
    }
  });
});
