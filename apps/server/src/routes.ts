import type { FastifyPluginAsync } from 'fastify';
import { auditRoutes } from './audit/routes';
import { authRoutes } from './auth/routes';
import { buildingRoutes } from './buildings/routes';
import { householdRoutes } from './households/routes';
import { importRoutes } from './imports/routes';
import { ownerRoutes } from './owners/routes';
import { personRoutes } from './persons/routes';
import { staffRoutes } from './staff/routes';
import { projectRoutes } from './projects/routes';
import { regionRoutes } from './regions/routes';
import { cannedReplyRoutes } from './canned-replies/routes';
import { categoryRoutes } from './categories/routes';
import { complaintRoutes } from './complaints/routes';
import { dispatchRoutes } from './dispatch/routes';
import { ownerTicketRoutes } from './tickets/owner-routes';
import { ticketRoutes } from './tickets/routes';
import { visitRoutes } from './visits/routes';

/** Every API module, mounted under /api/v1. The isolation test walks whatever is registered here. */
export const apiRoutes: FastifyPluginAsync = async (app) => {
  await app.register(authRoutes);
  await app.register(regionRoutes);
  await app.register(projectRoutes);
  await app.register(buildingRoutes);
  await app.register(householdRoutes);
  await app.register(importRoutes);
  await app.register(personRoutes);
  await app.register(staffRoutes);
  await app.register(auditRoutes);
  await app.register(ownerRoutes);
  await app.register(categoryRoutes);
  await app.register(ticketRoutes);
  await app.register(complaintRoutes);
  await app.register(visitRoutes);
  await app.register(dispatchRoutes);
  await app.register(cannedReplyRoutes);
  await app.register(ownerTicketRoutes);
};
