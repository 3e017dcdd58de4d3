import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { staffContext } from '../http/context';
import {
  overviewQuery,
  overviewView,
  projectHomeQuery,
  projectHomeView,
  projectParams,
  rankingQuery,
  rankingView,
  stewardHomeView,
  targetBody,
} from '@manyi/contracts/analytics';
import { overview, projectHome, rankings, setTargets, stewardHome } from './service';

export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['analytics'];
  app.get(
    '/analytics/overview',
    {
      schema: {
        tags,
        summary: 'Company home and its drill-down (company → region → project → building): the scope, its children and trends, from the rollups',
        querystring: overviewQuery,
        response: { 200: overviewView },
      },
    },
    async (request) => overview(staffContext(request), request.query),
  );
  app.get(
    '/analytics/rankings',
    {
      schema: {
        tags,
        summary: 'Projects ranked by a metric with their sample size and whether the difference from the rest of the company is significant',
        querystring: rankingQuery,
        response: { 200: rankingView },
      },
    },
    async (request) => rankings(staffContext(request), request.query),
  );
  app.get(
    '/analytics/project-home',
    {
      schema: {
        tags,
        summary: "A project manager's home: the project against its targets, the company and its peers; today's tickets, follow-ups, notices",
        querystring: projectHomeQuery,
        response: { 200: projectHomeView },
      },
    },
    async (request) => projectHome(staffContext(request), request.query),
  );
  app.put(
    '/analytics/projects/:projectId/targets',
    {
      schema: {
        tags,
        summary: "Set a project's targets (rates 0–1, NPS in points; null clears one)",
        params: projectParams,
        body: targetBody,
        response: { 200: targetBody },
      },
    },
    async (request) => setTargets(staffContext(request), request.params.projectId, request.body),
  );
  app.get(
    '/analytics/steward-home',
    { schema: { tags, summary: "The signed-in staff member's queue, ratings of the month and return visits due", response: { 200: stewardHomeView } } },
    async (request) => stewardHome(staffContext(request)),
  );
};
