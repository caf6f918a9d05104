import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module.js';
import { ChildAccessChecker } from './child-access.checker.js';
import { ConsentCheckCache } from './consent-check.cache.js';
import { ConsentController } from './consent.controller.js';
import { ConsentService } from './consent.service.js';
import { ParentalConsent } from './entities/parental-consent.entity.js';
import { ParentalRequest } from './entities/parental-request.entity.js';
import { UserConsent } from './entities/user-consent.entity.js';
import { ParentalConsentController } from './parental-consent.controller.js';
import { ParentalConsentRepository } from './parental-consent.repository.js';
import { ParentalConsentService } from './parental-consent.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([UserConsent, ParentalConsent, ParentalRequest]), UsersModule],
  controllers: [ConsentController, ParentalConsentController],
  providers: [
    ConsentService,
    ConsentCheckCache,
    ParentalConsentRepository,
    ParentalConsentService,
    ChildAccessChecker,
  ],
  exports: [ConsentService, ConsentCheckCache],
})
export class ConsentModule {}
