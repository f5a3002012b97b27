import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * 暂定: the due date beside it was counted on a year whose holiday notice is not loaded yet, and
 * will be recounted when it is. Shown wherever a statutory due date is shown.
 */
export function ProvisionalTag({ provisional }: { provisional: boolean | undefined }) {
  const { t } = useTranslation();
  if (!provisional) return null;
  return (
    <Tooltip title={t('common.provisionalHint')}>
      <Tag color="gold" style={{ marginInlineStart: 4, marginInlineEnd: 0 }} data-testid="provisional">
        {t('common.provisional')}
      </Tag>
    </Tooltip>
  );
}
