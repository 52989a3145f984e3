import type { Env } from '../env/envVar.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'fatal';
export type LogFields = Record<string, unknown>;
export type LogFormat = 'pretty' | 'json';

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, fatal: 50 };

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  fatal(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

/**
 * How logs are written: LOG_FORMAT (pretty | json) when set, else pretty on a terminal and JSON otherwise,
 * so a person reads one line per event and a log shipper gets one object per line. `npm start` sets
 * LOG_FORMAT=pretty for its children when it runs on a terminal itself.
 */
export function logFormat(env: Env = process.env, isTTY = process.stdout.isTTY === true): LogFormat {
  if (env.LOG_FORMAT === 'json' || env.LOG_FORMAT === 'pretty') return env.LOG_FORMAT;
  return isTTY ? 'pretty' : 'json';
}

function render(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Error) return JSON.stringify(value.message);
  if (typeof value === 'string') return /[\s"=]/.test(value) || value === '' ? JSON.stringify(value) : value;
  return JSON.stringify(value, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
}

/** Formats one record; exported for tests and for services that relay another process's lines. */
export function formatRecord(
  format: LogFormat,
  level: LogLevel,
  msg: string,
  fields: LogFields,
  now = new Date(),
) {
  if (format === 'json')
    return JSON.stringify({ time: now.toISOString(), level, msg, ...fields }, (_k, x) =>
      typeof x === 'bigint' ? x.toString() : x instanceof Error ? { message: x.message, name: x.name } : x,
    );
  const kv = Object.entries(fields)
    .filter(([, x]) => x !== undefined)
    .map(([k, x]) => `${k}=${render(x)}`)
    .join(' ');
  const tag = level === 'info' ? '' : `${level.toUpperCase()} `;
  return `${now.toISOString().slice(11, 19)} ${tag}${msg}${kv ? `  ${kv}` : ''}`;
}

/**
 * The project's one logger: one line per event, fields as key=value (pretty) or JSON. LOG_LEVEL sets the
 * threshold (default info). Writes go to stdout (debug/info) and stderr (warn and worse).
 */
export function createLogger(fields: LogFields = {}, env: Env = process.env): Logger {
  const format = logFormat(env);
  const threshold = RANK[(env.LOG_LEVEL as LogLevel) in RANK ? (env.LOG_LEVEL as LogLevel) : 'info'];
  const make = (base: LogFields): Logger => {
    const write =
      (level: LogLevel) =>
      (msg: string, extra: LogFields = {}) => {
        if (RANK[level] < threshold) return;
        const line = `${formatRecord(format, level, msg, { ...base, ...extra })}\n`;
        (RANK[level] >= RANK.warn ? process.stderr : process.stdout).write(line);
      };
    return {
      debug: write('debug'),
      info: write('info'),
      warn: write('warn'),
      error: write('error'),
      fatal: write('fatal'),
      child: (more) => make({ ...base, ...more }),
    };
  };
  return make(fields);
}
