/*
 * Gangway's SQL: a PostgreSQL dialect with Greenplum's DISTRIBUTED clause.
 *
 * One combined, case-insensitive grammar. Every statement and expression form is a labelled
 * alternative so that the AST builder has one visit method per form. Keywords PostgreSQL treats as
 * unreserved are listed in `nonReserved`, so that `date`, `year`, `key`, `comment` … still work as
 * column and table names.
 *
 * Expression precedence follows PostgreSQL (lowest first): OR, AND, NOT, IS, comparison,
 * BETWEEN / IN / LIKE / ILIKE, other operators (||), + -, * / %, unary + -, ::.
 */
grammar GangwaySql;

options { caseInsensitive = true; }

singleStatement
    : statement ';'? EOF
    ;

statements
    : statement? (';' statement?)* EOF
    ;

statement
    : query                                                                     #queryStatement
    | CREATE TABLE (IF NOT EXISTS)? qualifiedName
        '(' tableElement (',' tableElement)* ')'
        (USING using=identifier)?
        (WITH '(' property (',' property)* ')')?
        distributedClause?                                                      #createTable
    | CREATE TABLE (IF NOT EXISTS)? qualifiedName columnAliases?
        (WITH '(' property (',' property)* ')')? AS query distributedClause?     #createTableAsSelect
    | DROP TABLE (IF EXISTS)? qualifiedName (',' qualifiedName)*               #dropTable
    | CREATE (OR REPLACE)? VIEW qualifiedName columnAliases? AS query           #createView
    | DROP VIEW (IF EXISTS)? qualifiedName (',' qualifiedName)*                #dropView
    | INSERT INTO qualifiedName columnAliases? query                            #insert
    | EXPLAIN ANALYZE? VERBOSE? statement                                       #explain
    | EXPLAIN '(' explainOption (',' explainOption)* ')' statement              #explainWithOptions
    | SET scope=(SESSION | LOCAL)? variableName (TO | '=') setValue             #setVariable
    | SET scope=(SESSION | LOCAL)? TIME ZONE
        (setValueItem | toDefault=(LOCAL | DEFAULT))                            #setTimeZone
    | SHOW (variableName | ALL)                                                 #showVariable
    | SHOW TIME ZONE                                                            #showTimeZone
    | SHOW TRANSACTION ISOLATION LEVEL                                          #showTransactionIsolation
    | RESET (variableName | ALL)                                                #resetVariable
    | (BEGIN (TRANSACTION | WORK)? | START TRANSACTION)                         #beginTransaction
    | (COMMIT | END) (TRANSACTION | WORK)?                                      #commitTransaction
    | (ROLLBACK | ABORT) (TRANSACTION | WORK)?                                  #rollbackTransaction
    | DECLARE name=identifier (NO? SCROLL)? CURSOR
        (hold=WITH HOLD | WITHOUT HOLD)? FOR query                              #declareCursor
    | FETCH fetchCount? (FROM | IN)? name=identifier                            #fetchCursor
    | CLOSE (name=identifier | ALL)                                             #closeCursor
    | command=(ALTER | UPDATE | DELETE | COPY | TRUNCATE | GRANT | REVOKE
        | VACUUM | ANALYZE | CLUSTER | COMMENT | LOCK | MERGE) ~';'*             #unsupportedStatement
    | command=(CREATE | DROP) UNIQUE? kind=IDENTIFIER ~';'*                     #unsupportedObjectStatement
    ;

// ---------------------------------------------------------------- DDL

tableElement
    : columnDefinition                                                          #columnElement
    | (CONSTRAINT identifier)? PRIMARY KEY columnAliases                        #primaryKeyConstraint
    | (CONSTRAINT identifier)? UNIQUE columnAliases                             #uniqueConstraint
    ;

columnDefinition
    : identifier type columnConstraint*
    ;

columnConstraint
    : (CONSTRAINT identifier)? NOT NULL                                         #notNullConstraint
    | (CONSTRAINT identifier)? NULL                                             #nullConstraint
    | (CONSTRAINT identifier)? PRIMARY KEY                                      #primaryKeyColumnConstraint
    | (CONSTRAINT identifier)? UNIQUE                                           #uniqueColumnConstraint
    | DEFAULT valueExpression                                                   #defaultConstraint
    ;

property
    : propertyName ('=' propertyValue)?
    ;

propertyName
    : identifier ('.' identifier)?
    ;

propertyValue
    : identifier | string | signedNumber | booleanValue | ON
    ;

distributedClause
    : DISTRIBUTED BY columnAliases                                              #distributedByColumns
    | DISTRIBUTED RANDOMLY                                                      #distributedRandomly
    | DISTRIBUTED REPLICATED                                                    #distributedReplicated
    ;

explainOption
    : explainOptionName explainOptionValue?
    ;

explainOptionName
    : ANALYZE | VERBOSE | identifier
    ;

explainOptionValue
    : identifier | string | signedNumber | booleanValue | ON
    ;

variableName
    : identifier ('.' identifier)*
    ;

setValue
    : DEFAULT                                                                   #setDefault
    | setValueItem (',' setValueItem)*                                          #setValueList
    ;

setValueItem
    : identifier | string | signedNumber | booleanValue | ON
    ;

signedNumber
    : ('-' | '+')? number
    ;

// ---------------------------------------------------------------- queries

query
    : with? queryNoWith
    ;

with
    : WITH RECURSIVE? namedQuery (',' namedQuery)*
    ;

namedQuery
    : name=identifier columnAliases? AS '(' query ')'
    ;

queryNoWith
    : queryTerm
      (ORDER BY sortItem (',' sortItem)*)?
      limitClause?
    ;

limitClause
    : LIMIT limit=limitValue (OFFSET offset=valueExpression (ROW | ROWS)?)?     #limitOffset
    | OFFSET offset=valueExpression (ROW | ROWS)? (LIMIT limit=limitValue)?     #offsetLimit
    | (OFFSET offset=valueExpression (ROW | ROWS)?)?
        FETCH (FIRST | NEXT) fetch=valueExpression? (ROW | ROWS) ONLY          #offsetFetch
    ;

limitValue
    : ALL                                                                       #limitAll
    | valueExpression                                                           #limitExpression
    ;

queryTerm
    : queryPrimary                                                              #queryTermDefault
    | left=queryTerm operator=INTERSECT setQuantifier? right=queryTerm          #setOperation
    | left=queryTerm operator=(UNION | EXCEPT) setQuantifier? right=queryTerm   #setOperation
    ;

queryPrimary
    : querySpecification                                                        #queryPrimaryDefault
    | VALUES rowValue (',' rowValue)*                                           #inlineValues
    | '(' query ')'                                                             #parenthesizedQuery
    ;

rowValue
    : '(' expression (',' expression)* ')'
    ;

querySpecification
    : SELECT setQuantifier? (selectItem (',' selectItem)*)?
      (FROM relation (',' relation)*)?
      (WHERE where=booleanExpression)?
      (GROUP BY groupBy+=expression (',' groupBy+=expression)*)?
      (HAVING having=booleanExpression)?
    ;

setQuantifier
    : DISTINCT
    | ALL
    ;

selectItem
    : expression (AS? identifier)?                                              #selectSingle
    | qualifiedName '.' '*'                                                     #selectQualifiedAll
    | '*'                                                                       #selectAll
    ;

sortItem
    : expression ordering=(ASC | DESC)? (NULLS nullOrdering=(FIRST | LAST))?
    ;

relation
    : left=relation CROSS JOIN right=relationPrimary                            #crossJoin
    | left=relation joinType JOIN right=relation joinCriteria                   #joinRelation
    | relationPrimary                                                           #relationDefault
    ;

joinType
    : INNER?
    | LEFT OUTER?
    | RIGHT OUTER?
    | FULL OUTER?
    ;

joinCriteria
    : ON booleanExpression                                                      #joinOn
    | USING columnAliases                                                       #joinUsing
    ;

relationPrimary
    : qualifiedName tableAlias?                                                 #tableName
    | '(' query ')' tableAlias?                                                 #subqueryRelation
    | '(' relation ')'                                                          #parenthesizedRelation
    ;

tableAlias
    : AS? identifier columnAliases?
    ;

columnAliases
    : '(' identifier (',' identifier)* ')'
    ;

// ---------------------------------------------------------------- expressions

expression
    : booleanExpression
    ;

booleanExpression
    : valueExpression                                                           #predicated
    | NOT booleanExpression                                                     #logicalNot
    | left=booleanExpression operator=AND right=booleanExpression               #logicalBinary
    | left=booleanExpression operator=OR right=booleanExpression                #logicalBinary
    ;

valueExpression
    : primaryExpression                                                         #primary
    | valueExpression operator='::' type                                        #castOperator
    | operator=('-' | '+') valueExpression                                      #arithmeticUnary
    | left=valueExpression operator=('*' | '/' | '%') right=valueExpression     #arithmeticBinary
    | left=valueExpression operator=('+' | '-') right=valueExpression           #arithmeticBinary
    | left=valueExpression operator='||' right=valueExpression                  #concatenation
    | value=valueExpression NOT? operator=BETWEEN
        low=valueExpression AND high=valueExpression                            #between
    | value=valueExpression NOT? operator=IN '(' query ')'                      #inSubquery
    | value=valueExpression NOT? operator=IN
        '(' expression (',' expression)* ')'                                    #inList
    | value=valueExpression NOT? operator=(LIKE | ILIKE)
        pattern=valueExpression                                                 #like
    | left=valueExpression comparisonOperator right=valueExpression             #comparison
    | valueExpression operator=IS NOT? NULL                                     #isNull
    | valueExpression operator=IS NOT? DISTINCT FROM valueExpression            #distinctFrom
    | valueExpression operator=IS NOT? booleanValue                             #isBoolean
    ;

primaryExpression
    : NULL                                                                      #nullLiteral
    | INTERVAL string intervalQualifier?                                        #intervalLiteral
    | type string                                                               #typedLiteral
    | number                                                                    #numericLiteral
    | booleanValue                                                              #booleanLiteral
    | string                                                                    #stringLiteral
    | PARAMETER                                                                 #parameter
    | EXISTS '(' query ')'                                                      #exists
    | '(' query ')'                                                             #subqueryExpression
    | CASE operand=expression whenClause+ (ELSE elseExpression=expression)? END #simpleCase
    | CASE whenClause+ (ELSE elseExpression=expression)? END                    #searchedCase
    | CAST '(' expression AS type ')'                                           #cast
    | EXTRACT '(' field=extractField FROM valueExpression ')'                   #extract
    | SUBSTRING '(' valueExpression FROM valueExpression
        (FOR valueExpression)? ')'                                              #substring
    | POSITION '(' valueExpression IN valueExpression ')'                       #position
    | functionName '(' '*' ')' filter? over?                                    #functionCallStar
    | functionName '(' (setQuantifier? expression (',' expression)*)? ')'
        filter? over?                                                           #functionCall
    | qualifiedName                                                             #columnReference
    | '(' expression ')'                                                        #parenthesizedExpression
    ;

// FILTER and OVER are recognised so that they are refused as unsupported, not as syntax errors.
filter
    : FILTER '(' WHERE booleanExpression ')'
    ;

over
    : OVER (identifier | '(' (PARTITION BY expression (',' expression)*)? (ORDER BY sortItem (',' sortItem)*)? ')')
    ;

functionName
    : qualifiedName
    | LEFT
    | RIGHT
    ;

extractField
    : identifier
    | string
    ;

whenClause
    : WHEN condition=expression THEN result=expression
    ;

intervalQualifier
    : from=intervalField (TO to=intervalField)?
    ;

intervalField
    : YEAR | MONTH | DAY | HOUR | MINUTE | SECOND
    ;

comparisonOperator
    : EQ | NEQ | LT | LTE | GT | GTE
    ;

booleanValue
    : TRUE | FALSE
    ;

type
    : DOUBLE PRECISION                                                          #doublePrecisionType
    | (CHARACTER | CHAR | NATIONAL CHARACTER) VARYING typeModifiers?             #varyingCharacterType
    | (TIMESTAMP | TIME) typeModifiers? ((WITH | WITHOUT) TIME ZONE)?           #dateTimeType
    | INTERVAL                                                                  #intervalType
    | identifier typeModifiers?                                                 #simpleType
    ;

typeModifiers
    : '(' INTEGER_VALUE (',' INTEGER_VALUE)* ')'
    ;

qualifiedName
    : identifier ('.' identifier)*
    ;

identifier
    : IDENTIFIER                                                                #unquotedIdentifier
    | QUOTED_IDENTIFIER                                                         #quotedIdentifier
    | nonReserved                                                               #unquotedIdentifier
    ;

string
    : STRING                                                                    #basicString
    | ESCAPE_STRING                                                             #escapeString
    ;

number
    : INTEGER_VALUE                                                             #integerLiteral
    | DECIMAL_VALUE                                                             #decimalLiteral
    | DOUBLE_VALUE                                                              #doubleLiteral
    ;

// PostgreSQL's unreserved (and column-name) keywords: usable as plain identifiers.
fetchCount
    : NEXT                                                                      #fetchNext
    | FORWARD (count=INTEGER_VALUE | all=ALL)?                                  #fetchForward
    | count=INTEGER_VALUE                                                       #fetchCountValue
    | all=ALL                                                                   #fetchAll
    ;

nonReserved
    : ABORT | ALTER | BEGIN | BY | CHAR | CHARACTER | CLUSTER | COMMENT | COMMIT | COPY | DAY | DELETE
    | DOUBLE | DROP | EXPLAIN | EXTRACT | FILTER | FIRST | GRANT | HOUR | IF | INSERT | INTERVAL | ISOLATION
    | KEY | LAST | LEVEL | LOCAL | LOCK | MERGE | MINUTE | MONTH | NATIONAL | NEXT | NULLS | OVER | PARTITION | POSITION
    | PRECISION | RANDOMLY | RECURSIVE | REPLACE | REPLICATED | RESET | REVOKE | ROLLBACK | ROW | ROWS
    | SECOND | SESSION | SET | SHOW | START | SUBSTRING | TIME | TIMESTAMP | TRANSACTION | TRUNCATE
    | UPDATE | VACUUM | VALUES | VARYING | VIEW | WITHOUT | WORK | YEAR | ZONE
    | CLOSE | CURSOR | DECLARE | FORWARD | HOLD | NO | SCROLL
    ;

// ---------------------------------------------------------------- lexer

ABORT: 'ABORT';
ALL: 'ALL';
ALTER: 'ALTER';
ANALYZE: 'ANALYZE' | 'ANALYSE';
AND: 'AND';
AS: 'AS';
ASC: 'ASC';
BEGIN: 'BEGIN';
BETWEEN: 'BETWEEN';
BY: 'BY';
CASE: 'CASE';
CAST: 'CAST';
CHAR: 'CHAR';
CHARACTER: 'CHARACTER';
CLOSE: 'CLOSE';
CLUSTER: 'CLUSTER';
COMMENT: 'COMMENT';
COMMIT: 'COMMIT';
CONSTRAINT: 'CONSTRAINT';
COPY: 'COPY';
CREATE: 'CREATE';
CURSOR: 'CURSOR';
DECLARE: 'DECLARE';
CROSS: 'CROSS';
DAY: 'DAY';
DEFAULT: 'DEFAULT';
DELETE: 'DELETE';
DESC: 'DESC';
DISTINCT: 'DISTINCT';
DISTRIBUTED: 'DISTRIBUTED';
DOUBLE: 'DOUBLE';
DROP: 'DROP';
ELSE: 'ELSE';
END: 'END';
EXCEPT: 'EXCEPT';
EXISTS: 'EXISTS';
EXPLAIN: 'EXPLAIN';
EXTRACT: 'EXTRACT';
FALSE: 'FALSE';
FILTER: 'FILTER';
FETCH: 'FETCH';
FIRST: 'FIRST';
FOR: 'FOR';
FORWARD: 'FORWARD';
HOLD: 'HOLD';
FROM: 'FROM';
FULL: 'FULL';
GRANT: 'GRANT';
GROUP: 'GROUP';
HAVING: 'HAVING';
HOUR: 'HOUR';
IF: 'IF';
ILIKE: 'ILIKE';
IN: 'IN';
INNER: 'INNER';
INSERT: 'INSERT';
INTERSECT: 'INTERSECT';
INTERVAL: 'INTERVAL';
INTO: 'INTO';
IS: 'IS';
ISOLATION: 'ISOLATION';
JOIN: 'JOIN';
KEY: 'KEY';
LAST: 'LAST';
LEFT: 'LEFT';
LEVEL: 'LEVEL';
LIKE: 'LIKE';
LIMIT: 'LIMIT';
LOCAL: 'LOCAL';
LOCK: 'LOCK';
MERGE: 'MERGE';
MINUTE: 'MINUTE';
MONTH: 'MONTH';
NATIONAL: 'NATIONAL';
NEXT: 'NEXT';
NO: 'NO';
NOT: 'NOT';
NULL: 'NULL';
NULLS: 'NULLS';
OFFSET: 'OFFSET';
ON: 'ON';
ONLY: 'ONLY';
OR: 'OR';
ORDER: 'ORDER';
OUTER: 'OUTER';
OVER: 'OVER';
PARTITION: 'PARTITION';
POSITION: 'POSITION';
PRECISION: 'PRECISION';
PRIMARY: 'PRIMARY';
RANDOMLY: 'RANDOMLY';
RECURSIVE: 'RECURSIVE';
REPLACE: 'REPLACE';
REPLICATED: 'REPLICATED';
RESET: 'RESET';
REVOKE: 'REVOKE';
RIGHT: 'RIGHT';
ROLLBACK: 'ROLLBACK';
ROW: 'ROW';
ROWS: 'ROWS';
SECOND: 'SECOND';
SELECT: 'SELECT';
SESSION: 'SESSION';
SET: 'SET';
SHOW: 'SHOW';
START: 'START';
SUBSTRING: 'SUBSTRING';
TABLE: 'TABLE';
THEN: 'THEN';
TIME: 'TIME';
TIMESTAMP: 'TIMESTAMP';
TO: 'TO';
TRANSACTION: 'TRANSACTION';
TRUE: 'TRUE';
TRUNCATE: 'TRUNCATE';
UNION: 'UNION';
UNIQUE: 'UNIQUE';
UPDATE: 'UPDATE';
USING: 'USING';
VACUUM: 'VACUUM';
VALUES: 'VALUES';
VARYING: 'VARYING';
VERBOSE: 'VERBOSE';
VIEW: 'VIEW';
WHEN: 'WHEN';
WHERE: 'WHERE';
WITH: 'WITH';
SCROLL: 'SCROLL';
WITHOUT: 'WITHOUT';
WORK: 'WORK';
YEAR: 'YEAR';
ZONE: 'ZONE';

EQ: '=';
NEQ: '<>' | '!=';
LT: '<';
LTE: '<=';
GT: '>';
GTE: '>=';
PLUS: '+';
MINUS: '-';
ASTERISK: '*';
SLASH: '/';
PERCENT: '%';
CONCAT: '||';
DOUBLE_COLON: '::';
LPAREN: '(';
RPAREN: ')';
COMMA: ',';
DOT: '.';
SEMICOLON: ';';

// E'…' must win over the identifier `e` followed by a string: it is the longer match.
ESCAPE_STRING
    : 'E\'' ( ~['\\] | '\'\'' | '\\' . )* '\''
    ;

STRING
    : '\'' ( ~'\'' | '\'\'' )* '\''
    ;

INTEGER_VALUE
    : DIGIT+
    ;

DECIMAL_VALUE
    : DIGIT+ '.' DIGIT*
    | '.' DIGIT+
    ;

DOUBLE_VALUE
    : (DIGIT+ ('.' DIGIT*)? | '.' DIGIT+) 'E' [+-]? DIGIT+
    ;

PARAMETER
    : '$' DIGIT+
    ;

IDENTIFIER
    : (LETTER | '_') (LETTER | DIGIT | '_' | '$')*
    ;

QUOTED_IDENTIFIER
    : '"' ( ~'"' | '""' )* '"'
    ;

fragment DIGIT
    : [0-9]
    ;

fragment LETTER
    : [A-Z] | '\u0080' .. '\uFFFE'
    ;

SIMPLE_COMMENT
    : '--' ~[\r\n]* -> channel(HIDDEN)
    ;

BRACKETED_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

WS
    : [ \r\n\t\f]+ -> channel(HIDDEN)
    ;

// Anything else becomes a token the parser rejects, so that the error names the character.
UNRECOGNIZED
    : .
    ;
