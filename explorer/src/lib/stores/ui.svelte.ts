import type { TimeMode } from '../format/format.js';

/**
 * Page-wide UI state shared by components: the entity under the pointer (so every chip of the same
 * entity lights up, and look-alikes warn), the time display mode and the theme.
 */
export const ui = $state<{ hovered: string | null; timeMode: TimeMode; theme: 'light' | 'dark' | 'system' }>({
  hovered: null,
  timeMode: 'relative',
  theme: 'system',
});

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
