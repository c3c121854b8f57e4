import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export interface SpawnedServer {
  url: string;
  proc: ChildProcess;
  /** Milliseconds from spawn to "ATGT ready" */
  readyMs: number;
  /** SIGTERM and wait for exit */
  stop: () => Promise<number | null>;
  /** SIGKILL: no chance to flush or close anything */
  kill: () => Promise<void>;
  output: () => string;
}

/** Starts `atgt serve` as a real process on a free port and waits until it says it is ready. */
export function spawnServer(
  env: Record<string, string | undefined>,
  timeoutMs = 120_000,
): Promise<SpawnedServer> {
  const started = performance.now();
  const proc = spawn(process.execPath, [path.join(ROOT, 'bin/atgt.mjs'), 'serve'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`server not ready in ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"ATGT ready"/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          proc,
          readyMs: performance.now() - started,
          stop: async () => {
            proc.kill('SIGTERM');
            return exited;
          },
          kill: async () => {
            proc.kill('SIGKILL');
            await exited;
          },
          output: () => out,
        });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (c: Buffer) => {
      out += c.toString();
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready:\n${out}`));
    });
  });
}

/** A minimal browser-like HTTP client over fetch: keeps cookies and sends the CSRF token on writes. */
export class HttpSession {
  private cookies = new Map<string, string>();
  private csrf: string | undefined;
  constructor(readonly baseUrl: string) {}

  private remember(res: Response) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  }

  /** A write with a raw text body (NDJSON, CSV …). */
  async post(url: string, body: string, contentType: string): Promise<Response> {
    return this.fetch('POST', url, undefined, { body, contentType });
  }

  async fetch(
    method: string,
    url: string,
    body?: unknown,
    raw?: { body: string; contentType: string },
  ): Promise<Response> {
    const headers: Record<string, string> = {
      cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    };
    if (method !== 'GET') {
      if (!this.csrf) {
        const res = await this.fetch('GET', '/api/v1/auth/csrf');
        this.csrf = ((await res.json()) as { token: string }).token;
        headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      }
      headers['x-csrf-token'] = this.csrf;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (raw) headers['content-type'] = raw.contentType;
    const res = await fetch(this.baseUrl + url, {
      method,
      headers,
      body: raw ? raw.body : body === undefined ? undefined : JSON.stringify(body),
    });
    this.remember(res);
    return res;
  }

  async login(username: string, password: string): Promise<void> {
    const res = await this.fetch('POST', '/api/v1/auth/login', { username, password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  }
}
