import type { AccountType, Role } from '../users/entities/user.entity.js';
import type { SessionScope } from './entities/app-session.entity.js';

/** Who is calling, resolved once per request by the auth guard. */
export interface AuthContext {
  userId: string;
  sessionId: string;
  scope: SessionScope;
  roles: Role[];
  accountType: AccountType;
  jti: string;
  /** Access token expiry, epoch seconds. */
  exp: number;
}
