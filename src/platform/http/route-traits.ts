import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import { PUBLIC_KEY, ROLES_KEY } from './public.decorator.js';

/** What the document's post-processing needs to know of a route beyond what @nestjs/swagger wrote. */
export interface RouteTraits {
  /** @Public(): no access token. */
  public: boolean;
  /** @Roles(...): a caller without the role hears 404, the surface does not exist for them. */
  roles: boolean;
  /** @ApiProduces(): the media types of its success body, where it is not JSON. */
  produces?: string[];
}

/**
 * The traits of every route, by operationId (`<Controller>_<method>`, as
 * openapi.ts names operations). Read from the same metadata the guards read,
 * so the document cannot drift from what the guards do.
 */
export function collectRouteTraits(app: INestApplication): Map<string, RouteTraits> {
  const traits = new Map<string, RouteTraits>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) continue;
      const prefix = controller.name.replace(/Controller$/, '');
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const read = (key: string): unknown =>
          Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        const produces = read(DECORATORS.API_PRODUCES);
        traits.set(`${prefix}_${name}`, {
          public: read(PUBLIC_KEY) === true,
          roles: Array.isArray(read(ROLES_KEY)) && (read(ROLES_KEY) as unknown[]).length > 0,
          ...(Array.isArray(produces) ? { produces: produces.map(String) } : {}),
        });
      }
    }
  }
  return traits;
}
