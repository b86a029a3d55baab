package io.gangway.engine.txn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTransactionManagerTest {
    @TempDir
    Path dataDirectory;

    @Test
    void committedTransactionsStayCommittedAfterReopen() {
        long committed;
        long aborted;
        try (LocalTransactionManager manager = LocalTransactionManager.open(dataDirectory)) {
            committed = manager.begin();
            aborted = manager.begin();
            manager.commit(committed);
            manager.abort(aborted);
        }
        try (LocalTransactionManager manager = LocalTransactionManager.open(dataDirectory)) {
            assertThat(manager.isCommitted(committed)).isTrue();
            assertThat(manager.isCommitted(aborted)).isFalse();
        }
    }

    @Test
    void transactionIdsAreNeverReusedAfterACrash() {
        long last;
        try (LocalTransactionManager manager = LocalTransactionManager.open(dataDirectory)) {
            last = manager.begin();
            // no commit, no clean shutdown of the id counter: as if the process died here
        }
        try (LocalTransactionManager manager = LocalTransactionManager.open(dataDirectory)) {
            assertThat(manager.begin()).isGreaterThan(last);
        }
    }

    @Test
    void tornCommitRecordMeansNotCommitted() throws IOException {
        long xid;
        try (LocalTransactionManager manager = LocalTransactionManager.open(dataDirectory)) {
            xid = manager.begin();
            manager.commit(xid);
        }
        Files.write(dataDirectory.resolve("pg_xact/commit.log"), new byte[] {0, 0, 0}, StandardOpenOption.APPEND);
        try (LocalTransactionManager manager = LocalTransactionManager.open(dataDirectory)) {
            assertThat(manager.isCommitted(xid)).isTrue();
            long next = manager.begin();
            manager.commit(next);
        }
        assertThat(Files.size(dataDirectory.resolve("pg_xact/commit.log"))).isEqualTo(16);
    }

    @Test
    void visibilityShowsCommittedAndOwnRowsOnly() {
        try (LocalTransactionManager manager = LocalTransactionManager.open(dataDirectory)) {
            long committed = manager.begin();
            manager.commit(committed);
            long running = manager.begin();
            long own = manager.begin();
            var visibility = manager.visibility(own);
            assertThat(visibility.isVisible(committed, 0)).isTrue();
            assertThat(visibility.isVisible(running, 0)).isFalse();
            assertThat(visibility.isVisible(own, 0)).isTrue();
            assertThat(visibility.isVisible(committed, own)).isFalse();
            assertThat(visibility.isVisible(committed, running)).isTrue();
        }
    }
}
