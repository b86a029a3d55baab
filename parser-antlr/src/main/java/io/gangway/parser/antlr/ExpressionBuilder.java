package io.gangway.parser.antlr;

import static io.gangway.parser.antlr.Lexemes.identifier;
import static io.gangway.parser.antlr.Lexemes.position;
import static io.gangway.parser.antlr.Lexemes.string;
import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.parser.antlr.GangwaySqlParser.*;
import io.gangway.spi.ast.Expression;
import io.gangway.spi.ast.Expression.Between;
import io.gangway.spi.ast.Expression.Binary;
import io.gangway.spi.ast.Expression.BinaryOperator;
import io.gangway.spi.ast.Expression.BooleanLiteral;
import io.gangway.spi.ast.Expression.Case;
import io.gangway.spi.ast.Expression.Cast;
import io.gangway.spi.ast.Expression.ColumnReference;
import io.gangway.spi.ast.Expression.Exists;
import io.gangway.spi.ast.Expression.Extract;
import io.gangway.spi.ast.Expression.FunctionCall;
import io.gangway.spi.ast.Expression.InList;
import io.gangway.spi.ast.Expression.InSubquery;
import io.gangway.spi.ast.Expression.IsNull;
import io.gangway.spi.ast.Expression.Like;
import io.gangway.spi.ast.Expression.NullLiteral;
import io.gangway.spi.ast.Expression.NumberLiteral;
import io.gangway.spi.ast.Expression.Parameter;
import io.gangway.spi.ast.Expression.ScalarSubquery;
import io.gangway.spi.ast.Expression.StringLiteral;
import io.gangway.spi.ast.Expression.TypedLiteral;
import io.gangway.spi.ast.Expression.Unary;
import io.gangway.spi.ast.Expression.UnaryOperator;
import io.gangway.spi.ast.Expression.WhenClause;
import io.gangway.spi.ast.QualifiedName;
import io.gangway.spi.ast.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds {@link Expression} trees. Positions follow PostgreSQL: an operator form (binary operators,
 * {@code ::}, {@code IS NULL}, {@code BETWEEN}, {@code IN}, {@code LIKE}) is placed at its operator
 * ({@code NOT} when negated), every other form at its first token.
 */
final class ExpressionBuilder extends GangwaySqlBaseVisitor<Expression> {
    private final QueryBuilder queries;

    ExpressionBuilder(QueryBuilder queries) {
        this.queries = requireNonNull(queries, "queries is null");
    }

    Expression expression(ParserRuleContext ctx) {
        return requireNonNull(visit(ctx), () -> "no expression built for " + ctx.getClass().getSimpleName());
    }

    Optional<Expression> optionalExpression(ParserRuleContext ctx) {
        return ctx == null ? Optional.empty() : Optional.of(expression(ctx));
    }

    List<Expression> expressions(List<? extends ParserRuleContext> ctxs) {
        return ctxs.stream().map(this::expression).toList();
    }

    // ------------------------------------------------------------ boolean layer

    @Override
    public Expression visitExpression(ExpressionContext ctx) {
        return expression(ctx.booleanExpression());
    }

    @Override
    public Expression visitPredicated(PredicatedContext ctx) {
        return expression(ctx.valueExpression());
    }

    @Override
    public Expression visitLogicalNot(LogicalNotContext ctx) {
        Expression operand = expression(ctx.booleanExpression());
        // NOT EXISTS (…) is one node in the tree, as the SPI models it.
        if (operand instanceof Exists exists && !exists.negated() && ctx.booleanExpression().getStart().getType() == GangwaySqlLexer.EXISTS) {
            return new Exists(exists.query(), true, position(ctx.NOT().getSymbol()));
        }
        return new Unary(UnaryOperator.NOT, operand, position(ctx.NOT().getSymbol()));
    }

    @Override
    public Expression visitLogicalBinary(LogicalBinaryContext ctx) {
        BinaryOperator operator = ctx.operator.getType() == GangwaySqlLexer.AND ? BinaryOperator.AND : BinaryOperator.OR;
        return new Binary(operator, expression(ctx.left), expression(ctx.right), position(ctx.operator));
    }

    // ------------------------------------------------------------ value layer

    @Override
    public Expression visitPrimary(PrimaryContext ctx) {
        return expression(ctx.primaryExpression());
    }

    @Override
    public Expression visitCastOperator(CastOperatorContext ctx) {
        return new Cast(expression(ctx.valueExpression()), type(ctx.type()), position(ctx.operator));
    }

    @Override
    public Expression visitArithmeticUnary(ArithmeticUnaryContext ctx) {
        UnaryOperator operator = ctx.operator.getType() == GangwaySqlLexer.MINUS ? UnaryOperator.NEGATE : UnaryOperator.PLUS;
        return new Unary(operator, expression(ctx.valueExpression()), position(ctx.operator));
    }

    @Override
    public Expression visitArithmeticBinary(ArithmeticBinaryContext ctx) {
        BinaryOperator operator = switch (ctx.operator.getType()) {
            case GangwaySqlLexer.PLUS -> BinaryOperator.ADD;
            case GangwaySqlLexer.MINUS -> BinaryOperator.SUBTRACT;
            case GangwaySqlLexer.ASTERISK -> BinaryOperator.MULTIPLY;
            case GangwaySqlLexer.SLASH -> BinaryOperator.DIVIDE;
            case GangwaySqlLexer.PERCENT -> BinaryOperator.MODULO;
            default -> throw new IllegalStateException("unexpected operator " + ctx.operator.getText());
        };
        return new Binary(operator, expression(ctx.left), expression(ctx.right), position(ctx.operator));
    }

    @Override
    public Expression visitConcatenation(ConcatenationContext ctx) {
        return new Binary(BinaryOperator.CONCAT, expression(ctx.left), expression(ctx.right), position(ctx.operator));
    }

    @Override
    public Expression visitComparison(ComparisonContext ctx) {
        Token operatorToken = ctx.comparisonOperator().getStart();
        BinaryOperator operator = switch (operatorToken.getType()) {
            case GangwaySqlLexer.EQ -> BinaryOperator.EQUAL;
            case GangwaySqlLexer.NEQ -> BinaryOperator.NOT_EQUAL;
            case GangwaySqlLexer.LT -> BinaryOperator.LESS;
            case GangwaySqlLexer.LTE -> BinaryOperator.LESS_EQUAL;
            case GangwaySqlLexer.GT -> BinaryOperator.GREATER;
            case GangwaySqlLexer.GTE -> BinaryOperator.GREATER_EQUAL;
            default -> throw new IllegalStateException("unexpected operator " + operatorToken.getText());
        };
        return new Binary(operator, expression(ctx.left), expression(ctx.right), position(operatorToken));
    }

    @Override
    public Expression visitBetween(BetweenContext ctx) {
        return new Between(expression(ctx.value), expression(ctx.low), expression(ctx.high),
                ctx.NOT() != null, operatorPosition(ctx.NOT(), ctx.operator));
    }

    @Override
    public Expression visitInSubquery(InSubqueryContext ctx) {
        return new InSubquery(expression(ctx.value), queries.query(ctx.query()), ctx.NOT() != null,
                operatorPosition(ctx.NOT(), ctx.operator));
    }

    @Override
    public Expression visitInList(InListContext ctx) {
        return new InList(expression(ctx.value), expressions(ctx.expression()), ctx.NOT() != null,
                operatorPosition(ctx.NOT(), ctx.operator));
    }

    @Override
    public Expression visitLike(LikeContext ctx) {
        return new Like(expression(ctx.value), expression(ctx.pattern), ctx.NOT() != null,
                ctx.operator.getType() == GangwaySqlLexer.ILIKE, operatorPosition(ctx.NOT(), ctx.operator));
    }

    @Override
    public Expression visitIsNull(IsNullContext ctx) {
        return new IsNull(expression(ctx.valueExpression()), ctx.NOT() != null, position(ctx.operator));
    }

    /**
     * {@code a IS [NOT] DISTINCT FROM b} has no node of its own: it is written as the CASE it means,
     * {@code CASE WHEN a IS NULL THEN b IS [NOT] NULL WHEN b IS NULL THEN false|true ELSE a <>|= b END}.
     */
    @Override
    public Expression visitDistinctFrom(DistinctFromContext ctx) {
        Expression left = expression(ctx.valueExpression(0));
        Expression right = expression(ctx.valueExpression(1));
        boolean distinct = ctx.NOT() == null;
        int position = position(ctx.operator);
        return new Case(
                Optional.empty(),
                List.of(
                        new WhenClause(new IsNull(left, false, position), new IsNull(right, distinct, position)),
                        new WhenClause(new IsNull(right, false, position), new BooleanLiteral(distinct, position))),
                Optional.of(new Binary(distinct ? BinaryOperator.NOT_EQUAL : BinaryOperator.EQUAL, left, right, position)),
                position);
    }

    /**
     * {@code x IS [NOT] TRUE|FALSE} never yields null: written as
     * {@code CASE WHEN x = value THEN NOT negated ELSE negated END}.
     */
    @Override
    public Expression visitIsBoolean(IsBooleanContext ctx) {
        Expression operand = expression(ctx.valueExpression());
        boolean negated = ctx.NOT() != null;
        int position = position(ctx.operator);
        boolean value = ctx.booleanValue().TRUE() != null;
        Expression condition = value ? operand : new Unary(UnaryOperator.NOT, operand, position);
        return new Case(
                Optional.empty(),
                List.of(new WhenClause(condition, new BooleanLiteral(!negated, position))),
                Optional.of(new BooleanLiteral(negated, position)),
                position);
    }

    // ------------------------------------------------------------ primaries

    @Override
    public Expression visitNullLiteral(NullLiteralContext ctx) {
        return new NullLiteral(position(ctx));
    }

    @Override
    public Expression visitIntervalLiteral(IntervalLiteralContext ctx) {
        Optional<String> qualifier = Optional.ofNullable(ctx.intervalQualifier()).map(q -> {
            String from = q.from.getText().toLowerCase(Locale.ROOT);
            return q.to == null ? from : from + " to " + q.to.getText().toLowerCase(Locale.ROOT);
        });
        int position = position(ctx);
        return new TypedLiteral(new TypeName("interval", List.of(), position), string(ctx.string()), qualifier, position);
    }

    @Override
    public Expression visitTypedLiteral(TypedLiteralContext ctx) {
        return new TypedLiteral(type(ctx.type()), string(ctx.string()), Optional.empty(), position(ctx));
    }

    @Override
    public Expression visitNumericLiteral(NumericLiteralContext ctx) {
        return new NumberLiteral(ctx.getText(), position(ctx));
    }

    @Override
    public Expression visitBooleanLiteral(BooleanLiteralContext ctx) {
        return new BooleanLiteral(ctx.booleanValue().TRUE() != null, position(ctx));
    }

    @Override
    public Expression visitStringLiteral(StringLiteralContext ctx) {
        return new StringLiteral(string(ctx.string()), position(ctx));
    }

    @Override
    public Expression visitParameter(ParameterContext ctx) {
        String text = ctx.getText();
        try {
            return new Parameter(Integer.parseInt(text.substring(1)), position(ctx));
        } catch (NumberFormatException e) {
            throw SqlException.at(SqlState.SYNTAX_ERROR, position(ctx), "syntax error at or near \"" + text + "\"");
        }
    }

    @Override
    public Expression visitExists(ExistsContext ctx) {
        return new Exists(queries.query(ctx.query()), false, position(ctx));
    }

    @Override
    public Expression visitSubqueryExpression(SubqueryExpressionContext ctx) {
        return new ScalarSubquery(queries.query(ctx.query()), position(ctx));
    }

    @Override
    public Expression visitSimpleCase(SimpleCaseContext ctx) {
        return new Case(Optional.of(expression(ctx.operand)), whens(ctx.whenClause()),
                optionalExpression(ctx.elseExpression), position(ctx));
    }

    @Override
    public Expression visitSearchedCase(SearchedCaseContext ctx) {
        return new Case(Optional.empty(), whens(ctx.whenClause()), optionalExpression(ctx.elseExpression), position(ctx));
    }

    private List<WhenClause> whens(List<WhenClauseContext> ctxs) {
        return ctxs.stream().map(w -> new WhenClause(expression(w.condition), expression(w.result))).toList();
    }

    @Override
    public Expression visitCast(CastContext ctx) {
        return new Cast(expression(ctx.expression()), type(ctx.type()), position(ctx));
    }

    @Override
    public Expression visitExtract(ExtractContext ctx) {
        ExtractFieldContext field = ctx.field;
        String name = field.identifier() != null
                ? identifier(field.identifier())
                : string(field.string()).toLowerCase(Locale.ROOT);
        return new Extract(name, expression(ctx.valueExpression()), position(ctx));
    }

    /** {@code substring(x FROM a [FOR b])} is the function {@code substring(x, a[, b])}. */
    @Override
    public Expression visitSubstring(SubstringContext ctx) {
        return builtin("substring", expressions(ctx.valueExpression()), ctx);
    }

    /** {@code position(a IN b)} is the function {@code position(a, b)}. */
    @Override
    public Expression visitPosition(PositionContext ctx) {
        return builtin("position", expressions(ctx.valueExpression()), ctx);
    }

    private static Expression builtin(String name, List<Expression> arguments, ParserRuleContext ctx) {
        int position = position(ctx);
        return new FunctionCall(new QualifiedName(List.of(name), position), arguments, false, false, position);
    }

    @Override
    public Expression visitFunctionCallStar(FunctionCallStarContext ctx) {
        refuseFilterAndOver(ctx.filter(), ctx.over());
        return new FunctionCall(functionName(ctx.functionName()), List.of(), false, true, position(ctx));
    }

    @Override
    public Expression visitFunctionCall(FunctionCallContext ctx) {
        refuseFilterAndOver(ctx.filter(), ctx.over());
        boolean distinct = ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null;
        return new FunctionCall(functionName(ctx.functionName()), expressions(ctx.expression()), distinct, false, position(ctx));
    }

    private static void refuseFilterAndOver(FilterContext filter, OverContext over) {
        if (filter != null) {
            throw Lexemes.notSupported(filter, "FILTER");
        }
        if (over != null) {
            throw Lexemes.notSupported(over, "window functions (OVER)");
        }
    }

    private static QualifiedName functionName(FunctionNameContext ctx) {
        if (ctx.qualifiedName() != null) {
            return Lexemes.qualifiedName(ctx.qualifiedName());
        }
        return new QualifiedName(List.of(ctx.getText().toLowerCase(Locale.ROOT)), position(ctx));
    }

    @Override
    public Expression visitColumnReference(ColumnReferenceContext ctx) {
        return new ColumnReference(Lexemes.identifiers(ctx.qualifiedName().identifier()), position(ctx));
    }

    @Override
    public Expression visitParenthesizedExpression(ParenthesizedExpressionContext ctx) {
        return expression(ctx.expression());
    }

    // ------------------------------------------------------------ types

    /** A type as written: words lower-cased and joined by one space, modifiers apart. */
    static TypeName type(TypeContext ctx) {
        List<Integer> modifiers = new ArrayList<>();
        StringBuilder name = new StringBuilder();
        for (ParseTree child : ctx.children) {
            if (child instanceof TypeModifiersContext typeModifiers) {
                typeModifiers.INTEGER_VALUE().forEach(n -> modifiers.add(Lexemes.integer(n.getSymbol())));
                continue;
            }
            String word = child instanceof IdentifierContext identifier
                    ? identifier(identifier)
                    : child.getText().toLowerCase(Locale.ROOT);
            if (!name.isEmpty()) {
                name.append(' ');
            }
            name.append(word);
        }
        return new TypeName(name.toString(), modifiers, position(ctx));
    }

    private static int operatorPosition(TerminalNode not, Token operator) {
        return not != null ? position(not.getSymbol()) : position(operator);
    }
}
