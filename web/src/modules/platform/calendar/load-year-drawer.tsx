import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CalendarDay, CalendarLoadResponse } from '@fazhi/common';
import { Alert, AutoComplete, Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { required } from '../../../app/ui/rules.ts';
import { CALENDAR_KEY, type DayKind, expandRange, toRanges } from './use-calendar.ts';

interface Entry {
  name: string;
  kind: DayKind;
  range: [Dayjs, Dayjs];
}
interface Values {
  year: number;
  source: string;
  entries: Entry[];
}

export interface LoadYearInitial {
  year: number;
  source?: string;
  days?: CalendarDay[];
}

const FESTIVALS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节', '国庆节、中秋节'];

const toDays = (entries: Entry[]): CalendarDay[] =>
  entries.flatMap((e) =>
    expandRange(e.range[0].format('YYYY-MM-DD'), e.range[1].format('YYYY-MM-DD')).map((date) => ({
      date,
      kind: e.kind,
      name: e.name.trim(),
    })),
  );

/**
 * Loads (or replaces) one year of the State Council's holiday notice: the festival ranges and
 * the make-up working days, typed in from the notice, with its number as the source.
 */
export function LoadYearDrawer({
  initial,
  onClose,
  onLoaded,
}: {
  initial: LoadYearInitial | null;
  onClose: () => void;
  /** After a load: the page shows the year just loaded. */
  onLoaded: (loaded: CalendarLoadResponse) => void;
}) {
  const { t } = useTranslation();
  const entries: Partial<Entry>[] = initial?.days?.length
    ? toRanges(initial.days).map((r) => ({ name: r.name, kind: r.kind, range: [dayjs(r.from), dayjs(r.to)] }))
    : [{ kind: 'holiday' }];
  return (
    <FormDialog<Values, CalendarLoadResponse>
      open={!!initial}
      onClose={onClose}
      width={720}
      title={t('calendar.loadTitle')}
      initialValues={{ year: initial?.year, source: initial?.source, entries: entries as Entry[] }}
      submit={(v) =>
        api.post<CalendarLoadResponse>('/api/calendar/years', {
          year: v.year,
          source: v.source.trim(),
          days: toDays(v.entries),
        })
      }
      success={(r) => t('calendar.loadedResult', r)}
      onSuccess={onLoaded}
      invalidate={[CALENDAR_KEY, ['tasks']]}
      okText={t('calendar.loadSubmit')}
      header={
        initial?.days?.length ? (
          <Alert
            type="warning"
            showIcon
            title={t('calendar.replaceWarning', { year: initial.year })}
            style={{ marginBottom: 16 }}
          />
        ) : (
          <Alert type="info" showIcon title={t('calendar.loadHint')} style={{ marginBottom: 16 }} />
        )
      }
    >
      {(form) => (
        <>
          <Space align="start" size={16}>
            <Form.Item name="year" label={t('calendar.year')} rules={[required()]}>
              <InputNumber min={2004} max={2100} precision={0} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="source" label={t('calendar.source')} rules={[required()]} style={{ width: 420 }}>
              <Input maxLength={100} placeholder={t('calendar.sourcePlaceholder')} />
            </Form.Item>
          </Space>
          <Form.List name="entries">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" size={8} style={{ display: 'flex' }}>
                    <Form.Item name={[f.name, 'name']} rules={[required()]}>
                      <AutoComplete
                        style={{ width: 150 }}
                        placeholder={t('calendar.name')}
                        options={FESTIVALS.map((value) => ({ value }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'kind']} rules={[required()]}>
                      <Select
                        style={{ width: 130 }}
                        options={(['holiday', 'workday'] as const).map((k) => ({
                          value: k,
                          label: t(`calendar.kinds.${k}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'range']}
                      rules={[
                        required(),
                        {
                          validator: async (_r, range?: [Dayjs, Dayjs]) => {
                            const year = form.getFieldValue('year');
                            if (range && year && (range[0].year() !== year || range[1].year() !== year))
                              throw new Error(t('calendar.notInYear', { year }));
                          },
                        },
                      ]}
                    >
                      <DatePicker.RangePicker style={{ width: 260 }} />
                    </Form.Item>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('calendar.removeRow')}
                      disabled={fields.length === 1}
                      onClick={() => remove(f.name)}
                    />
                  </Space>
                ))}
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ kind: 'holiday' })}>
                  {t('calendar.addRow')}
                </Button>
              </>
            )}
          </Form.List>
        </>
      )}
    </FormDialog>
  );
}
