import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ownerContext, staffContext } from '../http/context';
import { category, categoryParams, categoryPatch, categoryQuery, categoryTree } from '@manyi/contracts/categories';
import { categoryTree as readTree, updateCategory } from './service';

export const categoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['service desk'];
  app.get(
    '/ticket-categories',
    { schema: { tags, summary: "The company's ticket category tree", querystring: categoryQuery, response: { 200: categoryTree } } },
    async (request) => readTree(staffContext(request), request.query.includeInactive === 'true'),
  );
  app.get(
    '/owner/ticket-categories',
    { schema: { tags: ['owner'], summary: 'Active categories an owner can report under', response: { 200: categoryTree } }, config: { access: 'owner' } },
    async (request) => readTree(ownerContext(request), false),
  );
  app.patch(
    '/ticket-categories/:code',
    { schema: { tags, summary: 'Rename, re-post or deactivate a category', params: categoryParams, body: categoryPatch, response: { 200: category } } },
    async (request) => updateCategory(staffContext(request), request.params.code, request.body),
  );
};
