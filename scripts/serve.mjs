// Serves the production build (what `next start` does) behind one small step: before Next.js sees a request,
// X-Forwarded-For/-Host/-Proto are replaced by the values TRUST_PROXY_HOPS allows (scripts/forwarded.mjs), so the app
// can read them as facts. Next.js alone cannot: it keeps a client-sent X-Forwarded-For instead of the socket
// address, and route handlers never see the socket. Env: PORT (3000), LISTEN_HOST (all interfaces), TRUST_PROXY_HOPS.
import http from 'node:http';
import next from 'next';
import { resolveForwarded, trustProxyHops } from './forwarded.mjs';

process.env.NODE_ENV = 'production';
// An empty NEXTAUTH_URL (a blank line in a service file) means unset; next-auth would throw on it.
if (!process.env.NEXTAUTH_URL?.trim()) delete process.env.NEXTAUTH_URL;
// next-auth may build its URLs from X-Forwarded-Host/-Proto: safe here because this server wrote them.
process.env.AUTH_TRUST_HOST ??= '1';
const hops = trustProxyHops();
const port = Number(process.env.PORT || 3000);
// Not HOSTNAME: Docker and some shells set that to the machine's name.
const hostname = process.env.LISTEN_HOST || undefined;

const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? 'localhost', port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  const { address, host, proto } = resolveForwarded({
    remoteAddress: req.socket.remoteAddress,
    encrypted: Boolean(req.socket.encrypted),
    headers: req.headers,
    hops,
  });
  req.headers['x-forwarded-for'] = address;
  req.headers['x-forwarded-host'] = host;
  req.headers['x-forwarded-proto'] = proto;
  delete req.headers['x-forwarded-port'];
  delete req.headers['x-real-ip'];
  delete req.headers.forwarded;
  void handle(req, res);
});
server.listen(port, hostname, () => {
  console.log(`Claimdesk listening on http://${hostname ?? 'localhost'}:${port} (TRUST_PROXY_HOPS=${hops})`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    // Keep-alive connections would hold close() open; the app has no long requests worth waiting for.
    server.closeAllConnections();
  });
}
