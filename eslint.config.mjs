import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { claimdeskPlugin } from './eslint/client-imports.mjs';

const config = [
  ...next,
  ...nextTs,
  { ignores: ['.next*/**', '.tmp-*', 'test-results/**', 'node_modules/**', 'data/**', 'bench/results/**', 'next-env.d.ts', 'db/migrations/**'] },
  // Browser code stays free of the database and server-only modules (see eslint/client-imports.mjs).
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    plugins: { claimdesk: claimdeskPlugin },
    rules: { 'claimdesk/client-imports': 'error' },
  },
];

export default config;
