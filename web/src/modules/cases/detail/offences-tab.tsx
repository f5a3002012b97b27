import { EditOutlined } from '@ant-design/icons';
import type { CaseResponse, PenaltyItemResponse } from '@fazhi/common';
import { Alert, Button, Form, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useCan } from '../../../app/auth.tsx';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { ResponsiveTable } from '../../../app/ui/responsive-table.tsx';
import { CASES_KEY, useConflictHandler, usePenaltyItems } from '../api.ts';
import { isInHandling } from '../case-tags.tsx';
import { decisionName } from '../names.ts';

type Offence = CaseResponse['offences'][number];

function OffencesDialog({ c, open, onClose }: { c: CaseResponse; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const conflict = useConflictHandler(onClose);
  const items = usePenaltyItems(c.caseType, open);
  const options = useMemo(
    () =>
      (items.data ?? [])
        .filter((p) => p.active || c.offences.some((o) => o.code === p.code))
        .map((p: PenaltyItemResponse) => ({
          value: p.code,
          label: `${p.code} ${p.name}（${p.law}${p.article}）`,
        })),
    [items.data, c.offences],
  );
  return (
    <FormDialog<{ codes: string[] }, CaseResponse>
      kind="modal"
      width={720}
      open={open}
      onClose={onClose}
      title={t('cases.offence.editTitle')}
      initialValues={{ codes: c.offences.map((o) => o.code) }}
      submit={(v) => api.put<CaseResponse>(`/api/cases/${c.id}/offences`, { codes: v.codes ?? [] })}
      success={t('common.saved')}
      invalidate={[CASES_KEY]}
      onError={conflict}
      header={<Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('cases.offence.hint')} />}
    >
      <Form.Item name="codes" label={t('cases.offence.items')}>
        <Select
          mode="multiple"
          loading={items.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={options}
          maxCount={20}
          placeholder={t('cases.offence.search')}
        />
      </Form.Item>
    </FormDialog>
  );
}

/** 违法行为: the offences with their legal basis from the penalty-item dictionary. */
export function OffencesTab({ c }: { c: CaseResponse }) {
  const { t } = useTranslation();
  const can = useCan();
  const [open, setOpen] = useState(false);
  const editable = can('case.write') && isInHandling(c.status);
  return (
    <>
      {editable && (
        <Button icon={<EditOutlined />} onClick={() => setOpen(true)} style={{ marginBottom: 12 }}>
          {t('cases.offence.edit')}
        </Button>
      )}
      <ResponsiveTable<Offence>
        rowKey="code"
        cardTitle="name"
        size="small"
        dataSource={c.offences}
        pagination={false}
        locale={{ emptyText: t('cases.offence.none') }}
        columns={[
          {
            title: t('cases.offence.code'),
            dataIndex: 'code',
            width: 120,
            render: (v: string) => <span className="fz-mono">{v}</span>,
          },
          { title: t('cases.offence.name'), dataIndex: 'name', width: 260 },
          {
            title: t('cases.offence.basis'),
            key: 'basis',
            render: (_: unknown, o) => (
              <Typography.Text>
                {o.law} {o.article}
              </Typography.Text>
            ),
          },
          {
            title: t('cases.offence.penalties'),
            dataIndex: 'penalties',
            width: 260,
            render: (v: string[]) => (
              <Space size={[0, 4]} wrap>
                {v.map((k) => (
                  <Tag key={k}>{decisionName(k)}</Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <OffencesDialog c={c} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
