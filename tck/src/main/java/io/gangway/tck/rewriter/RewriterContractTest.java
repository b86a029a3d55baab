package io.gangway.tck.rewriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.spi.catalog.ViewDescriptor;
import io.gangway.spi.query.Query;
import io.gangway.spi.query.RangeTableEntry;
import io.gangway.spi.rewriter.Rewriter;
import io.gangway.spi.rewriter.RewriterContext;
import io.gangway.tck.planner.PlannerFixtures;
import io.gangway.tck.planner.QueryBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rewriter contract: whatever rules a rewriter adds, it leaves no view entry in a query (the
 * planner plans none), at any depth, keeps the query's result columns, names an expanded view's
 * columns as the view declares them, and refuses a view that refers to itself ({@code 0A000}) or
 * whose definition no longer gives its columns ({@code 42809}). View definitions come from the
 * {@link RewriterContext}, here a map of query trees built by hand over {@link PlannerFixtures}.
 */
public abstract class RewriterContractTest {
    private static final ViewDescriptor V1 = view(101, "v1", List.of(new Column("a", SqlType.INTEGER),
            new Column("total", SqlType.INTEGER)));
    private static final ViewDescriptor V2 = view(102, "v2", List.of(new Column("a", SqlType.INTEGER)));
    private static final ViewDescriptor LOOP = view(103, "loop", List.of(new Column("a", SqlType.INTEGER)));
    private static final ViewDescriptor STALE = view(104, "stale", List.of(new Column("a", SqlType.INTEGER),
            new Column("b", SqlType.INTEGER), new Column("c", SqlType.INTEGER)));

    protected Rewriter rewriter;
    private final Map<Long, Query> definitions = new HashMap<>();

    protected abstract Rewriter createRewriter();

    @BeforeEach
    final void setUpRewriter() {
        rewriter = createRewriter();
        // v1: SELECT a, b FROM t1 (its second column renamed total by the view)
        QueryBuilder v1 = new QueryBuilder().table(PlannerFixtures.T1, "t1");
        definitions.put(V1.id(), v1.select("a", v1.col(0, "a")).select("b", v1.col(0, "b")).build());
        // v2: SELECT a FROM v1 (a view over a view)
        QueryBuilder v2 = new QueryBuilder().view(V1, "v1");
        definitions.put(V2.id(), v2.select("a", v2.col(0, "a")).build());
        // loop: SELECT a FROM loop
        QueryBuilder loop = new QueryBuilder().view(LOOP, "loop");
        definitions.put(LOOP.id(), loop.select("a", loop.col(0, "a")).build());
        // stale: declared with three columns, its query now gives two
        QueryBuilder stale = new QueryBuilder().table(PlannerFixtures.T1, "t1");
        definitions.put(STALE.id(), stale.select("a", stale.col(0, "a")).select("b", stale.col(0, "b")).build());
    }

    private RewriterContext context() {
        return new RewriterContext(PlannerFixtures.catalog(), view -> {
            Query definition = definitions.get(view.id());
            if (definition == null) {
                throw new AssertionError("the rewriter asked for an unknown view " + view.name());
            }
            return definition;
        });
    }

    private static ViewDescriptor view(long id, String name, List<Column> columns) {
        return new ViewDescriptor(id, "public", name, columns, "SELECT … (built by hand)");
    }

    private static Query selectAllOf(ViewDescriptor view) {
        QueryBuilder q = new QueryBuilder().view(view, view.name());
        for (Column column : view.columns()) {
            q.select(column.name(), q.col(0, column.name()));
        }
        return q.build();
    }

    @Test
    void aViewBecomesASubqueryNamedAsTheView() {
        Query query = selectAllOf(V1);
        Query rewritten = rewriter.rewrite(query, context());
        assertThat(rewritten.rangeTable()).singleElement().isInstanceOfSatisfying(RangeTableEntry.Subquery.class, sub -> {
            assertThat(sub.alias()).isEqualTo("v1");
            assertThat(sub.columns()).extracting(Column::name).containsExactly("a", "total");
            assertThat(sub.query().rangeTable()).singleElement().isInstanceOf(RangeTableEntry.Table.class);
        });
        assertThat(rewritten.resultColumns()).isEqualTo(query.resultColumns());
    }

    @Test
    void viewsOverViewsAreExpandedAtEveryDepth() {
        Query rewritten = rewriter.rewrite(selectAllOf(V2), context());
        assertNoViews(rewritten);
    }

    @Test
    void viewsInsideSubqueriesAreExpanded() {
        Query inner = selectAllOf(V1);
        QueryBuilder outer = new QueryBuilder().subquery(inner, "s");
        Query query = outer.select("total", outer.col(0, "total")).build();
        Query rewritten = rewriter.rewrite(query, context());
        assertNoViews(rewritten);
        assertThat(rewritten.resultColumns()).isEqualTo(query.resultColumns());
    }

    @Test
    void aQueryWithoutViewsKeepsItsMeaning() {
        QueryBuilder q = new QueryBuilder().table(PlannerFixtures.T2, "t2");
        Query query = q.select("x", q.col(0, "x")).build();
        assertThat(rewriter.rewrite(query, context())).isEqualTo(query);
    }

    @Test
    void aViewThatReadsItselfIsRefused() {
        assertThatThrownBy(() -> rewriter.rewrite(selectAllOf(LOOP), context()))
                .isInstanceOfSatisfying(SqlException.class, e -> {
                    assertThat(e.state()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
                    assertThat(e.getMessage()).isEqualTo("infinite recursion detected in rules for relation \"loop\"");
                });
    }

    @Test
    void aViewWhoseDefinitionLostAColumnIsRefused() {
        assertThatThrownBy(() -> rewriter.rewrite(selectAllOf(STALE), context()))
                .isInstanceOfSatisfying(SqlException.class,
                        e -> assertThat(e.state()).isEqualTo(SqlState.WRONG_OBJECT_TYPE));
    }

    private static void assertNoViews(Query query) {
        for (RangeTableEntry entry : query.rangeTable()) {
            assertThat(entry).as("range table entry").isNotInstanceOf(RangeTableEntry.View.class);
            if (entry instanceof RangeTableEntry.Subquery sub) {
                assertNoViews(sub.query());
            }
        }
    }
}
