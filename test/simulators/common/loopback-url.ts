/**
 * Whether a URL a simulator is asked to call (a push subscriber, a callback target) is on loopback:
 * `http(s)://127.x.x.x[:port]/…` with no user info. Simulators dial nothing else, so a test or a
 * demo can never make one post records to a real host.
 */
export function isLoopbackUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname) && url.username === '' && url.password === '';
}
