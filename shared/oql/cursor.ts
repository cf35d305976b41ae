import type { OqlName } from './ast';
import { oqlExceptionMessage, type OqlParseError } from './errors';
import type { OqlLexResult, OqlToken, OqlTokenType } from './lexer';

/** iTop's parser is fed `doParse(0, 0)` at the end, hence "found '0' at 0" for a premature end. */
const END_OF_INPUT = { type: 'END', text: '0', pos: 0 } as const;
export type CursorToken = OqlToken | typeof END_OF_INPUT;

/** Deep nesting is refused like iTop's parser stack overflow, long before JavaScript's own stack runs out. */
const MAX_NESTING = 200;

/** Thrown inside the parser only; parseOql turns it into a returned error. */
export class OqlParseFailure extends Error {
  constructor(readonly error: OqlParseError) {
    super(error.message);
  }
}

/**
 * Walks the tokens the way iTop's lexer and parser interleave: a lexer failure is reported only when the
 * parser asks for the token it would have produced, so an earlier syntax error wins, as in iTop.
 */
export class TokenCursor {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly source: string,
    private readonly lexed: OqlLexResult,
  ) {}

  peek(): CursorToken {
    const token = this.lexed.tokens[this.index];
    if (token !== undefined) return token;
    const failure = this.lexed.failure;
    if (failure !== null) {
      throw new OqlParseFailure({ kind: 'lexer', exceptionClass: 'Exception', message: failure.message, position: failure.pos });
    }
    return END_OF_INPUT;
  }

  is(...types: readonly (OqlTokenType | 'END')[]): boolean {
    return types.includes(this.peek().type);
  }

  next(): CursorToken {
    const token = this.peek();
    if (token.type !== 'END') this.index += 1;
    return token;
  }

  expect(type: OqlTokenType | 'END'): CursorToken {
    const token = this.peek();
    if (token.type !== type) throw this.unexpected();
    return this.next();
  }

  /** A NAME token as an OqlName, backquotes removed (iTop's `name ::= NAME` rule). */
  name(): OqlName {
    const token = this.expect('NAME');
    const value = token.text.startsWith('`') ? token.text.slice(1, -1) : token.text;
    return { value, pos: token.pos };
  }

  unexpected(): OqlParseFailure {
    const token = this.peek();
    const tokenName = token.type === 'END' ? 'End of Input' : token.type;
    const message = oqlExceptionMessage(`Unexpected token ${tokenName}`, this.source, token.pos, token.text);
    return new OqlParseFailure({ kind: 'syntax', exceptionClass: 'OQLParserSyntaxErrorException', message, position: token.pos });
  }

  /** Runs `parse` one nesting level deeper (parentheses, lists, sub-queries, function calls). */
  nested<T>(parse: () => T): T {
    if (this.depth >= MAX_NESTING) {
      const pos = this.peek().pos;
      const message = oqlExceptionMessage('Stack overflow', this.source, pos, '');
      throw new OqlParseFailure({ kind: 'syntax', exceptionClass: 'OQLParserStackOverFlowException', message, position: pos });
    }
    this.depth += 1;
    try {
      return parse();
    } finally {
      this.depth -= 1;
    }
  }
}
