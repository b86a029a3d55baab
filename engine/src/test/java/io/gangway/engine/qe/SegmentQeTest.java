package io.gangway.engine.qe;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.api.Settings;
import io.gangway.api.SqlState;
import io.gangway.engine.txn.LocalTransactionManager;
import io.gangway.interconnect.support.LocalInterconnect;
import io.gangway.parser.antlr.AntlrParser;
import io.gangway.spi.dispatch.DispatchRequest;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.dispatch.QeStartup;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentQeTest {
    @TempDir
    Path dataDirectory;

    private LocalTransactionManager transactions;
    private final LocalInterconnect interconnect = new LocalInterconnect();
    private SegmentQe qe;

    @BeforeEach
    void open() {
        transactions = LocalTransactionManager.open(dataDirectory);
        SegmentServices services = new SegmentServices(0, interconnect, Map.of(), transactions,
                new AntlrParser(), new Settings(Map.of("work_mem", "32MB")));
        qe = new SegmentQe(services, new QeStartup(7, 0, true, 1, Map.of("statement_timeout", "5s")));
    }

    @AfterEach
    void close() {
        qe.close();
        transactions.close();
        interconnect.close();
    }

    @Test
    void setAndResetSentAsSqlTextChangeTheQesSettings() {
        assertThat(qe.execute(new DispatchRequest.SqlText("SET work_mem = '64MB'; SET statement_timeout TO 0")).isSuccess())
                .isTrue();
        assertThat(qe.settings().get("work_mem")).contains("64MB");
        assertThat(qe.settings().get("statement_timeout")).contains("0");
        assertThat(qe.execute(new DispatchRequest.SqlText("RESET work_mem")).isSuccess()).isTrue();
        assertThat(qe.settings().get("work_mem")).contains("32MB");
        assertThat(qe.execute(new DispatchRequest.SqlText("RESET ALL")).isSuccess()).isTrue();
        assertThat(qe.settings().get("statement_timeout")).contains("5s");
    }

    @Test
    void sqlTextThatNeedsTheCoordinatorIsRefused() {
        QeResult result = qe.execute(new DispatchRequest.SqlText("SELECT 1"));
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.error().orElseThrow().state()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED);
        QeResult syntax = qe.execute(new DispatchRequest.SqlText("SET = 1"));
        assertThat(syntax.error().orElseThrow().state()).isEqualTo(SqlState.SYNTAX_ERROR);
    }
}
