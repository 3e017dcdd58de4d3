import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type DiffRow = { key: string; before: unknown; after: unknown; changed: boolean };

function asRecord(value: unknown): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  // A scalar or list snapshot is shown as a single pseudo-field.
  return value === null || value === undefined ? {} : { value };
}

/** Key-by-key comparison of two snapshots; JSON text equality is enough for audit reading. */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const left = asRecord(before);
  const right = asRecord(after);
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  return keys.map((key) => ({
    key,
    before: left[key],
    after: right[key],
    changed: JSON.stringify(left[key]) !== JSON.stringify(right[key]),
  }));
}

function render(value: unknown) {
  if (value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  if (value === null) return <Typography.Text type="secondary">null</Typography.Text>;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return <Typography.Text style={{ overflowWrap: 'anywhere', fontFamily: typeof value === 'string' ? undefined : 'monospace' }}>{text}</Typography.Text>;
}

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const rows = diffRows(before, after);
  if (rows.length === 0) return <Typography.Text type="secondary">{t('audit.noChanges')}</Typography.Text>;
  // Changed keys first: they are what the reader came for.
  const ordered = [...rows.filter((row) => row.changed), ...rows.filter((row) => !row.changed)];
  return (
    <Table<DiffRow>
      size="small"
      bordered
      pagination={false}
      rowKey="key"
      dataSource={ordered}
      rowClassName={(row) => (row.changed ? 'manyi-diff-changed' : '')}
      columns={[
        {
          title: t('audit.field'),
          dataIndex: 'key',
          width: 180,
          render: (key: string, row) =>
            row.changed ? <Typography.Text strong>{key}</Typography.Text> : <Typography.Text type="secondary">{key}</Typography.Text>,
        },
        { title: t('audit.before'), dataIndex: 'before', render },
        { title: t('audit.after'), dataIndex: 'after', render },
      ]}
      data-testid="audit-diff"
    />
  );
}
