import {
  type FindingListResponse,
  SUPERVISION_DOC_KINDS,
  type SupervisionDocKind,
  SupervisionDocumentCreateRequest,
  type SupervisionDocumentResponse,
  UNIT_DOC_KINDS,
} from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import { DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { required, zodRule } from '../../../app/ui/rules.ts';
import { UnitTreeSelect } from '../../platform/units/unit-tree-select.tsx';
import { FINDINGS_PATH, SUPERVISION_KEY, SUPERVISION_KEYS } from '../api.ts';
import { DOCUMENTS_PATH, downloadDocument } from '../findings/supervise-dialog.tsx';
import { docKindName } from '../names.ts';

interface Values {
  kind: SupervisionDocKind;
  unitId?: number;
  findingIds?: number[];
  period?: [Dayjs, Dayjs];
  requirements?: string;
  deadline?: Dayjs;
}

/** The open findings of a unit (and its subtree), to pick those a 建议书 or 督办通知书 is about. */
function FindingsPicker({
  unitId,
  ...rest
}: {
  unitId?: number;
  id?: string;
  value?: number[];
  onChange?: (v: number[]) => void;
}) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: [...SUPERVISION_KEY, 'pick-findings', unitId],
    queryFn: () =>
      api.get<FindingListResponse>(FINDINGS_PATH, { unit: unitId, status: 'open,answered', pageSize: 100 }),
    enabled: unitId !== undefined,
  });
  return (
    <Select<number[]>
      {...rest}
      mode="multiple"
      allowClear
      disabled={unitId === undefined}
      loading={q.isFetching}
      placeholder={
        unitId === undefined
          ? t('supervision.documents.pickUnitFirst')
          : t('supervision.documents.findingsHint')
      }
      notFoundContent={q.isFetching ? t('common.loading') : t('supervision.documents.noFindings')}
      showSearch={{ optionFilterProp: 'label' }}
      options={(q.data?.items ?? []).map((f) => ({ value: f.id, label: `#${f.id} ${f.message}` }))}
    />
  );
}

/** 制发文书: a 建议书 / 督办通知书 to a unit about chosen findings, or a 通报 over a period. */
export function IssueDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog<Values, SupervisionDocumentResponse>
      open={open}
      onClose={onClose}
      width={640}
      title={t('supervision.documents.issueTitle')}
      okText={t('supervision.documents.issue')}
      initialValues={{
        kind: 'quality_bulletin',
        // the quarter so far: 通报 are issued quarterly
        period: [
          dayjs()
            .startOf('month')
            .subtract(dayjs().month() % 3, 'month'),
          dayjs(),
        ],
      }}
      submit={async (v) => {
        const unitKind = UNIT_DOC_KINDS.includes(v.kind);
        const doc = await api.post<SupervisionDocumentResponse>(DOCUMENTS_PATH, {
          kind: v.kind,
          ...(unitKind
            ? { unitId: v.unitId, findingIds: v.findingIds, deadline: v.deadline?.format('YYYY-MM-DD') }
            : {
                periodFrom: v.period?.[0].format('YYYY-MM-DD'),
                periodTo: v.period?.[1].format('YYYY-MM-DD'),
              }),
          requirements: v.requirements?.trim() || undefined,
        });
        await downloadDocument(doc);
        return doc;
      }}
      success={(d) => t('supervision.documents.issued', { docNo: d.docNo })}
      invalidate={SUPERVISION_KEYS}
    >
      {(form) => (
        <>
          <Form.Item name="kind" label={t('supervision.documents.kind')} rules={[required()]}>
            <Select options={SUPERVISION_DOC_KINDS.map((k) => ({ value: k, label: docKindName(k) }))} />
          </Form.Item>
          <Form.Item noStyle dependencies={['kind', 'unitId']}>
            {() => {
              const kind = form.getFieldValue('kind') as SupervisionDocKind;
              const unitId = form.getFieldValue('unitId') as number | undefined;
              if (!UNIT_DOC_KINDS.includes(kind))
                return (
                  <Form.Item name="period" label={t('supervision.documents.period')} rules={[required()]}>
                    <DatePicker.RangePicker allowClear={false} />
                  </Form.Item>
                );
              return (
                <>
                  <Form.Item name="unitId" label={t('supervision.documents.unit')} rules={[required()]}>
                    <UnitTreeSelect onChange={(u) => form.setFieldsValue({ unitId: u, findingIds: [] })} />
                  </Form.Item>
                  <Form.Item
                    name="findingIds"
                    label={t('supervision.documents.findings')}
                    rules={[required()]}
                  >
                    <FindingsPicker unitId={unitId} />
                  </Form.Item>
                  <Form.Item name="deadline" label={t('supervision.documents.deadline')}>
                    <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
                  </Form.Item>
                </>
              );
            }}
          </Form.Item>
          <Form.Item
            name="requirements"
            label={t('supervision.documents.requirements')}
            rules={[zodRule(SupervisionDocumentCreateRequest.shape.requirements)]}
          >
            <Input.TextArea rows={4} maxLength={4000} showCount />
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}
