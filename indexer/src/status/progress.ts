import { formatEta, RateMeter } from '@ae/core';

/**
 * Progress line while catching up: blocks/s and events/s over the last interval, the distance to the head
 * and the time left at the current rate (the arithmetic is core's RateMeter, shared with the replay worker).
 */
export class Progress {
  private readonly meter = new RateMeter(['blocks', 'events'] as const);

  constructor(
    private readonly intervalS: number,
    private readonly print: (line: string, fields: Record<string, number | string>) => void,
  ) {}

  record(blocks: number, events: number, indexed: number, head: number | undefined): void {
    this.meter.add({ blocks, events });
    if (this.meter.elapsedS() < this.intervalS) return;
    const { perSecond } = this.meter.take();
    const bps = perSecond.blocks;
    const eps = perSecond.events;
    const distance = head === undefined ? undefined : Math.max(0, head - indexed);
    const eta =
      distance === undefined
        ? 'unknown'
        : distance === 0
          ? 'at head'
          : bps > 0
            ? formatEta(distance / bps)
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
  }
}
