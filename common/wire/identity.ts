/**
 * The wire schema of the deployment's identity (GET /api/identity); the plain type, defaults
 * and helpers are in common/identity.
 */
import * as v from 'valibot';
import {
  HEX_COLOUR,
  type Identity as IdentityType,
  MAX_NAME_CHARS,
  MAX_PURPOSE_CHARS,
} from '../identity/index.ts';

const name = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_NAME_CHARS));
const purpose = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_PURPOSE_CHARS));

/** Whose app this is: see {@link IdentityType}. */
export const Identity = v.object({
  orgName: name,
  appName: name,
  purpose: v.object({ sv: purpose, en: purpose, ar: purpose }),
  themeColour: v.pipe(v.string(), v.regex(HEX_COLOUR)),
  logoUrl: v.string(),
}) satisfies v.GenericSchema<IdentityType>;
export type Identity = IdentityType;
