import { parseArgs } from 'node:util';
import { outputFormats, type OutputFormat } from '../diagnostics/render.ts';
import { closest } from '../util/suggest.ts';

/** A command-line mistake: reported with usage and exit code 2. */
export class UsageError extends Error {}

export interface CommonFlags {
  readonly format: OutputFormat;
  readonly strict: boolean;
  readonly color: boolean;
  readonly siteUrl?: string;
}

export interface ParsedCommand {
  readonly command: string;
  readonly positionals: readonly string[];
  readonly flags: CommonFlags & {
    readonly out: string;
    readonly noSite: boolean;
    readonly noCache: boolean;
    readonly checkExternal: boolean;
    readonly port?: number;
    readonly program?: string;
    readonly title?: string;
    readonly namespace?: string;
    readonly help: boolean;
  };
}

const options = {
  format: { type: 'string', short: 'f' },
  strict: { type: 'boolean' },
  out: { type: 'string', short: 'o' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  'no-site': { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  'check-external': { type: 'boolean' },
  'site-url': { type: 'string' },
  port: { type: 'string' },
  program: { type: 'string', short: 'p' },
  title: { type: 'string' },
  namespace: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

export function parseCommand(argv: readonly string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/\. To specify.*$/s, '') : String(error);
    const unknown = /^Unknown option '--([^'=]+)'/.exec(message)?.[1];
    const suggestion = unknown === undefined ? undefined : closest(unknown, Object.keys(options));
    throw new UsageError(suggestion ? `${message}; did you mean \`--${suggestion}\`?` : message);
  }
  const { values, positionals } = parsed;
  const format = (values.format ?? 'pretty') as OutputFormat;
  if (!outputFormats.includes(format)) {
    throw new UsageError(`Unknown format \`${values.format}\`; use one of ${outputFormats.join(', ')}`);
  }
  const siteUrl = values['site-url'];
  if (siteUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(siteUrl)) {
    throw new UsageError(`--site-url must be an http(s) address, not \`${siteUrl}\``);
  }
  const namespace = values.namespace;
  if (namespace !== undefined && !/^(?:https?:\/\/[^\s/]+\S*|tag:[A-Za-z0-9.@-]+,\d{4}(?:-\d{2}(?:-\d{2})?)?:\S+|urn:[A-Za-z0-9][A-Za-z0-9-]{1,31}:\S+)$/.test(namespace)) {
    throw new UsageError(`--namespace must be a tag: URI such as \`tag:example.org,2024:my-program\`, an http(s) IRI or a URN, not \`${namespace}\``);
  }
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--port must be a port number, not \`${values.port}\``);
  }
  const wantsColor = values['no-color'] ? false : (values.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR));
  const command = values.version ? 'version' : (positionals[0] ?? (values.help ? 'help' : 'help'));
  return {
    command,
    positionals: positionals.slice(1),
    flags: {
      format,
      strict: values.strict ?? false,
      color: wantsColor,
      ...(siteUrl ? { siteUrl } : {}),
      out: values.out ?? 'dist',
      noSite: values['no-site'] ?? false,
      noCache: values['no-cache'] ?? false,
      checkExternal: values['check-external'] ?? false,
      ...(port !== undefined ? { port } : {}),
      ...(values.program !== undefined ? { program: values.program } : {}),
      ...(values.title !== undefined ? { title: values.title } : {}),
      ...(namespace !== undefined ? { namespace } : {}),
      help: values.help ?? false,
    },
  };
}
