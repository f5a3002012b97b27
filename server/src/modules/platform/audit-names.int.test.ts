/**
 * The audit log reads in names: each record's target as people know it (人员 张三 (officer), the
 * security policy …) in the list and the export, and the export's actions and roles by name,
 * never the codes the log stores (auth.login, officer #4, unit_legal).
 */
import { ROLE_CODES } from '@fazhi/common';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/index.ts';
import { read, type TestApp, testApp } from '../../test-support/test-app.ts';

let t: TestApp;
let officerName = '';
beforeAll(async () => {
  t = await testApp();
  const [officer] = await rows<{ name: string }>(
    t.database.db,
    sql`select name from officers where username = 'unitlegal'`,
  );
  officerName = officer!.name;
  // a sign-in (target: the officer) and a change of the security policy (target: a setting)
  await t.signIn('unitlegal');
  const security = await t.signIn('security');
  const policy = await read(await security.get('/api/settings/security'));
  const saved = await security.put('/api/settings/security', {
    ...policy,
    lockoutMinutes: policy.lockoutMinutes + 1,
  });
  expect(saved.status).toBe(200);
}, 60_000);
afterAll(() => t.close());

describe('the audit log', () => {
  it('names each target in the list', async () => {
    const auditor = await t.signIn('auditor');
    const logins = await read(
      await auditor.get('/api/audit?action=auth.login&targetType=officer&pageSize=100'),
    );
    const mine = logins.items.find((r: { actorName: string }) => r.actorName === officerName);
    expect(mine).toMatchObject({ targetType: 'officer', targetName: `${officerName} (unitlegal)` });

    const changes = await read(await auditor.get('/api/audit?action=settings.security.update'));
    expect(changes.items[0]).toMatchObject({ targetType: 'settings', targetName: '安全策略' });
  });

  it('exports actions, roles and targets by name', async () => {
    const auditor = await t.signIn('auditor');
    // The second-factor step completes a sign-in (every account that reads case data has one):
    // its record carries the officer's roles.
    const res = await auditor.get('/api/audit/export?action=auth.totp&targetType=officer');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const sheet = wb.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const cell = (row: number, header: string) =>
      String(sheet.getRow(row).getCell(headers.indexOf(header)).value ?? '');
    const lines = Array.from({ length: sheet.actualRowCount - 1 }, (_, i) => i + 2);
    expect(lines.length).toBeGreaterThan(0);
    for (const n of lines) {
      expect(cell(n, '操作')).toBe('双因素验证');
      expect(cell(n, '对象')).toMatch(/^人员 \S+ \(\w+\)$/);
      for (const code of ROLE_CODES) expect(cell(n, '角色').split('、')).not.toContain(code);
    }
    const unitlegal = lines.find((n) => cell(n, '操作人') === officerName);
    expect(unitlegal && cell(unitlegal, '对象')).toBe(`人员 ${officerName} (unitlegal)`);
    expect(unitlegal && cell(unitlegal, '角色')).toBe('法制员');
  });
});
