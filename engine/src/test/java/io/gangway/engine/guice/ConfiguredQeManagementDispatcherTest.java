package io.gangway.engine.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.Settings;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.catalog.SegmentDescriptor;
import io.gangway.spi.dispatch.DispatchRequest;
import io.gangway.spi.dispatch.DispatchStats;
import io.gangway.spi.dispatch.DispatchedStatement;
import io.gangway.spi.dispatch.Dispatcher;
import io.gangway.spi.dispatch.DispatcherSession;
import io.gangway.spi.dispatch.QeManagement;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.plan.PlannedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Sessions open with the configured pool and gang manager; a dispatcher that predates them keeps its own only when none was asked for. */
class ConfiguredQeManagementDispatcherTest {
    private static final QeManagement CONFIGURED = new QeManagement(
            context -> {
                throw new AssertionError("not opened by this test");
            },
            pool -> {
                throw new AssertionError("not opened by this test");
            });

    /** A session that only records that it was opened. */
    private record OpenedSession(String how) implements DispatcherSession {
        @Override
        public DispatchedStatement dispatchPlan(PlannedStatement plan, long commandId, Endpoint coordinatorEndpoint) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<QeResult> dispatchToWriters(DispatchRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void applySettings(Map<String, String> settings) {
        }

        @Override
        public DispatchStats stats() {
            return new DispatchStats(0, 0, 0);
        }

        @Override
        public void close() {
        }
    }

    /** A dispatcher that knows only the SPI's first openSession, so the newer one refuses with 0A000. */
    private static final class OldDispatcher implements Dispatcher {
        final List<String> opened = new ArrayList<>();

        @Override
        public DispatcherSession openSession(long sessionId, Supplier<List<SegmentDescriptor>> components, Settings settings) {
            opened.add("own");
            return new OpenedSession("own");
        }

        @Override
        public void close() {
        }
    }

    /** A dispatcher that takes a configured pool and gang manager. */
    private static final class NewDispatcher implements Dispatcher {
        QeManagement given;

        @Override
        public DispatcherSession openSession(long sessionId, Supplier<List<SegmentDescriptor>> components, Settings settings) {
            return new OpenedSession("own");
        }

        @Override
        public DispatcherSession openSession(long sessionId, Supplier<List<SegmentDescriptor>> components, Settings settings,
                QeManagement qeManagement) {
            given = qeManagement;
            return new OpenedSession("configured");
        }

        @Override
        public void close() {
        }
    }

    private static DispatcherSession open(Dispatcher dispatcher) {
        return dispatcher.openSession(1, List::of, new Settings(Map.of()));
    }

    @Test
    void everySessionGetsTheConfiguredFactories() {
        NewDispatcher delegate = new NewDispatcher();
        Dispatcher dispatcher = new ConfiguredQeManagementDispatcher(delegate, CONFIGURED, false);
        assertThat(open(dispatcher)).isEqualTo(new OpenedSession("configured"));
        assertThat(delegate.given).isSameAs(CONFIGURED);
    }

    @Test
    void anOlderDispatcherKeepsItsOwnPoolWhenNoneWasConfigured() {
        OldDispatcher delegate = new OldDispatcher();
        Dispatcher dispatcher = new ConfiguredQeManagementDispatcher(delegate, CONFIGURED, false);
        assertThat(open(dispatcher)).isEqualTo(new OpenedSession("own"));
        assertThat(open(dispatcher)).isEqualTo(new OpenedSession("own"));
        assertThat(delegate.opened).hasSize(2);
    }

    @Test
    void anOlderDispatcherRefusesAConfiguredPoolWith0A000() {
        Dispatcher dispatcher = new ConfiguredQeManagementDispatcher(new OldDispatcher(), CONFIGURED, true);
        assertThatThrownBy(() -> open(dispatcher)).isInstanceOfSatisfying(SqlException.class,
                e -> assertThat(e.state()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
    }
}
