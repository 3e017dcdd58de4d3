import type { Messages } from '../zh-CN';
import type { serviceDeskSettings as zhServiceDeskSettings } from '../zh-CN/service-desk-settings';

export const serviceDeskSettings: Pick<Messages, keyof typeof zhServiceDeskSettings> = {
  deskSettings: {
    title: 'Service desk settings',
    readOnly: 'Only administrators and the quality department can change these settings; you can see the rules in force.',
    group: {
      title: 'Group-complaint detection',
      intro:
        'When K or more households of one project report the same category within T hours, the system proposes a group incident for the project manager to confirm. Applies company-wide.',
      minimumHouseholds: 'Households (K)',
      householdsUnit: 'households',
      windowHours: 'Time window (T)',
      hoursUnit: 'hours',
      summary: 'Now: {{households}} or more households within {{hours}} hours',
      householdsRange: 'Enter a whole number of households from 2 to 1000',
      hoursRange: 'Enter a whole number of hours from 1 to 720 (30 days at most)',
      saved: 'Group-complaint thresholds saved',
    },
    visit: {
      title: 'Return-visit shares',
      intro:
        'The share of resolved tickets that get a return visit; every complaint and every reopened ticket gets one. A new share applies to tickets resolved from now on.',
      complaintShare: 'Complaints',
      complaintFixed: 'Every complaint gets a return visit',
      repairShare: 'Repairs',
      otherShare: 'Other types',
      otherHint: 'Inquiries, suggestions, praise, common-area reports',
      shareRange: 'Enter a percentage from 0 to 100',
      saved: 'Return-visit shares saved',
    },
    photo: {
      title: 'Photo on completion',
      intro:
        "When on, resolving a ticket of this category (completed on the technician's phone or resolved in the console) needs a photo of the result; the items of a category that needs one need one too.",
      category: 'Category',
      required: 'Photo required',
      inherited: 'Required by its group',
      saved: 'Saved: {{name}}',
    },
  },
  ageing: {
    title: 'Ticket ageing',
    open: 'Ageing',
    intro: 'Open tickets by days since the owner reported them; start with those who have waited longest.',
    total: 'Open tickets',
    chart: 'Open tickets by age',
    chartHint: 'Click a bar to list only that age group',
    oldest: 'Waiting longest',
    allBuckets: 'All ages',
    age: 'Waiting',
    days: '{{count}} days',
    underADay: 'Under a day',
    showingOldest: 'The {{shown}} waiting longest of {{count}}',
    empty: 'No open tickets.',
    emptyBucket: 'No tickets in this age group.',
  },
};
