import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, Modal, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { ME_KEY, useMe } from '../../../app/auth.tsx';
import { useAction } from '../../../app/ui/action.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { required } from '../../../app/ui/rules.ts';
import { MyRecoveryCodes } from './recovery-codes.tsx';
import { TotpEnrol } from './totp-enrol.tsx';

type Dialog = { kind: 'enrol' } | { kind: 'codes'; codes: string[] } | { kind: 'disable' } | null;

/** Two-factor sign-in of the current user: enrol, regenerate recovery codes, switch off. */
export function TotpCard() {
  const { t } = useTranslation();
  const me = useMe();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const regenerate = useAction(() => api.post<{ recoveryCodes: string[] }>('/api/account/recovery-codes'), {
    onSuccess: (r) => setDialog({ kind: 'codes', codes: r.recoveryCodes }),
  });
  const enrolled = useAction(async (codes: string[]) => codes, {
    invalidate: [ME_KEY],
    success: t('account.totpEnabled'),
    onSuccess: (codes) => setDialog({ kind: 'codes', codes }),
  });

  return (
    <Card title={t('account.totpTitle')} size="small" style={{ marginBottom: 16 }}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Space>
          <SafetyCertificateOutlined
            style={{ fontSize: 20, color: me.totpEnabled ? '#389e0d' : '#bfbfbf' }}
          />
          {me.totpEnabled ? (
            <Tag color="success">{t('common.enabled')}</Tag>
          ) : (
            <Tag>{t('common.disabled')}</Tag>
          )}
          {me.totpRequired && <Typography.Text type="secondary">{t('account.totpRequired')}</Typography.Text>}
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('account.totpIntro')}
        </Typography.Paragraph>
        {me.totpEnabled ? (
          <Space wrap>
            <Popconfirm title={t('account.regenerateConfirm')} onConfirm={() => regenerate.run(undefined)}>
              <Button loading={regenerate.isPending}>{t('account.regenerate')}</Button>
            </Popconfirm>
            <Tooltip title={me.totpRequired ? t('account.cannotDisable') : undefined}>
              <Button danger disabled={me.totpRequired} onClick={() => setDialog({ kind: 'disable' })}>
                {t('account.disableTotp')}
              </Button>
            </Tooltip>
          </Space>
        ) : (
          <Button type="primary" onClick={() => setDialog({ kind: 'enrol' })}>
            {t('account.enableTotp')}
          </Button>
        )}
      </Space>

      <Modal
        open={dialog?.kind === 'enrol' || dialog?.kind === 'codes'}
        title={dialog?.kind === 'codes' ? t('account.codesTitle') : t('account.enableTotp')}
        onCancel={close}
        mask={{ closable: false }}
        destroyOnHidden
        footer={
          dialog?.kind === 'codes' ? (
            <Button type="primary" onClick={close}>
              {t('account.codesDone')}
            </Button>
          ) : null
        }
      >
        {dialog?.kind === 'enrol' && <TotpEnrol onEnabled={(codes) => enrolled.mutate(codes)} />}
        {dialog?.kind === 'codes' && <MyRecoveryCodes codes={dialog.codes} />}
      </Modal>

      <FormDialog<{ password: string }, unknown>
        kind="modal"
        open={dialog?.kind === 'disable'}
        onClose={close}
        title={t('account.disableTotp')}
        okText={t('account.disableTotp')}
        submit={(v) => api.post('/api/account/totp/disable', v)}
        success={t('account.totpDisabled')}
        invalidate={[ME_KEY]}
        header={<Typography.Paragraph>{t('account.disableHint')}</Typography.Paragraph>}
      >
        <Form.Item name="password" label={t('account.currentPassword')} rules={[required()]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
      </FormDialog>
    </Card>
  );
}
