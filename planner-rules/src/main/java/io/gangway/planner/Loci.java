package io.gangway.planner;

import io.gangway.spi.catalog.DistributionPolicy;
import io.gangway.spi.plan.Locus;
import io.gangway.spi.query.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How locus follows rows through scans and projections. */
final class Loci {
    private Loci() {
    }

    /** The locus of a scan keeping {@code columns} (table column indexes) of a table placed by {@code policy}. */
    static Locus ofScan(DistributionPolicy policy, List<Integer> columns) {
        return switch (policy) {
            case DistributionPolicy.Hashed hashed -> {
                List<Integer> keys = new ArrayList<>();
                for (int key : hashed.keyColumns()) {
                    int position = columns.indexOf(key);
                    if (position < 0) {
                        // The key was projected away: rows are still placed by it, but no column says so.
                        yield new Locus.Strewn(hashed.numSegments());
                    }
                    keys.add(position);
                }
                yield new Locus.Hashed(keys, hashed.numSegments());
            }
            case DistributionPolicy.Random random -> new Locus.Strewn(random.numSegments());
            case DistributionPolicy.Replicated replicated -> new Locus.Replicated(replicated.numSegments());
        };
    }

    /** The locus of a projection computing {@code expressions} over rows at {@code input}. */
    static Locus throughProjection(Locus input, List<Expr> expressions) {
        if (!(input instanceof Locus.Hashed hashed)) {
            return input;
        }
        return mapKeys(hashed, expressions).<Locus>map(keys -> new Locus.Hashed(keys, hashed.numSegments()))
                .orElse(new Locus.Strewn(hashed.numSegments()));
    }

    /**
     * For each hash key of {@code hashed}, the index of the first of {@code expressions} that is a
     * bare reference to that key column; empty if some key has none.
     */
    static Optional<List<Integer>> mapKeys(Locus.Hashed hashed, List<Expr> expressions) {
        List<Integer> out = new ArrayList<>();
        for (int key : hashed.keys()) {
            int found = -1;
            for (int i = 0; i < expressions.size(); i++) {
                if (Exprs.inputIndex(expressions.get(i)).orElse(-1) == key) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                return Optional.empty();
            }
            out.add(found);
        }
        return Optional.of(out);
    }

    /** The same locus over a row where its columns start {@code offset} further right (the right side of a join). */
    static Locus shift(Locus locus, int offset) {
        if (locus instanceof Locus.Hashed hashed) {
            return new Locus.Hashed(hashed.keys().stream().map(k -> k + offset).toList(), hashed.numSegments());
        }
        return locus;
    }

    /** Entry, SingleQe and General: rows that one process produces. */
    static boolean isSingleProcess(Locus locus) {
        return switch (locus) {
            case Locus.Entry e -> true;
            case Locus.SingleQe s -> true;
            case Locus.General g -> true;
            case Locus.Hashed h -> false;
            case Locus.Strewn s -> false;
            case Locus.Replicated r -> false;
        };
    }

    static int numSegments(Locus locus, int fallback) {
        return switch (locus) {
            case Locus.Hashed h -> h.numSegments();
            case Locus.Strewn s -> s.numSegments();
            case Locus.Replicated r -> r.numSegments();
            case Locus.Entry e -> fallback;
            case Locus.SingleQe s -> fallback;
            case Locus.General g -> fallback;
        };
    }
}
