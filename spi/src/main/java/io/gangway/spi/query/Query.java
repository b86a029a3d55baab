package io.gangway.spi.query;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Column;
import io.gangway.spi.catalog.TableDescriptor;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The query tree: a statement after analysis, every name resolved and every expression typed, as
 * in PostgreSQL's {@code Query}. The rewriter takes and returns one; the planner plans one.
 *
 * <p>For {@code INSERT}, {@code insertTarget} names the table and the target list holds one entry
 * per table column, in table order, already cast to the column types. {@code groupBy} and
 * {@code having} use the same expressions as the target list; aggregates appear as
 * {@link Expr.Aggregate} in the target list and HAVING only.
 */
public record Query(
        CommandType command,
        List<RangeTableEntry> rangeTable,
        Optional<FromNode> from,
        Optional<Expr> where,
        List<TargetEntry> targetList,
        List<Expr> groupBy,
        Optional<Expr> having,
        boolean hasAggregates,
        boolean distinct,
        List<SortClause> orderBy,
        OptionalLong limit,
        OptionalLong offset,
        Optional<TableDescriptor> insertTarget) {
    public enum CommandType { SELECT, INSERT }

    public Query {
        requireNonNull(command, "command is null");
        rangeTable = List.copyOf(requireNonNull(rangeTable, "rangeTable is null"));
        requireNonNull(from, "from is null");
        requireNonNull(where, "where is null");
        targetList = List.copyOf(requireNonNull(targetList, "targetList is null"));
        groupBy = List.copyOf(requireNonNull(groupBy, "groupBy is null"));
        requireNonNull(having, "having is null");
        orderBy = List.copyOf(requireNonNull(orderBy, "orderBy is null"));
        requireNonNull(limit, "limit is null");
        requireNonNull(offset, "offset is null");
        requireNonNull(insertTarget, "insertTarget is null");
        if ((command == CommandType.INSERT) != insertTarget.isPresent()) {
            throw new IllegalArgumentException("an INSERT, and only an INSERT, has a target table");
        }
    }

    /** The columns a client sees: the non-junk target entries. */
    public List<Column> resultColumns() {
        return targetList.stream().filter(t -> !t.junk()).map(t -> new Column(t.name(), t.expression().type())).toList();
    }

    public Query withRangeTable(List<RangeTableEntry> newRangeTable) {
        return new Query(command, newRangeTable, from, where, targetList, groupBy, having, hasAggregates, distinct,
                orderBy, limit, offset, insertTarget);
    }
}
