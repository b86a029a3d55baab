package io.gangway.engine.exec.operator;

import io.gangway.engine.exec.MemoryAccount;
import static java.util.Objects.requireNonNull;

import io.gangway.api.Batch;
import io.gangway.api.ColumnVector;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.engine.exec.Operator;
import io.gangway.engine.exec.expr.CompiledExpr;
import io.gangway.engine.exec.expr.ExpressionCompiler;
import io.gangway.engine.exec.expr.Values;
import io.gangway.spi.plan.AggregateCall;
import io.gangway.spi.plan.AggregateStage;
import io.gangway.spi.query.AggregateFunction;
import io.gangway.spi.query.Expr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hash aggregation in one stage of {@link AggregateStage}. Groups are keyed by SQL equality of the
 * group key values (NULLs group together); without group keys there is exactly one group, so one
 * output row even for empty input — in every stage, so that a partial count of 0 reaches the final
 * stage instead of going missing. DISTINCT aggregates keep a set of seen values per group (in the
 * {@code SINGLE} and {@code PARTIAL} stages). The hash table is not bounded by {@code work_mem} yet.
 */
public final class AggregateOperator implements Operator {
    private final Operator input;
    private final AggregateStage stage;
    private final List<CompiledExpr> groupKeys;
    private final List<AggregateCall> calls;
    private final CompiledExpr[] arguments;
    private final int[] countColumns;
    private final List<SqlType> outputTypes;
    private final Map<Object, Group> groups = new LinkedHashMap<>();
    /** Charged for each group: its key values twice (hash key and original), and about 48 bytes per aggregate state. */
    private final MemoryAccount memory;
    private Iterator<Group> results;

    public AggregateOperator(Operator input, AggregateStage stage, List<Expr> groupKeys, List<AggregateCall> calls,
            List<SqlType> outputTypes) {
        this(input, stage, groupKeys, calls, outputTypes, new MemoryAccount());
    }

    /** An aggregation whose groups are charged to {@code memory}. */
    public AggregateOperator(Operator input, AggregateStage stage, List<Expr> groupKeys, List<AggregateCall> calls,
            List<SqlType> outputTypes, MemoryAccount memory) {
        this.memory = requireNonNull(memory, "memory is null");
        this.input = requireNonNull(input, "input is null");
        this.stage = requireNonNull(stage, "stage is null");
        this.groupKeys = ExpressionCompiler.compileAll(groupKeys);
        this.calls = List.copyOf(calls);
        this.outputTypes = List.copyOf(outputTypes);
        this.arguments = new CompiledExpr[calls.size()];
        this.countColumns = new int[calls.size()];
        for (int a = 0; a < calls.size(); a++) {
            AggregateCall call = calls.get(a);
            countColumns[a] = -1;
            if (call.function() == AggregateFunction.COUNT_STAR && stage != AggregateStage.FINAL) {
                continue;
            }
            if (call.arguments().isEmpty()) {
                throw new SqlException(SqlState.INTERNAL_ERROR, call.function().sqlName() + " without an argument");
            }
            Expr argument = call.arguments().get(0);
            arguments[a] = ExpressionCompiler.compile(argument);
            if (stage == AggregateStage.FINAL && call.function() == AggregateFunction.AVG) {
                if (!(argument instanceof Expr.InputRef ref)) {
                    throw new SqlException(SqlState.INTERNAL_ERROR, "a final avg must read its partial state columns");
                }
                countColumns[a] = ref.index() + 1;
            }
        }
        if (groupKeys.isEmpty()) {
            groups.put(List.of(), newGroup(new Object[0]));
        }
    }

    @Override
    public Optional<Batch> next() {
        if (results == null) {
            for (Optional<Batch> b = input.next(); b.isPresent(); b = input.next()) {
                accumulate(b.get());
            }
            input.close();
            results = groups.values().iterator();
        }
        if (!results.hasNext()) {
            return Optional.empty();
        }
        List<ColumnVector.Builder> builders = new ArrayList<>(outputTypes.size());
        for (SqlType type : outputTypes) {
            builders.add(ColumnVector.builder(type, Math.min(groups.size(), Batch.DEFAULT_ROWS)));
        }
        int rows = 0;
        List<Object> row = new ArrayList<>(outputTypes.size());
        while (results.hasNext() && rows < Batch.DEFAULT_ROWS) {
            Group group = results.next();
            row.clear();
            row.addAll(Arrays.asList(group.keys));
            for (AggregateState state : group.states) {
                if (stage == AggregateStage.PARTIAL) {
                    state.writePartial(row);
                } else {
                    row.add(state.result());
                }
            }
            for (int c = 0; c < builders.size(); c++) {
                builders.get(c).append(row.get(c));
            }
            rows++;
        }
        List<ColumnVector> columns = new ArrayList<>(builders.size());
        for (ColumnVector.Builder builder : builders) {
            columns.add(builder.build());
        }
        return Optional.of(new Batch(columns, rows));
    }

    private void accumulate(Batch batch) {
        int n = batch.rowCount();
        ColumnVector[] keys = new ColumnVector[groupKeys.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = groupKeys.get(k).evaluate(batch);
        }
        ColumnVector[] values = new ColumnVector[arguments.length];
        for (int a = 0; a < arguments.length; a++) {
            values[a] = arguments[a] == null ? null : arguments[a].evaluate(batch);
        }
        Group only = keys.length == 0 ? groups.get(List.of()) : null;
        for (int i = 0; i < n; i++) {
            Group group = only != null ? only : groupOf(keys, i);
            for (int a = 0; a < arguments.length; a++) {
                Object value = values[a] == null ? null : values[a].get(i);
                if (stage == AggregateStage.FINAL) {
                    Object partialCount = countColumns[a] < 0 ? null : batch.column(countColumns[a]).get(i);
                    group.states[a].combine(value, partialCount);
                } else {
                    group.states[a].add(value);
                }
            }
        }
    }

    private Group groupOf(ColumnVector[] keys, int row) {
        Object[] hashKey = new Object[keys.length];
        for (int k = 0; k < keys.length; k++) {
            hashKey[k] = Values.hashKey(keys[k].get(row));
        }
        List<Object> key = Arrays.asList(hashKey);
        Group group = groups.get(key);
        if (group == null) {
            Object[] original = new Object[keys.length];
            for (int k = 0; k < keys.length; k++) {
                original[k] = keys[k].get(row);
            }
            group = newGroup(original);
            groups.put(key, group);
            long bytes = 64 + 48L * calls.size();
            for (int k = 0; k < keys.length; k++) {
                bytes += MemoryAccount.estimate(original[k]) + MemoryAccount.estimate(hashKey[k]);
            }
            memory.charge(bytes);
        }
        return group;
    }

    private Group newGroup(Object[] keys) {
        AggregateState[] states = new AggregateState[calls.size()];
        for (int a = 0; a < states.length; a++) {
            states[a] = new AggregateState(calls.get(a), stage);
        }
        return new Group(keys, states);
    }

    private record Group(Object[] keys, AggregateState[] states) {
    }

    @Override
    public void close() {
        input.close();
    }
}
