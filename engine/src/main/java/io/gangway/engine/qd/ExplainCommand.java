package io.gangway.engine.qd;

import io.gangway.api.Batch;
import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.engine.session.QueryResult;
import io.gangway.spi.analyzer.AnalyzerContext;
import io.gangway.spi.ast.Explain;
import io.gangway.spi.ast.Insert;
import io.gangway.spi.ast.QueryStatement;
import io.gangway.spi.ast.Statement;
import io.gangway.spi.dispatch.DispatchOptions;
import io.gangway.spi.plan.PlannedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code EXPLAIN [ANALYZE] [VERBOSE]}: the planner's text of the plan, and with ANALYZE the plan run
 * to its end (its rows thrown away, an INSERT's rows written) and the row count and time added.
 */
final class ExplainCommand {
    private ExplainCommand() {
    }

    static QueryResult run(Explain explain, AnalyzerContext context, SessionContext session) {
        Statement inner = explain.statement();
        if (!(inner instanceof QueryStatement || inner instanceof Insert)) {
            throw new SqlException(SqlState.FEATURE_NOT_SUPPORTED, "EXPLAIN supports SELECT, VALUES and INSERT");
        }
        PlannedStatement plan = session.plan(inner, context);
        List<List<Object>> rows = new ArrayList<>();
        session.services().planner().explain(plan, explain.verbose()).forEach(line -> rows.add(List.of(line)));
        if (explain.analyze()) {
            session.transactionBlock().refuseWrite("EXPLAIN ANALYZE");
            long start = System.nanoTime();
            try (QueryResult result = session.start(plan, DispatchOptions.DEFAULT)) {
                long count = 0;
                for (Optional<Batch> batch = result.nextBatch(); batch.isPresent(); batch = result.nextBatch()) {
                    count += batch.get().rowCount();
                }
                rows.add(List.of("Rows: " + (plan.command() == PlannedStatement.Command.INSERT
                        ? result.commandTag().substring("INSERT 0 ".length()) : Long.toString(count))));
            }
            rows.add(List.of(String.format(Locale.ROOT, "Execution Time: %.3f ms", (System.nanoTime() - start) / 1e6)));
        }
        return Results.rows(List.of(new Column("QUERY PLAN", SqlType.TEXT)), rows, "EXPLAIN");
    }
}
