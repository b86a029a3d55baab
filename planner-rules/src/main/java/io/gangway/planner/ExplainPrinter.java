package io.gangway.planner;

import io.gangway.spi.plan.AggregateCall;
import io.gangway.spi.plan.AggregateStage;
import io.gangway.spi.plan.MotionKind;
import io.gangway.spi.plan.PlanNode;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.spi.plan.SortKey;
import io.gangway.spi.query.Expr;
import io.gangway.spi.query.FromNode.JoinType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * EXPLAIN text in Greenplum's shape. A node's text starts at some column; its details (Filter,
 * Hash Cond, Group Key, …) sit two columns further in, and its children's {@code ->} too, with the
 * child's text four columns after the arrow, as PostgreSQL prints them. Projections are part of the
 * node below them in PostgreSQL's plans, so they are not printed (except as {@code Result} in
 * verbose mode); a filter node prints as a {@code Filter:} line of the node below it.
 *
 * <p>Column names travel up the tree: scans name their columns (qualified by the range alias when
 * the plan reads more than one relation, or in verbose mode), and every node names its outputs
 * from its inputs' names, so input references print as {@code t1.a}.
 */
final class ExplainPrinter {
    static final String OPTIMIZER_LINE = "Optimizer: Postgres query optimizer";
    /** How PostgreSQL's verbose EXPLAIN names a partial aggregate state. */
    private static final String PARTIAL = "PARTIAL ";

    private final PlannedStatement plan;
    private final boolean verbose;
    private final boolean qualify;
    private final Map<PlanNode, List<String>> names = new IdentityHashMap<>();
    private final List<String> lines = new ArrayList<>();

    private ExplainPrinter(PlannedStatement plan, boolean verbose) {
        this.plan = plan;
        this.verbose = verbose;
        this.qualify = verbose || relations(plan.root()) > 1;
    }

    static List<String> explain(PlannedStatement plan, boolean verbose) {
        ExplainPrinter printer = new ExplainPrinter(plan, verbose);
        printer.print(plan.root(), 0, false, List.of(), 0);
        printer.lines.add(OPTIMIZER_LINE);
        return List.copyOf(printer.lines);
    }

    private void print(PlanNode node, int column, boolean arrow, List<String> extra, int slice) {
        if (node instanceof PlanNode.Project p && !verbose) {
            print(p.input(), column, arrow, extra, slice);
        } else if (node instanceof PlanNode.Filter f) {
            print(f.input(), column, arrow, plus(extra, "Filter: " + renderer(f.input()).render(f.predicate())), slice);
        } else {
            printNode(node, column, arrow, extra, slice);
        }
    }

    private void printNode(PlanNode node, int column, boolean arrow, List<String> extra, int slice) {
        List<String> details = new ArrayList<>();
        if (verbose && !names(node).isEmpty()) {
            details.add("Output: " + String.join(", ", names(node)));
        }
        String label = switch (node) {
            case PlanNode.SeqScan scan -> {
                scan.filter().ifPresent(f -> details.add("Filter: " + renderer(node).render(f)));
                String table = verbose ? scan.table().qualifiedName() : scan.table().name();
                yield "Seq Scan on " + table + (scan.alias().equals(scan.table().name()) ? "" : " " + scan.alias());
            }
            case PlanNode.Values values -> values.types().isEmpty() ? "Result" : "Values Scan on \"*VALUES*\"";
            case PlanNode.Project p -> "Result";
            case PlanNode.Filter f -> "Result";
            case PlanNode.HashJoin join -> {
                ExprRenderer l = renderer(join.left());
                ExprRenderer r = renderer(join.right());
                List<String> conds = new ArrayList<>();
                for (int i = 0; i < join.leftKeys().size(); i++) {
                    conds.add("(" + l.render(join.leftKeys().get(i)) + " = " + r.render(join.rightKeys().get(i)) + ")");
                }
                details.add("Hash Cond: " + (conds.size() == 1 ? conds.getFirst() : "(" + String.join(" AND ", conds) + ")"));
                join.residual().ifPresent(e -> details.add("Join Filter: " + inputRenderer(node).render(e)));
                yield "Hash" + joinWord(join.joinType()) + "Join";
            }
            case PlanNode.NestedLoopJoin join -> {
                join.condition().ifPresent(e -> details.add("Join Filter: " + inputRenderer(node).render(e)));
                yield "Nested Loop" + (join.joinType() == JoinType.LEFT ? " Left Join" : "");
            }
            case PlanNode.Aggregate agg -> {
                if (!agg.groupKeys().isEmpty()) {
                    ExprRenderer in = inputRenderer(node);
                    details.add("Group Key: " + agg.groupKeys().stream().map(in::render).collect(Collectors.joining(", ")));
                }
                String prefix = switch (agg.stage()) {
                    case SINGLE -> "";
                    case PARTIAL -> "Partial ";
                    case FINAL -> "Finalize ";
                };
                yield prefix + (agg.groupKeys().isEmpty() ? "Aggregate" : "HashAggregate");
            }
            case PlanNode.Sort sort -> {
                details.add("Sort Key: " + sortKeys(sort.keys(), names(sort.input())));
                yield "Sort";
            }
            case PlanNode.Limit limit -> "Limit";
            case PlanNode.Motion motion -> {
                List<String> in = names(motion.input());
                if (!motion.mergeKeys().isEmpty()) {
                    details.add("Merge Key: " + sortKeys(motion.mergeKeys(), in));
                }
                if (motion.kind() == MotionKind.REDISTRIBUTE || motion.kind() == MotionKind.EXPLICIT) {
                    if (!motion.hashColumns().isEmpty()) {
                        details.add("Hash Key: " + motion.hashColumns().stream().map(in::get).collect(Collectors.joining(", ")));
                    }
                }
                int senders = plan.slice(motion.sendingSlice()).contents().size();
                int receivers = plan.slice(slice).contents().size();
                yield motion.kind().label() + " " + senders + ":" + receivers
                        + "  (slice" + motion.sendingSlice() + "; segments: " + senders + ")";
            }
            case PlanNode.Insert insert -> "Insert on " + (verbose ? insert.table().qualifiedName() : insert.table().name());
        };
        String indent = " ".repeat(column);
        lines.add(arrow ? " ".repeat(column - 4) + "->  " + label : indent + label);
        details.addAll(extra);
        for (String detail : details) {
            lines.add(" ".repeat(column + 2) + detail);
        }
        int childSlice = node instanceof PlanNode.Motion m ? m.sendingSlice() : slice;
        int childColumn = column + 6;
        if (node instanceof PlanNode.HashJoin join) {
            print(join.left(), childColumn, true, List.of(), childSlice);
            lines.add(" ".repeat(childColumn - 4) + "->  Hash");
            print(join.right(), childColumn + 6, true, List.of(), childSlice);
            return;
        }
        for (PlanNode input : node.inputs()) {
            print(input, childColumn, true, List.of(), childSlice);
        }
    }

    private static String joinWord(JoinType type) {
        return type == JoinType.LEFT ? " Left " : " ";
    }

    private static String sortKeys(List<SortKey> keys, List<String> in) {
        return keys.stream().map(k -> in.get(k.column()) + (k.ascending()
                        ? (k.nullsFirst() ? " NULLS FIRST" : "")
                        : " DESC" + (k.nullsFirst() ? "" : " NULLS LAST")))
                .collect(Collectors.joining(", "));
    }

    private static List<String> plus(List<String> list, String item) {
        List<String> out = new ArrayList<>(list);
        out.add(0, item);
        return out;
    }

    /** Renders expressions over the output of {@code node}. */
    private ExprRenderer renderer(PlanNode node) {
        return new ExprRenderer(names(node));
    }

    /** Renders expressions over the input row of {@code node} (a join's: left then right). */
    private ExprRenderer inputRenderer(PlanNode node) {
        List<String> in = new ArrayList<>();
        node.inputs().forEach(i -> in.addAll(names(i)));
        return new ExprRenderer(in);
    }

    /** The names of a node's output columns. */
    private List<String> names(PlanNode node) {
        List<String> cached = names.get(node);
        if (cached != null) {
            return cached;
        }
        List<String> out = switch (node) {
            case PlanNode.SeqScan scan -> scan.columns().stream()
                    .map(c -> qualified(scan.alias(), scan.table().columns().get(c).name())).toList();
            case PlanNode.Values values -> {
                List<String> cols = new ArrayList<>();
                for (int i = 0; i < values.types().size(); i++) {
                    cols.add(qualified("\"*VALUES*\"", "column" + (i + 1)));
                }
                yield cols;
            }
            case PlanNode.Project p -> {
                ExprRenderer in = renderer(p.input());
                yield p.expressions().stream().map(in::render).toList();
            }
            case PlanNode.Filter f -> names(f.input());
            case PlanNode.HashJoin j -> joinNames(j);
            case PlanNode.NestedLoopJoin j -> joinNames(j);
            case PlanNode.Aggregate agg -> aggregateNames(agg);
            case PlanNode.Sort s -> names(s.input());
            case PlanNode.Limit l -> names(l.input());
            case PlanNode.Motion m -> names(m.input());
            case PlanNode.Insert i -> List.of("count");
        };
        names.put(node, out);
        return out;
    }

    private List<String> joinNames(PlanNode join) {
        List<String> out = new ArrayList<>();
        join.inputs().forEach(i -> out.addAll(names(i)));
        return out;
    }

    private List<String> aggregateNames(PlanNode.Aggregate agg) {
        ExprRenderer in = renderer(agg.input());
        List<String> out = new ArrayList<>(agg.groupKeys().stream().map(in::render).toList());
        List<String> inputNames = names(agg.input());
        for (AggregateCall call : agg.aggregates()) {
            if (agg.stage() == AggregateStage.FINAL) {
                // The argument is the first column of the partial state, named after the aggregate.
                int column = call.arguments().getFirst() instanceof Expr.InputRef ref ? ref.index() : -1;
                out.add(column >= 0 && column < inputNames.size()
                        ? inputNames.get(column).replaceFirst("^" + PARTIAL, "")
                        : in.render(call));
            } else if (agg.stage() == AggregateStage.PARTIAL) {
                String name = PARTIAL + in.render(call);
                call.partialTypes().forEach(t -> out.add(name));
            } else {
                out.add(in.render(call));
            }
        }
        return out;
    }

    private String qualified(String alias, String column) {
        return qualify ? alias + "." + column : column;
    }

    private static int relations(PlanNode node) {
        int own = switch (node) {
            case PlanNode.SeqScan s -> 1;
            case PlanNode.Values v -> v.types().isEmpty() ? 0 : 1;
            case PlanNode.Insert i -> 1;
            case PlanNode.Project p -> 0;
            case PlanNode.Filter f -> 0;
            case PlanNode.HashJoin j -> 0;
            case PlanNode.NestedLoopJoin j -> 0;
            case PlanNode.Aggregate a -> 0;
            case PlanNode.Sort s -> 0;
            case PlanNode.Limit l -> 0;
            case PlanNode.Motion m -> 0;
        };
        return own + node.inputs().stream().mapToInt(ExplainPrinter::relations).sum();
    }
}
