import { chainAheadMs, type TimeMode } from '../format/format.js';

/**
 * Page-wide UI state shared by components: the entity under the pointer (so every chip of the same
 * entity lights up, and look-alikes warn), the time display mode and the theme.
 */
export const ui = $state<{
  hovered: string | null;
  timeMode: TimeMode;
  theme: 'light' | 'dark' | 'system';
  /** How far the chain's clock runs ahead of this browser's (a devnet moves time forward): relative times
   * count from the chain's "now", so a block mined a minute ago never reads "in 1 d". */
  chainAheadMs: number;
}>({
  hovered: null,
  timeMode: 'relative',
  theme: 'system',
  chainAheadMs: 0,
});

/** "Now" for relative times: the later of this browser's clock and the chain's. */
export function chainNow(): number {
  return Date.now() + ui.chainAheadMs;
}

/** Learns the chain's clock from the time of the latest indexed block. */
export function observeChainTime(latestBlockTime: unknown): void {
  ui.chainAheadMs = chainAheadMs(ui.chainAheadMs, latestBlockTime);
}

const MODES: TimeMode[] = ['relative', 'local', 'utc'];

export function cycleTimeMode(): void {
  ui.timeMode = MODES[(MODES.indexOf(ui.timeMode) + 1) % MODES.length];
  try {
    localStorage.setItem('timeMode', ui.timeMode);
  } catch {
    /* storage disabled: the choice lasts for the page */
  }
}

export function setTheme(theme: 'light' | 'dark' | 'system'): void {
  ui.theme = theme;
  if (theme === 'system') document.documentElement.removeAttribute('data-theme');
  else document.documentElement.setAttribute('data-theme', theme);
  try {
    localStorage.setItem('theme', theme);
  } catch {
    /* ignore */
  }
}

/** Restores the saved preferences after hydration. */
export function restoreUi(): void {
  try {
    const t = localStorage.getItem('theme');
    if (t === 'light' || t === 'dark') setTheme(t);
    const m = localStorage.getItem('timeMode') as TimeMode | null;
    if (m && MODES.includes(m)) ui.timeMode = m;
  } catch {
    /* ignore */
  }
}
