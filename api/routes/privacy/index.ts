/**
 * GET /api/privacy: the deployment's controller and data protection officer, so the
 * privacy notice names the right nämnd without a new build of the client.
 */
import { Hono } from 'hono';
import { PrivacyContact } from '../../../common/wire/index.ts';
import type { ApiDeps, AppEnv } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/privacy',
  tag: 'catalogue',
  routes: [
    {
      method: 'get',
      access: 'public',
      path: '/',
      summary: 'Who is responsible for personal data, and how to reach the data protection officer',
      responses: { 200: { description: 'From CONTROLLER_NAME and DPO_CONTACT', schema: PrivacyContact } },
    },
  ],
};

/** The privacy resource. */
export function privacy(deps: ApiDeps) {
  const body: PrivacyContact = { controller: deps.config.controllerName, dpoContact: deps.config.dpoContact };
  return new Hono<AppEnv>().get('/', (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.json(body);
  });
}
