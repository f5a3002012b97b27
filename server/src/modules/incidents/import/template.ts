import { INCIDENT_IMPORT_FIELDS, type IncidentImportField } from '@fazhi/common';
import { writeSheet } from '../../../platform-io/excel.ts';

/** One example row, so the expected formats are seen rather than described. */
const EXAMPLE: Record<IncidentImportField, string> = {
  sourceId: '5001122021030400123',
  receivedAt: '2021-03-04 08:30:00',
  callerName: '张三',
  callerPhone: '13812345678',
  category: '盗窃',
  place: '渝州区龙溪街道松石北路128号',
  narrative: '报警人称其停放在小区楼下的电动车被盗。',
  unit: 'PS-01',
  source: '110',
  disposal: '现场处置',
  disposalNote: '已登记，移交侦查',
  disposedAt: '2021-03-04 09:10:00',
  cameraRecorded: '是',
  cameraEvidenceRef: 'ZFJLY-2021-0304-017',
  tags: '反诈、涉企',
};

/** The headers are the fields' Chinese names, which the import maps without asking. */
export async function importTemplate(): Promise<Buffer> {
  return writeSheet(
    '警情',
    INCIDENT_IMPORT_FIELDS.map((f) => ({
      header: f.zh,
      width: f.key === 'narrative' ? 48 : f.key === 'place' ? 32 : 18,
      value: (row: Record<IncidentImportField, string>) => row[f.key],
    })),
    [[EXAMPLE]],
  );
}
