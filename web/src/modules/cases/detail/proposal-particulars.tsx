/**
 * The parts of a proposal beside its kind: several offences decided one by one (分别裁量，合并执行)
 * and, for the documents to the procuratorate, the 强制措施 and 认罪认罚.
 */

import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type CaseResponse,
  COERCIVE_MEASURE_NAMES,
  COERCIVE_MEASURES,
  type OffencePenalties,
  TIERS,
} from '@fazhi/common';
import {
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { HALF } from '../../../app/ui/responsive.tsx';
import { required } from '../../../app/ui/rules.ts';
import { afterCstToday, isoDay } from '../dates.ts';

/** One offence's penalties as the form holds them. */
export interface SplitValues {
  tier?: (typeof TIERS)[number];
  warning?: boolean;
  fine?: number | null;
  days?: number | null;
  confiscation?: boolean;
}

/** The form's per-offence values as the proposal's `offences`. */
export function splitOffences(codes: string[], split: Record<string, SplitValues> | undefined) {
  return codes.map((code): OffencePenalties => {
    const s = split?.[code] ?? {};
    return {
      code,
      tier: s.tier ?? 'ordinary',
      penalties: [
        ...(s.warning ? [{ type: 'warning' as const }] : []),
        ...(s.days ? [{ type: 'detention' as const, days: s.days }] : []),
        ...(s.fine ? [{ type: 'fine' as const, amount: s.fine }] : []),
        ...(s.confiscation ? [{ type: 'confiscation' as const }] : []),
      ],
    };
  });
}

/** A proposal's `offences` back as the form's values (a resubmission starts from them). */
export function splitValues(offences: OffencePenalties[] | null): Record<string, SplitValues> {
  return Object.fromEntries(
    (offences ?? []).map((o) => [
      o.code,
      {
        tier: o.tier,
        warning: o.penalties.some((x) => x.type === 'warning'),
        fine: o.penalties.find((x) => x.type === 'fine')?.amount ?? null,
        days: o.penalties.find((x) => x.type === 'detention')?.days ?? null,
        confiscation: o.penalties.some((x) => x.type === 'confiscation'),
      },
    ]),
  );
}

/** 分别裁量: each chosen offence with its tier and the penalties its article allows. */
export function OffencePenaltyFields({ c, codes }: { c: CaseResponse; codes: string[] }) {
  const { t } = useTranslation();
  return (
    <Col span={24}>
      <Typography.Paragraph type="secondary">{t('cases.proposal.splitHint')}</Typography.Paragraph>
      {codes.map((code) => {
        const o = c.offences.find((x) => x.code === code);
        if (!o) return null;
        const allows = (k: string) => o.penalties.includes(k);
        return (
          <Card
            key={code}
            size="small"
            data-testid={`split-${code}`}
            style={{ marginBottom: 12 }}
            // the offence with its article, wrapped rather than cut off on a phone
            styles={{ title: { whiteSpace: 'normal' } }}
            title={`${o.name}（${o.law}${o.article}）`}
          >
            <Row gutter={16}>
              <Col {...HALF}>
                <Form.Item
                  name={['split', code, 'tier']}
                  label={t('cases.proposal.tier')}
                  initialValue="ordinary"
                >
                  <Select options={TIERS.map((x) => ({ value: x, label: t(`cases.proposal.tiers.${x}`) }))} />
                </Form.Item>
              </Col>
              {allows('detention') && (
                <Col {...HALF}>
                  <Form.Item name={['split', code, 'days']} label={t('cases.proposal.detentionDays')}>
                    <InputNumber
                      min={1}
                      max={20}
                      precision={0}
                      style={{ width: '100%' }}
                      suffix={t('cases.days')}
                    />
                  </Form.Item>
                </Col>
              )}
              {allows('fine') && (
                <Col {...HALF}>
                  <Form.Item name={['split', code, 'fine']} label={t('cases.proposal.fineAmount')}>
                    <InputNumber
                      min={0.01}
                      step={100}
                      precision={2}
                      style={{ width: '100%' }}
                      suffix={t('cases.yuan')}
                    />
                  </Form.Item>
                </Col>
              )}
              {(allows('warning') || allows('confiscation')) && (
                <Col {...HALF}>
                  {allows('warning') && (
                    <Form.Item name={['split', code, 'warning']} valuePropName="checked" noStyle>
                      <Checkbox>{t('cases.proposal.splitWarning')}</Checkbox>
                    </Form.Item>
                  )}
                  {allows('confiscation') && (
                    <Form.Item name={['split', code, 'confiscation']} valuePropName="checked" noStyle>
                      <Checkbox>{t('cases.proposal.splitConfiscation')}</Checkbox>
                    </Form.Item>
                  )}
                </Col>
              )}
            </Row>
          </Card>
        );
      })}
    </Col>
  );
}

/** A 强制措施 as the form holds it (the date as a picker's value). */
export interface MeasureValues {
  partyId?: number | null;
  kind?: (typeof COERCIVE_MEASURES)[number];
  on?: Dayjs | string | null;
  place?: string | null;
}

export function measuresOf(list: MeasureValues[] | undefined) {
  return (list ?? [])
    .filter((m) => m.kind && m.on)
    .map((m) => ({
      partyId: m.partyId ?? null,
      kind: m.kind!,
      on: isoDay(m.on) ?? '',
      place: m.place?.trim() || null,
    }));
}

/** 强制措施 taken on the suspects and 认罪认罚, for 提请批准逮捕书 and 起诉意见书. */
export function CriminalParticularsFields({ c }: { c: CaseResponse }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const suspects = c.parties.filter((p) => p.role === 'suspect');
  return (
    <Col span={24}>
      <Form.List name={['proposal', 'measures']}>
        {(fields, { add, remove }) => (
          <>
            <Typography.Text strong>{t('cases.proposal.measures')}</Typography.Text>
            <Typography.Paragraph type="secondary">{t('cases.proposal.measuresHint')}</Typography.Paragraph>
            {fields.map((f) => (
              <Row gutter={8} key={f.key} align="top">
                <Col xs={24} md={6}>
                  <Form.Item name={[f.name, 'partyId']} label={t('cases.proposal.measureParty')}>
                    <Select allowClear options={suspects.map((p) => ({ value: p.id, label: p.name }))} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={6}>
                  <Form.Item
                    name={[f.name, 'kind']}
                    label={t('cases.proposal.measureKind')}
                    rules={[required()]}
                  >
                    <Select
                      options={COERCIVE_MEASURES.map((k) => ({
                        value: k,
                        label: COERCIVE_MEASURE_NAMES[k][en ? 'en' : 'zh'],
                      }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} md={5}>
                  <Form.Item name={[f.name, 'on']} label={t('cases.proposal.measureOn')} rules={[required()]}>
                    <DatePicker style={{ width: '100%' }} disabledDate={afterCstToday} />
                  </Form.Item>
                </Col>
                <Col xs={20} md={6}>
                  <Form.Item name={[f.name, 'place']} label={t('cases.proposal.measurePlace')}>
                    <Input maxLength={200} placeholder={t('cases.proposal.measurePlaceHint')} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={1} style={{ paddingTop: 30 }}>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('cases.proposal.removeMeasure')}
                    onClick={() => remove(f.name)}
                  />
                </Col>
              </Row>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})} style={{ marginBottom: 16 }}>
              {t('cases.proposal.addMeasure')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item
        name={['proposal', 'guiltyPlea']}
        label={t('cases.proposal.guiltyPlea')}
        extra={t('cases.proposal.guiltyPleaHint')}
      >
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </Col>
  );
}
