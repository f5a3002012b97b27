import {
  PublicationDetailResponse,
  PublicationListQuery,
  PublicationListResponse,
  PublicationWithdrawRequest,
  PublicPublicityAbout,
  PublicPublicityItem,
  PublicPublicityListResponse,
  PublicPublicityQuery,
} from '@fazhi/common';
import type { App, AppDeps } from '../../http/app.ts';
import { defineRoute } from '../../http/route.ts';
import { idParam, json } from '../platform/routes/helpers.ts';
import { getPublic, listPublic, publicAbout } from './public.service.ts';
import {
  getPublication,
  listPublications,
  publishPublication,
  withdrawPublication,
} from './publications.service.ts';
// The 待办 provider registers itself once, when the module is first loaded.
import './tasks.ts';

export function registerPublicityRoutes(app: App, _deps: AppDeps) {
  const tags = ['Enforcement publicity'];
  app.openapi(
    defineRoute('publicity.read', {
      method: 'get',
      path: '/api/publicity',
      tags,
      summary: 'Publicity tasks in my scope (pending, published, withdrawn), with their deadlines',
      request: { query: PublicationListQuery },
      response: PublicationListResponse,
    }),
    async (c) => c.json(await listPublications(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('publicity.read', {
      method: 'get',
      path: '/api/publicity/{id}',
      tags,
      summary: 'One publicity task with what the public sees (the snapshot, or a preview while pending)',
      request: { params: idParam },
      response: PublicationDetailResponse,
    }),
    async (c) => c.json(await getPublication(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute('publicity.publish', {
      method: 'post',
      path: '/api/publicity/{id}/publish',
      tags,
      summary: 'Publish the masked decision on the public portal (late publishing is recorded)',
      request: { params: idParam },
      response: PublicationDetailResponse,
    }),
    async (c) => c.json(await publishPublication(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute('publicity.publish', {
      method: 'post',
      path: '/api/publicity/{id}/withdraw',
      tags,
      summary: 'Take a published decision off the public portal',
      request: { params: idParam, body: json(PublicationWithdrawRequest) },
      response: PublicationDetailResponse,
    }),
    async (c) =>
      c.json(await withdrawPublication(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  const publicTags = ['Public portal'];
  app.openapi(
    defineRoute('public', {
      method: 'get',
      path: '/api/public/publicity',
      tags: publicTags,
      summary: 'Published enforcement decisions, newest first, personal data masked (no sign-in)',
      request: { query: PublicPublicityQuery },
      response: PublicPublicityListResponse,
    }),
    async (c) => c.json(await listPublic(c.get('ctx'), c.req.valid('query')), 200),
  );
  // Before /{id}, which would otherwise claim the word "about".
  app.openapi(
    defineRoute('public', {
      method: 'get',
      path: '/api/public/publicity/about',
      tags: publicTags,
      summary: 'The publishing authority, for the portal header (no sign-in)',
      response: PublicPublicityAbout,
    }),
    async (c) => c.json(await publicAbout(c.get('ctx')), 200),
  );
  app.openapi(
    defineRoute('public', {
      method: 'get',
      path: '/api/public/publicity/{id}',
      tags: publicTags,
      summary: 'One published decision (no sign-in)',
      request: { params: idParam },
      response: PublicPublicityItem,
    }),
    async (c) => c.json(await getPublic(c.get('ctx'), c.req.valid('param').id), 200),
  );
}
