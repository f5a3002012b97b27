import { type CaseResponse, LAW_RULE_NAMES, type PenaltyCheckResponse } from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import { Alert, Form, Input, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { required } from '../../../app/ui/rules.ts';

/**
 * 处罚前告知: what the party answered to the intended penalty (陈述申辩, reviewed when made) and,
 * where the penalty check finds a hearing due (听证), whether the party asks for one. The server
 * judges the hearing right again on the day of the 告知.
 */
export function InformFields({ c }: { c: CaseResponse }) {
  const { t, i18n } = useTranslation();
  const form = Form.useFormInstance();
  const statement = Form.useWatch('statement', form);
  const method = Form.useWatch('method', form) ?? 'in_person';
  const publicNotice = method === 'public_notice';
  const check = useQuery({
    queryKey: ['cases', c.id, 'penalty-check', 'inform', c.version],
    enabled: Boolean(c.proposal),
    queryFn: () => api.post<PenaltyCheckResponse>(`/api/cases/${c.id}/penalty-check`, c.proposal),
  });
  const hearing = check.data?.notices.find((n) => n.rule === 'hearing_right');
  const lang = i18n.language === 'en-US' ? 'en' : 'zh';
  return (
    <>
      {hearing && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={LAW_RULE_NAMES.hearing_right?.[lang]}
          description={`${hearing.message}（${hearing.basis}）`}
        />
      )}
      <Form.Item name="method" label={t('cases.inform.method')} initialValue="in_person">
        <Radio.Group
          onChange={(e) => {
            // Nobody has answered a public notice yet: no statement, the hearing (if due) open.
            if (e.target.value === 'public_notice')
              form.setFieldsValue({ statement: 'waived', ...(hearing ? { hearing: 'undecided' } : {}) });
          }}
          options={(['in_person', 'public_notice'] as const).map((v) => ({
            value: v,
            label: t(`cases.inform.methods.${v}`),
          }))}
        />
      </Form.Item>
      {publicNotice && (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('cases.inform.publicNoticeHint')}
          />
          <Form.Item name="noticeReason" label={t('cases.inform.noticeReason')} rules={[required()]}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </>
      )}
      <Form.Item name="statement" label={t('cases.inform.statement')} rules={[required()]}>
        <Radio.Group
          disabled={publicNotice}
          options={(['waived', 'stated'] as const).map((v) => ({
            value: v,
            label: t(`cases.inform.statements.${v}`),
          }))}
        />
      </Form.Item>
      {statement === 'stated' && (
        <>
          <Form.Item name="statementText" label={t('cases.inform.statementText')} rules={[required()]}>
            <Input.TextArea rows={3} maxLength={4000} showCount />
          </Form.Item>
          <Form.Item
            name="statementReview"
            label={t('cases.inform.statementReview')}
            extra={t('cases.inform.statementReviewHint')}
            rules={[required()]}
          >
            <Input.TextArea rows={3} maxLength={4000} showCount />
          </Form.Item>
        </>
      )}
      {hearing && (
        <Form.Item name="hearing" label={t('cases.inform.hearing')} rules={[required()]}>
          <Radio.Group
            disabled={publicNotice}
            options={(['waived', 'requested', 'undecided'] as const).map((v) => ({
              value: v,
              label: t(`cases.inform.hearings.${v}`),
            }))}
          />
        </Form.Item>
      )}
    </>
  );
}
