import { createLogger, type Logger } from '@ae/core';
import { LogLevel, type LogRecord, setRootSink } from '@subsquid/logger';

const METHOD: Record<number, keyof Omit<Logger, 'child'>> = {
  [LogLevel.TRACE]: 'debug',
  [LogLevel.DEBUG]: 'debug',
  [LogLevel.INFO]: 'info',
  [LogLevel.WARN]: 'warn',
  [LogLevel.ERROR]: 'error',
  [LogLevel.FATAL]: 'fatal',
};

/**
 * Routes Subsquid's log records (the processor's progress, its RPC retries) through the project's logger, by
 * the documented hook `setRootSink`: one line per event in the same format as every other service (pretty on a
 * terminal, JSON with LOG_FORMAT=json or on a pipe) instead of Subsquid's own JSON lines. Call it first.
 */
export function routeSquidLogs(log: Logger = createLogger()): void {
  setRootSink((rec: LogRecord) => {
    const { level, msg, ns, time: _time, err, ...rest } = rec as LogRecord & Record<string, unknown>;
    const fields: Record<string, unknown> = { ...(ns ? { ns } : {}), ...rest };
    if (err !== undefined)
      fields.err = err instanceof Error ? err.message : ((err as { message?: unknown })?.message ?? err);
    log[METHOD[level] ?? 'info'](typeof msg === 'string' ? msg : '', fields);
  });
}
