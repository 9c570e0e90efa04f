import { describe, expect, it } from 'vitest';
import { auditQuery, PAGE_SIZE } from './audit-query.ts';

describe('audit log query', () => {
  it('should ask for one page and nothing else when no filter is set', () => {
    expect(auditQuery({})).toBe(`limit=${PAGE_SIZE}`);
  });

  it('should leave out empty and blank filters (the API refuses empty ones)', () => {
    expect(auditQuery({ action: '  ', targetType: '', actor: 'u1' })).toBe(`actor=u1&limit=${PAGE_SIZE}`);
  });

  it('should send days as the Malmö moments they start, with the end day included', () => {
    const q = new URLSearchParams(auditQuery({ from: '2025-07-01', to: '2025-07-01' }));
    expect(q.get('from')).toBe('2025-06-30T22:00:00.000Z');
    expect(q.get('to')).toBe('2025-07-01T22:00:00.000Z');
  });

  it('should pass the cursor of the next page along with the filters', () => {
    const q = new URLSearchParams(auditQuery({ action: 'user.' }, 'abc_-'));
    expect(q.get('action')).toBe('user.');
    expect(q.get('cursor')).toBe('abc_-');
  });

  it('should drop a day that is not a date rather than send it', () => {
    expect(auditQuery({ from: 'igår' })).toBe(`limit=${PAGE_SIZE}`);
  });
});
