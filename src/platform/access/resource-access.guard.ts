import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_KEY, type AccessRule } from './access-rule.js';
import { ResourceAccessRegistry } from './resource-access.registry.js';

interface AccessRequest {
  user?: { userId: string };
  params: Record<string, string | undefined>;
}

/** Enforces a route's `@Access` rule; the global auth guard has run before it. */
@Injectable()
export class ResourceAccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly registry: ResourceAccessRegistry,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) return true;
    const req = context.switchToHttp().getRequest<AccessRequest>();
    await this.registry.assertAccess(rule.kind, req.user?.userId, req.params[rule.param]);
    return true;
  }
}
