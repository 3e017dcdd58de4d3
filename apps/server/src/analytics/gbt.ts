/**
 * The GB/T 45698-2025 score (issue 16 §5) of a wave of the built-in GB/T questionnaire: per project
 * the weighted index of its answers over the GB/T indicator tree (0–100, the standard's weighted
 * sum on a 100-point scale), and the company's as the projects' scores weighted by contract value
 * (@manyi/core gbt-45698.ts says which parts follow the standard and which are assumptions).
 * One rollup read per project: fine for hundreds of projects, a rollup of its own before thousands.
 */
import { analyseTally, contractWeightedScore, gbt45698Tree, localText } from '@manyi/core';
import type { gbtScoreView } from '@manyi/contracts/analytics';
import type { z } from 'zod';
import type { Context } from '../http/context';
import { HttpProblem, notFound } from '../http/problem';
import { requirePermission } from '../policy/policy';
import { tallyFromRows } from '../results/cells';
import { campaignSurvey, readRollup } from '../results/repository';
import { campaignProjectResponses, campaignsWithResults, contractValues, projectsOf } from './repository';

type View = z.infer<typeof gbtScoreView>;

const isGbtTree = (codes: readonly string[]) => gbt45698Tree.roots.every((root) => codes.includes(root.code));

export async function gbtScore(context: Context, campaignId: string | undefined): Promise<View> {
  requirePermission(context.principal, 'analytics.read');
  const tenantId = context.principal.tenantId;
  const scope = context.principal.projectIds;
  // The newest wave in scope whose questionnaire measures the GB/T tree, unless one is named.
  const candidates = await campaignsWithResults(context.db, { tenantId, projectIds: scope }, 20);
  let survey = null;
  for (const candidate of candidates) {
    if (campaignId && candidate.id !== campaignId) continue;
    const found = await campaignSurvey(context.db, tenantId, candidate.id);
    if (found?.tree && isGbtTree(found.tree.map((root) => root.code))) {
      survey = found;
      break;
    }
    if (campaignId)
      throw new HttpProblem(422, 'validation', {
        'zh-CN': '该调查未使用 GB/T 45698 指标体系',
        'en-US': 'This wave does not use the GB/T 45698 indicator system',
      });
  }
  if (campaignId && !survey) throw notFound();
  const empty: View = { campaign: null, company: { score: null, weighting: 'equal', projects: 0 }, projects: [], dimensions: [] };
  if (!survey) return empty;
  const [responses, names, values] = await Promise.all([
    campaignProjectResponses(context.db, tenantId, survey.campaignId, scope),
    projectsOf(context.db, tenantId, scope),
    contractValues(context.db, tenantId),
  ]);
  const analyse = async (projectIds: string[] | null) => {
    const rollup = await readRollup(context.db, { tenantId, campaignId: survey.campaignId, projectIds, buildingId: undefined });
    return analyseTally(survey.definition, tallyFromRows(survey.definition, survey.tree, rollup.responses, rollup.counts, rollup.moments), survey.tree)
      .weightedIndex;
  };
  const projects = [];
  for (const project of names) {
    const count = responses.get(project.id) ?? 0;
    if (count === 0) continue;
    projects.push({
      projectId: project.id,
      name: project.name,
      score: (await analyse([project.id]))?.index ?? null,
      responses: count,
      contractValue: values.get(project.id) ?? null,
    });
  }
  const whole = await analyse(scope);
  return {
    campaign: { id: survey.campaignId, name: survey.name },
    company: contractWeightedScore(projects),
    projects,
    dimensions: gbt45698Tree.roots.map((root) => ({
      code: root.code,
      name: localText(root.name, 'zh-CN'),
      weight: root.weight,
      score: whole?.nodes.find((node) => node.id === root.code)?.index ?? null,
    })),
  };
}
