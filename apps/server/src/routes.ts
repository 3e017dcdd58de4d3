import type { FastifyPluginAsync } from 'fastify';
import { authRoutes } from './auth/routes';
import { projectRoutes } from './projects/routes';
import { regionRoutes } from './regions/routes';

/** Every API module, mounted under /api/v1. The isolation test walks whatever is registered here. */
export const apiRoutes: FastifyPluginAsync = async (app) => {
  await app.register(authRoutes);
  await app.register(regionRoutes);
  await app.register(projectRoutes);
};
