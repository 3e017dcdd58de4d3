import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Flex, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { reportFileUrl, useReports, useRequestReport, type ReportJob } from '../../api/analytics';
import { useMe } from '../../api/auth';
import { useProjectScope } from '../../layout/ProjectScope';
import { formatDateTime } from '../../shared/time';

const statusColours: Record<ReportJob['status'], string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' };

/**
 * Generated reports (issue 16 §6): the weekly report of each project and the company's monthly
 * report, made on their schedule or when asked here, with their progress while they are made and
 * their files to download. The link the group bots carry opens this tab with the report marked.
 */
export function ReportsTab() {
  const { t } = useTranslation();
  const reports = useReports();
  const request = useRequestReport();
  const { projects } = useProjectScope();
  const companyWide = useMe().data?.abilities.allProjects ?? false;
  const [params] = useSearchParams();
  const marked = params.get('report');
  const [projectId, setProjectId] = useState<string | undefined>(projects[0]?.id);
  const [week, setWeek] = useState<Dayjs | null>(null);
  const [month, setMonth] = useState<Dayjs | null>(null);

  const columns: ColumnsType<ReportJob> = [
    { title: t('analytics.reports.period'), dataIndex: 'period', width: 110 },
    {
      title: t('analytics.reports.project'),
      key: 'kind',
      render: (_, row) => (
        <Space size={4}>
          <Tag>{t(`analytics.reports.kind.${row.kind}`)}</Tag>
          {row.kind === 'weekly' ? row.projectName : t('analytics.company')}
        </Space>
      ),
    },
    {
      title: t('analytics.reports.status'),
      key: 'status',
      width: 220,
      render: (_, row) =>
        row.status === 'running' || row.status === 'queued' ? (
          <Flex vertical gap={0}>
            <Progress percent={row.progress} size="small" status="active" data-testid="report-progress" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(`analytics.reports.statuses.${row.status}`)} · {t(`analytics.reports.steps.${row.step}`, { defaultValue: row.step })}
            </Typography.Text>
          </Flex>
        ) : (
          <Space size={4} wrap>
            <Tag color={statusColours[row.status]} data-testid="report-status">
              {t(`analytics.reports.statuses.${row.status}`)}
            </Tag>
            {row.empty ? <Tag color="warning">{t('analytics.reports.empty')}</Tag> : null}
            {row.failure ? <Typography.Text type="danger">{row.failure}</Typography.Text> : null}
          </Space>
        ),
    },
    {
      title: t('analytics.reports.by'),
      key: 'by',
      width: 150,
      render: (_, row) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {row.requestedBy ? t('analytics.reports.onDemand') : t('analytics.reports.scheduled')}
          <br />
          {formatDateTime(row.finishedAt ?? row.createdAt)}
        </Typography.Text>
      ),
    },
    {
      title: t('analytics.reports.download'),
      key: 'download',
      width: 180,
      render: (_, row) =>
        row.status === 'done' ? (
          <Space size={4}>
            <Button size="small" icon={<FilePdfOutlined />} href={reportFileUrl(row.id, 'pdf')} download data-testid="report-download-pdf">
              PDF
            </Button>
            <Button size="small" icon={<FileExcelOutlined />} href={reportFileUrl(row.id, 'xlsx')} download>
              Excel
            </Button>
          </Space>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={12} data-testid="reports-tab">
      <Alert type="info" showIcon message={t('analytics.reports.hint')} />
      <Card size="small">
        <Flex gap={8} wrap align="center">
          <Select
            value={projectId}
            onChange={setProjectId}
            options={projects.map((project) => ({ value: project.id, label: project.name }))}
            style={{ width: 200 }}
            placeholder={t('analytics.reports.project')}
            data-testid="report-project"
          />
          <DatePicker picker="week" value={week} onChange={setWeek} placeholder={t('analytics.reports.weekOf')} />
          <Button
            type="primary"
            disabled={!projectId}
            loading={request.isPending}
            onClick={() => projectId && request.mutate({ kind: 'weekly', projectId, period: week ? week.format('YYYY-MM-DD') : undefined })}
            data-testid="report-generate-weekly"
          >
            {t('analytics.reports.generateWeekly')}
          </Button>
          {companyWide ? (
            <>
              <DatePicker picker="month" value={month} onChange={setMonth} placeholder={t('analytics.reports.month')} />
              <Button
                loading={request.isPending}
                onClick={() => request.mutate({ kind: 'monthly', period: month ? month.format('YYYY-MM') : undefined })}
                data-testid="report-generate-monthly"
              >
                {t('analytics.reports.generateMonthly')}
              </Button>
            </>
          ) : null}
        </Flex>
      </Card>
      <Card size="small" title={t('analytics.reports.list')}>
        <Table<ReportJob>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={reports.data?.items ?? []}
          loading={reports.isLoading}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: true }}
          rowClassName={(row) => (row.id === marked ? 'ant-table-row-selected' : '')}
          locale={{ emptyText: t('analytics.reports.none') }}
          data-testid="reports-table"
        />
      </Card>
    </Flex>
  );
}
