/**
 * The appendix tree while the rows are read: focus areas hold municipal goals, which hold
 * board goals and indicators; each row adds to the newest node. Mutable while reading, turned
 * into the readonly model by finishTree. A goal or indicator with nothing above it gets an
 * unnamed parent, so nothing the controller typed is lost.
 */
import type { Baseline, Breakdown, ExtraCell, Note, YearOutcome, YearTarget } from "../model";

export interface IndicatorBuilder {
  readonly name: string;
  /** Markers on the name ("Antal hushåll*" -> "*"). */
  readonly nameFootnotes: readonly string[];
  readonly row: number;
  readonly cell: string;
  readonly outcomes: readonly YearOutcome[];
  readonly targets: readonly YearTarget[];
  readonly breakdowns: Breakdown[];
  readonly notes: Note[];
  baseline?: Baseline;
  readonly extra: ExtraCell[];
}
export interface BoardGoalBuilder {
  readonly text: string;
  readonly number?: string;
  readonly cell: string;
  readonly indicators: IndicatorBuilder[];
}
export interface MunicipalGoalBuilder {
  readonly text: string;
  readonly cell: string;
  readonly boardGoals: BoardGoalBuilder[];
  readonly indicators: IndicatorBuilder[];
}
export interface FocusAreaBuilder {
  readonly name: string;
  readonly cell: string;
  readonly municipalGoals: MunicipalGoalBuilder[];
}

/** "1. Fler ska komma i arbete" -> "1". */
const BOARD_GOAL_NUMBER = /^(\d+)[.)]?\s+\S/;

/**
 * @example const tree = new TreeBuilder();
 *   tree.startArea("Samhälle", "A5"); tree.startGoal("Fler i arbete", "B5");
 *   tree.startIndicator({ name: "Antal hushåll ...", ... }); tree.areas // [{ name: "Samhälle", municipalGoals: [...] }]
 */
export class TreeBuilder {
  readonly areas: FocusAreaBuilder[] = [];
  private area: FocusAreaBuilder | undefined;
  private goal: MunicipalGoalBuilder | undefined;
  private board: BoardGoalBuilder | undefined;
  private current: IndicatorBuilder | undefined;

  /** The indicator the next breakdown, note or labelled value belongs to. */
  get indicator(): IndicatorBuilder | undefined {
    return this.current;
  }

  get hasGoal(): boolean {
    return this.goal !== undefined;
  }

  /** Texts of the focus area, goal and board goal in force. */
  get texts(): { area: string | undefined; goal: string | undefined; board: string | undefined } {
    return { area: this.area?.name, goal: this.goal?.text, board: this.board?.text };
  }

  startArea(name: string, cell: string): void {
    this.area = { name, cell, municipalGoals: [] };
    this.areas.push(this.area);
    this.goal = undefined;
    this.board = undefined;
    this.current = undefined;
  }

  startGoal(text: string, cell: string): void {
    const goal: MunicipalGoalBuilder = { text, cell, boardGoals: [], indicators: [] };
    this.areaOrUnnamed(cell).municipalGoals.push(goal);
    this.goal = goal;
    this.board = undefined;
    this.current = undefined;
  }

  startBoardGoal(text: string, cell: string): void {
    const number = BOARD_GOAL_NUMBER.exec(text)?.[1];
    const board: BoardGoalBuilder = { text, ...(number === undefined ? {} : { number }), cell, indicators: [] };
    this.goalOrUnnamed(cell).boardGoals.push(board);
    this.board = board;
    this.current = undefined;
  }

  startIndicator(indicator: IndicatorBuilder): void {
    (this.board ?? this.goalOrUnnamed(indicator.cell)).indicators.push(indicator);
    this.current = indicator;
  }

  private areaOrUnnamed(cell: string): FocusAreaBuilder {
    if (this.area) return this.area;
    const area: FocusAreaBuilder = { name: "", cell, municipalGoals: [] };
    this.areas.push(area);
    this.area = area;
    return area;
  }

  private goalOrUnnamed(cell: string): MunicipalGoalBuilder {
    if (this.goal) return this.goal;
    const goal: MunicipalGoalBuilder = { text: "", cell, boardGoals: [], indicators: [] };
    this.areaOrUnnamed(cell).municipalGoals.push(goal);
    this.goal = goal;
    return goal;
  }
}
