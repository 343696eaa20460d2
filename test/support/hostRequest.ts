import http from 'node:http';

/**
 * An HTTP request to the server at `origin` whose Host header names `host`, as a forged request would (fetch
 * always sends the host it connects to); the answer's body parsed as JSON.
 */
export function requestWithHost(
  origin: string,
  request: { method: string; path: string; host: string; headers?: Record<string, string>; body?: unknown },
): Promise<{ status: number; body: any }> {
  const { hostname, port } = new URL(origin);
  const payload = request.body === undefined ? undefined : JSON.stringify(request.body);
  return new Promise((resolve, reject) => {
    const sent = http.request(
      { hostname, port, method: request.method, path: request.path, headers: { ...request.headers, host: request.host, ...(payload && { 'content-type': 'application/json' }) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body: text ? JSON.parse(text) : null }));
      },
    );
    sent.on('error', reject);
    sent.end(payload);
  });
}
