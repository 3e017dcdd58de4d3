/**
 * The demo company's training academy: stewards who read the CLEAR and red-line courses, took their
 * quizzes and practised the seeds' cases (some well, some with a plan and no time, some opening coldly),
 * practised the script library (some with its own phrasing, some with a correct but plain reply, some with the
 * cold script itself), managers' assignments (one already overdue), and one course of the company's own.
 * Scores are the real scores of the answers written here (packages/text scoreDrillAnswer, scorePractice).
 */
import { builtInCourses, builtInDrills, gradeQuiz, practiceModel, practiceSituations, scriptScenarios } from '@manyi/core';
import { learningRecords, trainingAssignments, trainingCourses, type Transaction } from '@manyi/db';
import { scoreDrillAnswer, scorePractice } from '@manyi/text';
import { uuidv7 } from 'uuidv7';
import { seededRandom } from './random';
import type { StaffRows } from './staff';

const day = 24 * 3600 * 1000;
const variants = {
  model: (replies: readonly string[]) => [...replies],
  /** A plan without a promised time. */
  untimed: (replies: readonly string[]) => [...replies.slice(0, -1), '好的，我会安排师傅去处理，您放心。'],
  /** A cold opening: no calming, no listening. */
  cold: (replies: readonly string[]) => ['知道了。', ...replies.slice(1)],
} as const;

export async function seedTraining(tx: Transaction, tenantId: string, staff: StaffRows, now: Date): Promise<{ records: number; assignments: number }> {
  const random = seededRandom(19);
  const stewards = staff.staff.filter((row) => (row.roles as string[]).includes('steward'));
  const quality = staff.staff.find((row) => (row.roles as string[]).includes('quality'))!;
  const projectOf = new Map(staff.assignments.map((assignment) => [assignment.staffId, assignment.projectId]));
  const managerOf = new Map(staff.staff.filter((row) => (row.roles as string[]).includes('manager')).map((row) => [projectOf.get(row.id), row.id]));
  const records: (typeof learningRecords.$inferInsert)[] = [];
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * day + random.int(8, 18) * 3600 * 1000 - 12 * 3600 * 1000);

  for (const [index, steward] of stewards.entries()) {
    for (const course of builtInCourses.filter((item) => ['clear', 'red-lines'].includes(item.key))) {
      // Every second steward has not yet done the red-lines course, assigned with a date already past.
      if (course.key === 'red-lines' && index % 2 === 1) continue;
      const started = random.int(5, 25);
      course.lessons.forEach((lesson, index) => {
        records.push({
          tenantId,
          staffId: steward.id,
          kind: 'lesson',
          subjectKey: course.key,
          itemKey: lesson.id,
          seconds: random.int(120, 400),
          createdAt: at(started - index),
        });
      });
      const answers = Object.fromEntries(course.quiz.map((question) => [question.id, random.chance(0.85) ? question.correct : [question.options[0]!.id]]));
      const result = gradeQuiz(course.quiz, answers);
      records.push({
        tenantId,
        staffId: steward.id,
        kind: 'quiz',
        subjectKey: course.key,
        score: result.score,
        passed: result.passed,
        seconds: random.int(60, 240),
        detail: { answers },
        createdAt: at(started - course.lessons.length),
      });
    }
    for (const drill of builtInDrills) {
      if (!random.chance(0.4)) continue;
      const variant = random.weighted<keyof typeof variants>([
        ['model', 3],
        ['untimed', 2],
        ['cold', 1],
      ]);
      const replies = variants[variant](drill.modelReplies);
      const score = scoreDrillAnswer(replies);
      records.push({
        tenantId,
        staffId: steward.id,
        kind: 'drill',
        subjectKey: drill.key,
        score: score.total,
        passed: score.passed,
        seconds: random.int(300, 900),
        detail: { replies, clearScore: score.clearScore, inOrder: score.inOrder, redLines: score.findings.map((finding) => finding.redLine) },
        createdAt: at(random.int(1, 20)),
      });
    }
  }

  // Script practice (话术练习): two or three scenarios each, in a situation drawn from the five.
  for (const steward of stewards) {
    for (const scenario of scriptScenarios) {
      if (!random.chance(0.3)) continue;
      const situation = random.pick(practiceSituations.values);
      const model = practiceModel(scenario, situation);
      const reply = random.weighted<string>([
        [model, 3],
        ['好的，我们会尽快处理，请您稍等。', 2],
        [scenario.cold, 1],
      ]);
      const score = scorePractice({ reply, model });
      records.push({
        tenantId,
        staffId: steward.id,
        kind: 'practice',
        subjectKey: scenario.key,
        itemKey: situation,
        score: score.total,
        passed: score.passed,
        seconds: random.int(60, 300),
        detail: { reply, qaScore: score.qaScore, warmth: score.warmth, redLines: score.findings.map((finding) => finding.redLine) },
        createdAt: at(random.int(1, 15)),
      });
    }
  }

  const assignments: (typeof trainingAssignments.$inferInsert)[] = stewards.flatMap((steward) => {
    const manager = managerOf.get(projectOf.get(steward.id));
    if (!manager) return [];
    const dueOn = (days: number) => new Date(now.getTime() + days * day).toISOString().slice(0, 10);
    return [
      { tenantId, courseKey: 'clear', staffId: steward.id, assignedById: manager, dueOn: dueOn(14) },
      { tenantId, courseKey: 'red-lines', staffId: steward.id, assignedById: manager, dueOn: dueOn(-3) },
    ];
  });

  await tx.insert(trainingCourses).values({
    id: uuidv7(),
    tenantId,
    createdById: quality.id,
    content: {
      title: '装修管理与劝导',
      summary: '本公司装修管理规定，以及发现违规装修时如何劝导业主。',
      lessons: [
        {
          title: '装修时间与报备',
          body: '工作日 8:00–12:00、14:00–18:00 可以施工，周末和法定节假日只允许无噪音作业。装修前须到管理处报备并签订装修管理协议。',
          minutes: 5,
        },
        {
          title: '发现违规时怎么说',
          body: '先说明规定和原因，再给出可以做的办法：“麻烦您先停一下电钻好吗？我可以帮您把这部分安排到周一上午，邻居家有小孩午睡。”不说“不行”“不允许”了事。',
          minutes: 5,
        },
      ],
      quiz: [
        {
          id: 'q1',
          text: '周六上午可以使用电钻吗？',
          options: [
            { id: 'a', text: '可以' },
            { id: 'b', text: '不可以' },
          ],
          correct: ['b'],
          explanation: '周末只允许无噪音作业。',
        },
        {
          id: 'q2',
          text: '劝导违规装修时，以下哪句话最合适？',
          options: [
            { id: 'a', text: '不行，马上停工！' },
            { id: 'b', text: '麻烦您先停一下好吗？我可以帮您安排到周一上午。' },
          ],
          correct: ['b'],
          explanation: '给出替代办法，用“麻烦……好吗？”征求同意。',
        },
      ],
    },
  });
  for (let start = 0; start < records.length; start += 500) await tx.insert(learningRecords).values(records.slice(start, start + 500));
  if (assignments.length > 0) await tx.insert(trainingAssignments).values(assignments);
  return { records: records.length, assignments: assignments.length };
}
