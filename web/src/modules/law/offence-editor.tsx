/**
 * 新增违法行为 / 修订: one offence version of the register with its 情节 tiers, each tier's
 * alternatives (方案) and each alternative's bounds (必处, 可并处). Saving never overwrites: the
 * server keeps the row it replaces (superseded) and records the change in the audit log. The
 * checks that span fields (a lower bound above the upper one, whole days) are the server's,
 * whose messages land on the bound they name.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  type LawVersion,
  type OffenceVersion,
  PENALTY_TYPE_NAMES,
  PENALTY_TYPES,
  type PenaltyBound,
  type PenaltyType,
  TIER_NAMES,
  TIERS,
  type Tier,
} from '@fazhi/common';
import { Alert, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { bilingual } from '../../app/i18n/index.ts';
import { FormDialog } from '../../app/ui/form-dialog.tsx';
import { required } from '../../app/ui/rules.ts';
import { lawVersionLabel } from './names.ts';

interface BoundValues {
  type?: PenaltyType;
  min?: number | null;
  max?: number | null;
}
interface SchemeValues {
  required?: BoundValues[];
  optional?: BoundValues[];
}
interface TierValues {
  tier?: Tier;
  label?: string;
  schemes?: SchemeValues[];
}
interface Values {
  name: string;
  version: string;
  article: string;
  organisations?: boolean;
  publicationExcluded?: boolean;
  unconfirmed?: boolean;
  note?: string;
  tiers?: TierValues[];
}

/** The offence's marks, each with its label (the register's column names them the same). */
const FLAGS = [
  ['organisations', 'organisations'],
  ['publicationExcluded', 'excluded'],
  ['unconfirmed', 'unconfirmed'],
] as const;

/** A new bound is a fine to fill in; a new alternative has one, mandatory. */
const NEW_BOUND: BoundValues = { type: 'fine' };
const NEW_SCHEME: SchemeValues = { required: [NEW_BOUND], optional: [] };

/** The form's values as the offence version the API takes (the list order kept: errors name indexes). */
function toOffence(v: Values, laws: LawVersion[], revised?: OffenceVersion): OffenceVersion {
  // a warning, a licence revoked … has no amount: bounds typed before the type changed are dropped
  const bound = (b: BoundValues): PenaltyBound => {
    const counted = b.type === 'fine' || b.type === 'detention';
    return {
      type: b.type as PenaltyType,
      ...(counted && b.min != null ? { min: b.min } : {}),
      ...(counted && b.max != null ? { max: b.max } : {}),
    };
  };
  const note = v.note?.trim();
  return {
    name: v.name.trim(),
    law: laws.find((l) => l.id === v.version)?.law ?? v.version.split('@')[0]!,
    version: v.version,
    article: v.article.trim(),
    caseType: revised?.caseType ?? 'admin',
    tiers: (v.tiers ?? []).map((t) => ({
      tier: t.tier as Tier,
      ...(t.label?.trim() ? { label: t.label.trim() } : {}),
      schemes: (t.schemes ?? []).map((s) => ({
        required: (s.required ?? []).map(bound),
        optional: (s.optional ?? []).map(bound),
      })),
    })),
    organisations: v.organisations ?? false,
    publicationExcluded: v.publicationExcluded ?? false,
    unconfirmed: v.unconfirmed ?? false,
    ...(note ? { note } : {}),
  };
}

export interface OffenceEditorProps {
  open: boolean;
  onClose: () => void;
  /** The offence version revised (its name and version stay); none: a new offence. */
  offence?: OffenceVersion;
  laws: LawVersion[];
  /** The version shown on the page: a new offence is proposed in it. */
  version?: string;
}

export function OffenceEditor({ open, onClose, offence, laws, version }: OffenceEditorProps) {
  const { t } = useTranslation();
  const header = useRef<HTMLDivElement>(null);
  const initialValues: Partial<Values> = offence ?? {
    version,
    tiers: [{ tier: 'ordinary', schemes: [NEW_SCHEME] }],
  };
  return (
    <FormDialog<Values, OffenceVersion>
      open={open}
      onClose={onClose}
      width={720}
      title={offence ? t('law.editor.reviseTitle', { name: offence.name }) : t('law.editor.addTitle')}
      initialValues={initialValues}
      submit={(v) => api.post<OffenceVersion>('/api/law/offences', toOffence(v, laws, offence))}
      invalidate={[['law']]}
      success={(o) => t('law.editor.saved', { name: o.name })}
      onError={() => {
        // the server names a bound deep in the list: bring the first field it marked into view
        setTimeout(() => {
          const body = header.current?.closest('.ant-drawer-body');
          body?.querySelector('.ant-form-item-has-error')?.scrollIntoView({ block: 'center' });
        }, 100);
        return false;
      }}
      header={
        <div ref={header}>
          <Alert type="info" showIcon title={t('law.editor.hint')} style={{ marginBottom: 16 }} />
        </div>
      }
    >
      <Form.Item name="name" label={t('law.register.offence')} rules={[required()]}>
        <Input maxLength={100} disabled={!!offence} />
      </Form.Item>
      <Form.Item name="version" label={t('law.register.filterLaw')} rules={[required()]}>
        <Select
          disabled={!!offence}
          options={laws.map((l) => ({ value: l.id, label: lawVersionLabel(l, t) }))}
        />
      </Form.Item>
      <Form.Item name="article" label={t('law.register.article')} rules={[required()]}>
        <Input maxLength={100} placeholder={t('law.editor.articlePlaceholder')} />
      </Form.Item>
      <Space wrap size={[16, 0]}>
        {FLAGS.map(([name, key]) => (
          <Form.Item key={name} name={name} valuePropName="checked">
            <Checkbox>{t(`law.register.${key}`)}</Checkbox>
          </Form.Item>
        ))}
      </Space>
      <TierList />
      <Form.Item name="note" label={t('law.editor.note')}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormDialog>
  );
}

/** The 情节 tiers: which tier, the article's words for it, and its alternatives. */
function TierList() {
  const { t } = useTranslation();
  return (
    <Form.List
      name="tiers"
      rules={[
        {
          validator: async (_r, tiers?: unknown[]) => {
            if (!tiers?.length) throw new Error(t('law.editor.needsTier'));
          },
        },
      ]}
    >
      {(fields, { add, remove }, { errors }) => (
        <>
          <Typography.Text strong>{t('law.register.ranges')}</Typography.Text>
          {fields.map((f, ti) => (
            <Card
              key={f.key}
              size="small"
              style={{ margin: '8px 0' }}
              title={t('law.editor.tierN', { n: ti + 1 })}
              extra={<RemoveButton label={t('law.editor.removeTier')} onClick={() => remove(f.name)} />}
            >
              <Space wrap size={[8, 0]} style={{ display: 'flex' }}>
                <Form.Item name={[f.name, 'tier']} label={t('law.editor.tier')} rules={[required()]}>
                  <Select
                    style={{ width: 140 }}
                    options={TIERS.map((x) => ({ value: x, label: bilingual(TIER_NAMES[x]) }))}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'label']} label={t('law.editor.tierLabel')}>
                  <Input maxLength={50} placeholder={t('law.editor.tierLabelPlaceholder')} />
                </Form.Item>
              </Space>
              <SchemeList path={['tiers', f.name]} name={[f.name, 'schemes']} />
            </Card>
          ))}
          <Form.ErrorList errors={errors} />
          <Button
            type="dashed"
            block
            icon={<PlusOutlined />}
            style={{ margin: '8px 0 16px' }}
            onClick={() => add({ schemes: [NEW_SCHEME] })}
          >
            {t('law.editor.addTier')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

type Path = (string | number)[];
const SCHEME_BOX = { border: '1px dashed #d9d9d9', borderRadius: 4, padding: 8, marginBottom: 8 };

/** A tier's alternatives (处…或者…): each with its mandatory and its optional bounds. */
function SchemeList({ path, name }: { path: Path; name: Path }) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((f, si) => (
            <div key={f.key} style={SCHEME_BOX}>
              <Space style={{ display: 'flex', justifyContent: 'space-between' }}>
                <Typography.Text type="secondary">{t('law.editor.schemeN', { n: si + 1 })}</Typography.Text>
                <RemoveButton
                  label={t('law.editor.removeScheme')}
                  disabled={fields.length === 1}
                  onClick={() => remove(f.name)}
                />
              </Space>
              {(['required', 'optional'] as const).map((part) => (
                <BoundList
                  key={part}
                  part={part}
                  path={[...path, 'schemes', f.name, part]}
                  name={[f.name, part]}
                />
              ))}
            </div>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => add(NEW_SCHEME)}>
            {t('law.editor.addScheme')}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/** 必处 or 可并处: penalty types with their bounds (yuan for a fine, days for detention). */
function BoundList({ part, path, name }: { part: 'required' | 'optional'; path: Path; name: Path }) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <div style={{ marginTop: 4 }}>
          <Typography.Text>{t(`law.editor.${part}`)}</Typography.Text>
          {fields.map((f) => (
            <BoundRow key={f.key} path={[...path, f.name]} name={f.name} onRemove={() => remove(f.name)} />
          ))}
          <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => add(NEW_BOUND)}>
            {t(`law.editor.add_${part}`)}
          </Button>
        </div>
      )}
    </Form.List>
  );
}

function BoundRow({ path, name, onRemove }: { path: Path; name: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const type = Form.useWatch([...path, 'type'], form) as PenaltyType | undefined;
  const counted = type === 'fine' || type === 'detention';
  const unit = type === 'fine' ? t('law.editor.yuan') : t('law.editor.days');
  const cell = { marginBottom: 8, flex: '1 1 110px', minWidth: 0 };
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'flex-start' }}>
      <Form.Item name={[name, 'type']} rules={[required()]} style={{ ...cell, flex: '1 1 160px' }}>
        <Select
          aria-label={t('law.editor.type')}
          options={PENALTY_TYPES.map((x) => ({ value: x, label: bilingual(PENALTY_TYPE_NAMES[x]) }))}
        />
      </Form.Item>
      {(['min', 'max'] as const).map((end) => (
        <Form.Item key={end} name={[name, end]} style={cell}>
          <InputNumber
            aria-label={t(`law.editor.${end}`)}
            placeholder={t(`law.editor.${end}`)}
            min={0}
            disabled={!counted}
            suffix={counted ? unit : undefined}
            style={{ width: '100%' }}
          />
        </Form.Item>
      ))}
      <RemoveButton label={t('law.editor.removeBound')} onClick={onRemove} />
    </div>
  );
}

function RemoveButton({
  label,
  disabled,
  onClick,
}: {
  label: string;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <Button
      type="text"
      danger
      icon={<DeleteOutlined />}
      aria-label={label}
      disabled={disabled}
      onClick={onClick}
    />
  );
}
