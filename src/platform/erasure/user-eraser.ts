import { applyDecorators, Injectable, SetMetadata, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { EraseOutcome } from './erase-counts.js';

export const USER_ERASER_METADATA = 'parley:user-eraser';

/**
 * What an eraser does with one user-linked column:
 * - `delete`: the rows go;
 * - `detach`: the column is set to NULL (the row belongs to someone else);
 * - `pseudonymise`: the user's id is replaced by the erasure's pseudonym
 *   (append-only history: the record stays, the person goes).
 * Whatever the action, no row names the user afterwards: that is what the
 * verification pass counts.
 */
export interface UserLinkedColumnErasure {
  table: string;
  column: string;
  action: 'delete' | 'detach' | 'pseudonymise';
}

export interface UserEraseContext {
  manager: EntityManager;
  /** The account's email as it was (rows keyed by the address, not the id). */
  email: string | null;
  /** Stands for the user in what stays (the audit log, the receipt). */
  pseudonym: string;
}

/**
 * A module's share of erasing a user. It runs inside the erase's transaction
 * (all erasers in one) and returns what it removed; what it keeps outside the
 * database goes in `outside` steps, run after the commit and verified again.
 */
export interface UserEraser {
  /** Every user-linked column of the module's tables; a catalogue test checks none is missing. */
  readonly columns: readonly UserLinkedColumnErasure[];
  erase(userId: string, context: UserEraseContext): Promise<Partial<EraseOutcome>>;
}

/**
 * Marks a provider as a user eraser. The erasure module finds every one at
 * start-up, so a module added later joins by declaring its provider.
 * `order`: lower runs first (rows that others point at go later; the account row last).
 */
export function ErasesUserData(options: { order?: number } = {}): ClassDecorator {
  return applyDecorators(
    Injectable(),
    SetMetadata(USER_ERASER_METADATA, { order: options.order ?? 100 }),
  );
}

/** The columns an eraser declares. */
export type ErasedColumns = readonly UserLinkedColumnErasure[];

export interface RegisteredUserEraser {
  name: string;
  order: number;
  eraser: UserEraser;
}

/** Every `@ErasesUserData` provider of the application, in the order they run. */
@Injectable()
export class UserErasers implements OnModuleInit {
  private erasers: RegisteredUserEraser[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found: RegisteredUserEraser[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const type = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!type || wrapper.inject) continue;
      const meta = Reflect.getMetadata(USER_ERASER_METADATA, type) as { order: number } | undefined;
      if (!meta) continue;
      if (!wrapper.isDependencyTreeStatic()) {
        throw new Error(`${type.name} erases user data but its provider is request-scoped`);
      }
      found.push({ name: type.name, order: meta.order, eraser: wrapper.instance as UserEraser });
    }
    const seen = new Map<string, string>();
    for (const { name, eraser } of found) {
      for (const c of eraser.columns) {
        const key = `${c.table}.${c.column}`;
        const other = seen.get(key);
        if (other) throw new Error(`${key} is erased by both ${other} and ${name}`);
        seen.set(key, name);
      }
    }
    this.erasers = found.sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
  }

  all(): readonly RegisteredUserEraser[] {
    return this.erasers;
  }

  columns(): UserLinkedColumnErasure[] {
    return this.erasers.flatMap((e) => e.eraser.columns);
  }
}
