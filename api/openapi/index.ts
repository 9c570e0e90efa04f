/**
 * OpenAPI 3.1 from the route table: each route carries its valibot schemas, the same
 * ones that validate requests, so the document cannot drift from what the API does.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { PROBLEM_CONTENT_TYPE } from '../http/problem.ts';
import { Problem } from '../../common/wire/index.ts';
import type { Access } from '../auth/policy/access.ts';

/** One response of a route: a JSON body, a problem, or no described body. */
export interface ResponseSpec {
  description: string;
  schema?: v.GenericSchema;
  /** The body is RFC 9457 problem+json. */
  problem?: boolean;
}

/** One route as the table describes it; `path` is relative to the resource's mount point. */
export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  /**
   * Who may call it. app.ts enforces exactly this (api/auth/policy), and the authorization test
   * walks this table, so a route cannot exist without a declaration or differ from it.
   */
  access: Access;
  /**
   * The route serves only the insatser of the caller's nämnder (and input without an insats
   * when allowed) to moderators and analysts given nämnder; outside them it answers 404 or an
   * empty list. Admins and accounts without nämnder see all. In the document as `x-scoped`.
   */
  scoped?: boolean;
  summary: string;
  description?: string;
  body?: v.GenericSchema;
  responses: Record<number, ResponseSpec>;
}

/** A resource: where it is mounted and its routes. */
export interface ResourceSpec {
  mount: string;
  tag: string;
  routes: readonly RouteSpec[];
}

/** Joins a mount point and a route path the way Hono does (`/api/insatser` + `/:id`). */
export function fullPath(mount: string, path: string): string {
  const joined = `${mount.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
  return joined.length > 1 ? joined.replace(/\/$/, '') : joined;
}

/** Builds the OpenAPI 3.1 document for the given resources. */
export function buildOpenApi(resources: readonly ResourceSpec[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const resource of resources) {
    for (const route of resource.routes) {
      const hono = fullPath(resource.mount, route.path);
      const params = [...hono.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
      const operation: Record<string, unknown> = {
        tags: [resource.tag],
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        ...(route.scoped ? { 'x-scoped': 'namnd' } : {}),
        ...(params.length > 0
          ? {
              parameters: params.map((name) => ({
                name,
                in: 'path',
                required: true,
                schema: { type: 'string' },
              })),
            }
          : {}),
        ...(route.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: schemaOf(route.body) } },
              },
            }
          : {}),
        responses: Object.fromEntries(
          Object.entries(route.responses).map(([status, r]) => [status, responseObject(r)]),
        ),
      };
      const path = hono.replace(/:(\w+)/g, '{$1}');
      paths[path] = { ...paths[path], [route.method]: operation };
    }
  }
  return { openapi: '3.1.0', info, paths };
}

function responseObject(r: ResponseSpec) {
  if (r.problem)
    return { description: r.description, content: { [PROBLEM_CONTENT_TYPE]: { schema: schemaOf(Problem) } } };
  if (r.schema)
    return { description: r.description, content: { 'application/json': { schema: schemaOf(r.schema) } } };
  return { description: r.description };
}

function schemaOf(schema: v.GenericSchema): Record<string, unknown> {
  // Checks that JSON Schema cannot express (cross-field rules, transforms) are left out:
  // the document describes the shape; the API still enforces every rule.
  const { $schema: _, ...json } = toJsonSchema(schema, { target: 'draft-2020-12', errorMode: 'ignore' });
  return json;
}
