import { Alert, Col, Flex, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBuildings } from '../../api/buildings';
import { useProjectScope } from '../../layout/ProjectScope';
import { PageHeader } from '../../shared/PageHeader';
import { BuildingList } from './BuildingList';
import { HouseholdTable } from './HouseholdTable';

/** Buildings belong to one project, so this page needs a single project chosen in the header. */
export function BuildingsPage() {
  const { t } = useTranslation();
  const { projectId, projects, setChoice } = useProjectScope();
  // Remember the building per project so switching projects never filters by a foreign building.
  const [selection, setSelection] = useState<{ projectId: string; buildingId: string } | null>(null);
  const buildings = useBuildings(projectId);
  const selectedBuildingId = selection && selection.projectId === projectId ? selection.buildingId : undefined;

  if (!projectId) {
    return (
      <>
        <PageHeader title={t('buildings.title')} />
        <Alert
          type="info"
          showIcon
          title={t('common.pickProjectFirst')}
          action={
            <Select
              placeholder={t('shell.projectSwitcher')}
              options={projects.map((project) => ({ value: project.id, label: project.name }))}
              onChange={setChoice}
              style={{ width: 200 }}
              data-testid="buildings-project-picker"
            />
          }
        />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('buildings.title')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={7} xxl={6}>
          <BuildingList
            projectId={projectId}
            buildings={buildings.data ?? []}
            loading={buildings.isPending}
            selectedId={selectedBuildingId}
            onSelect={(buildingId) => setSelection(buildingId ? { projectId, buildingId } : null)}
          />
        </Col>
        <Col xs={24} lg={17} xxl={18}>
          <Flex vertical gap={12}>
            <HouseholdTable projectId={projectId} buildings={buildings.data ?? []} buildingId={selectedBuildingId} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}
