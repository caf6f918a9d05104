import { Injectable, type OnModuleInit, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { DiscoveryService } from '@nestjs/core';
import { isUuid } from '../database/uuid.js';
import { DomainError } from '../http/domain-error.js';
import { PUBLIC_KEY } from '../http/public.decorator.js';
import { ACCESS_KEY, type AccessRule } from './access-rule.js';
import { AccessChecker, type ResourceChecker } from './resource-checker.js';

/**
 * Kind -> checker, gathered from every module's `@AccessChecker()` providers at
 * start-up. Start-up also fails for a route whose `@Access` names a kind nobody
 * checks, a parameter its path lacks, or a public route: a rule that cannot be
 * enforced must not be served.
 */
@Injectable()
export class ResourceAccessRegistry implements OnModuleInit {
  private readonly checkers = new Map<string, { checker: ResourceChecker; owner: string }>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: AccessChecker.KEY })) {
      if (!wrapper.isDependencyTreeStatic()) {
        throw new Error(`${wrapper.name} checks access but is request-scoped`);
      }
      this.register(wrapper.instance as ResourceChecker, String(wrapper.name));
    }
    this.assertRoutesCheckable();
  }

  register(checker: ResourceChecker, owner: string): void {
    const existing = this.checkers.get(checker.kind);
    if (existing) {
      throw new Error(`Kind "${checker.kind}" has two checkers: ${existing.owner} and ${owner}`);
    }
    this.checkers.set(checker.kind, { checker, owner });
  }

  /** Resolves when `userId` may reach resource `id` of `kind`; otherwise a 404 naming the resource. */
  async assertAccess(
    kind: string,
    userId: string | undefined,
    id: string | undefined,
  ): Promise<void> {
    const entry = this.checkers.get(kind);
    if (!entry) throw new Error(`No checker for kind "${kind}"`);
    const { checker } = entry;
    const wellFormed = id !== undefined && (checker.isId ? checker.isId(id) : isUuid(id));
    if (!userId || !wellFormed || !(await checker.check(userId, id))) {
      throw DomainError.notFound(checker.name);
    }
  }

  private assertRoutesCheckable(): void {
    const problems: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const onClass = Reflect.getMetadata(ACCESS_KEY, controller) as AccessRule | undefined;
      const proto = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const handler = proto[name];
        if (typeof handler !== 'function' || !Reflect.hasMetadata(METHOD_METADATA, handler)) {
          continue;
        }
        const onHandler = Reflect.getMetadata(ACCESS_KEY, handler) as AccessRule | undefined;
        const rule = onHandler ?? onClass;
        if (!rule) continue;
        const route = `${controller.name}.${name}`;
        if (onClass && onHandler) {
          problems.push(`${route}: @Access on both the controller and the route`);
        }
        if (!this.checkers.has(rule.kind)) {
          problems.push(`${route}: no checker for kind "${rule.kind}"`);
        }
        const paths = pathsOf(controller, handler);
        if (!paths.every((p) => new RegExp(`:${rule.param}(?![A-Za-z0-9_])`).test(p))) {
          problems.push(`${route}: its path has no :${rule.param}`);
        }
        if (
          Reflect.getMetadata(PUBLIC_KEY, handler) ||
          Reflect.getMetadata(PUBLIC_KEY, controller)
        ) {
          problems.push(`${route}: @Access on a public route`);
        }
      }
    }
    if (problems.length > 0)
      throw new Error(`Unenforceable @Access rules:\n  ${problems.join('\n  ')}`);
  }
}

function pathsOf(controller: Type, handler: unknown): string[] {
  const list = (value: unknown): string[] =>
    Array.isArray(value) ? (value as string[]) : [typeof value === 'string' ? value : ''];
  const bases = list(Reflect.getMetadata(PATH_METADATA, controller));
  const subs = list(Reflect.getMetadata(PATH_METADATA, handler as object));
  return bases.flatMap((base) => subs.map((sub) => `${base}/${sub}`));
}
