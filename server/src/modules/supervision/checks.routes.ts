import {
  CallbackContactResponse,
  CallbackFollowUpRequest,
  CallbackListQuery,
  CallbackListResponse,
  CallbackResponse,
  CallbackResultRequest,
  CameraBulletinQuery,
  CameraBulletinResponse,
  CameraCheckListQuery,
  CameraCheckListResponse,
  CameraCheckResponse,
  CameraCheckResultRequest,
  CameraSampleRequest,
  CameraSampleResponse,
  SupervisionSettingsResponse,
  SupervisionSettingsUpdateRequest,
} from '@fazhi/common';
import type { App, AppDeps } from '../../http/app.ts';
import { defineRoute } from '../../http/route.ts';
import { idParam, json, XLSX_TYPE, xlsxDownload } from '../platform/routes/helpers.ts';
import {
  closeFollowUp,
  listCallbacks,
  recordCallbackResult,
  revealCallbackContact,
} from './callbacks.service.ts';
import {
  cameraBulletin,
  cameraBulletinXlsx,
  listCameraChecks,
  recordCameraResult,
} from './camera-checks.service.ts';
// The daily jobs (camera.sample, callback.tasks) and the 待办 provider register on first load.
import { sampleCameraDay } from './checks.jobs.ts';
import './checks.tasks.ts';
import { getSupervisionSettings, updateSupervisionSettings } from './settings.service.ts';

/**
 * Daily spot checks and call-backs. Who reads what:
 * - the camera-check list and its actions are the command centre's (camera.check); the
 *   detachment and the units see the results through the bulletin and the findings;
 * - the bulletin is published branch-wide (挂网通报), so it is open to camera.check and
 *   supervision.read alike: the route admits any signed-in user and the service refuses
 *   whoever has neither (an administrator, a mediator);
 * - call-backs are read with supervision.read (the inspectorate holds it, units see their
 *   own), made with callback.perform, and a unit closes its 二次查办 with supervision.answer.
 */
export function registerCheckRoutes(app: App, _deps: AppDeps) {
  const tags = ['Supervision: spot checks and call-backs'];
  // Fixed paths before /{id}.
  app.openapi(
    defineRoute('signed-in', {
      method: 'get',
      path: '/api/supervision/camera-checks/bulletin',
      tags,
      summary: '每日警情通报 — body-camera section of a day (camera.check or supervision.read)',
      request: { query: CameraBulletinQuery },
      response: CameraBulletinResponse,
    }),
    async (c) => c.json(await cameraBulletin(c.get('ctx'), c.req.valid('query').day), 200),
  );
  app.openapi(
    defineRoute('signed-in', {
      method: 'get',
      path: '/api/supervision/camera-checks/bulletin.xlsx',
      tags,
      summary: 'The body-camera bulletin as .xlsx (camera.check or supervision.read)',
      request: { query: CameraBulletinQuery },
      download: XLSX_TYPE,
    }),
    async (c) => {
      const { buffer, fileName } = await cameraBulletinXlsx(c.get('ctx'), c.req.valid('query').day);
      return xlsxDownload(c, fileName, buffer);
    },
  );
  app.openapi(
    defineRoute('camera.check', {
      method: 'post',
      path: '/api/supervision/camera-checks/sample',
      tags,
      summary: "Draws a past day's body-camera sample unless it was drawn (idempotent)",
      request: { body: json(CameraSampleRequest) },
      response: CameraSampleResponse,
    }),
    async (c) => c.json(await sampleCameraDay(c.get('ctx'), c.req.valid('json').day), 200),
  );
  app.openapi(
    defineRoute('camera.check', {
      method: 'get',
      path: '/api/supervision/camera-checks',
      tags,
      summary: 'Sampled incidents to check for body-camera use, with the day’s counts',
      request: { query: CameraCheckListQuery },
      response: CameraCheckListResponse,
    }),
    async (c) => c.json(await listCameraChecks(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('camera.check', {
      method: 'post',
      path: '/api/supervision/camera-checks/{id}',
      tags,
      summary: 'Records (or corrects) what the footage showed',
      request: { params: idParam, body: json(CameraCheckResultRequest) },
      response: CameraCheckResponse,
    }),
    async (c) =>
      c.json(await recordCameraResult(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    defineRoute('supervision.read', {
      method: 'get',
      path: '/api/supervision/callbacks',
      tags,
      summary: 'Call-backs (民意监测) in my scope, callers masked, with counts',
      request: { query: CallbackListQuery },
      response: CallbackListResponse,
    }),
    async (c) => c.json(await listCallbacks(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('callback.perform', {
      method: 'post',
      path: '/api/supervision/callbacks/{id}/contact',
      tags,
      summary: "The caller's name and number for the call (pending only; audited)",
      request: { params: idParam },
      response: CallbackContactResponse,
    }),
    async (c) => c.json(await revealCallbackContact(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute('callback.perform', {
      method: 'post',
      path: '/api/supervision/callbacks/{id}/result',
      tags,
      summary: 'Records a call: satisfaction, or not reached (dissatisfied opens 二次查办)',
      request: { params: idParam, body: json(CallbackResultRequest) },
      response: CallbackResponse,
    }),
    async (c) =>
      c.json(await recordCallbackResult(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('supervision.answer', {
      method: 'post',
      path: '/api/supervision/callbacks/{id}/follow-up',
      tags,
      summary: 'The unit records the result of its 二次查办, which closes it',
      request: { params: idParam, body: json(CallbackFollowUpRequest) },
      response: CallbackResponse,
    }),
    async (c) => c.json(await closeFollowUp(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );

  app.openapi(
    defineRoute('supervision.read', {
      method: 'get',
      path: '/api/supervision/settings',
      tags,
      summary: 'Supervision settings: sample size, call-back rate, follow-up days, daily hour',
      response: SupervisionSettingsResponse,
    }),
    async (c) => c.json(await getSupervisionSettings(c.get('ctx')), 200),
  );
  app.openapi(
    defineRoute('supervision.manage', {
      method: 'put',
      path: '/api/supervision/settings',
      tags,
      summary: 'Changes the supervision settings (audited with before and after)',
      request: { body: json(SupervisionSettingsUpdateRequest) },
      response: SupervisionSettingsResponse,
    }),
    async (c) => c.json(await updateSupervisionSettings(c.get('ctx'), c.req.valid('json')), 200),
  );
}
