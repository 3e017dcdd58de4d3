import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { staffPosts, type IndicatorTreeNode, type StaffPost } from '@manyi/core';
import { Alert, Button, Input, InputNumber, Select, Space, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../../i18n/vocabulary';
import { fieldOf, levelSum, newNode, sumIsValid, updateAt, type NodePath } from './tree-edit';

type Row = { key: string; path: NodePath; node: IndicatorTreeNode; children?: Row[] };

const rowsOf = (tree: readonly IndicatorTreeNode[], prefix: NodePath = []): Row[] =>
  tree.map((node, index) => {
    const path = [...prefix, index];
    const children = node.children && node.children.length > 0 ? rowsOf(node.children, path) : undefined;
    return { key: path.join('-'), path, node, ...(children ? { children } : {}) };
  });

/** The live sum of one level; red until it is 100 (validateIndicatorWeights). */
export function LevelSum({ nodes, testId }: { nodes: readonly IndicatorTreeNode[]; testId?: string }) {
  const { t } = useTranslation();
  if (nodes.length === 0) return null;
  return (
    <Tag color={sumIsValid(nodes) ? 'green' : 'red'} data-testid={testId}>
      {t('indicatorSystems.levelSum', { sum: levelSum(nodes) })}
    </Tag>
  );
}

type Props = { tree: IndicatorTreeNode[]; onChange: (tree: IndicatorTreeNode[]) => void; errors: { field: string; message: string }[]; readOnly?: boolean };

/** Dimension → indicator → sub-indicator with weights; each parent shows the sum of its children's weights. */
export function IndicatorTreeEditor({ tree, onChange, errors, readOnly }: Props) {
  const { t } = useTranslation();
  const { options } = useVocabulary();
  const edit = (path: NodePath, patch: Partial<IndicatorTreeNode>) => onChange(updateAt(tree, path, (node) => ({ ...node, ...patch })));
  const errorsAt = (path: NodePath, suffix = '') => errors.filter((error) => error.field === `${fieldOf(path)}${suffix}`).map((error) => error.message);
  const topErrors = errors.filter((error) => error.field === 'tree').map((error) => error.message);

  const columns: ColumnsType<Row> = [
    {
      title: t('indicatorSystems.name'),
      key: 'name',
      width: 270,
      render: (_value, row) => (
        <Space.Compact style={{ display: 'inline-flex', width: 220, verticalAlign: 'middle' }}>
          <Input
            disabled={readOnly}
            placeholder="中文"
            value={row.node.name['zh-CN']}
            onChange={(event) => edit(row.path, { name: { ...row.node.name, 'zh-CN': event.target.value } })}
          />
          <Input
            disabled={readOnly}
            placeholder="English"
            value={row.node.name['en-US'] ?? ''}
            onChange={(event) => edit(row.path, { name: { ...row.node.name, 'en-US': event.target.value } })}
          />
        </Space.Compact>
      ),
    },
    {
      title: t('indicatorSystems.code'),
      key: 'code',
      width: 200,
      render: (_value, row) => {
        const problems = errorsAt(row.path, '.code');
        return (
          <Tooltip title={problems.join('；')}>
            <Input
              disabled={readOnly}
              status={problems.length > 0 ? 'error' : undefined}
              value={row.node.code}
              onChange={(event) => edit(row.path, { code: event.target.value.trim() })}
            />
          </Tooltip>
        );
      },
    },
    {
      title: t('indicatorSystems.post'),
      key: 'post',
      width: 130,
      render: (_value, row) => (
        <Select<StaffPost>
          allowClear
          disabled={readOnly}
          style={{ width: 120 }}
          value={row.node.post}
          options={options(staffPosts)}
          onChange={(post?: StaffPost) => edit(row.path, { post: post ?? undefined })}
        />
      ),
    },
    {
      title: t('indicatorSystems.weight'),
      key: 'weight',
      width: 100,
      render: (_value, row) => (
        <span data-testid={`weight-${row.node.code}`}>
          <InputNumber
            disabled={readOnly}
            min={0}
            max={100}
            value={row.node.weight}
            status={errorsAt(row.path, '.weight').length > 0 ? 'error' : undefined}
            onChange={(weight) => edit(row.path, { weight: weight ?? 0 })}
          />
        </span>
      ),
    },
    {
      title: t('indicatorSystems.childrenSum'),
      key: 'sum',
      width: 240,
      render: (_value, row) => {
        const problems = errorsAt(row.path, '.children');
        return (
          <Space direction="vertical" size={0}>
            <LevelSum nodes={row.node.children ?? []} testId={`sum-${row.node.code}`} />
            {problems.map((problem) => (
              <span key={problem} style={{ color: 'var(--ant-color-error, #ff4d4f)' }}>
                {problem}
              </span>
            ))}
          </Space>
        );
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_value, row) =>
        readOnly ? null : (
          <Space size={0}>
            {row.path.length < 3 && (
              <Tooltip title={t('indicatorSystems.addChild')}>
                <Button
                  type="text"
                  icon={<PlusOutlined />}
                  onClick={() => edit(row.path, { children: [...(row.node.children ?? []), newNode(row.node.children ?? [], row.node)] })}
                />
              </Tooltip>
            )}
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('common.delete')}
              onClick={() => onChange(updateAt(tree, row.path, () => null))}
            />
          </Space>
        ),
    },
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <span>{t('indicatorSystems.topLevel')}</span>
        <LevelSum nodes={tree} testId="sum-top" />
        {!readOnly && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...tree, newNode(tree)])}>
            {t('indicatorSystems.addDimension')}
          </Button>
        )}
      </Space>
      {topErrors.length > 0 && <Alert type="error" showIcon title={topErrors.join('；')} />}
      <Table<Row>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rowsOf(tree)}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        scroll={{ x: 1040 }}
        data-testid="indicator-tree"
      />
    </Space>
  );
}
