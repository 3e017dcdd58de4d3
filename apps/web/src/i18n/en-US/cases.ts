import type { cases as zh } from '../zh-CN/cases';

export const cases: typeof zh = {
  cases: {
    pageTitle: 'Case library',
    intro:
      'Every closed complaint is drafted into a case (background, cause, what the owner said, CLEAR steps, recovery, result, lesson). Write the cause and the lesson and publish it; published cases can be practised in the academy and taken to the weekly meeting.',
    search: 'Search title or text',
    statusFilter: 'Status',
    status: { draft: 'Draft', published: 'Published' },
    category: 'Category',
    redLines: 'Red lines',
    redLine: { impatient: 'Impatient', refusing: 'Refusing', doubting: 'Doubting the owner', casual: 'Casual', shirking: 'Shirking' },
    disc: 'Owner style',
    outcome: 'Outcome',
    meeting: 'Weekly meeting',
    meetingOnly: 'Weekly meeting only',
    project: 'Project',
    created: 'Drafted',
    empty: 'No cases yet: closed complaints are drafted automatically.',
    title: 'Title',
    clear: 'CLEAR steps',
    step: { control: 'Control', listen: 'Listen', establish: 'Establish', apologize: 'Apologize', resolve: 'Resolve' },
    field: { background: 'Background', cause: 'Cause', ownerWords: 'What the owner said', recovery: 'Recovery', result: 'Result', lesson: 'Lesson' },
    save: 'Save',
    publish: 'Publish',
    saved: 'Saved',
    publishedOk: 'Published, and added to the academy as a case drill',
    practise: 'Practise',
  },
};
