package io.gangway.engine.qd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.engine.session.QueryResult;
import io.gangway.spi.ast.TransactionStatement;
import io.gangway.tck.analyzer.Ast;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransactionBlockTest {
    private final AtomicInteger ended = new AtomicInteger();
    private final TransactionBlock block = new TransactionBlock(ended::incrementAndGet);

    private static TransactionStatement tx(TransactionStatement.Kind kind) {
        return new TransactionStatement(kind);
    }

    @Test
    void beginCommitWalkTheStatesAndReportTheWireStatus() {
        assertThat(block.state().wireStatus()).isEqualTo('I');
        QueryResult begin = block.run(tx(TransactionStatement.Kind.BEGIN));
        assertThat(begin.commandTag()).isEqualTo("BEGIN");
        assertThat(block.state()).isEqualTo(TransactionBlock.State.IN_BLOCK);
        assertThat(block.state().wireStatus()).isEqualTo('T');
        assertThat(block.run(tx(TransactionStatement.Kind.COMMIT)).commandTag()).isEqualTo("COMMIT");
        assertThat(block.isIdle()).isTrue();
        assertThat(ended).hasValue(1);
    }

    @Test
    void aFailedBlockRefusesStatementsUntilItEndsAndItsCommitRollsBack() {
        block.run(tx(TransactionStatement.Kind.BEGIN));
        block.statementFailed();
        assertThat(block.state().wireStatus()).isEqualTo('E');
        assertThatThrownBy(() -> block.checkMayRun(Ast.select("t1", Ast.star())))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.IN_FAILED_SQL_TRANSACTION));
        block.checkMayRun(tx(TransactionStatement.Kind.COMMIT));
        assertThat(block.run(tx(TransactionStatement.Kind.COMMIT)).commandTag()).isEqualTo("ROLLBACK");
        assertThat(block.isIdle()).isTrue();
    }

    @Test
    void aFailureOutsideABlockLeavesNoBlock() {
        block.statementFailed();
        assertThat(block.isIdle()).isTrue();
    }

    @Test
    void beginTwiceAndCommitWithoutABlockWarnAsPostgresDoes() {
        block.run(tx(TransactionStatement.Kind.BEGIN));
        assertThat(block.run(tx(TransactionStatement.Kind.BEGIN)).drainNotices())
                .containsExactly("WARNING: there is already a transaction in progress");
        block.run(tx(TransactionStatement.Kind.ROLLBACK));
        assertThat(block.run(tx(TransactionStatement.Kind.COMMIT)).drainNotices())
                .containsExactly("WARNING: there is no transaction in progress");
    }

    @Test
    void writesInsideABlockAreRefused() {
        block.refuseWrite("INSERT");
        block.run(tx(TransactionStatement.Kind.BEGIN));
        assertThatThrownBy(() -> block.refuseWrite("INSERT"))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
    }
}
