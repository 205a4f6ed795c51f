import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    // Personal data never goes to logs: these fields are dropped wherever they appear.
    redact: { paths: ['email', '*.email', 'password', '*.password', 'cookie', '*.cookie', 'req.headers.cookie', 'name', '*.name'], remove: true },
  });
}
