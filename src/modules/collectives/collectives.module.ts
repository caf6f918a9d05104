import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsentModule } from '../consent/consent.module.js';
import { UsersModule } from '../users/users.module.js';
import { CollectiveAccessChecker } from './collective-access.checker.js';
import { CollectiveAccessService } from './collective-access.js';
import { CollectivesController } from './collectives.controller.js';
import { CollectivesRepository } from './collectives.repository.js';
import { CollectiveErasure } from './collective-erasure.js';
import { CollectivesService } from './collectives.service.js';
import { Collective } from './entities/collective.entity.js';
import { Invitation } from './entities/invitation.entity.js';
import { CollectiveMembership } from './entities/membership.entity.js';
import { InvitationsController } from './invitations.controller.js';
import { InvitationsRepository } from './invitations.repository.js';
import { InvitationsService } from './invitations.service.js';
import { MembersController } from './members.controller.js';
import { MembersService } from './members.service.js';
import { MembershipsRepository } from './memberships.repository.js';
import { CollectivesExporter } from './collectives.exporter.js';

/** Families, classes, schools and organisations: hierarchy, roles, invitations, family consent. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Collective, CollectiveMembership, Invitation]),
    ConsentModule,
    UsersModule,
  ],
  controllers: [CollectivesController, MembersController, InvitationsController],
  providers: [
    CollectivesExporter,
    CollectivesRepository,
    MembershipsRepository,
    InvitationsRepository,
    CollectiveAccessService,
    CollectiveAccessChecker,
    CollectivesService,
    MembersService,
    InvitationsService,
    CollectiveErasure,
  ],
  exports: [CollectivesService],
})
export class CollectivesModule {}
