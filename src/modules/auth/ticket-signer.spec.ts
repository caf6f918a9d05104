import { ErrorCode } from '../../platform/http/error-codes.js';
import { TicketSigner } from './ticket-signer.js';

const T0 = 1_800_000_000_000;
const GRANT = { kind: 'stream', resourceId: 's1', userId: 'u1', sessionId: 'sid1', jti: 'j1' };

function signerAt(start = T0) {
  let now = start;
  const signer = new TicketSigner(Buffer.alloc(32, 7), () => now);
  return { signer, advance: (ms: number) => (now += ms) };
}

function failure(work: () => unknown): { code: unknown; detail: string } {
  try {
    work();
  } catch (err) {
    return { code: (err as { code?: unknown }).code, detail: (err as Error).message };
  }
  throw new Error('expected a refusal');
}

describe('TicketSigner', () => {
  it('grants what it signed, until just before its expiry', () => {
    const { signer, advance } = signerAt();
    const { ticket, expMs } = signer.sign(GRANT, 60_000);
    expect(expMs).toBe(T0 + 60_000);
    expect(ticket).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    advance(59_999);
    expect(signer.verify(ticket, 'stream', 's1')).toEqual({
      ...GRANT,
      iat: T0 / 1000,
      expMs: T0 + 60_000,
    });
    advance(1);
    expect(failure(() => signer.verify(ticket, 'stream', 's1'))).toEqual({
      code: ErrorCode.InvalidToken,
      detail: 'This ticket has expired; mint a new one.',
    });
  });

  it('refuses a ticket for another resource or kind', () => {
    const { signer } = signerAt();
    const { ticket } = signer.sign(GRANT, 60_000);
    expect(failure(() => signer.verify(ticket, 'stream', 's2')).detail).toBe(
      'This ticket is for another stream.',
    );
    expect(failure(() => signer.verify(ticket, 'conversation', 's1')).code).toBe(
      ErrorCode.InvalidToken,
    );
  });

  it('refuses any altered byte, another key, and garbage', () => {
    const { signer } = signerAt();
    const { ticket } = signer.sign(GRANT, 60_000);
    const [body, mac] = ticket.split('.') as [string, string];
    const forged = Buffer.from(
      Buffer.from(body, 'base64url').toString().replace('"u1"', '"u2"'),
    ).toString('base64url');
    const flip = (s: string, i: number) =>
      s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
    const other = new TicketSigner(Buffer.alloc(32, 8), () => T0);
    for (const bad of [
      `${forged}.${mac}`,
      `${body}.${flip(mac, 5)}`,
      `${flip(body, 3)}.${mac}`,
      other.sign(GRANT, 60_000).ticket,
      '',
      '.',
      body,
      `${body}.${mac}.x`,
      `${'a'.repeat(3000)}.${mac}`,
    ]) {
      expect(failure(() => signer.verify(bad, 'stream', 's1'))).toEqual({
        code: ErrorCode.InvalidToken,
        detail: 'This ticket is not valid.',
      });
    }
  });
});
