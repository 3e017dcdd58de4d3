/**
 * Which numbers of a questionnaire the analysis treats as ratings, and where each sits in the
 * indicator tree. Shared by the tally (which must know the per-response vector of dimension
 * scores before any response is counted, so that tallies of one survey always add up) and by the
 * analysis.
 */
import { fivePointScale, recommendScale, type RatingScale } from '../../metrics/answers';
import type { Question, SurveyDefinition } from '../definition';
import { flattenIndicatorTree, type IndicatorTreeNode } from '../templates/indicator-trees';

/**
 * A rated item: a satisfaction question, a matrix row, or the perception side of a SERVQUAL pair
 * (perception is what the service delivered; expectation is not a performance). `item` is the
 * analytic item of analyticValues ('' for a single rating). NPS and Kano are not ratings of an
 * indicator and are left out.
 */
export type RatedItem = { id: string; questionKey: string; item: string; indicatorCode: string | null; scale: RatingScale };

export function scaleOf(question: Question): RatingScale | null {
  switch (question.type) {
    case 'satisfaction':
    case 'matrix':
      return fivePointScale;
    case 'servqual':
      return { minimum: 1, maximum: question.scalePoints };
    case 'nps':
      return recommendScale;
    default:
      return null;
  }
}

/** The overall-satisfaction question (overall: true) when it is a rating, else null. */
export function overallQuestion(definition: SurveyDefinition): Question | null {
  const question = definition.questions.find((candidate) => candidate.overall);
  return question && (question.type === 'satisfaction' || question.type === 'nps') ? question : null;
}

/** Every rated item of the survey, except the overall question itself, in questionnaire order. */
export function ratedItems(definition: SurveyDefinition): RatedItem[] {
  const items: RatedItem[] = [];
  for (const question of definition.questions) {
    if (question.overall) continue;
    const code = question.indicatorCode ?? null;
    if (question.type === 'satisfaction') items.push({ id: question.key, questionKey: question.key, item: '', indicatorCode: code, scale: fivePointScale });
    if (question.type === 'servqual') {
      items.push({
        id: question.key,
        questionKey: question.key,
        item: 'perception',
        indicatorCode: code,
        scale: { minimum: 1, maximum: question.scalePoints },
      });
    }
    if (question.type === 'matrix') {
      for (const row of question.rows) {
        items.push({
          id: `${question.key}.${row.key}`,
          questionKey: question.key,
          item: row.key,
          indicatorCode: row.indicatorCode ?? code,
          scale: fivePointScale,
        });
      }
    }
  }
  return items;
}

/**
 * The dimension (top-level node) an indicator code belongs to. With a tree: the root whose
 * subtree contains the code. Without a tree, or for a code the tree does not know: the code's
 * first dotted segment, which is how the built-in trees name their nodes
 * ('responsiveness.repair_timeliness' → 'responsiveness'). No code, no dimension.
 */
export function dimensionOf(code: string | null, tree?: readonly IndicatorTreeNode[]): string | null {
  if (code === null) return null;
  for (const root of tree ?? []) {
    if (flattenIndicatorTree([root]).some((node) => node.code === code)) return root.code;
  }
  return code.split('.')[0] ?? code;
}

/**
 * The key-driver dimensions of a survey: the dimensions that have at least one rated item, in
 * tree order (then first appearance for codes outside the tree). Fixed by definition and tree, so
 * every tally of the same survey version has the same moment layout.
 */
export function driverDimensions(definition: SurveyDefinition, tree?: readonly IndicatorTreeNode[]): string[] {
  const present = new Set(
    ratedItems(definition)
      .map((item) => dimensionOf(item.indicatorCode, tree))
      .filter((code): code is string => code !== null),
  );
  const ordered = (tree ?? []).map((root) => root.code).filter((code) => present.has(code));
  return [...ordered, ...[...present].filter((code) => !ordered.includes(code))];
}

/**
 * The questions that measure one post (岗位): a question is kept when its indicator node, one of
 * its matrix rows' nodes, or an ancestor of either is assigned to that post in the tree. The
 * overall and NPS questions have no post and are dropped by the filter.
 */
export function questionKeysForPost(definition: SurveyDefinition, tree: readonly IndicatorTreeNode[], post: string): Set<string> {
  const postOfCode = new Map<string, string | undefined>();
  const walk = (nodes: readonly IndicatorTreeNode[], inherited: string | undefined) => {
    for (const node of nodes) {
      const own = node.post ?? inherited;
      postOfCode.set(node.code, own);
      walk(node.children ?? [], own);
    }
  };
  walk(tree, undefined);
  // A node's post may also be set only on its children (a dimension spanning posts): include those.
  const descendantsHavePost = (code: string) =>
    flattenIndicatorTree(tree).some((node) => node.code.startsWith(`${code}.`) && postOfCode.get(node.code) === post);
  const measures = (code: string | undefined) => code !== undefined && (postOfCode.get(code) === post || descendantsHavePost(code));
  const keys = new Set<string>();
  for (const question of definition.questions) {
    const codes = [question.indicatorCode, ...(question.type === 'matrix' ? question.rows.map((row) => row.indicatorCode) : [])];
    if (codes.some(measures)) keys.add(question.key);
  }
  return keys;
}
