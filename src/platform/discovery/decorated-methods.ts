import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

/** A provider method carrying a metadata key, bound to its instance. */
export interface DecoratedMethod<M> {
  meta: M;
  /** `Class.method`, for messages. */
  owner: string;
  call: (...args: unknown[]) => unknown;
}

/**
 * Finds every method of the application's singleton providers that carries
 * `key`: how modules contribute to a registry (exporters, retention policies)
 * without the registry importing them.
 */
@Injectable()
export class DecoratedMethods {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  find<M>(key: string): DecoratedMethod<M>[] {
    const found: DecoratedMethod<M>[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const prototype = (wrapper.metatype as { prototype?: object } | null)?.prototype;
      if (!prototype || wrapper.inject) continue;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = (prototype as Record<string, unknown>)[method];
        if (typeof fn !== 'function') continue;
        const meta = this.reflector.get<M | undefined>(key, fn);
        if (meta === undefined) continue;
        const owner = `${wrapper.metatype!.name}.${method}`;
        if (!wrapper.isDependencyTreeStatic()) {
          throw new Error(`${owner} carries ${key} but its provider is request-scoped`);
        }
        const instance = wrapper.instance as Record<string, (...args: unknown[]) => unknown>;
        found.push({ meta, owner, call: (...args) => instance[method]!(...args) });
      }
    }
    return found;
  }
}
