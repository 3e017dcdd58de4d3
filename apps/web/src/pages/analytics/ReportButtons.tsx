import { FilePdfOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { monthlyReportUrl, weeklyReportUrl } from '../../api/analytics';

/** The weekly report of a project (周例会) or the company's monthly report, as PDF and .xlsx. */
export function ReportButtons({ projectId, month }: { projectId?: string | undefined; month?: string | undefined }) {
  const { t } = useTranslation();
  const url = (format: 'pdf' | 'xlsx') => (projectId ? weeklyReportUrl(projectId, format) : monthlyReportUrl(month, format));
  const kind = projectId ? 'weekly' : 'monthly';
  return (
    <>
      <Button icon={<FilePdfOutlined />} href={url('pdf')} download data-testid={`${kind}-report-pdf`}>
        {t(`analytics.reports.${kind}Pdf`)}
      </Button>
      <Button icon={<FileExcelOutlined />} href={url('xlsx')} download data-testid={`${kind}-report-xlsx`}>
        {t(`analytics.reports.${kind}Xlsx`)}
      </Button>
    </>
  );
}
