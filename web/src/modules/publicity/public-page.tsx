import { SafetyCertificateFilled } from '@ant-design/icons';
import type { PublicPublicityItem } from '@fazhi/common';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Input, Modal, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api } from '../../app/api.ts';
import { LanguageSwitch } from '../../app/shell/language-switch.tsx';
import { POLICE_BLUE } from '../../app/theme.ts';
import { usePhone } from '../../app/ui/responsive.tsx';
import { ResponsiveTable } from '../../app/ui/responsive-table.tsx';
import { categoryName, conclusionOf, ObjectLabel, PublicityView } from './publicity-view.tsx';

const PAGE_SIZE = 10;
const NAVY = '#0c2a55';

/**
 * The public portal (no sign-in): published enforcement decisions, searchable, with personal
 * data masked. It reads only the public API, which serves the snapshots taken at publishing.
 */
export default function PublicPublicityPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(q);
  const [open, setOpen] = useState<PublicPublicityItem | null>(null);
  const phone = usePhone();
  const gutter = phone ? 12 : 24;
  useEffect(() => setText(q), [q]);

  const about = useQuery({
    queryKey: ['public-publicity', 'about'],
    queryFn: () => api.get<{ authority: string }>('/api/public/publicity/about'),
    staleTime: 60 * 60_000,
  });
  const list = useQuery({
    queryKey: ['public-publicity', 'list', q, page],
    queryFn: ({ signal }) =>
      api.get<{ items: PublicPublicityItem[]; total: number }>(
        '/api/public/publicity',
        { q, page, pageSize: PAGE_SIZE },
        { signal },
      ),
    placeholderData: keepPreviousData,
  });

  const authority = about.data?.authority ?? '';
  const heading = authority ? `${t('publicPortal.title')} · ${authority}` : t('publicPortal.title');
  useEffect(() => {
    document.title = heading;
  }, [heading]);

  const go = (next: { q?: string; page?: number }) => {
    const p = new URLSearchParams();
    const nq = next.q ?? q;
    if (nq) p.set('q', nq);
    if ((next.page ?? 1) > 1) p.set('page', String(next.page));
    setParams(p);
  };

  return (
    <div style={{ minHeight: '100vh', background: '#f0f2f5', display: 'flex', flexDirection: 'column' }}>
      <header
        style={{
          background: `linear-gradient(160deg, ${NAVY} 0%, ${POLICE_BLUE} 70%, #2a64b0 100%)`,
          color: '#fff',
          padding: phone ? '12px 12px 56px' : '28px 24px 72px',
        }}
      >
        <div
          style={{
            maxWidth: 1180,
            margin: '0 auto',
            display: 'flex',
            alignItems: 'center',
            gap: phone ? 12 : 16,
            // on a phone the language switch and sign-in go above the title
            flexWrap: phone ? 'wrap-reverse' : undefined,
          }}
        >
          <SafetyCertificateFilled style={{ fontSize: phone ? 32 : 44, color: '#f5c542' }} />
          <div style={{ flex: phone ? '1 1 200px' : 1, minWidth: 0 }}>
            <h1
              style={{
                margin: 0,
                fontSize: phone ? 20 : 26,
                fontWeight: 600,
                letterSpacing: 1,
                color: '#fff',
              }}
            >
              {heading}
            </h1>
            <div style={{ opacity: 0.75, marginTop: 4 }}>{t('publicPortal.subtitle')}</div>
          </div>
          <div
            style={{
              display: 'flex',
              alignItems: 'center',
              gap: 16,
              ...(phone && { width: '100%', justifyContent: 'flex-end' }),
            }}
          >
            <LanguageSwitch />
            <Link to="/login" style={{ color: 'rgba(255,255,255,0.85)', whiteSpace: 'nowrap' }}>
              {t('publicPortal.signIn')}
            </Link>
          </div>
        </div>
      </header>

      <main
        style={{
          // 1180 wide inside the padding, and never wider than the screen
          boxSizing: 'border-box',
          maxWidth: 1180 + 2 * gutter,
          width: '100%',
          margin: phone ? '-40px auto 0' : '-48px auto 0',
          padding: `0 ${gutter}px`,
          flex: 1,
        }}
      >
        <Card
          style={{ boxShadow: '0 6px 24px rgba(12,42,85,0.12)' }}
          styles={phone ? { body: { padding: 12 } } : undefined}
        >
          <Input.Search
            size="large"
            allowClear
            maxLength={50}
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('publicPortal.search')}
            enterButton={t('publicPortal.searchButton')}
            onSearch={(v) => go({ q: v.trim(), page: 1 })}
          />
          {list.error && <Alert type="error" showIcon style={{ marginTop: 16 }} title={list.error.message} />}
          <Typography.Paragraph type="secondary" style={{ margin: '16px 0 8px' }}>
            {t('publicPortal.total', { total: list.data?.total ?? 0 })}
          </Typography.Paragraph>
          <ResponsiveTable<PublicPublicityItem>
            rowKey="id"
            cardTitle="docNo"
            cardExtra="category"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items}
            scroll={{ x: 960 }}
            locale={{ emptyText: <Empty description={t('publicPortal.empty')} /> }}
            onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              onChange: (p) => go({ page: p }),
            }}
            columns={[
              {
                title: t('publicPortal.col.docNo'),
                dataIndex: 'docNo',
                width: 290,
              },
              {
                title: t('publicPortal.col.object'),
                key: 'object',
                width: 220,
                render: (_, r) => <ObjectLabel object={r.object} withheld={r.objectWithheld} />,
              },
              {
                title: t('publicPortal.col.category'),
                dataIndex: 'category',
                width: 150,
                render: (c: PublicPublicityItem['category']) => (
                  <Tag color={c === 'penalty' ? 'blue' : 'default'}>{categoryName(c)}</Tag>
                ),
              },
              {
                title: t('publicPortal.col.conclusion'),
                key: 'conclusion',
                render: (_, r) => conclusionOf(r),
              },
              { title: t('publicPortal.col.decidedOn'), dataIndex: 'decidedOn', width: 110 },
              {
                title: t('publicPortal.col.actions'),
                key: 'actions',
                width: 80,
                render: (_, r) => (
                  <Button type="link" size="small" onClick={() => setOpen(r)}>
                    {t('publicPortal.view')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      </main>

      <footer style={{ textAlign: 'center', color: 'rgba(0,0,0,0.45)', fontSize: 12, padding: '24px' }}>
        <div style={{ maxWidth: 900, margin: '0 auto', lineHeight: 1.8 }}>{t('publicPortal.note')}</div>
        {authority && <div style={{ marginTop: 4 }}>© {authority}</div>}
      </footer>

      <Modal
        open={!!open}
        title={t('publicPortal.detail')}
        width={760}
        onCancel={() => setOpen(null)}
        footer={<Button onClick={() => setOpen(null)}>{t('common.close')}</Button>}
      >
        {open && <PublicityView content={open} publishedAt={open.publishedAt} />}
      </Modal>
    </div>
  );
}
