import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import { is } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as sqlite from '@/db/schema/sqlite';
import * as pg from '@/db/schema/pg';

/** One engine's table described in engine-neutral terms, so the SQLite schema and its PostgreSQL twin compare equal. */
type Shape = {
  columns: Record<string, { notNull: boolean; hasDefault: boolean; primary: boolean; kind: string }>;
  primaryKey: string[];
  uniques: string[];
  indexes: Record<string, string[]>;
  foreignKeys: string[];
};

// Column types that mean the same thing on both engines (SQLite stores booleans and epoch-ms dates as integers).
function kind(column: { columnType: string; dataType: string }): string {
  if (column.columnType === 'SQLiteBoolean' || column.columnType === 'PgBoolean') return 'boolean';
  if (column.columnType === 'SQLiteTimestamp' || (column.columnType === 'PgCustomColumn' && column.dataType === 'custom')) return 'timestamp';
  if (column.columnType === 'SQLiteTextJson' || column.columnType === 'PgJson') return 'json';
  if (column.dataType === 'number') return 'integer';
  return column.dataType;
}

function shape(config: ReturnType<typeof sqliteConfig> | ReturnType<typeof pgConfig>): Shape {
  const columns: Shape['columns'] = {};
  for (const c of config.columns) {
    columns[c.name] = { notNull: c.notNull, hasDefault: c.hasDefault, primary: c.primary, kind: kind(c) };
  }
  const uniques = config.columns.filter((c) => c.isUnique).map((c) => c.name);
  const indexes: Shape['indexes'] = {};
  for (const i of config.indexes) {
    indexes[i.config.name!] = i.config.columns.map((c) => (c as { name: string }).name);
  }
  const foreignKeys = config.foreignKeys
    .map((fk) => {
      const ref = fk.reference();
      const target = is(ref.foreignTable, SQLiteTable)
        ? sqliteConfig(ref.foreignTable as SQLiteTable).name
        : pgConfig(ref.foreignTable as PgTable).name;
      return `${ref.columns.map((c) => c.name).join(',')} -> ${target}(${ref.foreignColumns.map((c) => c.name).join(',')}) on delete ${fk.onDelete ?? 'no action'}`;
    })
    .sort();
  const primaryKey = config.primaryKeys.flatMap((pk) => pk.columns.map((c) => c.name));
  return { columns, primaryKey, uniques: uniques.sort(), indexes, foreignKeys };
}

const sqliteTables = Object.fromEntries(
  (Object.values(sqlite) as unknown[]).filter((t): t is SQLiteTable => is(t, SQLiteTable)).map((t) => [sqliteConfig(t).name, shape(sqliteConfig(t))]),
);
const pgTables = Object.fromEntries(
  (Object.values(pg) as unknown[]).filter((t): t is PgTable => is(t, PgTable)).map((t) => [pgConfig(t).name, shape(pgConfig(t))]),
);

describe('the PostgreSQL schema is the twin of the SQLite one', () => {
  it('has the same tables', () => {
    expect(Object.keys(pgTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    expect(Object.keys(sqliteTables).length).toBeGreaterThanOrEqual(14);
  });

  it.each(Object.keys(sqliteTables))('%s: same columns, nullability, defaults, keys, indexes and foreign keys', (name) => {
    expect(pgTables[name]).toEqual(sqliteTables[name]);
  });

  it('notices a difference (a column made nullable on one side only)', () => {
    const changed = structuredClone(sqliteTables.claims);
    changed.columns.claim_text.notNull = false;
    expect(changed).not.toEqual(pgTables.claims);
  });

  it('the tables services import match the engine-neutral exports of both schemas', async () => {
    const index = await import('@/db/schema');
    const exported = Object.values(index).filter((t) => is(t, SQLiteTable) || is(t, PgTable)).length;
    expect(exported).toBe(Object.keys(sqliteTables).length);
  });
});
