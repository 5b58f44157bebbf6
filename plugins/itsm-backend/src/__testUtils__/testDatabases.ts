import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

/**
 * SQLite always; PostgreSQL when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING
 * points at a server. With ITSM_REQUIRE_POSTGRES=1 (set by .ci/run) a missing
 * PostgreSQL fails the run instead of silently testing SQLite alone.
 */
export function createTestDatabases(): {
  databases: TestDatabases;
  ids: TestDatabaseId[];
} {
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_15'],
    disableDocker: true,
  });
  const ids = databases.eachSupportedId().map(([id]) => id);
  if (process.env.ITSM_REQUIRE_POSTGRES && !ids.includes('POSTGRES_15')) {
    throw new Error(
      'ITSM_REQUIRE_POSTGRES is set but PostgreSQL is not available to the tests: set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING',
    );
  }
  return { databases, ids };
}
