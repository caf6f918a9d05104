import { SetMetadata } from '@nestjs/common';

export const USER_EXPORTER_METADATA = 'parley:user-exporter';

/** A stored file the export points at. */
export interface ExportFile {
  /** Unique within the export (the artifact id): names the file inside an archive. */
  id: string;
  key: string;
  filename: string;
  contentType: string;
}

export interface ExportContext {
  userId: string;
  /**
   * How the document points at a file's bytes: a short-lived link minted now
   * (`GET /v1/me/export`), or its path inside the archive (`POST /v1/me/exports`).
   */
  file(file: ExportFile): Promise<Record<string, unknown>>;
}

/**
 * A section of the export: one value (a promise), or a list streamed record by
 * record (an async iterable), so that a large account never sits in memory.
 */
export type UserExporterMethod = (ctx: ExportContext) => AsyncIterable<unknown> | Promise<unknown>;

/**
 * Marks a provider method as the exporter of one section (a top-level key of
 * the export document, snake_case). Every module that stores user data
 * declares one beside its data; the export finds them at start-up. Records
 * are what the user may see of their data: no secrets, no token hashes.
 */
export function UserExporter(section: string) {
  return <M extends UserExporterMethod>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    SetMetadata(USER_EXPORTER_METADATA, section)(target, key, descriptor);
  };
}
