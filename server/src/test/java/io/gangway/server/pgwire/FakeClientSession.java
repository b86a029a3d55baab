package io.gangway.server.pgwire;

import io.gangway.api.Batch;
import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.api.SqlType;
import io.gangway.engine.session.ClientSession;
import io.gangway.engine.session.PreparedQuery;
import io.gangway.engine.session.QueryResult;
import io.gangway.spi.ast.ShowVariable;
import io.gangway.spi.ast.Statement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A hand-written session that answers a few canned statements, enough to drive every protocol path:
 * <ul>
 * <li>{@code select 1}; {@code select $1, $2::date, …} echoes its parameters (types: declared, else
 *     the cast, else text);</li>
 * <li>{@code select * from numbers} — 10,000 rows {@code (n integer, label text)} in batches of 1,000;</li>
 * <li>{@code select * from infinite} — rows until cancelled (back-pressure);</li>
 * <li>{@code select typed} — one row of every type; {@code select nulls} — a row of NULLs;</li>
 * <li>{@code select * from nope} — 42P01 at prepare; {@code select 1/0} — 22012 while running;</li>
 * <li>{@code select sleep} — blocks until {@link #cancel()}, then 57014;</li>
 * <li>{@code select warn} — one row and a WARNING notice; {@code select boom} — an IllegalStateException;</li>
 * <li>{@code update …} → {@code UPDATE 3}, {@code insert …} → {@code INSERT 0 2}, {@code begin}/{@code commit}/
 *     {@code rollback} (transaction status), {@code set …} → {@code SET}.</li>
 * </ul>
 * The wire layer never looks at the AST, so every statement carries the same dummy one.
 */
final class FakeClientSession implements ClientSession {
    static final Statement STATEMENT = new ShowVariable("fake");
    static final int NUMBERS = 10_000;
    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)(?:::(\\w+))?");

    private final long sessionId;
    private final int secret;
    final List<String> executed = new CopyOnWriteArrayList<>();
    final List<List<@Nullable Object>> boundParameters = new CopyOnWriteArrayList<>();
    final AtomicInteger cancels = new AtomicInteger();
    final AtomicLong rowsProduced = new AtomicLong();
    final CountDownLatch sleeping = new CountDownLatch(1);
    final CountDownLatch closed = new CountDownLatch(1);
    private volatile CountDownLatch cancelled = new CountDownLatch(1);
    private volatile char transactionStatus = 'I';

    FakeClientSession(long sessionId, int secret) {
        this.sessionId = sessionId;
        this.secret = secret;
    }

    @Override
    public List<PreparedQuery> prepareAll(String sql) {
        List<PreparedQuery> queries = new ArrayList<>();
        for (String part : sql.split(";")) {
            if (!part.isBlank()) {
                queries.add(prepare(part, List.of()));
            }
        }
        return queries;
    }

    @Override
    public PreparedQuery prepare(String sql, List<@Nullable SqlType> parameterTypes) {
        String s = normalize(sql);
        if (s.contains("nope")) {
            throw SqlException.at(SqlState.UNDEFINED_TABLE, s.indexOf("nope") + 1, "relation \"nope\" does not exist");
        }
        List<SqlType> types = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(s);
        while (matcher.find()) {
            int index = Integer.parseInt(matcher.group(1)) - 1;
            while (types.size() <= index) {
                types.add(SqlType.TEXT);
            }
            SqlType declared = index < parameterTypes.size() ? parameterTypes.get(index) : null;
            types.set(index, declared != null ? declared : matcher.group(2) != null ? cast(matcher.group(2)) : SqlType.TEXT);
        }
        return new PreparedQuery(sql, STATEMENT, types, columnsOf(s, types));
    }

    private static Optional<List<Column>> columnsOf(String s, List<SqlType> parameterTypes) {
        if (!parameterTypes.isEmpty() && s.startsWith("select")) {
            List<Column> columns = new ArrayList<>();
            for (int i = 0; i < parameterTypes.size(); i++) {
                columns.add(new Column("p" + (i + 1), parameterTypes.get(i)));
            }
            return Optional.of(columns);
        }
        return switch (s) {
            case "select 1", "select 1/0" -> Optional.of(List.of(new Column("?column?", SqlType.INTEGER)));
            case "select * from numbers", "select * from infinite" -> Optional.of(List.of(
                    new Column("n", SqlType.INTEGER), new Column("label", SqlType.TEXT)));
            case "select typed", "select nulls" -> Optional.of(TYPED_COLUMNS);
            case "select sleep", "select warn", "select boom" -> Optional.of(List.of(new Column("x", SqlType.TEXT)));
            default -> Optional.empty();
        };
    }

    static final List<Column> TYPED_COLUMNS = List.of(
            new Column("b", SqlType.BOOLEAN), new Column("i", SqlType.INTEGER), new Column("l", SqlType.BIGINT),
            new Column("d", SqlType.DOUBLE), new Column("n", SqlType.numeric(10, 2)), new Column("t", SqlType.TEXT),
            new Column("v", SqlType.varchar(5)), new Column("day", SqlType.DATE));
    static final List<Object> TYPED_ROW = List.of(true, 42, 1L << 40, 2.5, new BigDecimal("-12345.67"), "héllo",
            "abc", LocalDate.of(2024, 2, 29));

    @Override
    public QueryResult execute(PreparedQuery query, List<@Nullable Object> parameters) {
        String s = normalize(query.sql());
        executed.add(s);
        boundParameters.add(Arrays.asList(parameters.toArray()));
        List<Column> columns = query.resultColumns().orElse(List.of());
        List<SqlType> types = columns.stream().map(Column::type).toList();
        if (!query.parameterTypes().isEmpty() && s.startsWith("select")) {
            return new FakeResult(query.resultColumns(), List.of(Batch.ofRows(types, List.of(new ArrayList<>(parameters)))),
                    "SELECT 1");
        }
        if (s.startsWith("update")) {
            return FakeResult.command("UPDATE 3");
        }
        if (s.startsWith("insert")) {
            return FakeResult.command("INSERT 0 2");
        }
        if (s.startsWith("set")) {
            return FakeResult.command("SET");
        }
        return switch (s) {
            case "begin", "start transaction" -> {
                transactionStatus = 'T';
                yield FakeResult.command("BEGIN");
            }
            case "commit" -> {
                transactionStatus = 'I';
                yield FakeResult.command("COMMIT");
            }
            case "rollback" -> {
                transactionStatus = 'I';
                yield FakeResult.command("ROLLBACK");
            }
            case "select 1" -> rows(query, types, List.of(List.of(1)), "SELECT 1");
            case "select typed" -> rows(query, types, List.of(TYPED_ROW), "SELECT 1");
            case "select nulls" -> rows(query, types, List.of(Arrays.asList(new Object[TYPED_COLUMNS.size()])), "SELECT 1");
            case "select warn" -> new FakeResult(query.resultColumns(), List.of(Batch.ofRows(types, List.of(List.of("w")))),
                    "SELECT 1", List.of("WARNING:  something odd"));
            case "select * from numbers" -> new NumbersResult(query.resultColumns(), NUMBERS);
            case "select * from infinite" -> new NumbersResult(query.resultColumns(), Integer.MAX_VALUE);
            case "select 1/0" -> new FakeResult(query.resultColumns(), List.of(), "SELECT 0") {
                @Override
                public Optional<Batch> nextBatch() {
                    throw new SqlException(SqlState.DIVISION_BY_ZERO, "division by zero");
                }
            };
            case "select sleep" -> new FakeResult(query.resultColumns(), List.of(), "SELECT 0") {
                @Override
                public Optional<Batch> nextBatch() {
                    sleeping.countDown();
                    awaitCancel();
                    throw new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
                }
            };
            case "select boom" -> throw new IllegalStateException("boom");
            default -> throw new SqlException(SqlState.SYNTAX_ERROR, "fake session cannot run: " + s);
        };
    }

    private FakeResult rows(PreparedQuery query, List<SqlType> types, List<List<Object>> rows, String tag) {
        return new FakeResult(query.resultColumns(), List.of(Batch.ofRows(types, rows)), tag);
    }

    private void awaitCancel() {
        try {
            if (!cancelled.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never cancelled");
            }
            cancelled = new CountDownLatch(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void cancel() {
        cancels.incrementAndGet();
        cancelled.countDown();
    }

    @Override
    public char transactionStatus() {
        return transactionStatus;
    }

    @Override
    public Map<String, String> reportedSettings() {
        return Map.of("server_version", "12.12", "client_encoding", "UTF8", "DateStyle", "ISO, MDY",
                "standard_conforming_strings", "on", "integer_datetimes", "on", "TimeZone", "UTC");
    }

    @Override
    public long sessionId() {
        return sessionId;
    }

    @Override
    public int cancelSecret() {
        return secret;
    }

    @Override
    public void close() {
        closed.countDown();
    }

    boolean isClosed() {
        return closed.getCount() == 0;
    }

    private static String normalize(String sql) {
        return sql.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static SqlType cast(String name) {
        return switch (name) {
            case "int", "integer", "int4" -> SqlType.INTEGER;
            case "bigint", "int8" -> SqlType.BIGINT;
            case "numeric" -> SqlType.NUMERIC;
            case "float8" -> SqlType.DOUBLE;
            case "date" -> SqlType.DATE;
            case "boolean", "bool" -> SqlType.BOOLEAN;
            default -> SqlType.TEXT;
        };
    }

    /** A result of canned batches. */
    static class FakeResult implements QueryResult {
        private final Optional<List<Column>> columns;
        private final List<Batch> batches;
        private final String tag;
        private final List<String> notices;
        private int next;

        FakeResult(Optional<List<Column>> columns, List<Batch> batches, String tag) {
            this(columns, batches, tag, List.of());
        }

        FakeResult(Optional<List<Column>> columns, List<Batch> batches, String tag, List<String> notices) {
            this.columns = columns;
            this.batches = batches;
            this.tag = tag;
            this.notices = new ArrayList<>(notices);
        }

        static FakeResult command(String tag) {
            return new FakeResult(Optional.empty(), List.of(), tag);
        }

        @Override
        public Optional<List<Column>> columns() {
            return columns;
        }

        @Override
        public Optional<Batch> nextBatch() {
            return next < batches.size() ? Optional.of(batches.get(next++)) : Optional.empty();
        }

        @Override
        public String commandTag() {
            return tag;
        }

        @Override
        public List<String> drainNotices() {
            List<String> drained = List.copyOf(notices);
            notices.clear();
            return drained;
        }

        @Override
        public void close() {
        }
    }

    /** {@code (n, label)} rows 1..count, made a batch at a time; stops with 57014 when cancelled. */
    private final class NumbersResult extends FakeResult {
        private final int count;
        private int produced;

        NumbersResult(Optional<List<Column>> columns, int count) {
            super(columns, List.of(), "");
            this.count = count;
        }

        @Override
        public Optional<Batch> nextBatch() {
            if (cancelled.getCount() == 0) {
                throw new SqlException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
            }
            if (produced >= count) {
                return Optional.empty();
            }
            int size = Math.min(1000, count - produced);
            List<List<Object>> rows = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                int n = ++produced;
                rows.add(List.of(n, "row number " + n));
            }
            rowsProduced.addAndGet(size);
            return Optional.of(Batch.ofRows(List.of(SqlType.INTEGER, SqlType.TEXT), rows));
        }

        @Override
        public String commandTag() {
            return "SELECT " + produced;
        }
    }
}
