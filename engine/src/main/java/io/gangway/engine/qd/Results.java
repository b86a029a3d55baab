package io.gangway.engine.qd;

import io.gangway.api.Batch;
import io.gangway.api.Column;
import io.gangway.engine.session.QueryResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Results computed before they are returned: a bare command tag, or a few rows held in memory (SHOW, EXPLAIN). */
final class Results {
    private Results() {
    }

    static QueryResult tag(String tag, List<String> notices) {
        return new InMemory(Optional.empty(), List.of(), tag, notices);
    }

    static QueryResult tag(String tag) {
        return tag(tag, List.of());
    }

    static QueryResult rows(List<Column> columns, List<List<Object>> rows, String tag) {
        Batch batch = Batch.ofRows(columns.stream().map(Column::type).toList(), rows);
        return new InMemory(Optional.of(columns), rows.isEmpty() ? List.of() : List.of(batch), tag, List.of());
    }

    private static final class InMemory implements QueryResult {
        private final Optional<List<Column>> columns;
        private final List<Batch> batches;
        private final String tag;
        private final List<String> notices;
        private int next;

        InMemory(Optional<List<Column>> columns, List<Batch> batches, String tag, List<String> notices) {
            this.columns = columns;
            this.batches = batches;
            this.tag = tag;
            this.notices = new ArrayList<>(notices);
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
            List<String> out = List.copyOf(notices);
            notices.clear();
            return out;
        }

        @Override
        public void close() {
            next = batches.size();
        }
    }
}
