/**
 * Counts what an appendix holds, for the summary line of `bilaga inspect`.
 */
import { allIndicators, type Appendix } from "../../core/model";

export interface AppendixCounts {
  readonly focusAreas: number;
  readonly municipalGoals: number;
  readonly boardGoals: number;
  readonly indicators: number;
  readonly breakdowns: number;
}

/** Goals without indicators count too: they are part of the plan. */
export function countAppendix(appendix: Appendix): AppendixCounts {
  const goals = appendix.focusAreas.flatMap((area) => area.municipalGoals);
  const indicators = allIndicators(appendix);
  return {
    focusAreas: appendix.focusAreas.length,
    municipalGoals: goals.length,
    boardGoals: goals.reduce((n, goal) => n + goal.boardGoals.length, 0),
    indicators: indicators.length,
    breakdowns: indicators.reduce((n, indicator) => n + indicator.breakdowns.length, 0),
  };
}
