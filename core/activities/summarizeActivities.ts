/**
 * How many activities are done, on track, late, not started, cancelled or not reported, per
 * perspective and per board goal. An activity listed under several goals (one goal cell naming
 * them together, as the plan's Medborgare table does) counts under each of its goals, and once
 * in its perspective.
 */
import type { FollowUpStatus } from "./activity";
import type { ActivityAssessment } from "./assessActivities";

export type SummaryKey = FollowUpStatus | "not-reported";

export const SUMMARY_KEYS: readonly SummaryKey[] = ["done", "on-track", "late", "not-started", "cancelled", "not-reported"];

export interface SummaryRow {
  readonly perspective: string;
  /** The board goal, for a goal row; absent for a perspective row. */
  readonly boardGoal?: string;
  readonly total: number;
  readonly counts: Readonly<Record<SummaryKey, number>>;
}

export interface ActivitySummary {
  readonly perspectives: readonly SummaryRow[];
  readonly boardGoals: readonly SummaryRow[];
  readonly total: SummaryRow;
}

/** The goal name an activity without a board goal is counted under. */
export const NO_GOAL = "Inget nämndmål angivet";

const emptyCounts = (): Record<SummaryKey, number> => ({ done: 0, "on-track": 0, late: 0, "not-started": 0, cancelled: 0, "not-reported": 0 });

/**
 * @example summarizeActivities(assessments).perspectives[0]
 *   // { perspective: "Medborgare", total: 21, counts: { done: 3, "on-track": 12, late: 2, "not-started": 1, cancelled: 1, "not-reported": 2 } }
 */
export function summarizeActivities(assessments: readonly ActivityAssessment[]): ActivitySummary {
  const byPerspective = new Map<string, Record<SummaryKey, number>>();
  const byGoal = new Map<string, { perspective: string; goal: string; counts: Record<SummaryKey, number> }>();
  const total = emptyCounts();
  for (const assessed of assessments) {
    const key: SummaryKey = assessed.status ?? "not-reported";
    const perspective = assessed.activity.perspective;
    const counts = byPerspective.get(perspective) ?? emptyCounts();
    counts[key] += 1;
    byPerspective.set(perspective, counts);
    total[key] += 1;
    const goals = assessed.activity.boardGoals.length > 0 ? assessed.activity.boardGoals : [NO_GOAL];
    for (const goal of new Set(goals)) {
      const goalKey = JSON.stringify([perspective, goal]);
      const entry = byGoal.get(goalKey) ?? { perspective, goal, counts: emptyCounts() };
      entry.counts[key] += 1;
      byGoal.set(goalKey, entry);
    }
  }
  const sum = (counts: Record<SummaryKey, number>): number => SUMMARY_KEYS.reduce((n, k) => n + counts[k], 0);
  return {
    perspectives: [...byPerspective].map(([perspective, counts]) => ({ perspective, total: sum(counts), counts })),
    boardGoals: [...byGoal.values()].map((e) => ({ perspective: e.perspective, boardGoal: e.goal, total: sum(e.counts), counts: e.counts })),
    total: { perspective: "Totalt", total: sum(total), counts: total },
  };
}
