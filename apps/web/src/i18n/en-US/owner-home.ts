import type { ownerHome as zh } from '../zh-CN/owner-home';

export const ownerHome: typeof zh = {
  ownerHome: {
    openTickets: 'Open requests',
    surveys: 'My surveys',
    noSurveys: 'No survey invitations for your home right now',
    loading: 'Loading…',
    closesAt: 'closes {{at}}',
    answer: 'Answer',
    continue: 'Continue',
    answered: 'Answered',
    closed: 'Closed',
    steward: 'My steward',
    hours: 'Hours: {{hours}}',
    noHours: 'Call the service centre for opening hours',
    praise: 'Praise',
    praisePlaceholder: 'What did {{name}} do well? We will pass it on and keep it',
    praiseSend: 'Send',
    praised: 'Thank you; we have passed it on',
    buildingSteward: 'Building steward',
    buildingStewardHint: "The steward owners see on their phone's home; without one, the project's steward shows.",
    projectSteward: "The project's steward (default)",
    workingHours: 'Working hours',
    workingHoursHint: "Shown on the owners' steward card, e.g. Mon–Sat 8:30–17:30",
    suggest: 'Suggest',
  },
};
