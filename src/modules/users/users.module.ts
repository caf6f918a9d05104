import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CryptoModule } from '../../platform/crypto/crypto.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { ApiKeysService } from './api-keys.service.js';
import { IdpLogin } from './entities/idp-login.entity.js';
import { UserApiKey } from './entities/user-api-key.entity.js';
import { User } from './entities/user.entity.js';
import { MeController } from './me.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersErasure } from './users-erasure.js';
import { UsersService } from './users.service.js';
import { UsersExporter } from './users.exporter.js';

@Module({
  imports: [TypeOrmModule.forFeature([User, IdpLogin, UserApiKey]), CryptoModule, AuditModule],
  controllers: [MeController],
  providers: [UsersRepository, UsersService, ApiKeysService, UsersErasure, UsersExporter],
  exports: [UsersService, ApiKeysService],
})
export class UsersModule {}
