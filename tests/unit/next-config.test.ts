import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const nextConfig = createRequire(import.meta.url)('../../next.config.js') as { typescript?: { ignoreBuildErrors?: boolean } };

describe('next.config.js', () => {
  it('lets a production build fail on type errors', () => {
    expect(nextConfig.typescript?.ignoreBuildErrors ?? false).toBe(false);
  });
});
