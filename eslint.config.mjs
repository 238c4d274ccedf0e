import next from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const config = [
  ...next,
  ...nextTs,
  { ignores: ['.next*/**', '.tmp-*', 'test-results/**', 'node_modules/**', 'data/**', 'bench/results/**', 'next-env.d.ts', 'db/migrations/**'] },
];

export default config;
