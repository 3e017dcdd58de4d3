import type { Database } from '@manyi/db';
import { detectGroupIncidents } from '../incidents/detection';
import { markNoticeRead } from '../notices/owner';
import { createIncident } from '../incidents/service';
import { raiseHoldExpiredAlerts } from '../sla/hold-expiry';
import { runSlaSweep } from '../sla/sweep';
import type { Cast } from './cast';
import { ljyElevatorComplaints, ljyTickets } from './desk-ljy';
import { otherProjectTickets } from './desk-projects';
import { storyOn, type Story } from './story-context';
import { momentsFrom, replay, type Moments } from './story-runner';

export type ServiceDeskSummary = { tickets: number; alerts: number; groupIncidents: number; noticesRead: number };

/**
 * The demo company's service desk, a week of it up to `now`: about thirty tickets replayed through
 * the real services, a planned water outage announced to one building with some owners having
 * read it, then the SLA sweep, the expired-hold check and group detection run at `now`, as the
 * server's timer would, so the console opens with its tiles, SLA colours, alerts and a proposed
 * group incident. Runs inside the seed's transaction (`db`), so a failure leaves no half company.
 */
export async function seedServiceDesk(db: Database, tenantId: string, cast: Cast, now: Date): Promise<ServiceDeskSummary> {
  const story = storyOn(db, now);
  const moments = momentsFrom(now);
  const scripts = [...ljyTickets(cast, moments), ...ljyElevatorComplaints(cast, moments), ...otherProjectTickets(cast, moments)];
  await replay(story, now, scripts);
  const noticesRead = await announceWaterOutage(story, cast, moments);

  story.clock.set(now);
  const tenantIds = [tenantId];
  const sweep = await runSlaSweep(db, now, { tenantIds });
  const holds = await raiseHoldExpiredAlerts(db, now, { tenantIds });
  const detection = await detectGroupIncidents(db, now, { tenantIds });
  return { tickets: scripts.length, alerts: sweep.alerts + holds.alerts, groupIncidents: detection.proposed, noticesRead };
}

/**
 * 提前告知 (seed 001): yesterday afternoon the manager announced tomorrow's water outage to 11栋
 * from the template, and some residents have opened the notice on their phones since.
 */
async function announceWaterOutage(story: Story, cast: Cast, m: Moments): Promise<number> {
  const project = cast.project('SH-LJY');
  story.clock.set(m.day(-1, '16:30'));
  const incident = await createIncident(story.staff(project.manager), {
    projectId: project.id,
    kind: 'planned',
    templateCode: 'water_outage',
    buildingIds: [cast.buildingId('SH-LJY', '11')],
    startsAt: m.day(1, '09:00'),
    endsAt: m.day(1, '15:00'),
    reason: '二次供水水箱年度清洗消毒',
    publish: true,
  });
  const readers = cast
    .homesOf('SH-LJY', '11')
    .flatMap((home) => home.residents)
    .filter((_, index) => index % 4 === 0)
    .slice(0, 12);
  for (const [index, reader] of readers.entries()) {
    story.clock.set(m.after(m.day(-1, '16:45'), index * 9));
    await markNoticeRead(story.owner(reader), incident.id);
  }
  return readers.length;
}
