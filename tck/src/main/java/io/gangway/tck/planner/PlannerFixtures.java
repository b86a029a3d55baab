package io.gangway.tck.planner;

import io.gangway.api.Column;
import io.gangway.api.Settings;
import io.gangway.api.SqlType;
import io.gangway.spi.catalog.CatalogView;
import io.gangway.spi.catalog.DistributionPolicy;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.catalog.ViewDescriptor;
import io.gangway.spi.planner.PlannerContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A two-segment cluster with a few tables, for planner tests:
 * <pre>
 *   t1(a int, b int)        DISTRIBUTED BY (a)
 *   t2(x int, y int)        DISTRIBUTED BY (x)
 *   t3(p int, q int, s text) DISTRIBUTED BY (p, q)
 *   r1(k int, v text)       DISTRIBUTED REPLICATED
 *   rnd(a int, b int)       DISTRIBUTED RANDOMLY
 * </pre>
 */
public final class PlannerFixtures {
    public static final int SEGMENTS = 2;

    public static final TableDescriptor T1 = table(1, "t1", new DistributionPolicy.Hashed(List.of(0), SEGMENTS),
            "a", SqlType.INTEGER, "b", SqlType.INTEGER);
    public static final TableDescriptor T2 = table(2, "t2", new DistributionPolicy.Hashed(List.of(0), SEGMENTS),
            "x", SqlType.INTEGER, "y", SqlType.INTEGER);
    public static final TableDescriptor T3 = table(3, "t3", new DistributionPolicy.Hashed(List.of(0, 1), SEGMENTS),
            "p", SqlType.INTEGER, "q", SqlType.INTEGER, "s", SqlType.TEXT);
    public static final TableDescriptor R1 = table(4, "r1", new DistributionPolicy.Replicated(SEGMENTS),
            "k", SqlType.INTEGER, "v", SqlType.TEXT);
    public static final TableDescriptor RND = table(5, "rnd", new DistributionPolicy.Random(SEGMENTS),
            "a", SqlType.INTEGER, "b", SqlType.INTEGER);

    private static final List<TableDescriptor> TABLES = List.of(T1, T2, T3, R1, RND);

    private PlannerFixtures() {
    }

    /** A heap table in schema {@code public}; {@code columns} alternates names and types. */
    public static TableDescriptor table(long id, String name, DistributionPolicy policy, Object... columns) {
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < columns.length; i += 2) {
            cols.add(new Column((String) columns[i], (SqlType) columns[i + 1]));
        }
        Boolean[] notNull = new Boolean[cols.size()];
        Arrays.fill(notNull, Boolean.FALSE);
        return new TableDescriptor(id, "public", name, cols, List.of(notNull), policy, "heap", Map.of());
    }

    public static PlannerContext context() {
        return new PlannerContext(catalog(), Settings.EMPTY);
    }

    public static PlannerContext context(Settings settings) {
        return new PlannerContext(catalog(), settings);
    }

    /** The catalog of the fixture cluster: a coordinator and {@link #SEGMENTS} primaries, all up. */
    public static CatalogView catalog() {
        return new CatalogView() {
            @Override
            public Optional<TableDescriptor> table(String schema, String name) {
                return TABLES.stream().filter(t -> t.schema().equals(schema) && t.name().equals(name)).findFirst();
            }

            @Override
            public Optional<ViewDescriptor> view(String schema, String name) {
                return Optional.empty();
            }

            @Override
            public List<SegmentDescriptor> segments() {
                List<SegmentDescriptor> out = new ArrayList<>();
                for (int content = -1; content < SEGMENTS; content++) {
                    out.add(new SegmentDescriptor(content + 2, content, 'p', 'p', 'n', 'u', 7000 + content + 1,
                            "localhost", "127.0.0.1", "/tmp/gangway/seg" + content));
                }
                return out;
            }
        };
    }
}
