import { AUDIT_STATES } from '@ae/api/audit-states';
import { describe, expect, it } from 'vitest';
import { AUDIT_STATE_LABELS, auditStateTone, formatSpan, windowText } from './auditState.js';

describe('audit state words', () => {
  it('says how long a window stays open, or how long ago it closed, on the chain clock', () => {
    expect(windowText({ secondsLeft: 2700, open: true }, 'DISPUTABLE')).toBe(
      'disputable for 45 min more (chain clock)',
    );
    expect(windowText({ secondsLeft: 3_725, open: true }, 'VERIFIED')).toBe(
      'open for 1 h 2 min more (chain clock)',
    );
    expect(windowText({ secondsLeft: -300, open: false })).toBe('window closed 5 min ago (chain clock)');
    expect(windowText({ secondsLeft: null, open: null })).toBe('window: chain clock unknown');
    expect(windowText({ secondsLeft: 600, open: true }, 'UPHELD')).toBe('final: no window left');
    expect(windowText({ secondsLeft: -60, open: false }, 'SETTLED_UNVERIFIED')).toBe('final: no window left');
    expect(formatSpan(0)).toBe('0 s');
    expect(formatSpan(90_061)).toBe('1 d 1 h');
  });

  it('names every state the API has, and marks the ones that pay unverified as danger', () => {
    expect(Object.keys(AUDIT_STATE_LABELS).sort()).toEqual([...AUDIT_STATES].sort());
    expect(AUDIT_STATE_LABELS.SETTLED_UNVERIFIED).toBe('settled unverified');
    expect(auditStateTone('SETTLED_UNVERIFIED')).toBe('danger');
    expect(auditStateTone('SETTLED')).toBe('ok');
  });
});
