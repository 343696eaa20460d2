import http from 'node:http';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface HttpClient {
  request: (url: string, options?: { method?: string; headers?: Record<string, string>; body?: string }) => Promise<HttpAnswer>;
  /** Lets the servers close: a kept-alive connection would hold their `server.close()` back. */
  close: () => void;
}

/**
 * Requests one at a time over a kept-alive connection, with no timeout: closing a national campaign may take
 * minutes, longer than fetch waits for response headers.
 */
export function httpClient(): HttpClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  return {
    request: (url, options = {}) =>
      new Promise((resolve, reject) => {
        const request = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() }));
          response.on('error', reject);
        });
        request.on('error', reject);
        request.end(options.body);
      }),
    close: () => agent.destroy(),
  };
}
