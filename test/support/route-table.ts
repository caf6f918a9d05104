import { RequestMethod, type INestApplication, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import {
  PUBLIC_KEY,
  ROLES_KEY,
  SCOPES_KEY,
  TICKET_KEY,
} from '../../src/modules/auth/auth.decorators.js';
import { ACCESS_KEY, type AccessRule } from '../../src/platform/access/access-rule.js';
import { SessionScope } from '../../src/modules/auth/entities/app-session.entity.js';

export interface RouteInfo {
  method: string;
  /** Express-style path with the global prefix: `/v1/auth/sessions/:id`. */
  path: string;
  public: boolean;
  scopes: SessionScope[];
  roles: string[];
  /** What its `@Access` declares: the path parameter naming a resource the caller must reach. */
  access?: AccessRule;
  /** Whether `?ticket=` (minted for the resource of its `@Access`) stands in for the header. */
  ticket: boolean;
  params: string[];
  controller: string;
  handler: string;
}

/** Routes served outside the /v1 prefix (bootstrap.ts). */
const UNVERSIONED = new Set(['health/live', 'health/ready', 'metrics']);

function join(...parts: (string | undefined)[]): string {
  const path = parts
    .flatMap((p) => (p ?? '').split('/'))
    .filter(Boolean)
    .join('/');
  return path;
}

function metadata<T>(key: string, handler: object, controller: Type): T | undefined {
  return (
    (Reflect.getMetadata(key, handler) as T | undefined) ??
    (Reflect.getMetadata(key, controller) as T | undefined)
  );
}

/**
 * Every route the running application serves, read from the controllers Nest
 * registered, with what the auth decorators declare about it. Security matrices
 * iterate over this, so a route added later is covered without editing them.
 */
export function routeTable(app: INestApplication): RouteInfo[] {
  const routes: RouteInfo[] = [];
  const seen = new Set<Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const sub = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        const relative = join(Array.isArray(base) ? base[0] : base, sub);
        const path = UNVERSIONED.has(relative) ? `/${relative}` : `/${join('v1', relative)}`;
        routes.push({
          method: RequestMethod[method],
          path,
          public: metadata<boolean>(PUBLIC_KEY, handler, controller) === true,
          scopes: metadata<SessionScope[]>(SCOPES_KEY, handler, controller) ?? [SessionScope.Full],
          roles: metadata<string[]>(ROLES_KEY, handler, controller) ?? [],
          access: metadata<AccessRule>(ACCESS_KEY, handler, controller),
          ticket: metadata<boolean>(TICKET_KEY, handler, controller) === true,
          params: [...path.matchAll(/:([A-Za-z_]+)/g)].map((m) => m[1]!),
          controller: controller.name,
          handler: name,
        });
      }
    }
  }
  return routes.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

export function describeRoute(route: RouteInfo): string {
  return `${route.method} ${route.path}`;
}

/** Express path -> OpenAPI path (`:id` -> `{id}`). */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z_]+)/g, '{$1}');
}
