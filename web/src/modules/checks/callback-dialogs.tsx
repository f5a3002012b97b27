import { PhoneOutlined } from '@ant-design/icons';
import {
  CALLBACK_MAX_ATTEMPTS,
  type CallbackContactResponse,
  CallbackFollowUpRequest,
  type CallbackResponse,
  CallbackResultRequest,
  SATISFACTIONS,
  type Satisfaction,
} from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Form, Input, Radio, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { FormDialog } from '../../app/ui/form-dialog.tsx';
import { EMPTY } from '../../app/ui/format.ts';
import { ErrorAlert } from '../../app/ui/page.tsx';
import { required, zodRule } from '../../app/ui/rules.ts';
import { CALLBACK_KEYS, CALLBACK_PATH, useSupervisionSettings } from './api.ts';

interface CallValues {
  outcome: 'reached' | 'unreachable';
  satisfaction?: Satisfaction;
  note?: string;
}

/**
 * The call: the caller's full name and number (fetched when the dialog opens — the server
 * records that they were shown), then either the satisfaction or a failed attempt.
 */
export function CallDialog({ cb, onClose }: { cb: CallbackResponse | null; onClose: () => void }) {
  const { t } = useTranslation();
  const settings = useSupervisionSettings();
  // A POST, because showing the number is an audited act; once per opening of the dialog.
  const contact = useQuery({
    queryKey: ['checks', 'contact', cb?.id],
    queryFn: () => api.post<CallbackContactResponse>(`${CALLBACK_PATH}/${cb!.id}/contact`),
    enabled: cb !== null,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
    retry: false,
  });
  const c = contact.data;
  return (
    <FormDialog<CallValues, CallbackResponse>
      kind="modal"
      width={600}
      open={cb !== null}
      onClose={onClose}
      title={t('checks.call.title', { no: cb?.incidentNo ?? '' })}
      initialValues={{ outcome: cb?.hasPhone === false ? 'unreachable' : 'reached' }}
      invalidate={CALLBACK_KEYS}
      success={t('checks.call.saved')}
      submit={(v) =>
        api.post<CallbackResponse>(`${CALLBACK_PATH}/${cb!.id}/result`, {
          status: v.outcome === 'reached' ? 'done' : 'unreachable',
          satisfaction: v.outcome === 'reached' ? v.satisfaction : null,
          note: v.note ?? null,
        })
      }
      header={
        <>
          <ErrorAlert error={contact.error} />
          {contact.isPending && <Spin />}
          {c && (
            <>
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 12 }}
                title={t('checks.call.revealHint')}
              />
              <Descriptions
                bordered
                size="small"
                column={1}
                style={{ marginBottom: 16 }}
                items={[
                  { key: 'caller', label: t('checks.call.caller'), children: c.callerName ?? EMPTY },
                  {
                    key: 'phone',
                    label: t('checks.call.phone'),
                    children: c.callerPhone ? (
                      <Typography.Text strong copyable>
                        <PhoneOutlined /> {c.callerPhone}
                      </Typography.Text>
                    ) : (
                      <Typography.Text type="warning">{t('checks.call.noPhone')}</Typography.Text>
                    ),
                  },
                ]}
              />
            </>
          )}
        </>
      }
    >
      {(form) => (
        <>
          <Form.Item name="outcome" label={t('checks.call.outcome')} rules={[required()]}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'reached', label: t('checks.call.reached'), disabled: cb?.hasPhone === false },
                { value: 'unreachable', label: t('checks.call.unreachable') },
              ]}
            />
          </Form.Item>
          <Form.Item noStyle dependencies={['outcome', 'satisfaction']}>
            {() =>
              form.getFieldValue('outcome') === 'reached' ? (
                <>
                  <Form.Item name="satisfaction" label={t('checks.call.satisfaction')} rules={[required()]}>
                    <Radio.Group
                      options={SATISFACTIONS.map((s) => ({ value: s, label: t(`checks.satisfaction.${s}`) }))}
                    />
                  </Form.Item>
                  {form.getFieldValue('satisfaction') === 'dissatisfied' && (
                    <Alert
                      type="error"
                      showIcon
                      style={{ marginBottom: 12 }}
                      title={t('checks.call.dissatisfiedHint', {
                        unit: cb?.unitName ?? '',
                        days: settings.data?.followUpDays ?? '—',
                      })}
                    />
                  )}
                </>
              ) : (
                <Typography.Paragraph type="secondary">
                  {t('checks.call.unreachableHint', { max: CALLBACK_MAX_ATTEMPTS, n: cb?.attempts ?? 0 })}
                </Typography.Paragraph>
              )
            }
          </Form.Item>
          <Form.Item noStyle dependencies={['outcome', 'satisfaction']}>
            {() => (
              <Form.Item
                name="note"
                label={t('checks.call.note')}
                rules={[
                  ...(form.getFieldValue('outcome') === 'reached' &&
                  form.getFieldValue('satisfaction') === 'dissatisfied'
                    ? [required()]
                    : []),
                  zodRule(CallbackResultRequest.shape.note),
                ]}
              >
                <Input.TextArea
                  rows={3}
                  maxLength={1000}
                  showCount
                  placeholder={t('checks.call.notePlaceholder')}
                />
              </Form.Item>
            )}
          </Form.Item>
        </>
      )}
    </FormDialog>
  );
}

/** The unit records what its second handling did; that closes it. */
export function FollowUpDialog({ cb, onClose }: { cb: CallbackResponse | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog<{ result: string }, CallbackResponse>
      kind="modal"
      width={600}
      open={cb !== null}
      onClose={onClose}
      title={t('checks.followUpDialog.title', { no: cb?.incidentNo ?? '' })}
      invalidate={CALLBACK_KEYS}
      success={t('checks.followUpDialog.saved')}
      submit={(v) => api.post<CallbackResponse>(`${CALLBACK_PATH}/${cb!.id}/follow-up`, v)}
      header={
        cb && (
          <Descriptions
            bordered
            size="small"
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'complaint', label: t('checks.followUpDialog.complaint'), children: cb.note ?? EMPTY },
              {
                key: 'due',
                label: t('checks.followUpDialog.due'),
                children: (
                  <Typography.Text type={cb.followUpOverdue ? 'danger' : undefined}>
                    {cb.followUpDueOn}
                  </Typography.Text>
                ),
              },
            ]}
          />
        )
      }
    >
      <Form.Item
        name="result"
        label={t('checks.followUpDialog.result')}
        rules={[required(), zodRule(CallbackFollowUpRequest.shape.result)]}
      >
        <Input.TextArea
          rows={4}
          maxLength={2000}
          showCount
          placeholder={t('checks.followUpDialog.resultPlaceholder')}
        />
      </Form.Item>
    </FormDialog>
  );
}
