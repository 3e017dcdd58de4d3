import { useOwnerCategories } from '../../api/owner-tickets';
import { useVocabulary } from '../../i18n/vocabulary';
import { OwnerCard } from '../OwnerCard';
import { useOwnerTexts } from '../texts';
import { Button, Text } from '../ui';

type OwnerCategoryChooserProps = { value: string | null; onChange: (code: string | null) => void };

const grid = { display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: 8 } as const;

/**
 * What the problem is about, in two taps: a group (工程, 环境 …), then, optionally, the item within
 * it. Large buttons rather than a cascader: thumbs on a phone, and no extra download.
 */
export function OwnerCategoryChooser({ value, onChange }: OwnerCategoryChooserProps) {
  const t = useOwnerTexts();
  const { text } = useVocabulary();
  const tree = useOwnerCategories();
  const groups = (tree.data?.items ?? []).filter((node) => node.active);
  if (groups.length === 0) return null;
  const group = groups.find((node) => value !== null && (value === node.code || value.startsWith(`${node.code}.`)));
  const children = (group?.children ?? []).filter((node) => node.active);
  const button = (code: string, name: string, selected: boolean, onClick: () => void, testId: string) => (
    <Button
      key={code}
      type={selected ? 'primary' : 'default'}
      size="large"
      block
      onClick={onClick}
      aria-pressed={selected}
      style={{ height: 48, fontSize: 15, paddingInline: 4 }}
      data-testid={testId}
    >
      <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{name}</span>
    </Button>
  );
  return (
    <OwnerCard padding={16} data-testid="owner-category">
      <Text strong block style={{ fontSize: 16, marginBottom: 12 }}>
        {t('ownerTickets.categoryQuestion')}
      </Text>
      <div style={grid}>
        {groups.map((node) =>
          button(
            node.code,
            text(node.name),
            group?.code === node.code,
            () => onChange(group?.code === node.code ? null : node.code),
            `owner-category-${node.code}`,
          ),
        )}
      </div>
      {children.length > 0 ? (
        <>
          <Text type="secondary" block style={{ margin: '12px 0 8px' }}>
            {t('ownerTickets.categoryDetail')}
          </Text>
          <div style={grid}>
            {children.map((node) =>
              button(
                node.code,
                text(node.name),
                value === node.code,
                () => onChange(value === node.code ? (group?.code ?? null) : node.code),
                `owner-category-${node.code}`,
              ),
            )}
          </div>
        </>
      ) : null}
      <Text type="secondary" block style={{ fontSize: 12, marginTop: 8 }}>
        {t('ownerTickets.categoryHint')}
      </Text>
    </OwnerCard>
  );
}
