import { Invalid } from '@/lib/errors';
import { readEnv } from '@/lib/env';
import { GuardedFetchError } from '@/lib/net/fetch-error';
import { portOf, systemResolver, vetTarget, type Resolver } from '@/lib/net/guarded-fetch';

/**
 * Checks a webhook URL against the rules of every outgoing request (lib/net: http(s) only, ports 80/443, no address
 * in a private, loopback, link-local or metadata range) unless its host:port is in WEBHOOK_ALLOW_HOSTS (tests).
 * Returns the URL as it will be called; throws Invalid naming the reason. The sender checks again on every try,
 * since DNS answers change.
 */
export async function vetWebhookUrl(raw: string, options: { allowHosts?: string[]; resolve?: Resolver } = {}): Promise<string> {
  const refuse = (message: string) => Invalid(message, { url: message });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refuse('That is not a complete URL (it should start with https://).');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw refuse('Webhook URLs must start with https:// (or http://).');
  if (url.username || url.password) throw refuse('Webhook URLs cannot contain a user name or password; the signature authenticates Claimdesk.');
  const allowHosts = (options.allowHosts ?? readEnv().WEBHOOK_ALLOW_HOSTS).map((h) => h.toLowerCase());
  if (!allowHosts.includes(`${url.hostname}:${portOf(url)}`.toLowerCase()) && url.port && ![80, 443].includes(portOf(url))) {
    throw refuse(`Webhooks can only be sent to the standard web ports 80 and 443, not ${url.port}.`);
  }
  try {
    await vetTarget(url, allowHosts, options.resolve ?? systemResolver);
  } catch (error) {
    if (error instanceof GuardedFetchError) throw refuse(error.message);
    throw error;
  }
  url.hash = '';
  return url.toString();
}
