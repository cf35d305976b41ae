export type * from './ast';
export { parseOql, placeholdersOf, type OqlParseResult } from './parser';
export { describeOqlError, findClosestString, oqlExceptionMessage, utf8Length, type OqlParseError } from './errors';
export { lexOql, type OqlToken, type OqlTokenType } from './lexer';
