import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { GuardedFetchError } from './fetch-error';

/** Media types a page may have; anything else (PDF, images, JSON, feeds) is refused before its body is read. */
export const PAGE_TYPES = ['text/html', 'application/xhtml+xml', 'text/plain'] as const;

/** `text/html; charset=ISO-8859-1` -> { type: 'text/html', charset: 'iso-8859-1' }. */
export function parseContentType(header: string | undefined): { type: string; charset: string | null } {
  const [type = '', ...params] = (header ?? '').split(';').map((p) => p.trim());
  const charset = params.map((p) => /^charset\s*=\s*"?([^";]+)"?$/i.exec(p)?.[1]).find(Boolean);
  return { type: type.toLowerCase(), charset: charset?.toLowerCase() ?? null };
}

function decompressor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  const value = (encoding ?? 'identity').trim().toLowerCase();
  if (value === 'identity' || value === '') return null;
  if (value === 'gzip' || value === 'x-gzip') return zlib.createGunzip();
  if (value === 'deflate') return zlib.createInflate();
  if (value === 'br') return zlib.createBrotliDecompress();
  throw new GuardedFetchError('unsupported_type', `The site sent the page in an encoding Claimdesk cannot read (${value}).`);
}

/**
 * Reads a response body, decompressing gzip/deflate/brotli, and aborts once more than `maxBytes` of decoded
 * bytes arrived (so a small compressed bomb cannot fill memory). Throws GuardedFetchError('too_large').
 */
export async function readCappedBody(res: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const tooLarge = () =>
    new GuardedFetchError('too_large', `The page is larger than ${Math.round(maxBytes / 1024 / 1024)} MB; Claimdesk does not import pages that big.`);
  let unzip: ReturnType<typeof decompressor>;
  try {
    if (Number(res.headers['content-length'] ?? 0) > maxBytes && !res.headers['content-encoding']) throw tooLarge();
    unzip = decompressor(res.headers['content-encoding']);
  } catch (error) {
    res.destroy(); // nothing of the body is read: free the connection now
    throw error;
  }
  const stream: Readable = unzip ? res.pipe(unzip) : res;
  if (unzip) res.on('error', (error) => unzip.destroy(error));
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof GuardedFetchError) throw error;
    if ((error as { code?: string }).code?.startsWith('Z_')) {
      throw new GuardedFetchError('network', 'The site sent a damaged compressed page.');
    }
    throw error;
  } finally {
    res.destroy();
    unzip?.destroy();
  }
  return Buffer.concat(chunks);
}

const META_CHARSET = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;

/**
 * Decodes page bytes: a byte-order mark wins, then the Content-Type charset, then a <meta> charset in the first
 * 4 KB (HTML only), else UTF-8. An unknown charset label falls back to UTF-8 rather than failing the import.
 */
export function decodeBody(bytes: Buffer, headerCharset: string | null, isHtml: boolean): string {
  let label = headerCharset;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) label = 'utf-8';
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) label = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) label = 'utf-16be';
  else if (!label && isHtml) label = META_CHARSET.exec(bytes.subarray(0, 4096).toString('latin1'))?.[1] ?? null;
  try {
    return new TextDecoder(label ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
