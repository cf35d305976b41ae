import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatDuration, formatRelative, parseItopDate, priorityTone, statusTone } from './format';

describe('format', () => {
  it('formats durations', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_400)).toBe('1:05');
    expect(formatDuration(3_725_000)).toBe('1:02:05');
    expect(formatDuration(-5)).toBe('0:00');
    expect(formatDuration(Number.NaN)).toBe('0:00');
    fc.assert(fc.property(fc.double(), (ms) => { expect(formatDuration(ms)).toMatch(/^(\d+:)?\d+:\d{2}$/); }));
  });

  it('reads iTop dates as local time and rejects anything else', () => {
    expect(parseItopDate('2024-03-05 14:07:09')).toBe(new Date(2024, 2, 5, 14, 7, 9).getTime());
    expect(parseItopDate('2024-03-05')).toBe(new Date(2024, 2, 5).getTime());
    expect(parseItopDate('')).toBeNull();
    expect(parseItopDate(undefined)).toBeNull();
    fc.assert(fc.property(fc.string(), (s) => { const t = parseItopDate(s); expect(t === null || Number.isFinite(t)).toBe(true); }));
  });

  it('says relative times in the agent language', () => {
    const now = Date.UTC(2024, 0, 10, 12);
    expect(formatRelative(now - 10_000, now, 'en', 'just now')).toBe('just now');
    expect(formatRelative(now - 5 * 60_000, now, 'en', 'just now')).toBe('5 minutes ago');
    expect(formatRelative(now - 3 * 3_600_000, now, 'fr', '')).toBe('il y a 3 heures');
    expect(formatRelative(now - 86_400_000, now, 'de', '')).toBe('gestern');
    // iTop's clock a little ahead of ours is skew, never "in 19 minutes".
    expect(formatRelative(now + 19 * 60_000, now, 'en', 'just now')).toBe('just now');
  });

  it('colours statuses and priorities', () => {
    expect(statusTone('new')).toBe('info');
    expect(statusTone('escalated_tto')).toBe('danger');
    expect(statusTone('resolved')).toBe('success');
    expect(statusTone('assigned')).toBe('neutral');
    expect(priorityTone('1')).toBe('danger');
    expect(priorityTone(undefined)).toBe('neutral');
  });
});
