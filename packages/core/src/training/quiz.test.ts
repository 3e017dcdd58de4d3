import { describe, expect, it } from 'vitest';
import { builtInCourses } from './courses';
import { builtInDrills } from './drills';
import { gradeQuiz, quizIssues } from './quiz';

const question = { id: 'q', text: { 'zh-CN': '题', 'en-US': 'Q' }, explanation: { 'zh-CN': '', 'en-US': '' } };
const opt = (id: string) => ({ id, text: { 'zh-CN': id, 'en-US': id } });

describe('training quizzes', () => {
  it('grades all-or-nothing per question and scores the share right', () => {
    const questions = [
      { ...question, id: 'a', options: [opt('x'), opt('y')], correct: ['x'] },
      { ...question, id: 'b', options: [opt('x'), opt('y'), opt('z')], correct: ['x', 'y'] },
    ];
    expect(gradeQuiz(questions, { a: ['x'], b: ['x', 'y'] })).toMatchObject({ score: 100, passed: true });
    // Ticking everything is not rewarded.
    expect(gradeQuiz(questions, { a: ['x'], b: ['x', 'y', 'z'] })).toMatchObject({ score: 50, passed: false });
    expect(gradeQuiz(questions, {}).questions.map((item) => item.correct)).toEqual([false, false]);
  });

  it('refuses a question with no correct option, an unknown one, or duplicates', () => {
    expect(quizIssues([{ id: 'a', options: [opt('x')], correct: [] }])).toEqual([{ path: [0, 'correct'], code: 'no_correct_option' }]);
    expect(quizIssues([{ id: 'a', options: [opt('x')], correct: ['y'] }])).toEqual([{ path: [0, 'correct'], code: 'unknown_correct_option' }]);
    expect(quizIssues([{ id: 'a', options: [opt('x'), opt('x')], correct: ['x'] }]).map((issue) => issue.code)).toEqual(['duplicate_option']);
    expect(
      quizIssues([
        { id: 'a', options: [opt('x')], correct: ['x'] },
        { id: 'a', options: [opt('x')], correct: ['x'] },
      ]).map((issue) => issue.code),
    ).toEqual(['duplicate_question']);
  });

  it('ships a course for every part of the method, each with lessons and a valid quiz in both languages', () => {
    expect(builtInCourses.map((course) => course.topic).sort()).toEqual(['clear', 'disc', 'five_gap', 'kano', 'mot', 'nps', 'red_lines', 'servqual']);
    for (const course of builtInCourses) {
      expect(course.lessons.length).toBeGreaterThan(0);
      expect(quizIssues(course.quiz)).toEqual([]);
      for (const text of [course.title, course.summary, ...course.lessons.flatMap((lesson) => [lesson.title, lesson.body])]) {
        expect(text['zh-CN'].length).toBeGreaterThan(0);
        expect(text['en-US'].length).toBeGreaterThan(0);
      }
    }
  });

  it("ships the seeds' cases as drills, one model reply per owner turn", () => {
    expect(builtInDrills.map((drill) => drill.key)).toEqual(['garage-leak', 'falling-objects', 'bins-and-drain', 'floor-drain', 'mirror', 'flooded-planter']);
    for (const drill of builtInDrills) expect(drill.modelReplies).toHaveLength(drill.ownerTurns.length);
  });
});
