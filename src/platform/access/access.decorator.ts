import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ACCESS_KEY, type AccessRule } from './access-rule.js';
import { ResourceAccessGuard } from './resource-access.guard.js';

/** A route checks one resource; a second `@Access` would silently replace the first. */
function once(rule: AccessRule): MethodDecorator & ClassDecorator {
  return (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
    const holder = (descriptor?.value as object | undefined) ?? target;
    const existing = Reflect.getOwnMetadata(ACCESS_KEY, holder) as AccessRule | undefined;
    if (existing) {
      const where = key ? String(key) : (target as { name?: string }).name;
      throw new Error(
        `${where}: @Access('${rule.kind}') on top of @Access('${existing.kind}'); a route checks one resource`,
      );
    }
  };
}

/**
 * The caller must be able to reach the resource that path parameter `param`
 * names, a `kind` whose checker its module provides; otherwise 404, as for a
 * missing one. Declaring is enforcing: the metadata and the guard come
 * together, and the guard runs before the body is validated, so another user's
 * id looks exactly like a missing one whatever the request carries.
 */
export function Access(kind: string, param = 'id'): MethodDecorator & ClassDecorator {
  const rule: AccessRule = { kind, param };
  return applyDecorators(once(rule), SetMetadata(ACCESS_KEY, rule), UseGuards(ResourceAccessGuard));
}
