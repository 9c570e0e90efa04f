import { beforeAll, describe, expect, it } from 'vitest';
import { loadSwedishLater } from '../../i18n/index.ts';
import { syncStatus } from './status.ts';

// This screen opens after the rest of Swedish has loaded (the router waits for it).
beforeAll(() => loadSwedishLater());

const base = { queued: 4, attention: 0, total: 4, online: true, now: 1_700_000_000_000 };

describe('what "My input" says about the outbox', () => {
  it('should say "no internet", never "sending", while the phone is offline', () => {
    expect(syncStatus({ ...base, phase: 'sending', online: false }).detail).toBe(
      'Inget internet just nu. Appen skickar när du har internet igen.',
    );
  });

  it('should say the city asked to wait, not "sending", during a Retry-After wait', () => {
    const { detail } = syncStatus({ ...base, phase: 'waiting', retryAt: base.now + 120_000 });
    expect(detail).toMatch(/^Staden har bett appen vänta en stund\. Appen skickar igen .+\.$/);
    expect(detail).not.toContain('Skickar');
  });

  it('should say "sending" when a runner (this page or the service worker) announced it', () => {
    expect(syncStatus({ ...base, phase: 'sending' }).detail).toBe('Skickar …');
  });

  it('should not say "could not send" once the runner announced it is idle', () => {
    expect(syncStatus({ ...base, phase: 'idle' }).detail).toBe('');
  });

  it('should count what waits from the outbox itself', () => {
    expect(syncStatus({ ...base, phase: 'idle' }).status).toBe('Väntar på att skickas: 4');
    expect(syncStatus({ ...base, queued: 0, phase: 'sending' })).toEqual({
      status: 'Allt är skickat.',
      detail: '',
    });
  });
});
