import {
  ImportResponse,
  OfficerCreateRequest,
  OfficerListQuery,
  OfficerListResponse,
  OfficerResponse,
  OfficerRolesRequest,
  OfficerUpdateRequest,
  PasswordResetResponse,
  ROLE_CODES,
  RoleListResponse,
  RoleResponse,
  RoleUpdateRequest,
  SecuritySettings,
  UnitCreateRequest,
  UnitListResponse,
  UnitResponse,
  UnitUpdateRequest,
} from '@fazhi/common';
import { z } from '@hono/zod-openapi';
import type { App } from '../../../http/app.ts';
import { defineRoute } from '../../../http/route.ts';
import * as officersSvc from '../officers.service.ts';
import { importOfficers, importUnits, officerTemplate, unitTemplate } from '../org-import.service.ts';
import { listRoles, updateRole } from '../roles.service.ts';
import { getSecuritySettings, updateSecuritySettings } from '../settings.service.ts';
import { createUnit, listUnits, updateUnit } from '../units.service.ts';
import { idParam, json, upload, uploadedFile, XLSX_TYPE, xlsxDownload } from './helpers.ts';

export function registerOrgRoutes(app: App) {
  const unitTags = ['Organisation'];
  app.openapi(
    defineRoute('unit.read', {
      method: 'get',
      path: '/api/units',
      tags: unitTags,
      summary: 'Units in my scope',
      response: UnitListResponse,
    }),
    async (c) => c.json({ items: await listUnits(c.get('ctx')) }, 200),
  );
  app.openapi(
    defineRoute('unit.manage', {
      method: 'post',
      path: '/api/units',
      tags: unitTags,
      summary: 'Create a unit',
      request: { body: json(UnitCreateRequest) },
      response: UnitResponse,
    }),
    async (c) => c.json(await createUnit(c.get('ctx'), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('unit.manage', {
      method: 'patch',
      path: '/api/units/{id}',
      tags: unitTags,
      summary: 'Change or deactivate a unit',
      request: { params: idParam, body: json(UnitUpdateRequest) },
      response: UnitResponse,
    }),
    async (c) => c.json(await updateUnit(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('unit.manage', {
      method: 'get',
      path: '/api/units/import-template',
      tags: unitTags,
      summary: 'Excel template for unit import',
      download: XLSX_TYPE,
    }),
    async (c) => xlsxDownload(c, '单位导入模板.xlsx', await unitTemplate()),
  );
  app.openapi(
    defineRoute('unit.manage', {
      method: 'post',
      path: '/api/units/import',
      tags: unitTags,
      summary: 'Import units from .xlsx (all rows or none)',
      request: { body: upload() },
      response: ImportResponse,
    }),
    async (c) => c.json({ imported: await importUnits(c.get('ctx'), await uploadedFile(c)) }, 200),
  );

  const officerTags = ['Organisation'];
  app.openapi(
    defineRoute('officer.read', {
      method: 'get',
      path: '/api/officers',
      tags: officerTags,
      summary: 'Officers in my scope',
      request: { query: OfficerListQuery },
      response: OfficerListResponse,
    }),
    async (c) => c.json(await officersSvc.listOfficers(c.get('ctx'), c.req.valid('query')), 200),
  );
  app.openapi(
    defineRoute('officer.manage', {
      method: 'get',
      path: '/api/officers/import-template',
      tags: officerTags,
      summary: 'Excel template for officer import',
      download: XLSX_TYPE,
    }),
    async (c) => xlsxDownload(c, '人员导入模板.xlsx', await officerTemplate()),
  );
  app.openapi(
    defineRoute('officer.read', {
      method: 'get',
      path: '/api/officers/{id}',
      tags: officerTags,
      summary: 'One officer',
      request: { params: idParam },
      response: OfficerResponse,
    }),
    async (c) => c.json(await officersSvc.getOfficer(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute('officer.manage', {
      method: 'post',
      path: '/api/officers',
      tags: officerTags,
      summary: 'Create an officer account',
      request: { body: json(OfficerCreateRequest) },
      response: OfficerResponse,
    }),
    async (c) => c.json(await officersSvc.createOfficer(c.get('ctx'), c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('officer.manage', {
      method: 'patch',
      path: '/api/officers/{id}',
      tags: officerTags,
      summary: 'Change an officer',
      request: { params: idParam, body: json(OfficerUpdateRequest) },
      response: OfficerResponse,
    }),
    async (c) =>
      c.json(
        await officersSvc.updateOfficer(c.get('ctx'), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
  app.openapi(
    defineRoute('officer.assignRoles', {
      method: 'put',
      path: '/api/officers/{id}/roles',
      tags: officerTags,
      summary: 'Set roles (三员分立 enforced)',
      request: { params: idParam, body: json(OfficerRolesRequest) },
      response: OfficerResponse,
    }),
    async (c) =>
      c.json(
        await officersSvc.setOfficerRoles(c.get('ctx'), c.req.valid('param').id, c.req.valid('json').roles),
        200,
      ),
  );
  app.openapi(
    defineRoute('officer.unlock', {
      method: 'post',
      path: '/api/officers/{id}/unlock',
      tags: officerTags,
      summary: 'Unlock a locked account',
      request: { params: idParam },
      response: OfficerResponse,
    }),
    async (c) => c.json(await officersSvc.unlockOfficer(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute('officer.manage', {
      method: 'post',
      path: '/api/officers/{id}/reset-password',
      tags: officerTags,
      summary: 'Reset to a one-time password drawn by the server (shown once; the officer must change it)',
      description:
        'The administrator never chooses the password (三员分立). The answer carries `oneTimePassword` once; ' +
        'a sign-in with it can only change the password (other calls answer 403 PASSWORD_CHANGE_REQUIRED). ' +
        'The second factor is left as it was.',
      request: { params: idParam },
      response: PasswordResetResponse,
    }),
    async (c) => c.json(await officersSvc.resetOfficerPassword(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    // The security administrator's alone: whoever resets a password cannot also reset the second factor.
    defineRoute('security.manage', {
      method: 'post',
      path: '/api/officers/{id}/reset-totp',
      tags: officerTags,
      summary: 'Remove a lost second factor (security administrator)',
      request: { params: idParam },
      response: OfficerResponse,
    }),
    async (c) => c.json(await officersSvc.resetOfficerTotp(c.get('ctx'), c.req.valid('param').id), 200),
  );
  app.openapi(
    defineRoute('officer.manage', {
      method: 'post',
      path: '/api/officers/import',
      tags: officerTags,
      summary: 'Import officers from .xlsx (all rows or none)',
      request: { body: upload() },
      response: ImportResponse,
    }),
    async (c) => c.json({ imported: await importOfficers(c.get('ctx'), await uploadedFile(c)) }, 200),
  );

  const secTags = ['Roles and security'];
  app.openapi(
    defineRoute('role.read', {
      method: 'get',
      path: '/api/roles',
      tags: secTags,
      summary: 'Roles with their permissions',
      response: RoleListResponse,
    }),
    async (c) => c.json(await listRoles(c.get('ctx')), 200),
  );
  app.openapi(
    defineRoute('role.manage', {
      method: 'patch',
      path: '/api/roles/{code}',
      tags: secTags,
      summary: 'Change a role',
      request: { params: z.object({ code: z.enum(ROLE_CODES) }), body: json(RoleUpdateRequest) },
      response: RoleResponse,
    }),
    async (c) => c.json(await updateRole(c.get('ctx'), c.req.valid('param').code, c.req.valid('json')), 200),
  );
  app.openapi(
    defineRoute('security.manage', {
      method: 'get',
      path: '/api/settings/security',
      tags: secTags,
      summary: 'Password, lockout and session policy',
      response: SecuritySettings,
    }),
    async (c) => c.json(await getSecuritySettings(c.get('ctx').db, c.get('ctx').orgId), 200),
  );
  app.openapi(
    defineRoute('security.manage', {
      method: 'put',
      path: '/api/settings/security',
      tags: secTags,
      summary: 'Change the security policy',
      request: { body: json(SecuritySettings) },
      response: SecuritySettings,
    }),
    async (c) => c.json(await updateSecuritySettings(c.get('ctx'), c.req.valid('json')), 200),
  );
}
