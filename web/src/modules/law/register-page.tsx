/** 法律法规库: every law version and offence version the penalty check applies, with ranges. */

import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { type LawRegisterResponse, type OffenceVersion, TIER_NAMES, tierText } from '@fazhi/common';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Input, Select, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { useCan } from '../../app/auth.tsx';
import { ExcelImport } from '../../app/ui/excel-import.tsx';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { ResponsiveTable } from '../../app/ui/responsive-table.tsx';
import { lawVersionLabel } from './names.ts';
import { OffenceEditor } from './offence-editor.tsx';
import { VersionEditor } from './version-editor.tsx';

export default function RegisterPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const manage = useCan()('rules.manage');
  const q = useQuery({
    queryKey: ['law', 'register'],
    queryFn: () => api.get<LawRegisterResponse>('/api/law/register'),
  });
  const laws = q.data?.laws ?? [];
  const [version, setVersion] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  /** The offence editor: open with the row revised, or with none for a new offence. */
  const [editing, setEditing] = useState<{ offence?: OffenceVersion } | null>(null);
  const [addingVersion, setAddingVersion] = useState(false);
  const current = version ?? laws.find((l) => l.effectiveUntil === null)?.id;
  const law = laws.find((l) => l.id === current);
  const rows = useMemo(
    () =>
      (q.data?.offences ?? []).filter((o) => o.version === current && (!search || o.name.includes(search))),
    [q.data, current, search],
  );
  return (
    <Page
      title={t('law.register.title')}
      extra={
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => api.download('/api/law/offences/export', undefined, 'offences.xlsx')}
          >
            {t('law.register.export')}
          </Button>
          {manage && (
            <Button icon={<PlusOutlined />} onClick={() => setAddingVersion(true)}>
              {t('law.versionEditor.add')}
            </Button>
          )}
          {manage && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('law.editor.add')}
            </Button>
          )}
          {manage && (
            <ExcelImport
              what={t('law.register.title')}
              uploadPath="/api/law/offences/import"
              templatePath="/api/law/offences/export"
              templateName="offences.xlsx"
              invalidate={[['law']]}
              hint={t('law.register.importHint')}
            />
          )}
        </Space>
      }
    >
      <ErrorAlert error={q.error} onRetry={() => q.refetch()} />
      <Typography.Paragraph type="secondary">{t('law.register.hint')}</Typography.Paragraph>
      {/* (a flex row, not a Space: the long version names must shrink to a phone's width) */}
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8, marginBottom: 12 }}>
        <Select
          style={{ flex: '0 1 520px', minWidth: 0 }}
          aria-label={t('law.register.filterLaw')}
          value={current}
          onChange={setVersion}
          options={laws.map((l) => ({
            value: l.id,
            label: lawVersionLabel(l, t),
          }))}
        />
        <Input.Search
          allowClear
          placeholder={t('law.register.search')}
          onSearch={setSearch}
          style={{ width: 220 }}
        />
      </div>
      {law && (
        <Alert
          type="info"
          style={{ marginBottom: 12 }}
          title={`${law.title} · ${t('law.register.inForce')} ${law.effectiveFrom} — ${law.effectiveUntil ?? t('law.register.until')}`}
          description={
            <Space direction="vertical" size={2}>
              <span>
                {t('law.register.source')}：{law.source}
              </span>
              {law.general.recordsSealed && (
                <span>{t('law.register.sealed', { article: law.general.recordsSealed.article })}</span>
              )}
              {law.unconfirmed && <Tag color="orange">{t('law.register.unconfirmed')}</Tag>}
            </Space>
          }
        />
      )}
      {law && !q.isLoading && !q.data?.offences.some((o) => o.version === law.id) && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('law.register.noOffences')} />
      )}
      <ResponsiveTable<OffenceVersion>
        rowKey={(o) => `${o.version}|${o.name}`}
        loading={q.isLoading}
        dataSource={rows}
        pagination={false}
        cardTitle="name"
        columns={[
          { key: 'name', title: t('law.register.offence'), dataIndex: 'name', width: 180 },
          { key: 'article', title: t('law.register.article'), dataIndex: 'article', width: 180 },
          {
            key: 'ranges',
            title: t('law.register.ranges'),
            render: (_: unknown, o: OffenceVersion) => (
              <Space direction="vertical" size={2}>
                {o.tiers.map((tier) => (
                  <span key={tier.tier}>
                    <Tag>{tier.label ?? TIER_NAMES[tier.tier][lang === 'en-US' ? 'en' : 'zh']}</Tag>
                    {tierText(tier, lang)}
                  </span>
                ))}
              </Space>
            ),
          },
          {
            key: 'flags',
            title: t('law.register.flags'),
            width: 160,
            render: (_: unknown, o: OffenceVersion) => (
              <Space wrap size={4}>
                {o.unconfirmed && <Tag color="orange">{t('law.register.unconfirmed')}</Tag>}
                {o.publicationExcluded && <Tag color="purple">{t('law.register.excluded')}</Tag>}
                {o.organisations && <Tag>{t('law.register.organisations')}</Tag>}
              </Space>
            ),
          },
          ...(manage
            ? [
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 90,
                  render: (_: unknown, o: OffenceVersion) => (
                    <Button type="link" size="small" onClick={() => setEditing({ offence: o })}>
                      {t('law.editor.revise')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <OffenceEditor
        open={editing !== null}
        onClose={() => setEditing(null)}
        offence={editing?.offence}
        laws={laws}
        version={current}
      />
      <VersionEditor
        open={addingVersion}
        onClose={() => setAddingVersion(false)}
        laws={laws}
        law={law?.law}
        onSaved={(v) => setVersion(v.id)}
      />
    </Page>
  );
}
