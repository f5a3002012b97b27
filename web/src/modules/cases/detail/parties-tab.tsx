import { EyeInvisibleOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { type CaseResponse, PARTY_KINDS, PARTY_ROLES, PartyRequest, type PartyResponse } from '@fazhi/common';
import {
  Alert,
  App,
  Button,
  Col,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useCan } from '../../../app/auth.tsx';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { EMPTY } from '../../../app/ui/format.ts';
import { HALF } from '../../../app/ui/responsive.tsx';
import { ResponsiveTable } from '../../../app/ui/responsive-table.tsx';
import { required, zodRule } from '../../../app/ui/rules.ts';
import { CASES_KEY, useCaseMutation, useConflictHandler } from '../api.ts';
import { isInHandling } from '../case-tags.tsx';

const shape = PartyRequest.shape;

type Values = PartyRequest;

function PartyDrawer({
  c,
  party,
  open,
  onClose,
}: {
  c: CaseResponse;
  party?: PartyResponse;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const conflict = useConflictHandler(onClose);
  const initial: Partial<Values> = party
    ? { ...party, idNumber: party.idNumber ?? undefined }
    : { kind: 'person', role: c.caseType === 'admin' ? 'offender' : 'suspect' };
  const trim = (s: string | null | undefined) => s?.trim() || null;
  return (
    <FormDialog<Values, CaseResponse>
      open={open}
      onClose={onClose}
      width={600}
      title={party ? t('cases.party.editTitle', { name: party.name }) : t('cases.party.addTitle')}
      initialValues={initial}
      submit={(v) => {
        const body = {
          ...v,
          idNumber: v.kind === 'person' ? trim(v.idNumber) : null,
          creditCode: v.kind === 'organisation' ? trim(v.creditCode) : null,
          legalRepresentative: v.kind === 'organisation' ? trim(v.legalRepresentative) : null,
          phone: trim(v.phone),
          address: trim(v.address),
        };
        return party
          ? api.put<CaseResponse>(`/api/cases/${c.id}/parties/${party.id}`, body)
          : api.post<CaseResponse>(`/api/cases/${c.id}/parties`, body);
      }}
      success={t('common.saved')}
      invalidate={[CASES_KEY]}
      onError={conflict}
    >
      {(form) => (
        <Row gutter={16}>
          <Col {...HALF}>
            <Form.Item name="kind" label={t('cases.party.kind')} rules={[required()]}>
              <Radio.Group
                optionType="button"
                options={PARTY_KINDS.map((k) => ({ value: k, label: t(`cases.party.kinds.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col {...HALF}>
            <Form.Item name="role" label={t('cases.party.role.label')} rules={[required()]}>
              <Select options={PARTY_ROLES.map((r) => ({ value: r, label: t(`cases.party.role.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="name" label={t('cases.party.name')} rules={[required(), zodRule(shape.name)]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Form.Item noStyle dependencies={['kind']}>
            {() =>
              form.getFieldValue('kind') === 'organisation' ? (
                <>
                  <Col {...HALF}>
                    <Form.Item
                      name="creditCode"
                      label={t('cases.party.creditCode')}
                      rules={[zodRule(shape.creditCode)]}
                    >
                      <Input maxLength={18} className="fz-mono" />
                    </Form.Item>
                  </Col>
                  <Col {...HALF}>
                    <Form.Item
                      name="legalRepresentative"
                      label={t('cases.party.legalRepresentative')}
                      rules={[zodRule(shape.legalRepresentative)]}
                    >
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                </>
              ) : (
                <Col span={24}>
                  <Form.Item
                    name="idNumber"
                    label={t('cases.party.idNumber')}
                    rules={[zodRule(shape.idNumber)]}
                  >
                    <Input maxLength={18} className="fz-mono" />
                  </Form.Item>
                </Col>
              )
            }
          </Form.Item>
          <Col {...HALF}>
            <Form.Item name="phone" label={t('cases.party.phone')} rules={[zodRule(shape.phone)]}>
              <Input maxLength={20} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="address" label={t('cases.party.address')} rules={[zodRule(shape.address)]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </FormDialog>
  );
}

/**
 * 当事人: ID numbers and phones masked unless the user asks to see them (the server checks the
 * right and records who looked). Editing needs the whole values, so it reveals them first.
 */
export function PartiesTab({
  c,
  revealed,
  onReveal,
}: {
  c: CaseResponse;
  revealed: boolean;
  onReveal: (v: boolean) => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const { modal } = App.useApp();
  const [open, setOpen] = useState<{ id?: number } | null>(null);
  const editable = can('case.write') && isInHandling(c.status);
  const remove = useCaseMutation((p: PartyResponse) => api.delete(`/api/cases/${c.id}/parties/${p.id}`), {
    success: t('common.done'),
  });
  const editing = open?.id ? c.parties.find((p) => p.id === open.id) : undefined;
  // wait for the revealed record before the drawer opens on it
  const drawerOpen = !!open && (!open.id || (!!editing && !editing.masked));

  const edit = (p: PartyResponse) => {
    if (p.masked) onReveal(true);
    setOpen({ id: p.id });
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        {editable && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen({})}>
            {t('cases.party.add')}
          </Button>
        )}
        {c.canReveal &&
          (revealed ? (
            <Button icon={<EyeInvisibleOutlined />} onClick={() => onReveal(false)}>
              {t('cases.party.hide')}
            </Button>
          ) : (
            <Tooltip title={t('cases.party.revealHint')}>
              <Button icon={<EyeOutlined />} onClick={() => onReveal(true)}>
                {t('cases.party.reveal')}
              </Button>
            </Tooltip>
          ))}
      </Space>
      {revealed && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('cases.party.revealedNotice')} />
      )}
      <ResponsiveTable<PartyResponse>
        rowKey="id"
        cardTitle="name"
        cardExtra="role"
        size="small"
        dataSource={c.parties}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('cases.party.role.label'),
            dataIndex: 'role',
            width: 110,
            render: (r: PartyResponse['role']) => <Tag>{t(`cases.party.role.${r}`)}</Tag>,
          },
          {
            title: t('cases.party.name'),
            dataIndex: 'name',
            width: 160,
            render: (v: string, p) => (
              <Space size={4} wrap>
                {v}
                {p.kind === 'organisation' && <Tag color="blue">{t('cases.party.kinds.organisation')}</Tag>}
                {p.legalRepresentative && (
                  <Typography.Text type="secondary">
                    {t('cases.party.legalRepresentative')}：{p.legalRepresentative}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('cases.party.idOrCode'),
            key: 'id',
            width: 200,
            render: (_: unknown, p) => <span className="fz-mono">{p.idNumber ?? p.creditCode ?? EMPTY}</span>,
          },
          {
            title: t('cases.party.phone'),
            dataIndex: 'phone',
            width: 130,
            render: (v: string | null) => v ?? EMPTY,
          },
          {
            title: t('cases.party.address'),
            dataIndex: 'address',
            ellipsis: true,
            render: (v: string | null) => v ?? EMPTY,
          },
          ...(editable
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 130,
                  render: (_: unknown, p: PartyResponse) => (
                    <Space size={0}>
                      <Button type="link" size="small" onClick={() => edit(p)}>
                        {t('common.edit')}
                      </Button>
                      <Button
                        type="link"
                        size="small"
                        danger
                        onClick={() =>
                          modal.confirm({
                            title: t('cases.party.removeTitle'),
                            content: t('cases.party.removeConfirm', { name: p.name }),
                            okButtonProps: { danger: true },
                            onOk: () => remove.run(p),
                          })
                        }
                      >
                        {t('cases.party.remove')}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <PartyDrawer c={c} party={editing} open={drawerOpen} onClose={() => setOpen(null)} />
    </>
  );
}
