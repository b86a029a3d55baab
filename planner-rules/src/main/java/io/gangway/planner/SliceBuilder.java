package io.gangway.planner;

import io.gangway.api.Column;
import io.gangway.spi.plan.GangType;
import io.gangway.spi.plan.Locus;
import io.gangway.spi.plan.PlanNode;
import io.gangway.spi.plan.PlannedStatement;
import io.gangway.spi.plan.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * Cuts a plan into slices. Slice 0 is the top; each motion, met in a preorder walk, opens the next
 * slice for its input and gets that slice's id as its sending slice. A slice's gang follows from
 * what it does and where its rows are: an Insert makes it the writer gang on the target's segments;
 * partitioned rows a reader gang on every segment; replicated rows (a full copy on each segment)
 * are sent from one segment only, else they would arrive once per segment; coordinator rows run in
 * the QD (slice 0) or in an entry-db reader. A writer or reader gang whose slice reads only rows of
 * one segment ({@link DirectDispatch}) is narrowed to that segment (direct dispatch).
 */
final class SliceBuilder {
    /** Content a singleton slice runs on. */
    static final int SINGLETON_CONTENT = 0;

    private final List<Cut> cuts = new ArrayList<>();

    private static final class Cut {
        final int id;
        final OptionalInt parent;
        final Locus locus;
        int writerSegments = -1;
        PlanNode root;

        Cut(int id, OptionalInt parent, Locus locus) {
            this.id = id;
            this.parent = parent;
            this.locus = locus;
        }
    }

    static PlannedStatement build(PlannedStatement.Command command, PlanNode plan, List<Column> resultColumns) {
        return new SliceBuilder().cut(command, plan, resultColumns);
    }

    private PlannedStatement cut(PlannedStatement.Command command, PlanNode plan, List<Column> resultColumns) {
        Cut top = open(OptionalInt.empty(), plan.locus());
        PlanNode root = rebuild(plan, top);
        top.root = root;
        List<Slice> slices = cuts.stream().map(SliceBuilder::slice).toList();
        return new PlannedStatement(command, root, slices, resultColumns);
    }

    private Cut open(OptionalInt parent, Locus locus) {
        Cut cut = new Cut(cuts.size(), parent, locus);
        cuts.add(cut);
        return cut;
    }

    private PlanNode rebuild(PlanNode node, Cut current) {
        if (node instanceof PlanNode.Motion motion) {
            Cut sending = open(OptionalInt.of(current.id), motion.input().locus());
            PlanNode input = rebuild(motion.input(), sending);
            PlanNode.Motion numbered = new PlanNode.Motion(motion.kind(), input, motion.hashColumns(),
                    motion.mergeKeys(), sending.id, motion.locus());
            sending.root = numbered;
            return numbered;
        }
        if (node instanceof PlanNode.Insert insert) {
            current.writerSegments = insert.table().distribution().numSegments();
        }
        List<PlanNode> inputs = node.inputs().stream().map(in -> rebuild(in, current)).toList();
        return PlanNodes.withInputs(node, inputs);
    }

    private static Slice slice(Cut cut) {
        if (cut.writerSegments >= 0) {
            return new Slice(cut.id, GangType.PRIMARY_WRITER, segments(cut, cut.writerSegments), cut.parent, cut.root);
        }
        return switch (cut.locus) {
            case Locus.Hashed h -> new Slice(cut.id, GangType.PRIMARY_READER, segments(cut, h.numSegments()), cut.parent,
                    cut.root);
            case Locus.Strewn s -> new Slice(cut.id, GangType.PRIMARY_READER, segments(cut, s.numSegments()), cut.parent,
                    cut.root);
            case Locus.Replicated r -> cut.id == 0
                    ? new Slice(cut.id, GangType.PRIMARY_READER, all(r.numSegments()), cut.parent, cut.root)
                    : singleton(cut);
            case Locus.SingleQe s -> singleton(cut);
            case Locus.Entry e -> coordinator(cut);
            case Locus.General g -> coordinator(cut);
        };
    }

    private static Slice singleton(Cut cut) {
        return new Slice(cut.id, GangType.SINGLETON_READER, List.of(SINGLETON_CONTENT), cut.parent, cut.root);
    }

    private static Slice coordinator(Cut cut) {
        GangType type = cut.id == 0 ? GangType.UNALLOCATED : GangType.ENTRYDB_READER;
        return new Slice(cut.id, type, List.of(-1), cut.parent, cut.root);
    }

    /** The contents of a gang on every segment: all {@code numSegments}, or the one direct dispatch picks. */
    private static List<Integer> segments(Cut cut, int numSegments) {
        PlanNode body = cut.root instanceof PlanNode.Motion m && cut.id != 0 ? m.input() : cut.root;
        OptionalInt direct = DirectDispatch.content(body);
        return direct.isPresent() && direct.getAsInt() < numSegments ? List.of(direct.getAsInt()) : all(numSegments);
    }

    private static List<Integer> all(int numSegments) {
        return IntStream.range(0, numSegments).boxed().toList();
    }
}
