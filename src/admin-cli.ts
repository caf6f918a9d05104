import 'reflect-metadata';
import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Actors } from './modules/audit/audit.service.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { ConsentModule } from './modules/consent/consent.module.js';
import { Role } from './modules/users/entities/user.entity.js';
import { UsersModule } from './modules/users/users.module.js';
import { UsersService } from './modules/users/users.service.js';
import { AccessModule } from './platform/access/access.module.js';
import { CacheModule } from './platform/cache/cache.module.js';
import { ConfigError, loadConfig, type AppConfig } from './platform/config/config.js';
import { ConfigModule } from './platform/config/config.module.js';
import { DatabaseModule } from './platform/database/database.module.js';
import { DomainEventsModule } from './platform/events/domain-events.js';
import { MailModule } from './platform/mail/mail.module.js';

/**
 * The identity modules without HTTP. The auth module is included because it
 * listens for role changes and drops cached session state, through Redis, on
 * every running instance: a grant or revoke applies to live sessions at once.
 */
@Module({})
class AdminCliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AdminCliModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config),
        CacheModule.forRoot(config),
        DomainEventsModule,
        AccessModule,
        MailModule.forRoot(config),
        UsersModule,
        ConsentModule,
        AuthModule,
      ],
    };
  }
}

const USAGE = 'usage: admin-cli grant|revoke <email>   (npm run admin:grant -- <email>)';

/** `grant <email>` / `revoke <email>`: the admin role, outside the HTTP API. */
async function main(): Promise<void> {
  const [command, email] = process.argv.slice(2);
  if (!email || (command !== 'grant' && command !== 'revoke')) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(AdminCliModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    const users = app.get(UsersService);
    const user = await users.findByEmail(email);
    if (!user) {
      console.error(`No account with the email ${email}.`);
      process.exitCode = 1;
      return;
    }
    if (command === 'grant') await users.grantRole(user.id, Role.Admin, Actors.cli());
    else await users.revokeRole(user.id, Role.Admin, Actors.cli());
    console.log(
      `${command === 'grant' ? 'Granted' : 'Revoked'} admin for ${user.email} (${user.id}).`,
    );
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
