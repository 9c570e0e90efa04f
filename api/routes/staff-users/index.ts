/**
 * /api/staff/users: staff accounts, for admins. Create (with a password, or without one as an
 * invitation for the identity provider), list, and change name, role, active and password.
 * Every change is audited; no answer or audit row ever holds a password hash.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { NewStaffUser, StaffUser, StaffUserList, StaffUserPatch } from '../../../common/wire/staff.ts';
import { audit, auditRecord } from '../../auth/audit/index.ts';
import { hashPassword, passwordProblem } from '../../auth/passwords/index.ts';
import { ADMINS } from '../../auth/policy/index.ts';
import { jsonBody } from '../../http/json-body.ts';
import { problem } from '../../http/problem.ts';
import type { ApiDeps, AppEnv, StaffPrincipal } from '../../http/types.ts';
import type { ResourceSpec } from '../../openapi/index.ts';
import type { StaffUserChange, StaffUserRecord } from '../../store/index.ts';

const MAX_USER_BYTES = 4 * 1024;

/** Where this resource is mounted and what it accepts and answers (for /api/openapi.json). */
export const spec: ResourceSpec = {
  mount: '/api/staff/users',
  tag: 'staff accounts',
  routes: [
    {
      method: 'get',
      path: '/',
      access: ADMINS,
      summary: 'List staff accounts',
      responses: {
        200: { description: 'Every staff account, by e-mail', schema: StaffUserList },
        401: { description: 'Not signed in', problem: true },
        403: { description: 'Not an admin', problem: true },
      },
    },
    {
      method: 'post',
      path: '/',
      access: ADMINS,
      summary: 'Create a staff account',
      description:
        'With a password: a local account. Without: an invitation; the first sign-in through the identity ' +
        'provider with this e-mail gets the role given here. Needs X-CSRF-Token.',
      body: NewStaffUser,
      responses: {
        201: { description: 'Created', schema: StaffUser },
        400: { description: 'Malformed body, or the password is refused (see errors)', problem: true },
        401: { description: 'Not signed in', problem: true },
        403: { description: 'Not an admin, or missing X-CSRF-Token', problem: true },
        409: { description: 'An account with this e-mail exists', problem: true },
        413: { description: 'Body too large', problem: true },
        415: { description: 'Not application/json', problem: true },
      },
    },
    {
      method: 'patch',
      path: '/:id',
      access: ADMINS,
      summary: 'Change a staff account',
      description:
        'Any of name, role (null: none), active, password, namnder (nämnd ids: a moderator or analyst with ' +
        "any sees only those nämnders' insatser), inputWithoutInsats. Deactivating ends the account's sessions. " +
        'The last active admin cannot be demoted or deactivated. Needs X-CSRF-Token.',
      body: StaffUserPatch,
      responses: {
        200: { description: 'The account after the change', schema: StaffUser },
        400: { description: 'Malformed body, nothing to change, or the password is refused', problem: true },
        401: { description: 'Not signed in', problem: true },
        403: { description: 'Not an admin, or missing X-CSRF-Token', problem: true },
        404: { description: 'No such account', problem: true },
        409: { description: 'It would leave no active admin', problem: true },
        413: { description: 'Body too large', problem: true },
        415: { description: 'Not application/json', problem: true },
      },
    },
  ],
};

/** An account as admins see it: never the password hash. */
export function toStaffUser(user: StaffUserRecord): StaffUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    active: user.active,
    hasPassword: user.passwordHash !== null,
    oidcLinked: user.oidcSubject !== null,
    createdAt: user.createdAt,
    lastLoginAt: user.lastLoginAt,
    namnder: user.namnder,
    inputWithoutInsats: user.inputWithoutInsats,
  };
}

/** The 400 for nämnd ids that are not nämnder, or undefined when all are. */
async function unknownNamnd(deps: ApiDeps, c: Parameters<typeof problem>[0], ids: readonly string[]) {
  const known = new Set((await deps.store.listNamnder()).map((n) => n.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown === undefined) return undefined;
  return problem(c, 400, `There is no nämnd with the id ${unknown}.`, {
    errors: [{ path: 'namnder', message: `${unknown} is not a nämnd` }],
  });
}

/** The staff-users resource. */
export function staffUsers(deps: ApiDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ users: (await deps.store.listStaffUsers()).map(toStaffUser) });
    })
    .post('/', jsonBody(NewStaffUser, MAX_USER_BYTES), async (c) => {
      const body = c.var.body;
      if (body.password !== undefined) {
        const refused = passwordProblem(body.password, body.email);
        if (refused) return passwordRefused(c, refused);
      }
      const refused = await unknownNamnd(deps, c, body.namnder);
      if (refused) return refused;
      const at = new Date(deps.now()).toISOString();
      const user: StaffUserRecord = {
        id: randomUUID(),
        email: body.email,
        name: body.name,
        role: body.role,
        active: true,
        passwordHash: body.password === undefined ? null : await hashPassword(body.password),
        oidcSubject: null,
        createdAt: at,
        updatedAt: at,
        lastLoginAt: null,
        namnder: [...new Set(body.namnder)].sort(),
        inputWithoutInsats: body.inputWithoutInsats,
      };
      const created = toStaffUser(user);
      const record = auditRecord(c, deps, {
        action: 'user.create',
        targetType: 'staff_user',
        targetId: user.id,
        after: {
          email: created.email,
          name: created.name,
          role: created.role,
          hasPassword: created.hasPassword,
          namnder: created.namnder,
          inputWithoutInsats: created.inputWithoutInsats,
        },
      });
      if ((await deps.store.createStaffUser(user, record)) === 'email-taken') {
        return problem(c, 409, 'A staff account with this e-mail address exists already.');
      }
      return c.json(created, 201, { Location: `/api/staff/users/${user.id}` });
    })
    .patch('/:id', jsonBody(StaffUserPatch, MAX_USER_BYTES), async (c) => {
      const body = c.var.body;
      const id = c.req.param('id');
      const target = await deps.store.getStaffUser(id);
      if (target === undefined) return problem(c, 404, 'There is no staff account with this id.');
      const change: StaffUserChange = {};
      if (body.name !== undefined) change.name = body.name;
      if (body.role !== undefined) change.role = body.role;
      if (body.active !== undefined) change.active = body.active;
      if (body.namnder !== undefined) {
        const refused = await unknownNamnd(deps, c, body.namnder);
        if (refused) return refused;
        change.namnder = body.namnder;
      }
      if (body.inputWithoutInsats !== undefined) change.inputWithoutInsats = body.inputWithoutInsats;
      if (body.password !== undefined) {
        const refused = passwordProblem(body.password, target.email);
        if (refused) return passwordRefused(c, refused);
        change.passwordHash = await hashPassword(body.password);
      }
      if (Object.keys(change).length === 0) {
        return problem(
          c,
          400,
          'Nothing to change: send at least one of name, role, active, password, namnder, inputWithoutInsats.',
        );
      }
      const { user: actor } = c.var.staff as StaffPrincipal;
      const at = new Date(deps.now()).toISOString();
      const {
        before: _,
        after: __,
        ...base
      } = auditRecord(c, deps, {
        action: 'user.update',
        targetType: 'staff_user',
        targetId: id,
      });
      const result = await deps.store.updateStaffUser(id, { ...change, updatedAt: at }, base);
      if (result.status === 'not-found') return problem(c, 404, 'There is no staff account with this id.');
      if (result.status === 'last-admin') {
        return problem(
          c,
          409,
          'This is the last active admin: make another account admin first, then change this one.',
        );
      }
      // A new password set by someone else ends the sessions made with the old one. (The
      // store ends them on deactivation; one's own current session survives one's own change.)
      if (change.passwordHash !== undefined && id !== actor.id) {
        const ended = await deps.store.deleteStaffSessionsOf(id);
        if (ended > 0) {
          await audit(c, deps, {
            action: 'session.revoke',
            targetType: 'staff_user',
            targetId: id,
            after: { ended },
          });
        }
      }
      return c.json(toStaffUser(result.after));
    });
}

function passwordRefused(c: Parameters<typeof problem>[0], reason: string): Response {
  return problem(c, 400, `The password is refused: ${reason}`, {
    errors: [{ path: 'password', message: reason }],
  });
}
