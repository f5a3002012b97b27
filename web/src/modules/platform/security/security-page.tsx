import { SecuritySettings } from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, InputNumber, Skeleton, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useAction } from '../../../app/ui/action.ts';
import { ErrorAlert, Page } from '../../../app/ui/page.tsx';
import { required, zodRule } from '../../../app/ui/rules.ts';

const KEY = ['settings', 'security'] as const;
type Field = keyof SecuritySettings;
/** Each setting with the unit its number counts. */
const FIELDS: [Field, string][] = [
  ['passwordMinLength', 'chars'],
  ['passwordMaxAgeDays', 'days'],
  ['lockoutThreshold', 'times'],
  ['lockoutMinutes', 'minutes'],
  ['idleTimeoutMinutes', 'minutes'],
  ['stepUpMinutes', 'minutes'],
];

export default function SecurityPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<SecuritySettings>();
  const settings = useQuery({
    queryKey: KEY,
    queryFn: () => api.get<SecuritySettings>('/api/settings/security'),
  });
  const save = useAction((v: SecuritySettings) => api.put('/api/settings/security', v), {
    form,
    invalidate: [KEY],
    success: t('common.saved'),
  });

  return (
    <Page title={t('security.title')}>
      <ErrorAlert error={settings.error} onRetry={() => settings.refetch()} />
      <div className="fz-panel" style={{ padding: 24 }}>
        <Alert type="info" showIcon title={t('security.intro')} style={{ marginBottom: 24, maxWidth: 720 }} />
        {settings.isPending ? (
          <Skeleton active />
        ) : (
          settings.data && (
            <Form<SecuritySettings>
              form={form}
              layout="horizontal"
              labelCol={{ flex: '200px' }}
              wrapperCol={{ flex: '1' }}
              style={{ maxWidth: 720 }}
              initialValues={settings.data}
              onFinish={(v) => save.mutate(v)}
              disabled={save.isPending}
            >
              {FIELDS.map(([name, unit]) => (
                <Form.Item
                  key={name}
                  name={name}
                  label={t(`security.${name}`)}
                  extra={t(`security.${name}Hint`)}
                  rules={[required(), zodRule(SecuritySettings.shape[name])]}
                >
                  <InputNumber precision={0} style={{ width: 200 }} suffix={t(`security.units.${unit}`)} />
                </Form.Item>
              ))}
              <Form.Item label=" " colon={false}>
                <Space>
                  <Button type="primary" htmlType="submit" loading={save.isPending}>
                    {t('common.save')}
                  </Button>
                  <Button onClick={() => form.resetFields()}>{t('common.reset')}</Button>
                </Space>
              </Form.Item>
            </Form>
          )
        )}
      </div>
    </Page>
  );
}
