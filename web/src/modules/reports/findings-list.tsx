/**
 * The consistency checker's findings (一致性检查): kind, message and the quoted passages of the
 * report, each quote highlighted so the reader finds it in the text.
 */
import { Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n/index.ts';
import { FindingKindTag } from './tags.tsx';
import type { Finding } from './types.ts';

export function findingCounts(findings: Finding[]) {
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity !== 'error').length,
  };
}

/** Each quote with its line when the checker located it; keyed by where it stands. */
const quotesOf = (f: Finding) =>
  f.excerpts.map((text, j) => {
    const at = f.locations?.[j];
    return { text, line: at?.line, key: `${at?.start ?? j}:${text}` };
  });

export function FindingsList({ findings }: { findings: Finding[] }) {
  const { t } = useTranslation();
  const en = currentLanguage() === 'en-US';
  if (findings.length === 0) return <Empty description={t('reports.check.none')} />;
  return (
    <List<Finding>
      size="small"
      dataSource={findings}
      renderItem={(f) => (
        <List.Item data-finding={f.kind}>
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <Space wrap>
              <FindingKindTag finding={f} />
              <Tag>{t(`reports.severity.${f.severity}`)}</Tag>
              <Typography.Text>{en ? f.messageEn || f.message : f.message}</Typography.Text>
            </Space>
            {f.arithmetic && (
              <Typography.Text type="secondary" code>
                {f.arithmetic}
              </Typography.Text>
            )}
            {quotesOf(f).map((x) => (
              <blockquote
                key={x.key}
                style={{ margin: 0, paddingLeft: 12, borderLeft: '3px solid #d9d9d9', color: '#555' }}
              >
                {x.line !== undefined && (
                  <Typography.Text type="secondary" style={{ marginRight: 8 }}>
                    {t('reports.check.line', { line: x.line })}
                  </Typography.Text>
                )}
                <mark style={{ background: '#fff1b8', padding: '0 2px' }}>{x.text}</mark>
              </blockquote>
            ))}
          </Space>
        </List.Item>
      )}
    />
  );
}
