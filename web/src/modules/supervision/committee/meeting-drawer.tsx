import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { CommitteeMeetingRequest, type CommitteeMeetingResponse } from '@fazhi/common';
import { Button, Card, DatePicker, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { FormDialog } from '../../../app/ui/form-dialog.tsx';
import { required, zodRule } from '../../../app/ui/rules.ts';
import { OfficerSelect } from '../../cases/officer-select.tsx';
import { UnitTreeSelect } from '../../platform/units/unit-tree-select.tsx';
import { SUPERVISION_KEYS } from '../api.ts';
import { CaseSelect } from './case-select.tsx';

export const MEETINGS_PATH = '/api/supervision/committee/meetings';

interface Values {
  heldOn: Dayjs;
  title: string;
  chairId?: number;
  attendeeIds?: number[];
  topicReports?: { title: string; reporter: string }[];
  caseIds?: number[];
  decisions?: { text: string; ownerUnitId?: number; dueOn?: Dayjs }[];
  minutes?: string;
}

const toValues = (m: CommitteeMeetingResponse): Values => ({
  heldOn: dayjs(m.heldOn),
  title: m.title,
  chairId: m.chairId ?? undefined,
  attendeeIds: m.attendees.map((a) => a.id),
  topicReports: m.topicReports,
  caseIds: m.cases.map((c) => c.id),
  decisions: m.decisions.map((d) => ({
    text: d.text,
    ownerUnitId: d.ownerUnitId ?? undefined,
    dueOn: d.dueOn ? dayjs(d.dueOn) : undefined,
  })),
  minutes: m.minutes,
});

const toRequest = (v: Values) => ({
  heldOn: v.heldOn.format('YYYY-MM-DD'),
  title: v.title.trim(),
  chairId: v.chairId ?? null,
  attendeeIds: v.attendeeIds ?? [],
  topicReports: (v.topicReports ?? []).map((r) => ({ title: r.title.trim(), reporter: r.reporter.trim() })),
  caseIds: v.caseIds ?? [],
  decisions: (v.decisions ?? []).map((d) => ({
    text: d.text.trim(),
    ownerUnitId: d.ownerUnitId ?? null,
    dueOn: d.dueOn ? d.dueOn.format('YYYY-MM-DD') : null,
  })),
  minutes: v.minutes ?? '',
});

const Report = CommitteeMeetingRequest.shape.topicReports.unwrap().element;
const Decision = CommitteeMeetingRequest.shape.decisions.unwrap().element;

/**
 * A committee meeting: 法制专题报告 to the party committee, the difficult cases studied, the
 * decisions with who carries them out by when, and the minutes. `meeting` null: a new one.
 */
export function MeetingDrawer({
  open,
  meeting,
  readOnly,
  onClose,
}: {
  open: boolean;
  meeting: CommitteeMeetingResponse | null;
  readOnly: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const known = meeting
    ? [
        ...meeting.attendees,
        ...(meeting.chairId && meeting.chairName ? [{ id: meeting.chairId, name: meeting.chairName }] : []),
      ]
    : [];
  return (
    <FormDialog<Values, CommitteeMeetingResponse>
      open={open}
      onClose={onClose}
      width={760}
      readOnly={readOnly}
      title={
        meeting
          ? t('supervision.committee.editTitle', { title: meeting.title })
          : t('supervision.committee.createTitle')
      }
      initialValues={meeting ? toValues(meeting) : { heldOn: dayjs(), topicReports: [], decisions: [] }}
      submit={(v) =>
        meeting
          ? api.put<CommitteeMeetingResponse>(`${MEETINGS_PATH}/${meeting.id}`, toRequest(v))
          : api.post<CommitteeMeetingResponse>(MEETINGS_PATH, toRequest(v))
      }
      success={t('supervision.committee.saved')}
      invalidate={SUPERVISION_KEYS}
    >
      <Space size="middle" align="start" wrap>
        <Form.Item name="heldOn" label={t('supervision.committee.heldOn')} rules={[required()]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="chairId" label={t('supervision.committee.chair')} style={{ minWidth: 260 }}>
          <OfficerSelect known={known} />
        </Form.Item>
      </Space>
      <Form.Item
        name="title"
        label={t('supervision.committee.meetingTitle')}
        rules={[required(), zodRule(CommitteeMeetingRequest.shape.title)]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="attendeeIds" label={t('supervision.committee.attendees')}>
        <OfficerSelect multiple known={known} />
      </Form.Item>
      <Card size="small" title={t('supervision.committee.topicReports')} style={{ marginBottom: 16 }}>
        <Form.List name="topicReports">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <Space key={key} align="baseline" style={{ display: 'flex' }}>
                  <Form.Item
                    name={[name, 'title']}
                    rules={[required(), zodRule(Report.shape.title)]}
                    style={{ width: 420 }}
                  >
                    <Input placeholder={t('supervision.committee.reportTitle')} maxLength={200} />
                  </Form.Item>
                  <Form.Item name={[name, 'reporter']} rules={[required(), zodRule(Report.shape.reporter)]}>
                    <Input placeholder={t('supervision.committee.reporter')} maxLength={50} />
                  </Form.Item>
                  {!readOnly && <MinusCircleOutlined onClick={() => remove(name)} />}
                </Space>
              ))}
              {!readOnly && (
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  onClick={() => add({ title: '', reporter: '' })}
                >
                  {t('supervision.committee.addReport')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Card>
      <Form.Item name="caseIds" label={t('supervision.committee.cases')}>
        <CaseSelect known={meeting?.cases} />
      </Form.Item>
      <Card size="small" title={t('supervision.committee.decisions')} style={{ marginBottom: 16 }}>
        <Form.List name="decisions">
          {(fields, { add, remove }) => (
            <>
              {fields.map(({ key, name }) => (
                <div key={key} style={{ borderBottom: '1px dashed #f0f0f0', marginBottom: 12 }}>
                  <Form.Item name={[name, 'text']} rules={[required(), zodRule(Decision.shape.text)]}>
                    <Input.TextArea
                      rows={2}
                      maxLength={1000}
                      placeholder={t('supervision.committee.decisionText')}
                    />
                  </Form.Item>
                  <Space align="baseline" wrap>
                    <Form.Item name={[name, 'ownerUnitId']} label={t('supervision.committee.ownerUnit')}>
                      <UnitTreeSelect allowClear style={{ width: 220 }} />
                    </Form.Item>
                    <Form.Item name={[name, 'dueOn']} label={t('supervision.committee.dueOn')}>
                      <DatePicker />
                    </Form.Item>
                    {!readOnly && <MinusCircleOutlined onClick={() => remove(name)} />}
                  </Space>
                </div>
              ))}
              {!readOnly && (
                <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ text: '' })}>
                  {t('supervision.committee.addDecision')}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </Card>
      <Form.Item name="minutes" label={t('supervision.committee.minutes')}>
        <Input.TextArea rows={6} maxLength={20_000} showCount />
      </Form.Item>
    </FormDialog>
  );
}
