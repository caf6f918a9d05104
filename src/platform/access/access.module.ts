import { Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { OwnerCache } from './owner-cache.js';
import { ResourceAccessGuard } from './resource-access.guard.js';
import { ResourceAccessRegistry } from './resource-access.registry.js';

/**
 * Resource access for every route with an id: `@Access(kind, param)` on the
 * route, a `@AccessChecker()` provider per kind in the module that owns it.
 */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [ResourceAccessRegistry, ResourceAccessGuard, OwnerCache],
  exports: [ResourceAccessRegistry, ResourceAccessGuard, OwnerCache],
})
export class AccessModule {}
