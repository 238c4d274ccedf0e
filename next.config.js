/** @type {import('next').NextConfig} */
const nextConfig = {
  // better-sqlite3 is a native module: load it from node_modules at run time instead of bundling it. piscina starts
  // its worker threads from its own files (and ours, lib/workers/worker.mjs, from the project root), so it stays unbundled too.
  serverExternalPackages: ['better-sqlite3', 'piscina', 'pg', 'pg-cursor'],
  poweredByHeader: false,
  // The benchmark build (BENCH_FLOOR_ROUTE=1, set by bench/lib/server.ts) also compiles *.bench.ts route files: the
  // claim-create framework floor, app/api/bench-floor/route.bench.ts. Every other build leaves them out.
  ...(process.env.BENCH_FLOOR_ROUTE === '1' ? { pageExtensions: ['tsx', 'ts', 'jsx', 'js', 'bench.ts'] } : {}),
  // Tests and CI use their own build folders so parallel builds never clobber each other.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // authInterrupts: forbidden() renders app/forbidden.tsx with a 403 (an editor on /admin), instead of a 404.
  experimental: { authInterrupts: true },
  // Static security headers for every response, static files included; the nonce CSP is set per request in proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
