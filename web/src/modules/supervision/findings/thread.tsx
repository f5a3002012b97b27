import { PaperClipOutlined } from '@ant-design/icons';
import type { FindingDetailResponse, FindingEventKind, FindingFileResponse } from '@fazhi/common';
import { Button, Empty, Space, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../../app/api.ts';
import { useAction } from '../../../app/ui/action.ts';
import { formatDateTime } from '../../../app/ui/format.ts';
import { FINDINGS_PATH, formatSize } from '../api.ts';
import { eventName } from '../names.ts';

/** Red for the problem, blue for the unit's answers, green when closed, grey for the rest. */
const COLOR: Record<FindingEventKind, string> = {
  raised: 'red',
  reopened: 'red',
  answered: 'blue',
  returned: 'orange',
  corrected: 'green',
  resolved: 'green',
  dismissed: 'gray',
  supervised: 'purple',
  confirmed: 'red',
};

/** 整改过程: what happened to the finding, oldest first, with the evidence of each answer. */
export function Thread({ f }: { f: FindingDetailResponse }) {
  const { t } = useTranslation();
  const download = useAction((file: FindingFileResponse) =>
    api.download(`${FINDINGS_PATH}/${f.id}/files/${file.id}`, undefined, file.fileName),
  );
  if (f.events.length === 0) return <Empty description={t('supervision.finding.noEvents')} />;
  return (
    <Timeline
      items={f.events.map((e) => ({
        key: e.id,
        color: COLOR[e.kind],
        content: (
          <div data-event={e.kind}>
            <Space size="small" wrap>
              <Typography.Text strong>{eventName(e.kind)}</Typography.Text>
              <Typography.Text type="secondary">
                {e.actorName ?? t('supervision.finding.system')} · {formatDateTime(e.at)}
              </Typography.Text>
            </Space>
            {e.note && (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0 0' }}>
                {e.note}
              </Typography.Paragraph>
            )}
            {e.files.length > 0 && (
              <div style={{ marginTop: 4 }}>
                {e.files.map((file) => (
                  <div key={file.id}>
                    <Button
                      type="link"
                      size="small"
                      icon={<PaperClipOutlined />}
                      style={{ paddingInline: 0 }}
                      loading={download.isPending && download.variables?.id === file.id}
                      onClick={() => download.mutate(file)}
                    >
                      {file.fileName}
                    </Button>
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8 }}>
                      {formatSize(file.size)} · SHA-256 {file.sha256.slice(0, 12)}…
                    </Typography.Text>
                  </div>
                ))}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
