import { afterAll, beforeAll, describe } from 'vitest';
import type { OpenDatabase } from './database.js';
import { repositorySuite } from '../../test/storage/repository-suite.js';
import { openTestPglite } from '../../test/support/test-databases.js';

describe('repositories on PGlite (embedded)', () => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openTestPglite();
  });
  afterAll(async () => {
    await database.close();
  });
  repositorySuite(() => database);
});
