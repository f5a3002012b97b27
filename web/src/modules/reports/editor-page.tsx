/**
 * 编辑年度报告: the branch's wording block by block (一、 / （一） / 1. / paragraph), figures only
 * as {{id}} inserted from the catalogue, the block under the cursor previewed with this year's
 * values. Saving sends the version the editor started from; a stale one is refused (409). As the
 * text is typed, paragraphs that tell another year's events are listed under their block (the
 * server's rule, run here); a 成文日期 (signing) waits until each is rewritten or confirmed.
 */
import { ArrowLeftOutlined, HistoryOutlined, SaveOutlined } from '@ant-design/icons';
import {
  type AnnualReportResponse,
  type AnnualReportSaveRequest,
  carryConfirmations,
  type DatedFlag,
  datedFlags,
  type FigureValue,
  metricById,
  openFlags,
  passagesOf,
  renderBlock,
  validateBlocks,
} from '@fazhi/common';
import { useQueryClient } from '@tanstack/react-query';
import {
  Affix,
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Empty,
  Form,
  Input,
  List,
  Row,
  Space,
  Spin,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, api } from '../../app/api.ts';
import { useAction } from '../../app/ui/action.ts';
import { formatDateTime } from '../../app/ui/format.ts';
import { ErrorAlert, Page } from '../../app/ui/page.tsx';
import { REPORTS_KEY, useAnnualReport, useMetrics } from './api.ts';
import { BlockFields, type Cursor, EXAMPLE } from './block-fields.tsx';
import { FlagList, useConfirmFlag } from './dated-flags.tsx';
import { FigurePicker } from './figure-picker.tsx';
import { FIRST_YEAR } from './format.ts';
import { BlockView } from './report-view.tsx';
import type { ReportBlock } from './types.ts';

type Values = Omit<AnnualReportSaveRequest, 'version'>;

function blockPath(field: string): ['blocks', number, Cursor['field']] {
  const [, i, key] = field.split('.');
  return ['blocks', Number(i), key === 'heading' ? 'heading' : 'text'];
}

const dateProps = {
  getValueProps: (v?: string | null) => ({ value: v ? dayjs(v) : undefined }),
  normalize: (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null),
};

export default function EditorPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const year = Number(useParams().year) || FIRST_YEAR;
  const report = useAnnualReport(year);
  const metrics = useMetrics(String(year));
  const [form] = Form.useForm<Values>();
  const [version, setVersion] = useState<number>();
  const [active, setActive] = useState(0);
  const [history, setHistory] = useState(false);
  const cursor = useRef<Cursor | null>(null);
  const d = report.data;
  const [search] = useSearchParams();

  // The form takes the report once; a refetch after saving must not wipe what is being typed.
  useEffect(() => {
    if (d && version === undefined) {
      form.setFieldsValue({ title: d.title, blocks: d.blocks, signature: d.signature, signedOn: d.signedOn });
      setVersion(d.version);
      // Opened from a flag of the preview (去改写): start at its block.
      const at = d.blocks.findIndex((b) => b.id === search.get('block'));
      if (at >= 0) {
        setActive(at);
        setTimeout(() => form.scrollToField(['blocks', at, 'text'], { block: 'center' }));
      }
    }
  }, [d, version, form, search]);

  // The flags of the text as typed, with the confirmations the saved text has for unchanged wording.
  const watched = Form.useWatch('blocks', form) as ReportBlock[] | undefined;
  // Re-reading the whole text waits for a pause in typing, so keystrokes stay immediate.
  const typed = useDeferredValue(watched);
  const flags = useMemo(() => {
    if (!d || !typed) return [];
    const source = d.source && { year: d.source.year, paragraphs: new Set(d.source.paragraphs) };
    return datedFlags(year, carryConfirmations(typed.filter(Boolean), [d.blocks]), source);
  }, [d, typed, year]);
  const open = openFlags(flags);
  const confirmFlag = useConfirmFlag(year, version ?? 0, (r) => setVersion(r.version));
  /** A confirmation binds to saved wording: a paragraph changed since the last save is saved first. */
  const confirmBlocked = (f: DatedFlag) => {
    const saved = d?.saved && d.blocks.find((b) => b.id === f.blockId);
    const same = saved && passagesOf(saved).some((p) => p.field === f.field && p.text === f.text);
    return same ? undefined : t('reports.dated.confirmAfterSave');
  };
  const blockFlags = (i: number) => {
    const id = typed?.[i]?.id;
    const own = flags.filter((f) => f.blockId === id);
    if (!own.length) return null;
    return (
      <div style={{ marginTop: 8 }} data-block-flags={id}>
        <FlagList
          compact
          year={year}
          flags={own}
          blocks={[]}
          onConfirm={(f) => confirmFlag.run(f)}
          confirmBlocked={confirmBlocked}
        />
      </div>
    );
  };

  const values = useMemo(() => {
    const map = new Map<string, FigureValue>();
    for (const m of metrics.data?.items ?? [])
      map.set(m.id, { value: m.value, status: m.status, unit: m.unit });
    return map;
  }, [metrics.data]);
  const activeBlock = Form.useWatch(['blocks', active], form) as ReportBlock | undefined;
  const preview = useMemo(
    () => (activeBlock ? renderBlock(activeBlock, year, values) : undefined),
    [activeBlock, year, values],
  );

  const save = useAction(
    (v: Values) =>
      api.put<AnnualReportResponse>(`/api/reports/annual/${year}`, { ...v, version: version ?? 0 }),
    {
      form,
      success: (r) => t('reports.editor.saved', { version: r.version }),
      invalidate: [REPORTS_KEY],
      onSuccess: (r) => setVersion(r.version),
      onError: (e) => {
        if (!(e instanceof ApiError && e.status === 409)) return false;
        setConflict(e.message || t('reports.editor.conflict'));
        return true;
      },
    },
  );
  const [conflict, setConflict] = useState<string>();

  const submit = async () => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) return;
    const problems = validateBlocks(v.blocks, (id) => !!metricById(id));
    if (problems.length) {
      form.setFields(
        problems.map((p) => ({
          // validateBlocks names blocks.N.heading|text
          name: blockPath(p.field),
          errors: [t(`reports.editor.problem.${p.kind}`, { ref: p.ref, example: EXAMPLE })],
        })),
      );
      return;
    }
    await save.run(v);
  };

  /** {{id}} at the cursor of the field last edited (the active block's text when none). */
  const insert = (id: string) => {
    const at = cursor.current ?? { index: active, field: 'text' as const, start: -1, end: -1 };
    const path: ['blocks', number, Cursor['field']] = ['blocks', at.index, at.field];
    const text = String(form.getFieldValue(path) ?? '');
    const start = at.start < 0 ? text.length : at.start;
    const end = at.end < 0 ? text.length : at.end;
    const ref = `{{${id}}}`;
    form.setFieldValue(path, text.slice(0, start) + ref + text.slice(end));
    cursor.current = { ...at, start: start + ref.length, end: start + ref.length };
    setActive(at.index);
  };

  const reload = () => {
    setConflict(undefined);
    setVersion(undefined);
    void qc.invalidateQueries({ queryKey: REPORTS_KEY });
  };

  return (
    <Page
      title={t('reports.editor.title', { year })}
      extra={
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(`/reports/annual/${year}`)}>
            {t('reports.editor.back')}
          </Button>
          <Button icon={<HistoryOutlined />} onClick={() => setHistory(true)} disabled={!d}>
            {t('reports.editor.history')}
          </Button>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            disabled={!d}
            onClick={submit}
          >
            {t('reports.editor.save')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={report.error} onRetry={() => report.refetch()} />
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('reports.editor.conflictTitle')}
          description={conflict}
          action={<Button onClick={reload}>{t('reports.editor.reload')}</Button>}
        />
      )}
      {d && !d.saved && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            d.source?.kind === 'report'
              ? t('reports.editor.derived', { year: d.source.year })
              : t('reports.editor.template')
          }
        />
      )}
      {open.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="dated-alert"
          title={t('reports.dated.open', { n: open.length })}
          description={t('reports.dated.editorHint')}
        />
      )}
      {report.isPending ? (
        <div className="fz-center" style={{ height: 300 }}>
          <Spin />
        </div>
      ) : (
        <Form form={form} layout="vertical" disabled={!d}>
          <Row gutter={16}>
            <Col xs={24} xl={15}>
              <div className="fz-panel" style={{ marginBottom: 16 }}>
                <Form.Item name="title" label={t('reports.editor.reportTitle')} rules={[{ required: true }]}>
                  <Input maxLength={200} />
                </Form.Item>
                <Space wrap align="start">
                  <Form.Item
                    name="signature"
                    label={t('reports.editor.signature')}
                    rules={[{ required: true }]}
                    style={{ width: 360 }}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item
                    name="signedOn"
                    label={t('reports.editor.signedOn')}
                    extra={t('reports.dated.signedOnHint')}
                    rules={[
                      {
                        validator: (_, v) =>
                          v && open.length
                            ? Promise.reject(new Error(t('reports.dated.signBlocked', { n: open.length })))
                            : Promise.resolve(),
                      },
                    ]}
                    style={{ maxWidth: 360 }}
                    {...dateProps}
                  >
                    <DatePicker />
                  </Form.Item>
                </Space>
              </div>
              <BlockFields
                form={form}
                active={active}
                setActive={setActive}
                cursor={cursor}
                below={blockFlags}
              />
            </Col>
            <Col xs={24} xl={9}>
              <Affix offsetTop={72}>
                <div>
                  <Card size="small" title={t('reports.editor.insertFigure')} style={{ marginBottom: 16 }}>
                    <FigurePicker onInsert={insert} disabled={!d} />
                  </Card>
                  <Card
                    size="small"
                    title={t('reports.editor.preview', { n: active + 1 })}
                    styles={{ body: { maxHeight: 480, overflow: 'auto' } }}
                  >
                    {preview ? (
                      <BlockView block={preview} flags={flags} />
                    ) : (
                      <Empty description={t('reports.editor.noBlock')} />
                    )}
                  </Card>
                </div>
              </Affix>
            </Col>
          </Row>
        </Form>
      )}
      <Drawer open={history} onClose={() => setHistory(false)} size={480} title={t('reports.editor.history')}>
        <List
          dataSource={[...(d?.versions ?? [])].sort((a, b) => b.version - a.version)}
          locale={{ emptyText: t('reports.editor.noHistory') }}
          renderItem={(v) => (
            <List.Item>
              <List.Item.Meta
                title={t('reports.editor.versionN', { n: v.version })}
                description={`${v.actorName ?? '—'} · ${formatDateTime(v.at)}`}
              />
            </List.Item>
          )}
        />
      </Drawer>
    </Page>
  );
}
