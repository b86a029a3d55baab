package io.gangway.engine.exec;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Batch;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.engine.exec.expr.Casts;
import io.gangway.engine.exec.expr.CompiledExpr;
import io.gangway.engine.exec.expr.ExpressionCompiler;
import io.gangway.engine.exec.motion.MergeReceiveOperator;
import io.gangway.engine.exec.motion.MotionReceiveOperator;
import io.gangway.engine.exec.operator.AggregateOperator;
import io.gangway.engine.exec.operator.CheckedOperator;
import io.gangway.engine.exec.operator.FilterOperator;
import io.gangway.engine.exec.operator.HashJoinOperator;
import io.gangway.engine.exec.operator.InsertOperator;
import io.gangway.engine.exec.operator.LimitOperator;
import io.gangway.engine.exec.operator.NestedLoopJoinOperator;
import io.gangway.engine.exec.operator.ProjectOperator;
import io.gangway.engine.exec.operator.SeqScanOperator;
import io.gangway.engine.exec.operator.SortOperator;
import io.gangway.engine.exec.operator.ValuesOperator;
import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.plan.MotionKind;
import io.gangway.spi.plan.PlanNode;
import io.gangway.spi.query.Expr;
import io.gangway.spi.storage.StorageEngine;
import io.gangway.spi.storage.TableScan;
import io.gangway.spi.storage.TableWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Builds the operator tree of one slice from its plan nodes. A {@link PlanNode.Motion} met inside
 * the tree is the receiving end of a lower slice; the motion at the root of a sending slice is
 * handled by {@link SliceRunner}. Every operator is wrapped in a cancel check.
 */
public final class OperatorBuilder {
    private final ExecutionContext context;

    public OperatorBuilder(ExecutionContext context) {
        this.context = requireNonNull(context, "context is null");
    }

    public Operator build(PlanNode node) {
        // Exhaustive over the sealed PlanNode without default: a new node kind breaks the build here.
        Operator operator = switch (node) {
            case PlanNode.SeqScan scan -> seqScan(scan);
            case PlanNode.Values values -> new ValuesOperator(values(values));
            case PlanNode.Project project -> {
                List<CompiledExpr> expressions = ExpressionCompiler.compileAll(project.expressions());
                yield new ProjectOperator(build(project.input()), expressions);
            }
            case PlanNode.Filter filter -> {
                CompiledExpr predicate = ExpressionCompiler.compile(filter.predicate());
                yield new FilterOperator(build(filter.input()), predicate);
            }
            case PlanNode.HashJoin join -> {
                List<CompiledExpr> leftKeys = ExpressionCompiler.compileAll(join.leftKeys());
                List<CompiledExpr> rightKeys = ExpressionCompiler.compileAll(join.rightKeys());
                var residual = join.residual().map(ExpressionCompiler::compile);
                Operator[] inputs = buildBoth(join.left(), join.right());
                yield new HashJoinOperator(join.joinType(), inputs[0], inputs[1], join.left().outputTypes(),
                        join.right().outputTypes(), leftKeys, rightKeys, residual, context.memory());
            }
            case PlanNode.NestedLoopJoin join -> {
                var condition = join.condition().map(ExpressionCompiler::compile);
                Operator[] inputs = buildBoth(join.left(), join.right());
                yield new NestedLoopJoinOperator(join.joinType(), inputs[0], inputs[1], join.left().outputTypes(),
                        join.right().outputTypes(), condition, context.cancel(), context.memory());
            }
            case PlanNode.Aggregate aggregate -> {
                Operator input = build(aggregate.input());
                yield closingOnError(input, () -> new AggregateOperator(input, aggregate.stage(),
                        aggregate.groupKeys(), aggregate.aggregates(), aggregate.outputTypes(), context.memory()));
            }
            case PlanNode.Sort sort -> new SortOperator(build(sort.input()), sort.outputTypes(), sort.keys(), context.memory());
            case PlanNode.Limit limit -> new LimitOperator(build(limit.input()), limit.count(), limit.offset());
            case PlanNode.Motion motion -> receive(motion);
            case PlanNode.Insert insert -> {
                Operator input = build(insert.input());
                yield closingOnError(input, () -> {
                    TableWriter writer = storage(insert.table().storageEngine())
                            .openWriter(insert.table(), context.xid());
                    return new InsertOperator(input, insert.table(), writer);
                });
            }
        };
        return new CheckedOperator(operator, context.cancel());
    }

    private Operator seqScan(PlanNode.SeqScan scan) {
        var filter = scan.filter().map(ExpressionCompiler::compile);
        TableScan tableScan = storage(scan.table().storageEngine())
                .scan(scan.table(), scan.columns(), context.visibility());
        return new SeqScanOperator(tableScan, filter, context.cancel());
    }

    private StorageEngine storage(String name) {
        StorageEngine engine = context.storage().apply(name);
        if (engine == null) {
            throw new SqlException(SqlState.UNDEFINED_OBJECT, "storage engine \"" + name + "\" does not exist");
        }
        return engine;
    }

    /** Evaluates a VALUES list once: each expression over a one-row batch without columns. */
    private static Batch values(PlanNode.Values values) {
        Batch oneRow = new Batch(List.of(), 1);
        List<SqlType> types = values.types();
        List<List<Object>> rows = new ArrayList<>(values.rows().size());
        for (List<Expr> row : values.rows()) {
            List<Object> out = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                Expr expr = row.get(c);
                Object value = ExpressionCompiler.compile(expr).evaluate(oneRow).get(0);
                if (value != null && !expr.type().equals(types.get(c))) {
                    value = Casts.caster(expr.type(), types.get(c)).apply(value);
                }
                out.add(value);
            }
            rows.add(out);
        }
        return Batch.ofRows(types, rows);
    }

    private Operator receive(PlanNode.Motion motion) {
        int senders = context.sliceTable().membersOf(motion.sendingSlice()).size();
        MotionReceiver receiver = context.interconnect()
                .openReceiver(context.motionKey(motion.sendingSlice()), context.memberIndex(), senders);
        context.cancel().register(receiver);
        if (motion.kind() == MotionKind.GATHER && !motion.mergeKeys().isEmpty()) {
            return new MergeReceiveOperator(receiver, context.cancel(), senders, motion.outputTypes(),
                    motion.mergeKeys());
        }
        return new MotionReceiveOperator(receiver, context.cancel());
    }

    /** Builds a join's two inputs; if the second fails, the first (maybe holding receivers) is closed. */
    private Operator[] buildBoth(PlanNode left, PlanNode right) {
        Operator l = build(left);
        Operator r = closingOnError(l, () -> build(right));
        return new Operator[] {l, r};
    }

    private static Operator closingOnError(Operator input, Supplier<Operator> next) {
        try {
            return next.get();
        } catch (RuntimeException e) {
            try {
                input.close();
            } catch (RuntimeException closeError) {
                e.addSuppressed(closeError);
            }
            throw e;
        }
    }
}
