import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../../app/api.ts';
import { useMe } from '../../../app/auth.tsx';

/** Copies text; falls back to a hidden textarea where the Clipboard API is unavailable (plain http). */
export async function copyText(text: string) {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
  const area = document.createElement('textarea');
  area.value = text;
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  document.execCommand('copy');
  area.remove();
}

/** Recovery codes, shown once: to copy or save as a .txt file. */
export function RecoveryCodes({ codes, username }: { codes: string[]; username?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const text = [
    t('account.codesFileHeader', { user: username ?? '' }),
    t('account.codesFileHint'),
    '',
    ...codes,
    '',
  ].join('\r\n');
  return (
    <div data-testid="recovery-codes">
      <Alert type="warning" showIcon title={t('account.codesOnce')} description={t('account.codesHint')} />
      <div className="fz-codes">
        {codes.map((c) => (
          <span key={c}>{c}</span>
        ))}
      </div>
      <Space>
        <Button
          icon={<CopyOutlined />}
          onClick={async () => {
            await copyText(codes.join('\n'));
            message.success(t('common.copied'));
          }}
        >
          {t('common.copy')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            saveBlob(
              new Blob([text], { type: 'text/plain;charset=utf-8' }),
              `fazhi-recovery-codes-${username ?? 'user'}.txt`,
            )
          }
        >
          {t('account.downloadTxt')}
        </Button>
      </Space>
    </div>
  );
}

/** The same, for a signed-in user (takes the username from the session). */
export function MyRecoveryCodes({ codes }: { codes: string[] }) {
  const me = useMe();
  return <RecoveryCodes codes={codes} username={me.username} />;
}
