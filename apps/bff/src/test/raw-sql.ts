import { join } from 'node:path';
import { createClient, type InValue } from '@libsql/client';
import { DB_FILE_NAME } from '../store/sqlite';

/** One statement on a store's database file, outside the store (to set up what a migration test needs). */
export async function rawSql(dir: string, sql: string, args: InValue[] = []) {
  const client = createClient({ url: `file:${join(dir, DB_FILE_NAME)}` });
  try {
    return await client.execute({ sql, args });
  } finally {
    client.close();
  }
}
