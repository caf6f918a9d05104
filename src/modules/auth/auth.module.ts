import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { FeatureFlagsModule } from '../feature-flags/feature-flags.module.js';
import { ConsentModule } from '../consent/consent.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AccessTicketsService } from './access-tickets.service.js';
import { AuthGuard } from './auth.guard.js';
import { AuthErasure } from './auth-erasure.js';
import { AuthService } from './auth.service.js';
import { AppSession } from './entities/app-session.entity.js';
import { LoginAttempt } from './entities/login-attempt.entity.js';
import { PasswordResetAttempt, PasswordResetToken } from './entities/password-reset.entity.js';
import { RefreshToken } from './entities/refresh-token.entity.js';
import { RevokedJti } from './entities/revoked-jti.entity.js';
import { TrustedClient } from './entities/trusted-client.entity.js';
import { GuestMergeRepository } from './guest-merge.repository.js';
import { GuestMergeService } from './guest-merge.service.js';
import { IdpController } from './idp.controller.js';
import { IdpService } from './idp.service.js';
import { JwtStrategy } from './jwt.strategy.js';
import { LdapController } from './ldap/ldap.controller.js';
import { LdapDirectory } from './ldap/ldap-directory.js';
import { LdapService } from './ldap/ldap.service.js';
import { VerifiedTokens } from './verified-tokens.js';
import { LockoutService } from './lockout.service.js';
import { LoginAttemptsRepository } from './login-attempts.repository.js';
import { PasswordResetService } from './password-reset.service.js';
import { PasswordResetsRepository } from './password-resets.repository.js';
import { PasswordsService } from './passwords.service.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { RefreshTokensService } from './refresh-tokens.service.js';
import { RevocationService } from './revocation.service.js';
import { RevokedJtisRepository } from './revoked-jtis.repository.js';
import { SessionsController } from './sessions.controller.js';
import { SessionAccessChecker } from './session-access.checker.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';
import { TokensService } from './tokens.service.js';
import { TrustedClientsController } from './trusted-clients.controller.js';
import { TrustedClientsService } from './trusted-clients.service.js';
import { AuthRetention } from './auth.retention.js';
import { SessionsExporter } from './sessions.exporter.js';

/** Sign-in, sessions and tokens; registers the global auth guard (every route, unless @Public()). */
@Module({
  imports: [
    PassportModule,
    TypeOrmModule.forFeature([
      AppSession,
      RefreshToken,
      RevokedJti,
      LoginAttempt,
      PasswordResetToken,
      PasswordResetAttempt,
      TrustedClient,
    ]),
    UsersModule,
    ConsentModule,
    AuditModule,
    FeatureFlagsModule,
  ],
  controllers: [
    AuthController,
    SessionsController,
    IdpController,
    LdapController,
    TrustedClientsController,
  ],
  providers: [
    AuthService,
    GuestMergeService,
    GuestMergeRepository,
    TokensService,
    JwtStrategy,
    VerifiedTokens,
    SessionsRepository,
    SessionsService,
    SessionAccessChecker,
    RefreshTokensRepository,
    RefreshTokensService,
    RevokedJtisRepository,
    RevocationService,
    LoginAttemptsRepository,
    LockoutService,
    AuthErasure,
    PasswordsService,
    PasswordResetsRepository,
    PasswordResetService,
    IdpService,
    LdapDirectory,
    LdapService,
    TrustedClientsService,
    AccessTicketsService,
    AuthRetention,
    SessionsExporter,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [
    AuthService,
    PasswordsService,
    SessionsService,
    TrustedClientsService,
    TokensService,
    RevocationService,
    AccessTicketsService,
    LockoutService,
  ],
})
export class AuthModule {}
