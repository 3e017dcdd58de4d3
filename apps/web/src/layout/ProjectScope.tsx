import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Me, ProjectReference } from '../api/types';

/** 'all' is only offered to company-wide roles (Me.allProjects). */
export type ProjectChoice = string | 'all';

type ProjectScopeValue = {
  choice: ProjectChoice;
  /** The filter to send to list endpoints: undefined means every project the user may see. */
  projectId: string | undefined;
  projects: ProjectReference[];
  allowAll: boolean;
  setChoice: (choice: ProjectChoice) => void;
};

const storageKey = 'manyi.project';

const ProjectScopeContext = createContext<ProjectScopeValue | null>(null);

/** A saved choice may name a project the user lost access to; fall back to something valid. */
function validChoice(saved: string | null, me: Me): ProjectChoice {
  if (saved === 'all' && me.allProjects) return 'all';
  if (saved && me.projects.some((project) => project.id === saved)) return saved;
  return me.allProjects ? 'all' : (me.projects[0]?.id ?? 'all');
}

export function ProjectScopeProvider({ me, children }: { me: Me; children: ReactNode }) {
  const [saved, setSaved] = useState<string | null>(() => localStorage.getItem(storageKey));
  const choice = validChoice(saved, me);

  const setChoice = useCallback((next: ProjectChoice) => {
    localStorage.setItem(storageKey, next);
    setSaved(next);
  }, []);

  const value = useMemo<ProjectScopeValue>(
    () => ({
      choice,
      projectId: choice === 'all' ? undefined : choice,
      projects: me.projects,
      allowAll: me.allProjects,
      setChoice,
    }),
    [choice, me.projects, me.allProjects, setChoice],
  );

  return <ProjectScopeContext.Provider value={value}>{children}</ProjectScopeContext.Provider>;
}

export function useProjectScope(): ProjectScopeValue {
  const value = useContext(ProjectScopeContext);
  if (!value) throw new Error('useProjectScope must be used inside ProjectScopeProvider');
  return value;
}
