import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.ts';

describe('loadConfig', () => {
  it('should run with no variables set: port 8787, SQLite in ./data, no examples, Malmö defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8787,
      database: { kind: 'sqlite', path: resolve('data/kraftsamla.db') },
      exampleContent: false,
      staticDir: resolve('dist'),
      controllerName: 'Malmö stad, kommunstyrelsen',
      dpoContact: 'dataskyddsombud@malmo.se',
    });
  });

  it('should read every variable', () => {
    const config = loadConfig({
      PORT: '9000',
      DATABASE_URL: 'sqlite:/var/lib/kraftsamla/k.db',
      EXAMPLE_CONTENT: 'on',
      STATIC_DIR: '/srv/www',
      CONTROLLER_NAME: 'Fritidsnämnden',
      DPO_CONTACT: 'dso@example.se',
    });
    expect(config).toEqual({
      port: 9000,
      database: { kind: 'sqlite', path: '/var/lib/kraftsamla/k.db' },
      exampleContent: true,
      staticDir: '/srv/www',
      controllerName: 'Fritidsnämnden',
      dpoContact: 'dso@example.se',
    });
  });

  it('should say PostgreSQL comes in the next release rather than fail obscurely', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://localhost/k' })).toThrow(
      /DATABASE_URL.*next release/,
    );
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ EXAMPLE_CONTENT: 'maybe' }, 'EXAMPLE_CONTENT'],
    [{ CONTROLLER_NAME: '  ' }, 'CONTROLLER_NAME'],
    [{ DPO_CONTACT: '' }, 'DPO_CONTACT'],
  ])('should refuse %j, naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
