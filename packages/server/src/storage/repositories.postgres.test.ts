import { afterAll, beforeAll, describe, it } from 'vitest';
import { repositorySuite } from '../../test/storage/repository-suite.js';
import {
  openTestPostgres,
  probePostgres,
  TEST_POSTGRES_URL,
  type TestPostgres,
} from '../../test/support/test-databases.js';

const probe = await probePostgres();
const required = process.env.CI === 'true';

if (!probe.available && !required) {
  console.warn(
    `\n*** SKIPPED: repository suite on PostgreSQL: ${TEST_POSTGRES_URL} did not answer (${probe.reason}).` +
      '\n*** Start PostgreSQL or set VECHE_TEST_POSTGRES_URL to run it. In CI this tier fails instead.\n',
  );
}

describe.skipIf(!probe.available && !required)('repositories on PostgreSQL', () => {
  if (!probe.available) {
    it('needs the test PostgreSQL, which CI must provide', () => {
      throw new Error(`PostgreSQL at ${TEST_POSTGRES_URL} is unreachable: ${probe.reason}`);
    });
    return;
  }
  let postgres: TestPostgres;
  beforeAll(async () => {
    postgres = await openTestPostgres();
  });
  afterAll(async () => {
    await postgres.drop();
  });
  repositorySuite(() => postgres.database);
});
