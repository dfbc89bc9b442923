import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './api-error.js';

/** A file as uploaded: its name as the browser gave it, and its content. */
export interface UploadedFile {
  readonly fileName: string;
  readonly content: Buffer;
}

/**
 * The text fields and the one file of a multipart/form-data upload, the file read whole into
 * memory (uploads are limited in size, and their type is judged by content). Over `maxBytes` is
 * `file_too_large`; a body that is not multipart is refused.
 */
export async function readUpload(
  request: FastifyRequest,
  maxBytes: number,
  /** Bytes a text field may hold, when a form has longer texts than the app's default. */
  fieldSize?: number,
): Promise<{ texts: Record<string, string>; file: UploadedFile | undefined }> {
  if (!request.isMultipart()) {
    throw new HttpError(415, 'validation_failed', '(body): send multipart/form-data', {
      field: '(body)',
    });
  }
  const texts: Record<string, string> = {};
  let file: UploadedFile | undefined;
  try {
    for await (const part of request.parts({
      limits: { fileSize: maxBytes, files: 1, ...(fieldSize === undefined ? {} : { fieldSize }) },
    })) {
      if (part.type === 'file') {
        file = await fileOf(part);
      } else if (typeof part.value === 'string') {
        texts[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new HttpError(413, 'file_too_large', 'file: the file is too large', {
        field: 'file',
        facts: { maxBytes },
      });
    }
    throw error;
  }
  return { texts, file };
}

/** The upload's file, or a clear refusal when none was sent. */
export function requireFile(file: UploadedFile | undefined): UploadedFile {
  if (file === undefined) {
    throw new HttpError(400, 'validation_failed', 'file: no file was sent', { field: 'file' });
  }
  return file;
}

async function fileOf(part: MultipartFile): Promise<UploadedFile> {
  return { fileName: part.filename, content: await part.toBuffer() };
}
