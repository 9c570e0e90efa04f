/**
 * Wire format of staff identity: sign-in, the signed-in staff member, staff accounts and the
 * audit log. Shared by the API and the staff screens (which load only when staff open them,
 * so none of this reaches a participant's first load).
 */
import * as v from 'valibot';

/** Staff roles. `admin`: everything; `moderator`: moderation, answers, insatser, re-tagging,
 * contact details; `analyst`: dashboards and exports, never contact details. */
export const ROLES = ['admin', 'moderator', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** Longest e-mail address (RFC 5321 path limit). */
export const MAX_EMAIL_CHARS = 254;
/** Shortest password accepted for a local account. */
export const MIN_PASSWORD_CHARS = 12;
/** Longest password accepted: long pass phrases yes, megabytes into the KDF no. */
export const MAX_PASSWORD_CHARS = 256;
export const MAX_NAME_CHARS = 120;

/** Lower-cased and trimmed: one account per address, however it is typed. */
export const Email = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.maxLength(MAX_EMAIL_CHARS, `must be at most ${MAX_EMAIL_CHARS} characters`),
  v.email('is not an e-mail address'),
);

/** POST /api/auth/login. The password is checked, never shaped: only its length is limited. */
export const LoginRequest = v.strictObject({
  email: Email,
  password: v.pipe(v.string(), v.minLength(1, 'is empty'), v.maxLength(MAX_PASSWORD_CHARS, 'is too long')),
});
export type LoginRequest = v.InferOutput<typeof LoginRequest>;

/** How a staff member signed in. */
export const AUTH_METHODS = ['password', 'oidc'] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

/** GET /api/auth/me: who is signed in, and the CSRF token for state-changing staff requests. */
export const StaffMe = v.object({
  id: v.string(),
  email: v.string(),
  name: v.string(),
  /** null: signed in, waiting for an admin to grant a role. */
  role: v.nullable(v.picklist(ROLES)),
  method: v.picklist(AUTH_METHODS),
  /** Send as the `X-CSRF-Token` header on every POST/PATCH/DELETE of the staff API. */
  csrfToken: v.string(),
  /** When the session ends at the latest (ISO 8601), whatever the activity. */
  expiresAt: v.string(),
  /** Minutes of inactivity after which the session ends. */
  idleMinutes: v.number(),
});
export type StaffMe = v.InferOutput<typeof StaffMe>;

/** GET /api/auth/methods: which ways of signing in this deployment offers. */
export const SignInMethods = v.object({
  password: v.boolean(),
  /** The identity provider's display name (OIDC_NAME), or null when OIDC is not configured. */
  oidc: v.nullable(v.object({ name: v.string() })),
});
export type SignInMethods = v.InferOutput<typeof SignInMethods>;

/** A staff account as admins see it. Never a password hash. */
export const StaffUser = v.object({
  id: v.string(),
  email: v.string(),
  name: v.string(),
  role: v.nullable(v.picklist(ROLES)),
  active: v.boolean(),
  /** Can sign in with a password (a local account). */
  hasPassword: v.boolean(),
  /** Has signed in through the identity provider at least once. */
  oidcLinked: v.boolean(),
  createdAt: v.string(),
  lastLoginAt: v.nullable(v.string()),
  /**
   * Ids of the nämnder the account works for (GET /api/staff/namnder). A moderator or analyst
   * with any sees only those nämnders' insatser; none: sees all. Admins always see all.
   */
  namnder: v.array(v.string()),
  /** With nämnder: also sees input that names no insats. */
  inputWithoutInsats: v.boolean(),
});
export type StaffUser = v.InferOutput<typeof StaffUser>;
export const StaffUserList = v.object({ users: v.array(StaffUser) });

const Name = v.pipe(
  v.string(),
  v.trim(),
  v.maxLength(MAX_NAME_CHARS, `must be at most ${MAX_NAME_CHARS} characters`),
);
const NewPassword = v.pipe(v.string(), v.maxLength(MAX_PASSWORD_CHARS, 'is too long'));
/** Most nämnder one account may be given. */
export const MAX_USER_NAMNDER = 20;
const NamndIds = v.pipe(
  v.array(v.pipe(v.string(), v.minLength(1, 'is empty'), v.maxLength(100, 'is too long'))),
  v.maxLength(MAX_USER_NAMNDER, `at most ${MAX_USER_NAMNDER} nämnder`),
);

/**
 * POST /api/staff/users. Without a password the account signs in through the identity provider
 * only (an invitation: the first OIDC sign-in with this e-mail gets the role given here).
 */
export const NewStaffUser = v.strictObject({
  email: Email,
  name: v.optional(Name, ''),
  role: v.nullable(v.picklist(ROLES)),
  password: v.optional(NewPassword),
  namnder: v.optional(NamndIds, []),
  inputWithoutInsats: v.optional(v.boolean(), false),
});
export type NewStaffUser = v.InferOutput<typeof NewStaffUser>;

/** PATCH /api/staff/users/:id: any of role, active, name, a new password. */
export const StaffUserPatch = v.strictObject({
  name: v.optional(Name),
  role: v.optional(v.nullable(v.picklist(ROLES))),
  active: v.optional(v.boolean()),
  password: v.optional(NewPassword),
  namnder: v.optional(NamndIds),
  inputWithoutInsats: v.optional(v.boolean()),
});
export type StaffUserPatch = v.InferOutput<typeof StaffUserPatch>;

/** One audit row as admins read it. `before`/`after` never hold passwords, tokens or redacted text. */
export const AuditEntry = v.object({
  id: v.string(),
  at: v.string(),
  actor: v.object({ id: v.nullable(v.string()), label: v.string() }),
  action: v.string(),
  target: v.object({ type: v.string(), id: v.nullable(v.string()) }),
  before: v.nullable(v.unknown()),
  after: v.nullable(v.unknown()),
});
export type AuditEntry = v.InferOutput<typeof AuditEntry>;
/** GET /api/staff/audit: newest first; `next` is the cursor for the following (older) page. */
export const AuditPage = v.object({ entries: v.array(AuditEntry), next: v.nullable(v.string()) });
export type AuditPage = v.InferOutput<typeof AuditPage>;

/** One stored boundary set version (GET /api/staff/boundary-sets). */
export const BoundarySetVersion = v.object({
  version: v.string(),
  active: v.boolean(),
  /** When it was imported (ISO 8601). */
  createdAt: v.string(),
  /** When it was last made the active set; null if never. */
  activatedAt: v.nullable(v.string()),
});
export type BoundarySetVersion = v.InferOutput<typeof BoundarySetVersion>;

/** Progress of the re-tag job an activation starts: every submission is tagged again by the new set. */
export const RetagProgress = v.object({
  id: v.string(),
  boundaryVersion: v.string(),
  previousVersion: v.nullable(v.string()),
  /** `superseded`: another set was activated before this job finished. */
  status: v.picklist(['running', 'done', 'superseded']),
  processed: v.number(),
  /** Submissions stored when the set was activated. */
  total: v.number(),
  /** 0–100 (100 only once done). */
  percent: v.number(),
  createdAt: v.string(),
  finishedAt: v.nullable(v.string()),
});
export type RetagProgress = v.InferOutput<typeof RetagProgress>;

/**
 * GET /api/staff/boundary-sets, and the answer of POST …/:version/activate: every version
 * (oldest first), the active one, and the latest re-tag job (null before the first activation).
 */
export const BoundarySets = v.object({
  active: v.nullable(v.string()),
  sets: v.array(BoundarySetVersion),
  retag: v.nullable(RetagProgress),
});
export type BoundarySets = v.InferOutput<typeof BoundarySets>;
