import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module.js';
import { ConsentController } from './consent.controller.js';
import { ConsentService } from './consent.service.js';
import { UserConsent } from './entities/user-consent.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([UserConsent]), UsersModule],
  controllers: [ConsentController],
  providers: [ConsentService],
  exports: [ConsentService],
})
export class ConsentModule {}
