import { formatRecord, type LogFormat, type LogLevel } from '@ae/core';

const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error', 'fatal'];
/** Subsquid's numeric levels (TRACE 0 … FATAL 5) and pino's (10 … 60). */
const NUMERIC: Record<number, LogLevel> = {
  0: 'debug',
  1: 'debug',
  2: 'info',
  3: 'warn',
  4: 'error',
  5: 'fatal',
};

function levelOf(v: unknown): LogLevel {
  if (typeof v === 'string' && (LEVELS as string[]).includes(v.toLowerCase()))
    return v.toLowerCase() as LogLevel;
  if (typeof v === 'number') return NUMERIC[v] ?? NUMERIC[Math.floor(v / 10) - 1] ?? 'info';
  return 'info';
}

const CLOCK = /^\d\d:\d\d:\d\d /;

/**
 * One line of a service's output in the launcher's one format: a JSON log record (core's logger in JSON mode,
 * Subsquid's logger writing to a pipe) becomes a pretty line, a plain line gets the time in front, and the
 * service's own `[name]` prefix is dropped (the launcher adds it). With format json every line becomes a record
 * with its service named. Never throws: a line that is not a record is text.
 */
export function normalizeLine(service: string, line: string, format: LogFormat, now = new Date()): string {
  let text = line.replace(/\s+$/, '');
  const own = `[${service}]`;
  while (text.startsWith(own)) text = text.slice(own.length).trimStart();
  let rec: Record<string, unknown> | null = null;
  if (text.startsWith('{') && text.endsWith('}')) {
    try {
      const v = JSON.parse(text) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) rec = v as Record<string, unknown>;
    } catch {
      rec = null;
    }
  }
  if (rec) {
    const { level, time, msg, ns, err, ...rest } = rec;
    const t = typeof time === 'number' || typeof time === 'string' ? new Date(time) : now;
    const when = Number.isNaN(t.getTime()) ? now : t;
    const fields: Record<string, unknown> = { ...(ns ? { ns } : {}), ...rest };
    if (err && typeof err === 'object')
      fields.err =
        (err as { message?: unknown; stack?: unknown }).message ??
        String((err as { stack?: unknown }).stack ?? '').split('\n')[0];
    const message = typeof msg === 'string' ? msg : '';
    if (format === 'json') return formatRecord('json', levelOf(level), message, { service, ...fields }, when);
    return formatRecord('pretty', levelOf(level), message, fields, when);
  }
  if (format === 'json') return formatRecord('json', 'info', text, { service }, now);
  return CLOCK.test(text) ? text : `${now.toISOString().slice(11, 19)} ${text}`;
}

/** A launcher line outside the supervisor (signals, the final "stopped"), in the same format as the rest. */
export function launcherLine(line: string, format: LogFormat, now = new Date()): string {
  const text = normalizeLine('start', line, format, now);
  return format === 'json' ? text : `${'[start]'.padEnd(10)} ${text}`;
}
