import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, type FormInstance, Input, Popconfirm, Select, Space, Tooltip } from 'antd';
import type { ReactNode, RefObject, SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** Where the figure picker inserts: the block, its field and the selection in it. */
export interface Cursor {
  index: number;
  field: 'heading' | 'text';
  start: number;
  end: number;
}

/** How a reference looks; passed as a value, since i18next reads braces in messages itself. */
export const EXAMPLE = '{{metric.id}}';
const LEVELS = [1, 2, 3, 0] as const;
const newId = () => `b${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

/**
 * The report's blocks, each with its level, heading and text. The field last touched is
 * remembered with its selection, so 插入 puts the figure where the user was typing.
 */
export function BlockFields({
  form,
  active,
  setActive,
  cursor,
  below,
}: {
  // biome-ignore lint/suspicious/noExplicitAny: the parent form's value type does not matter here
  form: FormInstance<any>;
  active: number;
  setActive: (i: number) => void;
  cursor: RefObject<Cursor | null>;
  /** Shown under a block's text (its flags: paragraphs telling another year's events). */
  below?: (index: number) => ReactNode;
}) {
  const { t } = useTranslation();
  const track =
    (index: number, field: Cursor['field']) =>
    (e: SyntheticEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      const el = e.currentTarget;
      cursor.current = { index, field, start: el.selectionStart ?? -1, end: el.selectionEnd ?? -1 };
      if (index !== active) setActive(index);
    };
  return (
    <Form.List name="blocks">
      {(fields, { add, remove, move }) => (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {fields.map((f, i) => (
            <Card
              key={f.key}
              size="small"
              data-block-index={i}
              style={{ borderColor: i === active ? '#1d4f91' : undefined }}
              onClick={() => i !== active && setActive(i)}
              title={
                <Space>
                  <span>#{i + 1}</span>
                  <Form.Item name={[f.name, 'level']} noStyle>
                    <Select
                      size="small"
                      style={{ width: 150 }}
                      aria-label={t('reports.editor.level')}
                      options={LEVELS.map((l) => ({ value: l, label: t(`reports.editor.levels.${l}`) }))}
                    />
                  </Form.Item>
                </Space>
              }
              extra={
                <Space size={2}>
                  <Tooltip title={t('reports.editor.moveUp')}>
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowUpOutlined />}
                      disabled={i === 0}
                      onClick={() => move(i, i - 1)}
                    />
                  </Tooltip>
                  <Tooltip title={t('reports.editor.moveDown')}>
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowDownOutlined />}
                      disabled={i === fields.length - 1}
                      onClick={() => move(i, i + 1)}
                    />
                  </Tooltip>
                  <Tooltip title={t('reports.editor.addAfter')}>
                    <Button
                      size="small"
                      type="text"
                      icon={<PlusOutlined />}
                      onClick={() => {
                        add({ id: newId(), level: 0, heading: '', text: '' }, i + 1);
                        setActive(i + 1);
                      }}
                    />
                  </Tooltip>
                  <Popconfirm
                    title={t('reports.editor.removeConfirm')}
                    onConfirm={() => {
                      remove(i);
                      cursor.current = null;
                      setActive(Math.max(0, Math.min(active, fields.length - 2)));
                    }}
                  >
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      disabled={fields.length === 1}
                    />
                  </Popconfirm>
                </Space>
              }
            >
              <Form.Item name={[f.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Form.Item
                name={[f.name, 'heading']}
                label={t('reports.editor.heading')}
                style={{ marginBottom: 8 }}
              >
                <Input
                  maxLength={200}
                  onSelect={track(i, 'heading')}
                  onKeyUp={track(i, 'heading')}
                  onClick={track(i, 'heading')}
                />
              </Form.Item>
              <Form.Item
                name={[f.name, 'text']}
                label={t('reports.editor.text', { example: EXAMPLE })}
                style={{ marginBottom: 0 }}
              >
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 14 }}
                  onSelect={track(i, 'text')}
                  onKeyUp={track(i, 'text')}
                  onClick={track(i, 'text')}
                />
              </Form.Item>
              {below?.(i)}
            </Card>
          ))}
          <Button
            block
            type="dashed"
            icon={<PlusOutlined />}
            onClick={() => {
              add({ id: newId(), level: 0, heading: '', text: '' });
              setActive(fields.length);
              form.scrollToField(['blocks', fields.length, 'text']);
            }}
          >
            {t('reports.editor.addBlock')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
