import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '../http/domain-error.js';
import { assertBlobKey } from './blob-key.js';
import { BLOB_STORE, type BlobStore, type StoredBlob } from './blob-store.port.js';
import { BLOB_URL_SIGNER, BlobUrlSigner, type BlobLinkQuery } from './blob-url-signer.js';

export interface OpenedDownload {
  blob: StoredBlob;
  filename?: string;
  contentType: string;
}

/** Opens the blob a filesystem download link grants, once the link has proved itself. */
@Injectable()
export class BlobDownloadService {
  constructor(
    @Inject(BLOB_STORE) private readonly store: BlobStore,
    @Inject(BLOB_URL_SIGNER) private readonly signer: BlobUrlSigner,
  ) {}

  async open(query: BlobLinkQuery): Promise<OpenedDownload> {
    const link = this.signer.verify(query);
    assertBlobKey(link.key);
    // S3 serves its own presigned URLs; this route only ever stood for the filesystem.
    if (this.store.driver !== 'filesystem') throw DomainError.notFound('Blob');
    const blob = await this.store.get(link.key);
    if (!blob) throw DomainError.notFound('Blob');
    return { blob, filename: link.filename, contentType: link.contentType ?? blob.contentType };
  }
}
