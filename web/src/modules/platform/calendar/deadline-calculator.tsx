import type { DeadlineResponse } from '@fazhi/common';
import { Alert, Button, Checkbox, DatePicker, Form, InputNumber, Radio, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useAction } from '../../../app/ui/action.ts';
import { ProvisionalTag } from '../../../app/ui/provisional.tsx';
import { required } from '../../../app/ui/rules.ts';

interface Values {
  from: Dayjs;
  mode: 'workdays' | 'days';
  n: number;
  custody?: boolean;
}

/** Asks the server for a due date: N working days, or N calendar days (custody: never extended). */
export function DeadlineCalculator() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [result, setResult] = useState<DeadlineResponse | null>(null);
  const calc = useAction(
    ({ from, mode, n, custody }: Values) =>
      api.get<DeadlineResponse>('/api/calendar/deadline', {
        from: from.format('YYYY-MM-DD'),
        [mode]: n,
        custody: mode === 'days' && custody ? 'true' : undefined,
      }),
    // A date no calendar covers comes back as an error on the start date's field.
    { form, onSuccess: setResult },
  );
  const mode = Form.useWatch('mode', form);
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ from: dayjs(), mode: 'workdays', n: 7 }}
      onFinish={(v) => calc.mutate(v)}
      onValuesChange={() => setResult(null)}
    >
      <Form.Item name="from" label={t('calendar.from')} rules={[required()]} extra={t('calendar.fromHint')}>
        <DatePicker style={{ width: '100%' }} allowClear={false} />
      </Form.Item>
      <Form.Item name="mode" label={t('calendar.countIn')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'workdays', label: t('calendar.workdays') },
            { value: 'days', label: t('calendar.calendarDays') },
          ]}
        />
      </Form.Item>
      <Form.Item name="n" label={t('calendar.period')} rules={[required()]}>
        <InputNumber
          min={0}
          max={3650}
          precision={0}
          style={{ width: '100%' }}
          suffix={t('calendar.daysUnit')}
        />
      </Form.Item>
      {mode === 'days' && (
        <Form.Item name="custody" valuePropName="checked">
          <Checkbox>{t('calendar.custody')}</Checkbox>
        </Form.Item>
      )}
      <Button type="primary" htmlType="submit" loading={calc.isPending} block>
        {t('calendar.compute')}
      </Button>
      {result && (
        <Alert
          type={result.provisional ? 'warning' : 'success'}
          showIcon
          style={{ marginTop: 16 }}
          data-testid="deadline-result"
          title={
            <span>
              {t('calendar.dueOn')}{' '}
              <Typography.Text strong style={{ fontSize: 16 }}>
                {result.due}
              </Typography.Text>{' '}
              · {dayjs(result.due).format('dddd')}
              <ProvisionalTag provisional={result.provisional} />
            </span>
          }
          description={result.provisional ? t('common.provisionalHint') : undefined}
        />
      )}
    </Form>
  );
}
