import { describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { malmoBoundaries, testStore } from '../../test/index.ts';

describe('GET /api/privacy', () => {
  it('should name the controller and data protection officer this deployment is configured with', async () => {
    const ctx = await testStore();
    try {
      const app = createApp({
        store: ctx.store,
        config: { staticDir: '/nonexistent', controllerName: 'Fritidsnämnden', dpoContact: 'dso@example.se' },
        boundaries: malmoBoundaries,
      });
      const res = await app.request('/api/privacy');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ controller: 'Fritidsnämnden', dpoContact: 'dso@example.se' });
    } finally {
      await ctx.close();
    }
  });
});
