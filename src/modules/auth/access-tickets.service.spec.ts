import { jest } from '@jest/globals';
import type { AppConfig } from '../../platform/config/config.js';
import type { SecretsService } from '../../platform/config/secrets.service.js';
import { ErrorCode } from '../../platform/http/error-codes.js';
import { AccountType } from '../users/entities/user.entity.js';
import { AccessTicketsService } from './access-tickets.service.js';
import type { AuthContext } from './auth-context.js';
import { SessionScope } from './entities/app-session.entity.js';
import type { JwtStrategy } from './jwt.strategy.js';

const ALICE: AuthContext = {
  userId: 'u1',
  sessionId: 's1',
  scope: SessionScope.Full,
  roles: [],
  accountType: AccountType.Regular,
  jti: 'j1',
  exp: Math.floor(Date.now() / 1000) + 600,
};

function service(resolve: (claims: unknown) => Promise<AuthContext | false>) {
  const strategy = { resolve: jest.fn(resolve) };
  const tickets = new AccessTicketsService(
    { env: { STREAM_TICKET_TTL_SECONDS: 60 } } as AppConfig,
    { ticketSigningKey: Buffer.alloc(32, 3) } as unknown as SecretsService,
    strategy as unknown as JwtStrategy,
  );
  return { tickets, strategy };
}

describe('AccessTicketsService', () => {
  it('mints for the configured lifetime and redeems through the live session', async () => {
    const { tickets, strategy } = service(async () => ALICE);
    const before = Date.now();
    const { ticket, expiresAt } = tickets.mint(ALICE, 'stream', 'st1');
    expect(expiresAt.getTime() - before).toBeGreaterThanOrEqual(60_000);
    expect(expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    expect(await tickets.redeem(ticket, 'stream', 'st1')).toBe(ALICE);
    expect(strategy.resolve).toHaveBeenCalledWith({
      sub: 'u1',
      sid: 's1',
      jti: 'j1',
      iat: expect.any(Number),
      exp: Math.ceil(expiresAt.getTime() / 1000),
    });
    // Minted now: a password changed after this moment ends the ticket.
    const { iat } = strategy.resolve.mock.calls[0]![0] as { iat: number };
    expect(iat).toBe(Math.floor((expiresAt.getTime() - 60_000) / 1000));
  });

  it('refuses with a 401 once the session no longer resolves', async () => {
    const { tickets } = service(async () => false);
    const { ticket } = tickets.mint(ALICE, 'stream', 'st1');
    await expect(tickets.redeem(ticket, 'stream', 'st1')).rejects.toMatchObject({
      code: ErrorCode.InvalidToken,
      message: 'The session this ticket was minted in has ended.',
    });
  });

  it('never asks the session for a ticket of another resource', async () => {
    const { tickets, strategy } = service(async () => {
      throw new Error('unexpected resolve');
    });
    const { ticket } = tickets.mint(ALICE, 'stream', 'st1');
    await expect(tickets.redeem(ticket, 'stream', 'st2')).rejects.toMatchObject({
      code: ErrorCode.InvalidToken,
    });
    expect(strategy.resolve).not.toHaveBeenCalled();
  });
});
