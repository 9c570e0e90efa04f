/**
 * The route table entry of the staff insatser resource (for the guard and /api/openapi.json).
 */
import * as v from 'valibot';
import {
  InsatsInput,
  InsatsPatch,
  MAX_IMAGE_BYTES,
  NamndInput,
  Namnd,
  NamndList,
  QuestionInput,
  QuestionOrder,
  QuestionPatch,
  QuestionResult,
  SensitiveWarning,
  StaffInsats,
  StaffInsatsList,
} from '../../../common/wire/insatser-admin.ts';
import { ADMINS, ANY_ROLE, MODERATORS } from '../../auth/policy/index.ts';
import type { ResourceSpec, RouteSpec } from '../../openapi/index.ts';

const auth = { 401: { description: 'Not signed in', problem: true } } as const;
const read403 = { 403: { description: 'No staff role', problem: true } } as const;
const write403 = {
  403: { description: 'Not a moderator or admin, or missing X-CSRF-Token', problem: true },
} as const;
const bodyErrors = {
  400: { description: 'Malformed or refused body (see errors)', problem: true },
  413: { description: 'Body too large', problem: true },
  415: { description: 'Not application/json', problem: true },
} as const;
const notFound = { 404: { description: 'No such insats (or question)', problem: true } } as const;

const transition = (name: 'publish' | 'unpublish' | 'archive', summary: string): RouteSpec => ({
  method: 'post',
  path: `/insatser/:id/${name}`,
  access: MODERATORS,
  scoped: true,
  summary,
  description: `Audited (\`insats.${name}\`). Needs X-CSRF-Token.`,
  responses: {
    200: { description: 'The insats after the change', schema: StaffInsats },
    ...auth,
    ...write403,
    ...notFound,
    409: { description: 'Not possible from the current lifecycle', problem: true },
  },
});

export const QuestionWarnings = v.object({ warnings: v.array(SensitiveWarning) });
export const ImageInfo = v.object({
  image: v.nullable(v.object({ contentType: v.string(), bytes: v.number(), hash: v.string() })),
});

/** Where this resource is mounted and what it accepts and answers. */
export const spec: ResourceSpec = {
  mount: '/api/staff',
  tag: 'insatser',
  routes: [
    {
      method: 'get',
      path: '/insatser',
      access: ANY_ROLE,
      scoped: true,
      summary: 'Every insats, every lifecycle',
      responses: { 200: { description: 'The insatser', schema: StaffInsatsList }, ...auth, ...read403 },
    },
    {
      method: 'post',
      path: '/insatser',
      access: MODERATORS,
      scoped: true,
      summary: 'Create an insats (a draft)',
      description: 'Swedish texts required. Audited (`insats.create`). Needs X-CSRF-Token.',
      body: InsatsInput,
      responses: {
        201: { description: 'The draft', schema: StaffInsats },
        ...bodyErrors,
        ...auth,
        ...write403,
      },
    },
    {
      method: 'get',
      path: '/insatser/:id',
      access: ANY_ROLE,
      scoped: true,
      summary: 'One insats with all its questions (hidden ones too)',
      responses: {
        200: { description: 'The insats', schema: StaffInsats },
        ...auth,
        ...read403,
        ...notFound,
      },
    },
    {
      method: 'patch',
      path: '/insatser/:id',
      access: MODERATORS,
      scoped: true,
      summary: 'Change an insats',
      description:
        'The fields given replace; null removes body, contact or imageAlt. Audited. Needs X-CSRF-Token.',
      body: InsatsPatch,
      responses: {
        200: { description: 'The insats after the change', schema: StaffInsats },
        ...bodyErrors,
        ...auth,
        ...write403,
        ...notFound,
      },
    },
    transition('publish', 'Publish: the insats joins the catalogue devices fetch'),
    transition('unpublish', 'Unpublish: withdrawn from the catalogue; new answers are refused'),
    transition(
      'archive',
      'Archive: out of the catalogue; answers from devices that held it are accepted, marked late',
    ),
    {
      method: 'get',
      path: '/insatser/:id/image',
      access: ANY_ROLE,
      scoped: true,
      summary: 'The image of an insats, whatever its lifecycle (preview)',
      responses: { 200: { description: 'The image' }, ...auth, ...read403, ...notFound },
    },
    {
      method: 'put',
      path: '/insatser/:id/image',
      access: MODERATORS,
      scoped: true,
      summary: 'Store the image of an insats',
      description:
        `The body is the image (Content-Type image/jpeg, image/png or image/webp, at most ${MAX_IMAGE_BYTES} bytes). ` +
        'It is decoded and encoded anew (same type): only the pixels are kept, turned per its Exif ' +
        'orientation, at most 2048 px on the longer side; no metadata, no second picture, no trailing bytes. ' +
        'Refused: bytes that are not the type sent, more than 24 megapixels (before decoding), an image ' +
        'that cannot be decoded. Audited (`insats.image`). Needs X-CSRF-Token.',
      responses: {
        200: { description: 'The stored image', schema: ImageInfo },
        400: { description: 'Not a valid image of that type', problem: true },
        ...auth,
        ...write403,
        ...notFound,
        413: { description: 'Image too large', problem: true },
        415: { description: 'Not image/jpeg, image/png or image/webp', problem: true },
      },
    },
    {
      method: 'delete',
      path: '/insatser/:id/image',
      access: MODERATORS,
      scoped: true,
      summary: 'Remove the image of an insats',
      description: 'Audited. Needs X-CSRF-Token.',
      responses: {
        200: { description: 'No image now', schema: ImageInfo },
        ...auth,
        ...write403,
        ...notFound,
      },
    },
    {
      method: 'post',
      path: '/insatser/:id/questions',
      access: MODERATORS,
      scoped: true,
      summary: 'Add a question (at the end)',
      description:
        'Answers `warnings` when the text seems to ask for sensitive data (health, ethnicity, religion, ' +
        'sexuality, political views): saved anyway, for the editor to show. Audited. Needs X-CSRF-Token.',
      body: QuestionInput,
      responses: {
        201: { description: 'The question', schema: QuestionResult },
        ...bodyErrors,
        ...auth,
        ...write403,
        ...notFound,
      },
    },
    {
      method: 'post',
      path: '/insatser/:id/questions/order',
      access: MODERATORS,
      scoped: true,
      summary: 'Reorder the questions',
      description: 'Every question id of the insats, once, in the new order. Audited. Needs X-CSRF-Token.',
      body: QuestionOrder,
      responses: {
        200: { description: 'The insats after the change', schema: StaffInsats },
        ...bodyErrors,
        ...auth,
        ...write403,
        ...notFound,
      },
    },
    {
      method: 'patch',
      path: '/insatser/:id/questions/:qid',
      access: MODERATORS,
      scoped: true,
      summary: 'Change a question',
      description:
        'Once the question has answers, or the insats has left draft (devices may hold it offline), a change ' +
        'of kind, options or text makes a new version (answers stay on theirs). `typoFix: true` (admins only, else 403) changes the latest version in place and must keep ' +
        'kind and option ids; audited as `question.typo-fix`. Answers `warnings` as when adding. Needs X-CSRF-Token.',
      body: QuestionPatch,
      responses: {
        200: { description: 'The question after the change', schema: QuestionResult },
        ...bodyErrors,
        ...auth,
        403: {
          description: 'Not a moderator or admin; a typo fix by a non-admin; missing X-CSRF-Token',
          problem: true,
        },
        ...notFound,
      },
    },
    {
      method: 'delete',
      path: '/insatser/:id/questions/:qid',
      access: MODERATORS,
      scoped: true,
      summary: 'Remove a question',
      description:
        'Never answered in a draft: deleted. Otherwise hidden from the catalogue and kept for its answers ' +
        '(late ones are still accepted). Audited. ' +
        'Needs X-CSRF-Token.',
      responses: { 204: { description: 'Removed or hidden' }, ...auth, ...write403, ...notFound },
    },
    {
      method: 'post',
      path: '/question-warnings',
      access: MODERATORS,
      summary: 'Check a question for sensitive topics without saving it',
      body: QuestionInput,
      responses: {
        200: { description: 'What the text seems to ask for', schema: QuestionWarnings },
        ...bodyErrors,
        ...auth,
        ...write403,
      },
    },
    {
      method: 'get',
      path: '/namnder',
      access: ANY_ROLE,
      summary: 'The responsible nämnder to pick from',
      responses: { 200: { description: 'By name', schema: NamndList }, ...auth, ...read403 },
    },
    {
      method: 'post',
      path: '/namnder',
      access: ADMINS,
      summary: 'Add a nämnd',
      description: 'Audited (`namnd.create`). An existing name answers the existing one. Needs X-CSRF-Token.',
      body: NamndInput,
      responses: {
        200: { description: 'The nämnd', schema: Namnd },
        ...bodyErrors,
        ...auth,
        403: { description: 'Not an admin, or missing X-CSRF-Token', problem: true },
      },
    },
  ],
};
