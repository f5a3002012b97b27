import {
  Card,
  Descriptions,
  Empty,
  Flex,
  Pagination,
  Spin,
  Table,
  type TableColumnGroupType,
  type TableColumnType,
  type TableProps,
} from 'antd';
import { type Key, type ReactNode, useState } from 'react';
import { usePhone } from './responsive.tsx';

export interface ResponsiveTableProps<T> extends TableProps<T> {
  /** On a phone, the column (its `key` or `dataIndex`) whose cell heads each card. */
  cardTitle?: string;
  /** On a phone, a column shown at the right of the card's head (a status tag, say). */
  cardExtra?: string;
}

/** The column of row actions, drawn at the foot of each card. */
const ACTIONS = 'actions';

type Column<T> = TableColumnType<T>;

const columnKey = <T,>(c: Column<T>, i: number): string =>
  c.key != null
    ? String(c.key)
    : Array.isArray(c.dataIndex)
      ? c.dataIndex.join('.')
      : c.dataIndex != null
        ? String(c.dataIndex)
        : String(i);

const valueAt = (record: object, dataIndex: Column<object>['dataIndex']): unknown => {
  if (dataIndex == null) return undefined;
  const path = Array.isArray(dataIndex) ? dataIndex : [dataIndex];
  return path.reduce<unknown>(
    (v, k) => (v == null ? undefined : (v as Record<string | number, unknown>)[k as string | number]),
    record,
  );
};

/** A cell as the table would draw it: its `render`, or the plain value. */
function cell<T extends object>(c: Column<T>, record: T, index: number): ReactNode {
  const value = valueAt(record, c.dataIndex as Column<object>['dataIndex']);
  if (!c.render) return value as ReactNode;
  const out = c.render(value, record, index);
  // a render may return { children, props } to span cells; a card has only the children
  return out && typeof out === 'object' && 'children' in out && !('$$typeof' in out)
    ? (out.children as ReactNode)
    : (out as ReactNode);
}

const leafColumns = <T,>(columns: TableProps<T>['columns'] = []): Column<T>[] =>
  columns.flatMap((c) =>
    'children' in c ? leafColumns((c as TableColumnGroupType<T>).children) : c.hidden ? [] : [c as Column<T>],
  );

/**
 * A table on a desktop; on a phone the same rows as a list of cards, one field a line, so that
 * nothing needs sideways scrolling. Pages declare their columns once: each card is headed by
 * `cardTitle` (and `cardExtra`), the other columns become labelled lines and the `actions`
 * column sits at the card's foot. Rows keep their order (column sorters are for the table);
 * pagination, loading, the empty text, row clicks and expanded content carry over.
 */
export function ResponsiveTable<T extends object>(props: ResponsiveTableProps<T>) {
  const { cardTitle, cardExtra, ...table } = props;
  const phone = usePhone();
  if (!phone) return <Table<T> {...table} />;
  return <CardList<T> {...props} />;
}

function CardList<T extends object>({
  cardTitle,
  cardExtra,
  columns,
  dataSource = [],
  rowKey = 'key',
  loading,
  pagination,
  locale,
  onRow,
  expandable,
}: ResponsiveTableProps<T>) {
  const [localPage, setLocalPage] = useState(1);
  const leaves = leafColumns(columns).map((c, i) => ({ c, key: columnKey(c, i) }));
  const find = (k: string | undefined) => (k ? leaves.find((l) => l.key === k)?.c : undefined);
  const titleColumn = find(cardTitle);
  const extraColumn = find(cardExtra);
  const actionsColumn = find(ACTIONS);
  const fields = leaves.filter((l) => ![cardTitle, cardExtra, ACTIONS].includes(l.key));

  // the table's own paging rule: rows beyond one page are paged here, fewer are the server's page
  const paging = pagination === false ? null : (pagination ?? {});
  const pageSize = paging?.pageSize ?? paging?.defaultPageSize ?? 10;
  const current = paging?.current ?? localPage;
  const total = paging?.total ?? dataSource.length;
  const rows =
    paging && dataSource.length >= total
      ? dataSource.slice((current - 1) * pageSize, current * pageSize)
      : dataSource;
  const offset = paging && dataSource.length >= total ? (current - 1) * pageSize : 0;

  const keyOf = (r: T, i: number): Key =>
    typeof rowKey === 'function' ? rowKey(r, i) : ((r as Record<string, unknown>)[rowKey as string] as Key);
  const spin = typeof loading === 'object' ? loading : { spinning: !!loading };
  const empty =
    typeof locale?.emptyText === 'function' ? locale.emptyText() : (locale?.emptyText ?? undefined);

  return (
    <Spin {...spin}>
      <Flex vertical gap={12} className="fz-card-list">
        {rows.length === 0 &&
          (spin.spinning ? (
            <div style={{ minHeight: 120 }} />
          ) : (
            (empty ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />)
          ))}
        {rows.map((r, n) => {
          const i = offset + n;
          const row = onRow?.(r, i);
          // a double click opens a row on a desktop; on a phone that is a tap
          const open = row?.onClick ?? row?.onDoubleClick;
          const expanded =
            expandable?.expandedRowRender && expandable.rowExpandable?.(r) !== false
              ? expandable.expandedRowRender(r, i, 0, true)
              : null;
          return (
            <Card key={keyOf(r, i)} size="small" className="fz-card-row" hoverable={!!open} onClick={open}>
              {(titleColumn || extraColumn) && (
                <Flex justify="space-between" align="flex-start" gap={8} style={{ marginBottom: 8 }}>
                  <div className="fz-card-title">{titleColumn && cell(titleColumn, r, i)}</div>
                  {extraColumn && <span style={{ flex: 'none' }}>{cell(extraColumn, r, i)}</span>}
                </Flex>
              )}
              <Descriptions
                size="small"
                column={1}
                items={fields.map(({ c, key }) => ({
                  key,
                  label: typeof c.title === 'function' ? null : c.title,
                  children: cell(c, r, i),
                }))}
              />
              {expanded && <div style={{ marginTop: 8 }}>{expanded}</div>}
              {actionsColumn && (
                <Flex justify="flex-end" wrap className="fz-card-actions">
                  {cell(actionsColumn, r, i)}
                </Flex>
              )}
            </Card>
          );
        })}
        {paging && total > pageSize && (
          <Flex justify="center">
            <Pagination
              simple
              current={current}
              pageSize={pageSize}
              total={total}
              onChange={(p, size) => {
                setLocalPage(p);
                paging.onChange?.(p, size);
              }}
            />
          </Flex>
        )}
      </Flex>
    </Spin>
  );
}
