import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DecoratedMethods } from '../../../platform/discovery/decorated-methods.js';
import {
  USER_EXPORTER_METADATA,
  type ExportContext,
  type UserExporterMethod,
} from './user-exporter.decorator.js';

export const EXPORT_FORMAT = 'parley-export/1';

/** Sections in this order first (what a reader looks for), then the rest by name. */
const LEADING = ['profile', 'consent', 'sessions'];

/**
 * Every module's `@UserExporter`, and the export document built from them as
 * a stream of JSON text: one record at a time, never the whole account in memory.
 */
@Injectable()
export class UserExporters implements OnApplicationBootstrap {
  private readonly sections = new Map<string, UserExporterMethod>();

  constructor(private readonly methods: DecoratedMethods) {}

  onApplicationBootstrap(): void {
    const found = this.methods.find<string>(USER_EXPORTER_METADATA);
    const rank = (name: string) =>
      LEADING.includes(name) ? LEADING.indexOf(name) : LEADING.length;
    found.sort((a, b) => rank(a.meta) - rank(b.meta) || a.meta.localeCompare(b.meta));
    for (const { meta: section, owner, call } of found) {
      if (this.sections.has(section))
        throw new Error(`Export section "${section}" twice (${owner})`);
      this.sections.set(section, call as UserExporterMethod);
    }
  }

  names(): string[] {
    return [...this.sections.keys()];
  }

  /** The document's text; `onSection` hears of each section once it is written. */
  async *document(
    ctx: ExportContext,
    onSection?: (done: number, total: number) => Promise<void>,
  ): AsyncGenerator<string> {
    const head = {
      format: EXPORT_FORMAT,
      exported_at: new Date().toISOString(),
      user_id: ctx.userId,
    };
    yield JSON.stringify(head).slice(0, -1);
    let done = 0;
    for (const [name, exporter] of this.sections) {
      yield `,${JSON.stringify(name)}:`;
      const out = exporter(ctx);
      if (isAsyncIterable(out)) {
        let first = true;
        yield '[';
        for await (const record of out) {
          yield (first ? '' : ',') + JSON.stringify(record);
          first = false;
        }
        yield ']';
      } else {
        yield JSON.stringify((await out) ?? null);
      }
      await onSection?.(++done, this.sections.size);
    }
    yield '}';
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as AsyncIterable<unknown> | null)?.[Symbol.asyncIterator] === 'function';
}
