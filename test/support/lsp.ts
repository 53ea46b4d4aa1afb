/**
 * A minimal Language Server Protocol client over stdio: enough to open documents, read
 * the diagnostics the server publishes and ask for completions. It drives the real
 * `yaml-language-server`, the server behind VS Code's YAML extension and most editors'.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { pathToFileURL } from 'node:url';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Message {
  id?: number;
  method?: string;
  params?: Json;
  result?: Json;
  error?: { message: string };
}

export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
  source?: string;
}

export class LspClient {
  readonly #process: ChildProcessWithoutNullStreams;
  readonly #pending = new Map<number, (message: Message) => void>();
  readonly #diagnostics = new Map<string, { version: number | undefined; items: LspDiagnostic[] }>();
  readonly #diagnosticWaiters: (() => void)[] = [];
  readonly #settings: Json;
  #nextId = 1;
  #buffer = Buffer.alloc(0);

  private constructor(process: ChildProcessWithoutNullStreams, settings: Json) {
    this.#process = process;
    this.#settings = settings;
    process.stdout.on('data', (chunk: Buffer) => this.#receive(chunk));
  }

  /** Starts the server and completes the initialize handshake. */
  static async start(command: string, args: string[], rootPath: string, settings: { yaml: Json }): Promise<LspClient> {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const client = new LspClient(child, settings);
    const rootUri = pathToFileURL(rootPath).href;
    await client.request('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'project' }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: { versionSupport: true },
        },
      },
    });
    client.notify('initialized', {});
    client.notify('workspace/didChangeConfiguration', { settings });
    return client;
  }

  request(method: string, params: Json): Promise<Json> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, (message) => (message.error ? reject(new Error(message.error.message)) : resolve(message.result ?? null)));
      this.#send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: Json): void {
    this.#send({ jsonrpc: '2.0', method, params });
  }

  open(uri: string, text: string, version = 1): void {
    this.#diagnostics.delete(uri);
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
  }

  /** Waits until the server has published diagnostics for `uri` (an empty list counts). */
  async diagnostics(uri: string, timeoutMs = 20_000): Promise<LspDiagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    while (!this.#diagnostics.has(uri)) {
      if (Date.now() > deadline) throw new Error(`no diagnostics published for ${uri} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        this.#diagnosticWaiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
    return this.#diagnostics.get(uri)!.items;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } finally {
      this.#process.kill();
    }
  }

  #send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.#process.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.#process.stdin.write(body);
  }

  #receive(chunk: Buffer): void {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const headerEnd = this.#buffer.indexOf('\r\n\r\n');
      if (headerEnd === -1) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.#buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (this.#buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(this.#buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8')) as Message;
      this.#buffer = this.#buffer.subarray(headerEnd + 4 + length);
      this.#handle(message);
    }
  }

  #handle(message: Message): void {
    if (message.id !== undefined && message.method === undefined) {
      this.#pending.get(message.id)?.(message);
      this.#pending.delete(message.id);
      return;
    }
    if (message.method === 'workspace/configuration' && message.id !== undefined) {
      const items = ((message.params as { items?: { section?: string }[] })?.items ?? []) as { section?: string }[];
      const settings = this.#settings as Record<string, Json>;
      this.#send({ jsonrpc: '2.0', id: message.id, result: items.map((i) => (i.section ? (settings[i.section] ?? null) : settings)) });
      return;
    }
    if (message.id !== undefined && message.method !== undefined) {
      // Registration and other server requests: accept.
      this.#send({ jsonrpc: '2.0', id: message.id, result: null });
      return;
    }
    if (message.method === 'textDocument/publishDiagnostics') {
      const params = message.params as unknown as { uri: string; version?: number; diagnostics: LspDiagnostic[] };
      this.#diagnostics.set(params.uri, { version: params.version, items: params.diagnostics });
      for (const wake of this.#diagnosticWaiters.splice(0)) wake();
    }
  }
}
