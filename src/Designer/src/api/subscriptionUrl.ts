/**
 * The WebSocket address of a GraphQL endpoint served from the same origin as the page: `ws:` beside `http:` and
 * `wss:` beside `https:` (a page served over TLS may not open a plain socket), same host and port.
 */
export function subscriptionUrl(endpoint: string, location: Pick<Location, 'href'>): string {
  const url = new URL(endpoint, location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.hash = '';
  return url.toString();
}
