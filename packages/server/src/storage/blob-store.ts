import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface StoredBlob {
  /** Lower-case hex SHA-256 of the content: its name in the store. */
  readonly sha256: string;
  readonly sizeBytes: number;
}

/**
 * Files kept by their content hash in a folder (DESIGN.md section 5: "a folder by default").
 * A write goes to a temporary file, is flushed to disk, and is renamed into place, so a blob is
 * either whole or absent, and two processes writing the same content at once both succeed.
 * Blobs are never changed; deleting one is a later concern (nothing refers to a blob twice
 * without the database knowing).
 */
export interface BlobStore {
  put(content: Uint8Array): Promise<StoredBlob>;
  /** The blob's bytes as a stream, or undefined if there is no such blob. */
  open(sha256: string): Promise<ReadStream | undefined>;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function folderBlobStore(root: string): BlobStore {
  const pathOf = (sha256: string) => join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);

  return {
    async put(content) {
      const sha256 = createHash('sha256').update(content).digest('hex');
      const target = pathOf(sha256);
      const stored = { sha256, sizeBytes: content.byteLength };
      if (await exists(target)) return stored;
      const folder = join(target, '..');
      await mkdir(folder, { recursive: true });
      const temporary = join(folder, `.${sha256}.${randomUUID()}.part`);
      const file = await open(temporary, 'wx');
      try {
        await file.writeFile(content);
        await file.sync();
      } finally {
        await file.close();
      }
      try {
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      // The rename is durable once the folder's entry is on disk too.
      const directory = await open(folder, 'r');
      try {
        await directory.sync();
      } finally {
        await directory.close();
      }
      return stored;
    },

    async open(sha256) {
      if (!SHA256.test(sha256)) return undefined;
      const path = pathOf(sha256);
      if (!(await exists(path))) return undefined;
      return createReadStream(path);
    },
  };
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
