import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sittingDocumentSchema, sittingDocumentsResponseSchema } from '@veche/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNCILLORS, DEMO_PASSWORD } from '../src/demo/demo-council.js';
import { TestClient } from './support/http-client.js';
import { startVeche, type RunningVeche } from './support/server-process.js';
import { addBulgarianCouncil, type SecondCouncil } from './support/second-council.js';

/*
 * Documents of a sitting against the running server: the demo sitting's seeded PDFs read by a
 * councillor and (the public ones) by anyone; uploads by the office, judged by content, limited
 * in size, refused with the field and the reason and nothing written; another council's people
 * see nothing. The limit is 2 MiB here, above the server's 1 MiB limit for JSON bodies.
 */

const OPERATOR = 'biuro.rady@wierzbow.example';
const ANNA = DEMO_COUNCILLORS[1]!;
const ENV = { DOCUMENT_MAX_MB: '2', LOGIN_RATE_LIMIT: '100' };
const PDF = readFileSync(
  new URL('../demo-assets/projekt-uchwaly-budzet-2026.pdf', import.meta.url),
);
/** The smallest PNG: one transparent pixel. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

let veche: RunningVeche;
let dataDir: string;
let bulgarian: SecondCouncil;
let operator: TestClient;
let anna: TestClient;
let sittingId: string;
let itemIds: string[];

async function signedIn(email: string, password = DEMO_PASSWORD): Promise<TestClient> {
  const client = new TestClient(veche.url);
  expect((await client.post('/api/auth/login', { email, password })).status).toBe(200);
  return client;
}

interface Upload {
  fields?: Record<string, string>;
  file?: { name: string; content: Uint8Array<ArrayBuffer>; type?: string };
  origin?: string;
}

/** POSTs multipart/form-data the way a browser's FormData does, with the client's cookie. */
async function upload(client: TestClient, { fields = {}, file, origin }: Upload) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file !== undefined) {
    form.append(
      'file',
      new Blob([file.content], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
  }
  const response = await fetch(`${veche.url}/api/sittings/${sittingId}/documents`, {
    method: 'POST',
    body: form,
    headers: {
      cookie: client.sessionCookie ?? '',
      ...(origin === undefined ? {} : { origin }),
    },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function listed(client: TestClient) {
  const response = await client.get(`/api/sittings/${sittingId}/documents`);
  expect(response.status).toBe(200);
  return sittingDocumentsResponseSchema.parse(response.body).documents;
}

const blobCount = () =>
  readdirSync(join(dataDir, 'blobs'), { recursive: true, withFileTypes: true }).filter((entry) =>
    entry.isFile(),
  ).length;

beforeAll(async () => {
  const first = await startVeche({ env: ENV });
  dataDir = first.dataDir;
  await first.stop({ keepData: true });
  bulgarian = await addBulgarianCouncil(dataDir);
  veche = await startVeche({ env: ENV, dataDir });
  operator = await signedIn(OPERATOR);
  anna = await signedIn(ANNA.email);
  const upcoming = await operator.get<{ sittings: { id: string }[] }>('/api/sittings/upcoming');
  sittingId = upcoming.body.sittings[0]!.id;
  const state = await operator.get<{ state: { agenda: { id: string }[] } }>(
    `/api/sittings/${sittingId}/state`,
  );
  itemIds = state.body.state.agenda.map((item) => item.id);
});

afterAll(async () => {
  await veche?.stop();
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true });
});

describe('documents of a sitting', () => {
  it('lists the demo sitting’s draft resolutions with their documents to a councillor', async () => {
    const documents = await listed(anna);
    expect(documents.map((document) => [document.itemId, document.mediaType])).toEqual([
      [itemIds[3], 'application/pdf'],
      [itemIds[3], 'application/pdf'],
      [itemIds[4], 'application/pdf'],
    ]);
    expect(documents.map((document) => document.isPublic)).toEqual([true, true, false]);
  });

  it('sends a document inline with its type, its name in UTF-8, an ETag and a sandbox', async () => {
    const [budget] = await listed(anna);
    const response = await fetch(`${veche.url}${budget!.url}`, {
      headers: { cookie: anna.sessionCookie! },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(
      `inline; filename="${budget!.fileName}"; filename*=UTF-8''${budget!.fileName}`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.equals(PDF)).toBe(true);
    const etag = response.headers.get('etag')!;
    const again = await fetch(`${veche.url}${budget!.url}`, {
      headers: { cookie: anna.sessionCookie!, 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
  });

  it('gives a public document to anyone, and a members-only one to nobody outside', async () => {
    const documents = await listed(anna);
    const open = documents.find((document) => document.isPublic)!;
    const closed = documents.find((document) => !document.isPublic)!;
    expect((await fetch(`${veche.url}${open.url}`)).status).toBe(200);
    const everyone = await new TestClient(veche.url).get(
      `/api/public/sittings/${sittingId}/documents`,
    );
    expect(everyone.status).toBe(200);
    expect(
      sittingDocumentsResponseSchema.parse(everyone.body).documents.map((document) => document.id),
    ).toEqual(documents.filter((document) => document.isPublic).map((document) => document.id));
    const stranger = await fetch(`${veche.url}${closed.url}`);
    expect(stranger.status).toBe(404);
    expect(await stranger.json()).toMatchObject({ error: { code: 'not_found' } });

    // Another council's operator: the private one is not found, the list is not found.
    const other = await signedIn(bulgarian.operatorEmail, bulgarian.password);
    const response = await fetch(`${veche.url}${closed.url}`, {
      headers: { cookie: other.sessionCookie! },
    });
    expect(response.status).toBe(404);
    expect((await other.get(`/api/sittings/${sittingId}/documents`)).status).toBe(404);
    expect(
      (await new TestClient(veche.url).get(`/api/sittings/${sittingId}/documents`)).status,
    ).toBe(401);
  });

  it('takes an upload from the office, judged by content whatever its name, stored once', async () => {
    const blobsBefore = blobCount();
    const created = await upload(operator, {
      fields: { title: 'Opinia komisji', itemId: itemIds[3]!, isPublic: 'false' },
      file: { name: 'opinia.txt', content: PDF, type: 'text/plain' },
    });
    expect(created.status).toBe(201);
    const document = sittingDocumentSchema.parse(created.body);
    expect(document).toMatchObject({
      title: 'Opinia komisji',
      itemId: itemIds[3],
      mediaType: 'application/pdf',
      fileName: 'opinia.txt',
      sizeBytes: PDF.byteLength,
      isPublic: false,
    });
    // The same content as a seeded document: one more row, no more files.
    expect(blobCount()).toBe(blobsBefore);

    const image = await upload(operator, {
      file: { name: '../../etc/Zdjęcie sali.png', content: PNG },
    });
    expect(image.status).toBe(201);
    expect(image.body).toMatchObject({
      title: 'Zdjęcie sali',
      fileName: 'Zdjęcie sali.png',
      mediaType: 'image/png',
      itemId: null,
    });
    expect(blobCount()).toBe(blobsBefore + 1);

    // Above the 1 MiB limit of JSON bodies, below this server's 2 MiB for documents.
    const big = Buffer.concat([PDF, Buffer.alloc(1_500_000, 0x20)]);
    expect((await upload(operator, { file: { name: 'duzy.pdf', content: big } })).status).toBe(201);
    expect((await listed(anna)).length).toBe(6);
  });

  it('refuses bad uploads with the field and the reason, and writes nothing', async () => {
    const before = (await listed(operator)).length;
    const blobsBefore = blobCount();
    const cases: { upload: Upload; status: number; code: string; field: string }[] = [
      {
        upload: { file: { name: 'pusty.pdf', content: new Uint8Array() } },
        status: 422,
        code: 'file_empty',
        field: 'file',
      },
      {
        upload: { file: { name: 'uchwala.pdf', content: Buffer.from('#!/bin/sh\nrm -rf /\n') } },
        status: 422,
        code: 'file_type_unsupported',
        field: 'file',
      },
      {
        upload: {
          file: { name: 'za-duzy.pdf', content: Buffer.concat([PDF, Buffer.alloc(2_200_000)]) },
        },
        status: 413,
        code: 'file_too_large',
        field: 'file',
      },
      {
        upload: {
          fields: { itemId: '00000000-0000-4000-8000-000000000000' },
          file: { name: 'a.pdf', content: PDF },
        },
        status: 422,
        code: 'unknown_item',
        field: 'itemId',
      },
      {
        upload: { fields: { isPublic: 'yes' }, file: { name: 'a.pdf', content: PDF } },
        status: 400,
        code: 'validation_failed',
        field: 'isPublic',
      },
      {
        upload: { fields: { title: '   ' }, file: { name: 'a.pdf', content: PDF } },
        status: 400,
        code: 'validation_failed',
        field: 'title',
      },
      {
        upload: { fields: { title: 'Bez pliku' } },
        status: 400,
        code: 'validation_failed',
        field: 'file',
      },
    ];
    for (const { upload: input, status, code, field } of cases) {
      const answer = await upload(operator, input);
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
      expect(answer.body).toMatchObject({ error: { code, field } });
    }
    const fromCouncillor = await upload(anna, { file: { name: 'a.pdf', content: PNG } });
    expect(fromCouncillor.status).toBe(403);
    const fromElsewhere = await upload(operator, {
      file: { name: 'a.png', content: PNG },
      origin: 'https://evil.example',
    });
    expect(fromElsewhere.status).toBe(403);
    expect(fromElsewhere.body).toMatchObject({ error: { code: 'csrf_rejected' } });

    expect((await listed(operator)).length).toBe(before);
    // Every check comes before anything is stored: no file was kept either.
    expect(blobCount()).toBe(blobsBefore);
  });
});
