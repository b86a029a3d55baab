package io.gangway.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.spi.dispatch.DispatchStats;
import io.gangway.spi.dispatch.QeConnection;
import io.gangway.spi.dispatch.QeRole;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writer and reader rules of the idle QE pool, on real connections to fake segments. */
class CommonsIdleQePoolTest {
    private static final List<Integer> ALL = List.of(0, 1);

    private TestCluster cluster;
    private DefaultDispatcher dispatcher;
    private DefaultDispatcherSession session;
    private CommonsIdleQePool pool;

    @BeforeEach
    void start() {
        cluster = new TestCluster(2);
        dispatcher = new DefaultDispatcher(DispatcherConfig.DEFAULT, 1);
        session = (DefaultDispatcherSession) dispatcher.openSession(1, cluster.components(), Settings.EMPTY);
        pool = session.pool();
    }

    @AfterEach
    void stop() {
        session.close();
        dispatcher.close();
        cluster.close();
    }

    @Test
    void aReaderNeverGetsTheWriterButTheWriterIsMadeFirst() {
        List<QeConnection> readers = pool.acquire(ALL, QeRole.READER);
        assertThat(readers).extracting(QeConnection::isWriter).containsExactly(false, false);
        assertThat(readers).extracting(QeConnection::content).containsExactly(0, 1);
        assertThat(pool.idleCount(0)).isEqualTo(1);
        assertThat(cluster.service(0).startups.getFirst().writer()).isTrue();
        assertThat(pool.stats()).isEqualTo(new DispatchStats(4, 0, 0));

        List<QeConnection> writers = pool.acquire(ALL, QeRole.WRITER);
        assertThat(writers).extracting(QeConnection::isWriter).containsExactly(true, true);
        assertThat(pool.stats()).isEqualTo(new DispatchStats(4, 2, 0));
        assertThatThrownBy(() -> pool.acquire(ALL, QeRole.WRITER)).isInstanceOf(SqlException.class)
                .hasMessageContaining("already in use");

        // ANY while the writer is busy: the idle-free reader pool makes new readers.
        List<QeConnection> any = pool.acquire(ALL, QeRole.ANY);
        assertThat(any).extracting(QeConnection::isWriter).containsExactly(false, false);
        assertThat(pool.stats().qesCreated()).isEqualTo(6);

        readers.forEach(qe -> pool.release(qe, false));
        writers.forEach(qe -> pool.release(qe, false));
        any.forEach(qe -> pool.release(qe, false));
        assertThat(pool.idleCount(0)).isEqualTo(3);

        // ANY takes the idle writer first; READER then takes a reader.
        List<QeConnection> again = pool.acquire(ALL, QeRole.ANY);
        assertThat(again).extracting(QeConnection::isWriter).containsExactly(true, true);
        assertThat(again).extracting(QeConnection::identifier).containsExactlyElementsOf(
                writers.stream().map(QeConnection::identifier).toList());
        List<QeConnection> reader = pool.acquire(List.of(1), QeRole.READER);
        assertThat(reader.getFirst().isWriter()).isFalse();
        assertThat(pool.stats()).isEqualTo(new DispatchStats(6, 5, 0));
    }

    @Test
    void aDestroyedWriterIsReplacedByANewWriter() {
        List<QeConnection> writers = pool.acquire(ALL, QeRole.WRITER);
        pool.release(writers.get(0), true);
        pool.release(writers.get(1), false);
        assertThat(pool.idleCount(0)).isZero();
        List<QeConnection> next = pool.acquire(ALL, QeRole.WRITER);
        assertThat(next).allMatch(QeConnection::isWriter);
        assertThat(next.get(0).identifier()).isNotEqualTo(writers.get(0).identifier());
        assertThat(next.get(1)).isSameAs(writers.get(1));
        assertThat(pool.stats()).isEqualTo(new DispatchStats(3, 1, 1));
    }

    @Test
    void closeClosesBusyAndIdleQes() {
        List<QeConnection> busy = pool.acquire(ALL, QeRole.ANY);
        pool.release(pool.acquire(ALL, QeRole.READER).getFirst(), false);
        assertThat(cluster.openSessions()).isEqualTo(4);
        pool.close();
        assertThat(busy).noneMatch(QeConnection::isHealthy);
        Await.until("QE sessions closed", () -> cluster.openSessions() == 0);
        assertThat(pool.stats().qesDestroyed()).isEqualTo(4);
    }
}
