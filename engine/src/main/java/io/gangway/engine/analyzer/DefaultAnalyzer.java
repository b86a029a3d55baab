package io.gangway.engine.analyzer;

import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.analyzer.Analyzer;
import io.gangway.spi.analyzer.AnalyzerContext;
import io.gangway.spi.ast.Insert;
import io.gangway.spi.ast.QueryBody;
import io.gangway.spi.ast.Statement;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.FromNode;
import io.gangway.spi.query.Query;
import io.gangway.spi.query.RangeTableEntry;
import io.gangway.spi.query.TargetEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Gangway's analyzer: PostgreSQL's name resolution, typing and grouping rules for queries and INSERT. */
public final class DefaultAnalyzer implements Analyzer {
    @Override
    public Query analyze(Statement statement, AnalyzerContext context) {
        return switch (statement) {
            case io.gangway.spi.ast.QueryStatement q -> new QueryAnalyzer(context).analyze(q.query());
            case Insert insert -> insert(insert, context);
            case io.gangway.spi.ast.Explain explain -> analyze(explain.statement(), context);
            case io.gangway.spi.ast.CreateTable s -> notAQuery(statement);
            case io.gangway.spi.ast.DropTable s -> notAQuery(statement);
            case io.gangway.spi.ast.CreateView s -> notAQuery(statement);
            case io.gangway.spi.ast.DropView s -> notAQuery(statement);
            case io.gangway.spi.ast.SetVariable s -> notAQuery(statement);
            case io.gangway.spi.ast.ShowVariable s -> notAQuery(statement);
            case io.gangway.spi.ast.ResetVariable s -> notAQuery(statement);
            case io.gangway.spi.ast.TransactionStatement s -> notAQuery(statement);
            case io.gangway.spi.ast.DeclareCursor declare -> new QueryAnalyzer(context).analyze(declare.query());
            case io.gangway.spi.ast.FetchCursor s -> notAQuery(statement);
            case io.gangway.spi.ast.CloseCursor s -> notAQuery(statement);
        };
    }

    private static Query notAQuery(Statement statement) {
        throw new SqlException(SqlState.INTERNAL_ERROR,
                "utility statement " + statement.getClass().getSimpleName() + " has no query tree");
    }

    private Query insert(Insert insert, AnalyzerContext context) {
        RelationResolver relations = new RelationResolver(context);
        TableDescriptor table = relations.insertTarget(insert.table());
        List<Integer> targetColumns = new ArrayList<>();
        if (insert.columns().isEmpty()) {
            for (int i = 0; i < table.columns().size(); i++) {
                targetColumns.add(i);
            }
        } else {
            for (String name : insert.columns()) {
                OptionalInt index = table.columnIndex(name);
                if (index.isEmpty()) {
                    throw new SqlException(SqlState.UNDEFINED_COLUMN,
                            "column \"" + name + "\" of relation \"" + table.name() + "\" does not exist");
                }
                if (targetColumns.contains(index.getAsInt())) {
                    throw new SqlException(SqlState.SYNTAX_ERROR, "column \"" + name + "\" specified more than once");
                }
                targetColumns.add(index.getAsInt());
            }
        }
        List<Column> targets = targetColumns.stream().map(i -> table.columns().get(i)).toList();
        RangeTableEntry source = source(insert, context, targets);
        List<TargetEntry> targetList = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            Column column = table.columns().get(i);
            int k = targetColumns.indexOf(i);
            Expr value;
            if (k >= 0) {
                Column sourceColumn = source.columns().get(k);
                value = Assignment.coerce(new Expr.ColumnRef(0, k, sourceColumn.name(), sourceColumn.type()), column, 0);
            } else if (table.notNull().get(i)) {
                throw new SqlException(SqlState.NOT_NULL_VIOLATION, "null value in column \"" + column.name()
                        + "\" of relation \"" + table.name() + "\" violates not-null constraint");
            } else {
                value = new Expr.Constant(null, column.type());
            }
            targetList.add(new TargetEntry(value, column.name(), false));
        }
        return new Query(Query.CommandType.INSERT, List.of(source), Optional.of(new FromNode.RangeRef(0)),
                Optional.empty(), targetList, List.of(), Optional.empty(), false, false, List.of(),
                OptionalLong.empty(), OptionalLong.empty(), Optional.of(table));
    }

    private RangeTableEntry source(Insert insert, AnalyzerContext context, List<Column> targets) {
        io.gangway.spi.ast.Query query = insert.source();
        if (query.body() instanceof QueryBody.Values values && query.orderBy().isEmpty() && query.limit().isEmpty()
                && query.offset().isEmpty()) {
            return ValuesAnalyzer.analyze(values, new ExpressionAnalyzer(new Scope(), context), targets);
        }
        Query select = new QueryAnalyzer(context).analyze(query);
        ValuesAnalyzer.checkInsertWidth(select.resultColumns().size(), targets.size(), 0);
        return new RangeTableEntry.Subquery(select, "*SELECT*", select.resultColumns());
    }
}
