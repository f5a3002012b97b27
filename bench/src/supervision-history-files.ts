/**
 * The case file of each generated case: its parties (the person brought in as suspect or
 * offender once the case is investigated, and most often the victim or complainant) and its
 * evidence uploads during the investigation. The supervision rules read both: 未进中心办理 only
 * concerns cases that brought someone in, 立而不侦 counts an evidence upload as activity.
 *
 * Evidence content is a few bytes standing for the file (its size and SHA-256 match those bytes):
 * real files would live out of line in TOAST, so the rows the scans read are of the same shape.
 */

import type { Queryable } from '../../server/src/db/index.ts';
import { exec, u } from './supervision-sql.ts';

const EVIDENCE_KINDS = [
  ['询问笔录.pdf', 'application/pdf'],
  ['现场照片.jpg', 'image/jpeg'],
  ['执法记录仪视频.mp4', 'video/mp4'],
  ['证人证言.pdf', 'application/pdf'],
  ['鉴定意见书.pdf', 'application/pdf'],
] as const;

export function partiesSql(orgId: number, now: string): string[] {
  const person = (k: number) => `join bench_people pp on pp.k = floor(${u('p.id', k)} * 512)::int`;
  return [
    `insert into case_parties (org_id, case_id, kind, role, name, id_number, phone, address)
     select ${orgId}, p.id, 'person', case when p.ctype = 'admin' then 'offender' else 'suspect' end,
            pp.name, pp.id_number, pp.phone, pp.address
     from bench_plan p ${person(68)}
     where p.path in ('decide', 'mediate') and p.t_open <= ${now}`,
    `insert into case_parties (org_id, case_id, kind, role, name, id_number, phone, address)
     select ${orgId}, p.id, 'person', case when p.ctype = 'admin' then 'victim' else 'complainant' end,
            pp.name, pp.id_number, pp.phone, pp.address
     from bench_plan p ${person(69)}
     where ${u('p.id', 70)} < 0.8`,
  ];
}

/**
 * Two or three uploads per investigated case, spread over its investigation (up to now); a
 * stuck case's only in the few days after it was accepted.
 */
export function evidenceSql(orgId: number, now: string): string {
  const kinds = EVIDENCE_KINDS.map(([name]) => `'${name}'`).join(',');
  const types = EVIDENCE_KINDS.map(([, type]) => `'${type}'`).join(',');
  return `insert into evidence (org_id, case_id, file_name, content_type, size, sha256, content, description, uploaded_by, uploaded_at)
    select ${orgId}, p.id, (array[${kinds}])[e.kind], (array[${types}])[e.kind], length(e.content),
           encode(sha256(e.content), 'hex'), e.content, null, p.lead, e.at
    from bench_plan p
    cross join lateral generate_series(1, case when ${u('p.id', 71)} < 0.7 then 2 else 3 end) n
    cross join lateral (select
        1 + floor(${u('p.id * 4 + n', 72)} * ${EVIDENCE_KINDS.length})::int as kind,
        convert_to('evidence ' || p.id || '/' || n, 'UTF8') as content,
        p.t_open + ${u('p.id * 4 + n', 73)} * least(${now} - p.t_open, case when p.stuck then p.stuck_idle
                                                   when p.path = 'mediate' then p.med_lag else p.inv end) as at) e
    where p.path in ('decide', 'mediate') and p.t_open <= ${now}`;
}

export async function loadCaseFiles(db: Queryable, orgId: number, now: string) {
  for (const s of partiesSql(orgId, now)) await exec(db, s);
  await exec(db, evidenceSql(orgId, now));
}
