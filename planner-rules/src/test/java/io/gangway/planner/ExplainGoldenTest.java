package io.gangway.planner;

import static io.gangway.tck.planner.PlannerFixtures.T1;
import static io.gangway.tck.planner.PlannerFixtures.T2;
import static io.gangway.tck.planner.PlannerFixtures.T3;
import static io.gangway.tck.planner.QueryBuilder.eq;
import static io.gangway.tck.planner.QueryBuilder.gt;
import static io.gangway.tck.planner.QueryBuilder.join;
import static io.gangway.tck.planner.QueryBuilder.lit;
import static io.gangway.tck.planner.QueryBuilder.plus;
import static io.gangway.tck.planner.QueryBuilder.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.spi.plan.PlannedStatement;
import io.gangway.spi.query.FromNode.JoinType;
import io.gangway.spi.query.Query;
import io.gangway.tck.planner.PlannerContractTest;
import io.gangway.tck.planner.PlannerFixtures;
import io.gangway.tck.planner.QueryBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * EXPLAIN output compared with golden files under {@code src/test/resources/explain}. Run with
 * {@code -Dgolden.update=true} to rewrite them from the current planner, then review the diff.
 */
class ExplainGoldenTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "explain");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private final RulesPlanner planner = new RulesPlanner();

    static Stream<Arguments> statements() {
        Map<String, Query> all = new LinkedHashMap<>(PlannerContractTest.representativeStatements());
        QueryBuilder q = new QueryBuilder().table(T1, "t1").table(T2, "t2").table(T3, "t3");
        all.put("three-way join", q.from(join(JoinType.INNER,
                        join(JoinType.INNER, ref(0), ref(1), eq(q.col(0, "b"), q.col(1, "y"))),
                        ref(2), eq(q.col(0, "b"), q.col(2, "q"))))
                .where(gt(plus(q.col(0, "a"), q.col(2, "p")), lit(3)))
                .select("a", q.col(0, "a")).select("s", q.col(2, "s")).build());
        return all.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statements")
    void explainMatchesGolden(String name, Query query) throws IOException {
        PlannedStatement plan = planner.plan(query, PlannerFixtures.context());
        String actual = text(planner.explain(plan, false)) + "\n-- verbose\n" + text(planner.explain(plan, true));
        Path file = GOLDEN.resolve(name.replace(' ', '-').toLowerCase(Locale.ROOT) + ".txt");
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file (run with -Dgolden.update=true to create it)").exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static String text(List<String> lines) {
        return String.join("\n", lines) + "\n";
    }
}
