import { Inject } from '@nestjs/common';
import {
  ErasesUserData,
  type ErasedColumns,
  type UserEraseContext,
  type UserEraser,
} from '../../../platform/erasure/index.js';
import { BLOB_STORE, type BlobStore } from '../../../platform/storage/blob-store.port.js';
import { exportBlobKey } from './data-exports.service.js';

/**
 * The user's export archives go with the account: the rows in the erase's
 * transaction, their zips from the blob store once it committed (not at the
 * next retention run), and the verification pass looks for the zips again.
 */
@ErasesUserData({ order: 20 })
export class DataExportsErasure implements UserEraser {
  readonly columns: ErasedColumns = [
    { table: 'app.data_exports', column: 'user_id', action: 'delete' },
  ];

  constructor(@Inject(BLOB_STORE) private readonly store: BlobStore) {}

  async erase(userId: string, { manager }: UserEraseContext) {
    const rows = (await manager.query(
      `DELETE FROM app.data_exports WHERE user_id = $1 RETURNING id`,
      [userId],
    )) as [{ id: string }[], number];
    const keys = rows[0].map((r) => exportBlobKey(r.id));
    return {
      removed: { 'app.data_exports': rows[1] },
      outside: keys.length
        ? [
            {
              what: `${keys.length} export archive(s)`,
              run: async () => {
                let blobs = 0;
                for (const key of keys) {
                  if (!(await this.store.exists(key))) continue;
                  await this.store.delete(key);
                  blobs++;
                }
                return { blobs };
              },
              verify: async () => {
                let left = 0;
                for (const key of keys) if (await this.store.exists(key)) left++;
                return { blobs: left };
              },
            },
          ]
        : [],
    };
  }
}
