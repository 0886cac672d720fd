/**
 * A small, safe formula over a period's named totals, for indicators that combine measures:
 * "(budget - utfall) / budget * 100", "avslutade / (kostnad / 1000000)". Parsed once into a
 * tree (never eval'd): numbers, names, + − * / (also ×, ·, ÷ and the minus sign U+2212),
 * unary minus and parentheses. A mistake gives a Swedish reason with its place in the text,
 * which the bindings' validation puts under the key (config/invalid at "bindings[3].formula").
 *
 * @example parseFormula("(utfall − budget) / budget × 100")
 *   // ok { text: "(utfall − budget) / budget × 100", names: ["utfall", "budget"], root: { kind: "binary", op: "*", … } }
 * @example parseFormula("avslutade / (kostnad / 1 000 000")
 *   // fail "en parentes öppnas vid tecken 13 men stängs aldrig"
 * @example evaluateFormula(parsed.value, { utfall: 94, budget: 100 }) // { ok: true, value: -6 }
 * @example evaluateFormula(parsed.value, { utfall: 94, budget: 0 })   // { ok: false, reason: "division med noll (budget = 0)" }
 */

/** A parsed formula's tree. */
export type FormulaNode =
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "name"; readonly name: string }
  | { readonly kind: "negate"; readonly operand: FormulaNode }
  | { readonly kind: "binary"; readonly op: "+" | "-" | "*" | "/"; readonly left: FormulaNode; readonly right: FormulaNode };

export interface Formula {
  /** The formula as written in the configuration. */
  readonly text: string;
  readonly root: FormulaNode;
  /** The names it uses, in order of first use. */
  readonly names: readonly string[];
}

export type FormulaParse = { readonly ok: true; readonly value: Formula } | { readonly ok: false; readonly reason: string };
export type FormulaValue = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly reason: string };

type Token =
  | { readonly kind: "number"; readonly value: number; readonly at: number }
  | { readonly kind: "name"; readonly name: string; readonly at: number }
  | { readonly kind: "op"; readonly op: "+" | "-" | "*" | "/"; readonly at: number }
  | { readonly kind: "open" | "close"; readonly at: number };

const OPERATORS: Readonly<Record<string, "+" | "-" | "*" | "/">> = {
  "+": "+",
  "-": "-",
  "\u2212": "-",
  "\u2013": "-",
  "*": "*",
  "×": "*",
  "·": "*",
  "/": "/",
  "÷": "/",
};
const NAME_START = /[A-Za-zÅÄÖåäöÉé_]/;
const NAME_PART = /[A-Za-zÅÄÖåäöÉé_0-9]/;
/** Digits with spaces between groups of three ("1 000 000") and a decimal comma or point. */
const NUMBER = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|^\d+(?:[.,]\d+)?/;

/** The names a formula may use: letters (also å, ä, ö), digits and _, not starting with a digit. */
export const FORMULA_NAME = /^[A-Za-zÅÄÖåäöÉé_][A-Za-zÅÄÖåäöÉé_0-9]*$/;

function tokenize(text: string): { tokens: Token[] } | { reason: string } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const at = i + 1; // 1-based, as a reader counts
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const op = OPERATORS[c];
    if (op !== undefined) {
      tokens.push({ kind: "op", op, at });
      i++;
      continue;
    }
    if (c === "(" || c === ")") {
      tokens.push({ kind: c === "(" ? "open" : "close", at });
      i++;
      continue;
    }
    const number = NUMBER.exec(text.slice(i));
    if (number !== null) {
      const written = number[0];
      tokens.push({ kind: "number", value: Number(written.replace(/[ \u00a0\u202f]/g, "").replace(",", ".")), at });
      i += written.length;
      continue;
    }
    if (NAME_START.test(c)) {
      let end = i + 1;
      while (end < text.length && NAME_PART.test(text[end]!)) end++;
      tokens.push({ kind: "name", name: text.slice(i, end), at });
      i = end;
      continue;
    }
    return { reason: `tecknet "${c}" vid tecken ${at} hör inte hemma i en formel; använd namn, tal, + − * / och parenteser` };
  }
  return { tokens };
}

class Parser {
  private position = 0;
  readonly names: string[] = [];
  constructor(
    private readonly tokens: readonly Token[],
    private readonly length: number,
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }

  private where(token: Token | undefined): string {
    return token === undefined ? "i slutet av formeln" : `vid tecken ${token.at}`;
  }

  parse(): FormulaNode {
    const root = this.sum();
    const rest = this.peek();
    if (rest !== undefined) {
      throw new FormulaError(rest.kind === "close" ? `en parentes stängs vid tecken ${rest.at} utan att ha öppnats` : `ett räknesätt (+ − * /) saknas ${this.where(rest)}`);
    }
    return root;
  }

  private sum(): FormulaNode {
    let left = this.product();
    for (let next = this.peek(); next?.kind === "op" && (next.op === "+" || next.op === "-"); next = this.peek()) {
      this.position++;
      left = { kind: "binary", op: next.op, left, right: this.product() };
    }
    return left;
  }

  private product(): FormulaNode {
    let left = this.unary();
    for (let next = this.peek(); next?.kind === "op" && (next.op === "*" || next.op === "/"); next = this.peek()) {
      this.position++;
      left = { kind: "binary", op: next.op, left, right: this.unary() };
    }
    return left;
  }

  private unary(): FormulaNode {
    const next = this.peek();
    if (next?.kind === "op" && next.op === "-") {
      this.position++;
      return { kind: "negate", operand: this.unary() };
    }
    return this.operand();
  }

  private operand(): FormulaNode {
    const token = this.peek();
    if (token === undefined) throw new FormulaError(this.length === 0 ? "formeln är tom" : "formeln slutar mitt i ett uttryck; ett namn eller tal saknas i slutet");
    this.position++;
    switch (token.kind) {
      case "number":
        return { kind: "number", value: token.value };
      case "name":
        if (!this.names.includes(token.name)) this.names.push(token.name);
        return { kind: "name", name: token.name };
      case "open": {
        const inner = this.sum();
        const close = this.peek();
        if (close?.kind !== "close") {
          throw new FormulaError(close === undefined ? `en parentes öppnas vid tecken ${token.at} men stängs aldrig` : `ett räknesätt (+ − * /) saknas vid tecken ${close.at}`);
        }
        this.position++;
        return inner;
      }
      case "close":
        throw new FormulaError(`ett namn eller tal saknas före parentesen vid tecken ${token.at}`);
      case "op":
        throw new FormulaError(`ett namn eller tal saknas före "${token.op}" vid tecken ${token.at}`);
    }
  }
}

class FormulaError extends Error {}

/** Parses a formula; a mistake gives a Swedish reason naming its place ("vid tecken 12"). */
export function parseFormula(text: string): FormulaParse {
  const lexed = tokenize(text);
  if ("reason" in lexed) return { ok: false, reason: lexed.reason };
  const parser = new Parser(lexed.tokens, lexed.tokens.length);
  try {
    const root = parser.parse();
    return { ok: true, value: { text, root, names: parser.names } };
  } catch (error) {
    if (error instanceof FormulaError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** Shows a value in a reason the Swedish way ("0", "12,5"). */
function shown(value: number): string {
  return String(value).replace(".", ",");
}

/** A division by zero names the divisor as written when it is a plain name ("budget = 0"). */
function divisorText(node: FormulaNode, value: number): string {
  return node.kind === "name" ? `${node.name} = ${shown(value)}` : `nämnaren = ${shown(value)}`;
}

/**
 * Evaluates a parsed formula with the period's totals by name. A division by zero (or a name
 * without a value, which validation prevents) gives a reason, never Infinity or NaN.
 */
export function evaluateFormula(formula: Formula, values: Readonly<Record<string, number>>): FormulaValue {
  const walk = (node: FormulaNode): number => {
    switch (node.kind) {
      case "number":
        return node.value;
      case "name": {
        const value = values[node.name];
        if (value === undefined) throw new FormulaError(`värde saknas för ${node.name}`);
        return value;
      }
      case "negate":
        return -walk(node.operand);
      case "binary": {
        const left = walk(node.left);
        const right = walk(node.right);
        switch (node.op) {
          case "+":
            return left + right;
          case "-":
            return left - right;
          case "*":
            return left * right;
          case "/":
            if (right === 0) throw new FormulaError(`division med noll (${divisorText(node.right, right)})`);
            return left / right;
        }
      }
    }
  };
  try {
    const value = walk(formula.root);
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: "resultatet är inget ändligt tal" };
  } catch (error) {
    if (error instanceof FormulaError) return { ok: false, reason: error.message };
    throw error;
  }
}
