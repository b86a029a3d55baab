package io.gangway.parser.antlr;

import static io.gangway.parser.antlr.Lexemes.identifier;
import static io.gangway.parser.antlr.Lexemes.identifiers;
import static io.gangway.parser.antlr.Lexemes.notSupported;
import static io.gangway.parser.antlr.Lexemes.position;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.parser.antlr.GangwaySqlParser.*;
import io.gangway.spi.ast.Expression;
import io.gangway.spi.ast.Expression.ColumnReference;
import io.gangway.spi.ast.Expression.NumberLiteral;
import io.gangway.spi.ast.QualifiedName;
import io.gangway.spi.ast.Query;
import io.gangway.spi.ast.QueryBody;
import io.gangway.spi.ast.QueryBody.Select;
import io.gangway.spi.ast.QueryBody.Values;
import io.gangway.spi.ast.Relation;
import io.gangway.spi.ast.Relation.JoinType;
import io.gangway.spi.ast.SelectItem;
import io.gangway.spi.ast.SortItem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.ParserRuleContext;

/**
 * Builds queries and FROM clauses.
 *
 * <p>The parse tree has no node for {@code WITH} nor for column aliases of a derived table, so both
 * are resolved here, as PostgreSQL itself does for non-recursive CTEs it inlines: a reference to a
 * CTE becomes the CTE's query as a subquery in FROM, and {@code (query) AS s(a, b)} renames the
 * query's output columns. One instance per parse (it holds the CTE scopes of the statement).
 */
final class QueryBuilder {
    /** The name PostgreSQL gives the columns of a VALUES list: column1, column2, … */
    private static final String VALUES_COLUMN_PREFIX = "column";

    private final ExpressionBuilder expressions = new ExpressionBuilder(this);
    private final Deque<Map<String, Query>> cteScopes = new ArrayDeque<>();

    ExpressionBuilder expressions() {
        return expressions;
    }

    Query query(QueryContext ctx) {
        if (ctx.with() == null) {
            return queryNoWith(ctx.queryNoWith());
        }
        WithContext with = ctx.with();
        if (with.RECURSIVE() != null) {
            throw notSupported(with, "WITH RECURSIVE");
        }
        Map<String, Query> scope = new HashMap<>();
        cteScopes.push(scope);
        try {
            for (NamedQueryContext named : with.namedQuery()) {
                String name = identifier(named.name);
                Query query = query(named.query());
                if (named.columnAliases() != null) {
                    query = renameColumns(query, identifiers(named.columnAliases()), named,
                            "WITH query \"" + name + "\"");
                }
                if (scope.putIfAbsent(name, query) != null) {
                    throw SqlException.at(SqlState.SYNTAX_ERROR, position(named),
                            "WITH query name \"" + name + "\" specified more than once");
                }
            }
            return queryNoWith(ctx.queryNoWith());
        } finally {
            cteScopes.pop();
        }
    }

    private Query queryNoWith(QueryNoWithContext ctx) {
        Query term = queryTerm(ctx.queryTerm());
        List<SortItem> orderBy = ctx.sortItem().stream().map(this::sortItem).toList();
        Optional<Expression> limit = Optional.empty();
        Optional<Expression> offset = Optional.empty();
        boolean hasLimit = false;
        LimitClauseContext limitClause = ctx.limitClause();
        switch (limitClause) {
            case null -> { }
            case LimitOffsetContext c -> {
                hasLimit = true;
                limit = limitValue(c.limit);
                offset = expressions.optionalExpression(c.offset);
            }
            case OffsetLimitContext c -> {
                hasLimit = c.limit != null;
                limit = c.limit == null ? Optional.empty() : limitValue(c.limit);
                offset = expressions.optionalExpression(c.offset);
            }
            case OffsetFetchContext c -> {
                hasLimit = true;
                limit = Optional.of(c.fetch == null
                        ? new NumberLiteral("1", position(c.FETCH().getSymbol()))
                        : expressions.expression(c.fetch));
                offset = expressions.optionalExpression(c.offset);
            }
            default -> throw new IllegalStateException("unexpected limit clause " + limitClause.getClass().getSimpleName());
        }
        if (!ctx.sortItem().isEmpty() && !term.orderBy().isEmpty()) {
            throw SqlException.at(SqlState.SYNTAX_ERROR, position(ctx.ORDER().getSymbol()), "multiple ORDER BY clauses not allowed");
        }
        if (hasLimit && term.limit().isPresent() || offset.isPresent() && term.offset().isPresent()) {
            throw SqlException.at(SqlState.SYNTAX_ERROR, position(limitClause), "multiple LIMIT clauses not allowed");
        }
        return new Query(
                term.body(),
                orderBy.isEmpty() ? term.orderBy() : orderBy,
                limit.isPresent() ? limit : term.limit(),
                offset.isPresent() ? offset : term.offset());
    }

    private Optional<Expression> limitValue(LimitValueContext ctx) {
        return switch (ctx) {
            case LimitAllContext c -> Optional.empty();
            case LimitExpressionContext c -> Optional.of(expressions.expression(c.valueExpression()));
            default -> throw new IllegalStateException("unexpected limit " + ctx.getClass().getSimpleName());
        };
    }

    private SortItem sortItem(SortItemContext ctx) {
        boolean ascending = ctx.ordering == null || ctx.ordering.getType() == GangwaySqlLexer.ASC;
        Optional<Boolean> nullsFirst = ctx.nullOrdering == null
                ? Optional.empty()
                : Optional.of(ctx.nullOrdering.getType() == GangwaySqlLexer.FIRST);
        return new SortItem(expressions.expression(ctx.expression()), ascending, nullsFirst);
    }

    private Query queryTerm(QueryTermContext ctx) {
        return switch (ctx) {
            case QueryTermDefaultContext c -> queryPrimary(c.queryPrimary());
            case SetOperationContext c -> throw SqlException.at(SqlState.FEATURE_NOT_SUPPORTED, position(c.operator),
                    c.operator.getText().toUpperCase(Locale.ROOT) + " is not supported");
            default -> throw new IllegalStateException("unexpected query term " + ctx.getClass().getSimpleName());
        };
    }

    private Query queryPrimary(QueryPrimaryContext ctx) {
        return switch (ctx) {
            case QueryPrimaryDefaultContext c -> Query.of(select(c.querySpecification()));
            case InlineValuesContext c -> Query.of(new Values(
                    c.rowValue().stream().map(row -> expressions.expressions(row.expression())).toList(),
                    position(c)));
            case ParenthesizedQueryContext c -> query(c.query());
            default -> throw new IllegalStateException("unexpected query " + ctx.getClass().getSimpleName());
        };
    }

    private Select select(QuerySpecificationContext ctx) {
        boolean distinct = ctx.setQuantifier() != null && ctx.setQuantifier().DISTINCT() != null;
        return new Select(
                distinct,
                ctx.selectItem().stream().map(this::selectItem).toList(),
                ctx.relation().stream().map(this::relation).toList(),
                expressions.optionalExpression(ctx.where),
                expressions.expressions(ctx.groupBy),
                expressions.optionalExpression(ctx.having));
    }

    private SelectItem selectItem(SelectItemContext ctx) {
        return switch (ctx) {
            case SelectSingleContext c -> new SelectItem.Single(
                    expressions.expression(c.expression()),
                    Optional.ofNullable(c.identifier()).map(Lexemes::identifier));
            case SelectQualifiedAllContext c -> new SelectItem.AllColumns(
                    Optional.of(String.join(".", identifiers(c.qualifiedName().identifier()))), position(c));
            case SelectAllContext c -> new SelectItem.AllColumns(Optional.empty(), position(c));
            default -> throw new IllegalStateException("unexpected select item " + ctx.getClass().getSimpleName());
        };
    }

    // ------------------------------------------------------------ FROM

    private Relation relation(RelationContext ctx) {
        return switch (ctx) {
            case RelationDefaultContext c -> relationPrimary(c.relationPrimary());
            case CrossJoinContext c -> new Relation.Join(JoinType.CROSS, relation(c.left), relationPrimary(c.right),
                    Optional.empty(), List.of());
            case JoinRelationContext c -> join(c);
            default -> throw new IllegalStateException("unexpected relation " + ctx.getClass().getSimpleName());
        };
    }

    private Relation join(JoinRelationContext ctx) {
        JoinTypeContext type = ctx.joinType();
        JoinType joinType = type.LEFT() != null ? JoinType.LEFT
                : type.RIGHT() != null ? JoinType.RIGHT
                : type.FULL() != null ? JoinType.FULL
                : JoinType.INNER;
        Relation left = relation(ctx.left);
        Relation right = relation(ctx.right);
        return switch (ctx.joinCriteria()) {
            case JoinOnContext on -> new Relation.Join(joinType, left, right,
                    Optional.of(expressions.expression(on.booleanExpression())), List.of());
            case JoinUsingContext using -> new Relation.Join(joinType, left, right, Optional.empty(),
                    identifiers(using.columnAliases()));
            default -> throw new IllegalStateException("unexpected join criteria");
        };
    }

    private Relation relationPrimary(RelationPrimaryContext ctx) {
        return switch (ctx) {
            case TableNameContext c -> table(c);
            case SubqueryRelationContext c -> {
                Query query = query(c.query());
                TableAliasContext alias = c.tableAlias();
                if (alias == null) {
                    // PostgreSQL 16 accepts an unnamed subquery in FROM and calls it so.
                    yield new Relation.Subquery(query, "unnamed_subquery", position(c));
                }
                if (alias.columnAliases() != null) {
                    query = renameColumns(query, identifiers(alias.columnAliases()), alias,
                            "table \"" + identifier(alias.identifier()) + "\"");
                }
                yield new Relation.Subquery(query, identifier(alias.identifier()), position(c));
            }
            case ParenthesizedRelationContext c -> relation(c.relation());
            default -> throw new IllegalStateException("unexpected relation " + ctx.getClass().getSimpleName());
        };
    }

    private Relation table(TableNameContext ctx) {
        QualifiedName name = Lexemes.qualifiedName(ctx.qualifiedName());
        TableAliasContext aliasCtx = ctx.tableAlias();
        Optional<String> alias = Optional.ofNullable(aliasCtx).map(a -> identifier(a.identifier()));
        Optional<Query> cte = name.parts().size() == 1 ? cte(name.simpleName()) : Optional.empty();
        if (cte.isPresent()) {
            Query query = cte.get();
            if (aliasCtx != null && aliasCtx.columnAliases() != null) {
                query = renameColumns(query, identifiers(aliasCtx.columnAliases()), aliasCtx,
                        "table \"" + alias.orElse(name.simpleName()) + "\"");
            }
            return new Relation.Subquery(query, alias.orElse(name.simpleName()), name.position());
        }
        if (aliasCtx != null && aliasCtx.columnAliases() != null) {
            throw notSupported(aliasCtx.columnAliases(), "a column alias list on a table");
        }
        return new Relation.Table(name, alias);
    }

    private Optional<Query> cte(String name) {
        for (Map<String, Query> scope : cteScopes) {
            Query query = scope.get(name);
            if (query != null) {
                return Optional.of(query);
            }
        }
        return Optional.empty();
    }

    /**
     * Gives the first output columns of a query new names, as {@code AS s(a, b)} does. A SELECT gets
     * its items re-aliased; a VALUES list is wrapped in a SELECT naming its {@code columnN} columns.
     */
    private Query renameColumns(Query query, List<String> names, ParserRuleContext at, String describedAs) {
        return switch (query.body()) {
            case Select select when query.orderBy().isEmpty()
                    && names.size() <= select.items().size()
                    && select.items().stream().allMatch(SelectItem.Single.class::isInstance) -> {
                List<SelectItem> items = new ArrayList<>(select.items());
                for (int i = 0; i < names.size(); i++) {
                    SelectItem.Single item = (SelectItem.Single) items.get(i);
                    items.set(i, new SelectItem.Single(item.expression(), Optional.of(names.get(i))));
                }
                Select renamed = new Select(select.distinct(), items, select.from(), select.where(),
                        select.groupBy(), select.having());
                yield new Query(renamed, query.orderBy(), query.limit(), query.offset());
            }
            case Values values when !values.rows().isEmpty() && names.size() <= values.rows().getFirst().size() -> {
                int width = values.rows().getFirst().size();
                List<SelectItem> items = new ArrayList<>(width);
                for (int i = 0; i < width; i++) {
                    Expression column = new ColumnReference(List.of(VALUES_COLUMN_PREFIX + (i + 1)), 0);
                    items.add(new SelectItem.Single(column, i < names.size() ? Optional.of(names.get(i)) : Optional.empty()));
                }
                Relation source = new Relation.Subquery(query, "*VALUES*", values.position());
                yield Query.of(new Select(false, items, List.of(source), Optional.empty(), List.of(), Optional.empty()));
            }
            case QueryBody body -> {
                boolean countKnown = !(body instanceof Select select)
                        || select.items().stream().allMatch(SelectItem.Single.class::isInstance);
                int columns = switch (body) {
                    case Select select -> select.items().size();
                    case Values values -> values.rows().isEmpty() ? 0 : values.rows().getFirst().size();
                };
                if (countKnown && names.size() > columns) {
                    throw SqlException.at(SqlState.INVALID_COLUMN_REFERENCE, position(at),
                            describedAs + " has " + columns + " columns available but " + names.size() + " columns specified");
                }
                throw notSupported(at, "a column alias list on a subquery with * or ORDER BY");
            }
        };
    }
}
