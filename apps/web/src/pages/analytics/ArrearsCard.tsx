import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Popconfirm, Row, Space, Statistic, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useArrears, useClearArrears, useImportArrears, type Arrears, type FeeImportResult } from '../../api/analytics';
import { useAbility } from '../../api/auth';
import { ExportTable } from '../../shared/ExportTable';
import { useNotifiedAction } from '../../shared/useNotifiedAction';
import { ArrearsEntryDrawer } from './ArrearsEntryDrawer';
import { fixed, percent } from './format';

type Household = Arrears['households'][number];

/**
 * Households in arrears against their open complaints and ratings (issue 16 §4): which unresolved
 * problems go with unpaid fees; the construction reason's share of the amount owed is seed 002's
 * 施工遗留问题占拖欠费的比率. The quality department imports the list (.xlsx), and between two imports enters,
 * corrects or clears one household (ArrearsEntryDrawer).
 */
export function ArrearsCard() {
  const { t } = useTranslation();
  const arrears = useArrears();
  const importArrears = useImportArrears();
  const canManage = useAbility('analytics.manage');
  const clearArrears = useClearArrears();
  const run = useNotifiedAction();
  const [result, setResult] = useState<FeeImportResult>();
  // undefined: the drawer is closed; null: a new entry; a household: its entry corrected.
  const [editing, setEditing] = useState<Household | null | undefined>(undefined);
  const data = arrears.data;
  const construction = data?.summary.shares.find((share) => share.reason === 'construction');
  const columns = [
    {
      title: t('analytics.arrears.household'),
      dataIndex: 'label',
      render: (label: string, row: Household) => (
        <Link to={`/service-desk?householdId=${row.householdId}&projectId=${row.projectId}`} data-testid="arrears-household-link">
          {label}
        </Link>
      ),
    },
    { title: t('analytics.arrears.amount'), dataIndex: 'amount', render: (value: number) => value.toFixed(2) },
    { title: t('analytics.arrears.months'), dataIndex: 'months' },
    {
      title: t('analytics.arrears.reason'),
      dataIndex: 'reason',
      render: (reason: Household['reason']) => <Tag>{t(`analytics.arrears.reasons.${reason}`)}</Tag>,
    },
    { title: t('analytics.arrears.openComplaints'), dataIndex: 'openComplaints' },
    { title: t('analytics.arrears.openTickets'), dataIndex: 'openTickets' },
    { title: t('analytics.arrears.categories'), dataIndex: 'openCategories', render: (names: string[]) => names.join('、') },
    { title: t('analytics.arrears.rating'), dataIndex: 'meanRating', render: (value: number | null, row: Household) => `${fixed(value)} (n=${row.ratings})` },
    ...(canManage
      ? [
          {
            // No title: the export leaves the buttons out.
            title: '',
            key: 'actions',
            render: (_: unknown, row: Household) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing(row)} data-testid="arrears-edit">
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('analytics.arrears.paidConfirm', { household: row.label })}
                  onConfirm={() => run(() => clearArrears.mutateAsync(row.householdId), 'saved')}
                >
                  <Button type="link" size="small" data-testid="arrears-paid">
                    {t('analytics.arrears.paid')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]
      : []),
  ];
  return (
    <Card size="small" title={t('analytics.arrears.title')} data-testid="arrears-card">
      {data ? (
        <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
          <Col xs={12} md={6}>
            <Statistic title={t('analytics.arrears.households')} value={data.summary.households} />
            <Typography.Text type="secondary">{t('analytics.arrears.total', { amount: data.summary.amount.toFixed(0) })}</Typography.Text>
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('analytics.arrears.constructionShare')} value={percent(construction?.amount)} />
            <Typography.Text type="secondary">{t('analytics.arrears.ofHouseholds', { share: percent(construction?.households) })}</Typography.Text>
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('analytics.arrears.withComplaint')} value={percent(data.summary.withOpenComplaint.arrears)} />
            <Typography.Text type="secondary">{t('analytics.arrears.paying', { value: percent(data.summary.withOpenComplaint.paying) })}</Typography.Text>
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('analytics.arrears.meanRating')} value={fixed(data.summary.meanRating.arrears)} />
            <Typography.Text type="secondary">{t('analytics.arrears.paying', { value: fixed(data.summary.meanRating.paying) })}</Typography.Text>
          </Col>
        </Row>
      ) : null}
      <ExportTable<Household>
        exportName={t('analytics.arrears.title')}
        size="small"
        rowKey="householdId"
        dataSource={data?.households ?? []}
        loading={arrears.isLoading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: true }}
        columns={columns}
        locale={{ emptyText: t('analytics.arrears.none') }}
        data-testid="arrears-table"
      />
      {canManage ? (
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('analytics.arrears.columns')}</Typography.Text>
          <Typography.Text type="secondary">{t('analytics.arrears.entryHint')}</Typography.Text>
          <Space wrap>
            <Upload accept=".xlsx" showUploadList={false} customRequest={({ file }) => importArrears.mutate(file as File, { onSuccess: setResult })}>
              <Button icon={<UploadOutlined />} loading={importArrears.isPending} data-testid="arrears-upload">
                {t('analytics.fees.upload')}
              </Button>
            </Upload>
            <Button icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="arrears-enter">
              {t('analytics.arrears.enter')}
            </Button>
          </Space>
          {result ? (
            <Alert
              type={result.errors.length ? 'warning' : 'success'}
              showIcon
              message={t('analytics.fees.result', { inserted: result.inserted, updated: result.updated, refused: result.errors.length })}
              description={
                result.errors.length ? result.errors.map((error) => `${error.row}: ${error.messages['zh-CN']}（${error.value}）`).join('；') : undefined
              }
            />
          ) : null}
        </Flex>
      ) : null}
      {canManage ? <ArrearsEntryDrawer open={editing !== undefined} household={editing ?? undefined} onClose={() => setEditing(undefined)} /> : null}
    </Card>
  );
}
