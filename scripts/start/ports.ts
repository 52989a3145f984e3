import { createServer } from 'node:net';
import { UserError } from '@ae/core';

export interface PortClaim {
  port: number;
  /** The variable that moves it, named in the message. */
  variable: string;
  /** What would listen there, e.g. "the GraphQL API". */
  what: string;
}

/** Whether something already listens on the port (on any interface, as the services bind 0.0.0.0). */
export function portInUse(port: number, host = '0.0.0.0'): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE' || e.code === 'EACCES') resolve(true);
      else reject(e);
    });
    srv.listen({ port, host, exclusive: true }, () => srv.close(() => resolve(false)));
  });
}

/** The one-line message for a taken port: which port, for what, and which variable moves it. */
export function portInUseMessage(c: PortClaim): string {
  return `port ${c.port} is already in use (${c.what}): stop what listens there or set ${c.variable} to another port`;
}

/**
 * Checked before anything starts, so that a taken port is one clear line instead of a service's stack
 * trace half-way through the start. Two claims of the same port are a configuration error too.
 */
export async function checkPorts(claims: PortClaim[]): Promise<void> {
  const seen = new Map<number, PortClaim>();
  for (const c of claims) {
    const other = seen.get(c.port);
    if (other)
      throw new UserError(
        `${other.variable} and ${c.variable} both name port ${c.port}: give one another port`,
      );
    seen.set(c.port, c);
  }
  for (const c of claims) if (await portInUse(c.port)) throw new UserError(portInUseMessage(c));
}
