import { Alert, Button, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTextCheck } from '../../api/text-qa';
import { useVocabulary } from '../../i18n/vocabulary';

/**
 * The red-line check while a steward writes to an owner (seed 001 消极沟通5大红线): each finding with the words,
 * which red line and why, and a warm rewrite (温度技巧, facts kept) the steward can take with one click.
 */
export function RedLineHint({ text, enabled, onTakeRewrite }: { text: string; enabled: boolean; onTakeRewrite: (rewrite: string) => void }) {
  const { t } = useTranslation();
  const { text: label } = useVocabulary();
  const check = useTextCheck(text, enabled);
  if (!enabled || !text.trim() || !check.data) return null;
  const result = check.data;
  if (result.findings.length === 0)
    return (
      <Typography.Text type="success" data-testid="redline-clear">
        {t('textQa.hint.clear', { score: result.score })}
      </Typography.Text>
    );
  return (
    <Alert
      type={result.autoFail ? 'error' : 'warning'}
      showIcon
      data-testid="redline-hint"
      message={t('textQa.hint.title', { score: result.score })}
      description={
        <Flex vertical gap={6}>
          {result.findings.map((finding) => (
            <div key={`${finding.ruleId}-${finding.start}`} data-testid="redline-finding">
              <Tag color="red">{label(finding.redLineName)}</Tag>
              <Typography.Text mark>{finding.excerpt}</Typography.Text>
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {label(finding.why)}
              </Typography.Text>
            </div>
          ))}
          {result.rewrite && (
            <Flex vertical gap={4}>
              <Typography.Text strong>{t('textQa.hint.rewrite')}</Typography.Text>
              <Typography.Paragraph style={{ marginBottom: 0 }} data-testid="redline-rewrite">
                {result.rewrite.text}
              </Typography.Paragraph>
              <Button
                size="small"
                type="primary"
                ghost
                style={{ alignSelf: 'flex-start' }}
                onClick={() => onTakeRewrite(result.rewrite!.text)}
                data-testid="redline-take-rewrite"
              >
                {t('textQa.hint.take')}
              </Button>
            </Flex>
          )}
        </Flex>
      }
    />
  );
}
