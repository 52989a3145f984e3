/**
 * Progress line while catching up: blocks/s and events/s over the last interval, the distance to the head
 * and the time left at the current rate.
 */
export class Progress {
  private windowStart = performance.now();
  private blocks = 0;
  private events = 0;
  private lastLine = performance.now();

  constructor(
    private readonly intervalS: number,
    private readonly print: (line: string, fields: Record<string, number | string>) => void,
  ) {}

  record(blocks: number, events: number, indexed: number, head: number | undefined): void {
    this.blocks += blocks;
    this.events += events;
    const now = performance.now();
    if ((now - this.lastLine) / 1000 < this.intervalS) return;
    const secs = (now - this.windowStart) / 1000;
    const bps = this.blocks / secs;
    const eps = this.events / secs;
    const distance = head === undefined ? undefined : Math.max(0, head - indexed);
    const eta =
      distance === undefined
        ? 'unknown'
        : distance === 0
          ? 'at head'
          : bps > 0
            ? fmt(distance / bps)
            : 'unknown';
    this.print(
      `indexed ${indexed}${head !== undefined ? `/${head}` : ''}: ${bps.toFixed(1)} blocks/s, ${eps.toFixed(0)} events/s, ` +
        `${distance ?? '?'} blocks behind, ETA ${eta}`,
      {
        indexed,
        head: head ?? -1,
        blocksPerSecond: Number(bps.toFixed(1)),
        eventsPerSecond: Math.round(eps),
        distance: distance ?? -1,
        eta,
      },
    );
    this.windowStart = now;
    this.lastLine = now;
    this.blocks = 0;
    this.events = 0;
  }
}

function fmt(s: number): string {
  if (s < 60) return `${Math.ceil(s)}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${Math.ceil(s % 60)}s`;
  return `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m`;
}
