import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { claimdeskPlugin } from './eslint/client-imports.mjs';

const config = [
  ...next,
  ...nextTs,
  { ignores: ['.next*/**', '.tmp-*', 'test-results/**', 'node_modules/**', 'data/**', 'bench/results/**', 'next-env.d.ts', 'db/migrations*/**'] },
  {
    // One service layer for SQLite and PostgreSQL (db/client.ts): `.get()`, `.all()` and `.run()` exist only on
    // drizzle's SQLite driver, and a transaction is opened with runInTransaction, never the driver's own.
    files: ['app/**/*.{ts,tsx}', 'lib/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'tests/**/*.ts'],
    ignores: ['db/client.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[arguments.length=0] > MemberExpression.callee > Identifier.property[name=/^(get|all|run)$/]',
          message: 'SQLite-only query method: await the query builder instead (db/client.ts).',
        },
        {
          selector: "CallExpression > MemberExpression.callee[object.callee.name='getDb'] > Identifier.property[name='transaction']",
          message: 'Open transactions with runInTransaction from @/db/client (works on both engines).',
        },
      ],
    },
  },
  // Browser code stays free of the database and server-only modules (see eslint/client-imports.mjs).
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    plugins: { claimdesk: claimdeskPlugin },
    rules: { 'claimdesk/client-imports': 'error' },
  },
];

export default config;
