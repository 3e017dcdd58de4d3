import { useAbility } from '../../api/auth';

/** The 'survey.design' ability: others may look but not change. */
export function useCanDesign(): boolean {
  return useAbility('survey.design');
}
