import { SupervisionSettings } from '@fazhi/common';
import { Alert, Button, Form, InputNumber, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { useAction } from '../../app/ui/action.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { required, zodRule } from '../../app/ui/rules.ts';
import { CHECKS_KEY, SETTINGS_PATH, useSupervisionSettings } from './api.ts';

/** The form shows the call-back rate in per cent; the API keeps a share (0..1). */
interface Values {
  cameraSampleSize: number;
  callbackPercent: number;
  followUpDays: number;
  verifyDays: number;
  dailyHour: number;
}
const shape = SupervisionSettings.shape;

/**
 * 监督参数: sample size, call-back rate, days for 二次查办 and for verifying a rectification
 * answer, the hour the daily jobs run.
 */
export default function SettingsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const q = useSupervisionSettings();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (q.data)
      form.setFieldsValue({
        ...q.data,
        callbackPercent: Math.round(q.data.callbackSampleRate * 1000) / 10,
      });
  }, [q.data, form]);
  const save = useAction(
    ({ callbackPercent, ...v }: Values) =>
      api.put<SupervisionSettings>(SETTINGS_PATH, {
        ...v,
        callbackSampleRate: Math.round(callbackPercent * 10) / 1000,
      }),
    {
      form,
      invalidate: [CHECKS_KEY],
      success: t('checks.settings.saved'),
      // The server names callbackSampleRate; the form's field is the percentage.
      onError: (e) => {
        const fields = (e as { fields?: Record<string, string> }).fields;
        if (fields?.callbackSampleRate)
          form.setFields([{ name: 'callbackPercent', errors: [fields.callbackSampleRate] }]);
        return false;
      },
    },
  );
  const editable = can('supervision.manage');
  return (
    <Page title={t('checks.settings.title')}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('checks.settings.hint')} />
      <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      {q.isPending && <Spin />}
      <div className="fz-panel" style={{ maxWidth: 640 }}>
        <Form<Values>
          form={form}
          layout="vertical"
          disabled={!editable || save.isPending}
          onFinish={(v) => save.mutate(v)}
        >
          <Form.Item
            name="cameraSampleSize"
            label={t('checks.settings.cameraSampleSize')}
            extra={t('checks.settings.cameraSampleSizeHelp')}
            rules={[required(), zodRule(shape.cameraSampleSize)]}
          >
            <InputNumber min={0} max={1000} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="callbackPercent"
            label={t('checks.settings.callbackSampleRate')}
            extra={t('checks.settings.callbackSampleRateHelp')}
            rules={[required()]}
          >
            <InputNumber min={0} max={100} step={1} precision={1} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="followUpDays"
            label={t('checks.settings.followUpDays')}
            rules={[required(), zodRule(shape.followUpDays)]}
          >
            <InputNumber min={1} max={90} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="verifyDays"
            label={t('checks.settings.verifyDays')}
            extra={t('checks.settings.verifyDaysHelp')}
            rules={[required(), zodRule(shape.verifyDays)]}
          >
            <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item
            name="dailyHour"
            label={t('checks.settings.dailyHour')}
            rules={[required(), zodRule(shape.dailyHour)]}
          >
            <InputNumber min={0} max={23} precision={0} style={{ width: 160 }} />
          </Form.Item>
          {editable && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          )}
        </Form>
      </div>
    </Page>
  );
}
