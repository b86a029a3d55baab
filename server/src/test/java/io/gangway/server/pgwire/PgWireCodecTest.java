package io.gangway.server.pgwire;

import static io.gangway.server.pgwire.FrontendBytes.concat;
import static io.gangway.server.pgwire.FrontendBytes.query;
import static io.gangway.server.pgwire.FrontendBytes.startup;
import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pipeline on an EmbeddedChannel: startup state machine, framing, simple query, errors. */
class PgWireCodecTest {
    @Test
    void pipelineHasNamedHandlers() {
        try (EmbeddedWire wire = new EmbeddedWire()) {
            assertThat(wire.channel.pipeline().names())
                    .containsSubsequence("frame-decoder", "message-decoder", "message-encoder", "handler");
        }
    }

    @Test
    void startupAnswersAuthenticationOkSettingsKeyAndReady() {
        try (EmbeddedWire wire = new EmbeddedWire()) {
            List<String> answer = wire.send(startup(Map.of("user", "gangway", "database", "db", "application_name", "t")));
            assertThat(answer.getFirst()).isEqualTo("R 0");
            assertThat(answer).contains("S server_version=12.12", "S client_encoding=UTF8", "S TimeZone=UTC");
            assertThat(answer.subList(answer.size() - 2, answer.size())).containsExactly("K 7 99", "Z I");
            assertThat(answer).hasSize(1 + 6 + 2);
            assertThat(wire.registry.size()).isEqualTo(1);
        }
    }

    @Test
    void sslAndGssEncRequestsAreRefusedWithN() {
        try (EmbeddedWire wire = new EmbeddedWire()) {
            wire.channel.writeInbound(FrontendBytes.sslRequest());
            assertThat(wire.rawOutput()).containsExactly('N');
            wire.channel.writeInbound(FrontendBytes.gssEncRequest());
            assertThat(wire.rawOutput()).containsExactly('N');
            assertThat(wire.send(startup(EmbeddedWire.STARTUP))).startsWith("R 0").endsWith("Z I");
        }
    }

    @Test
    void startupParametersReachTheFactory() {
        StartupParameters[] seen = new StartupParameters[1];
        try (EmbeddedWire wire = new EmbeddedWire(parameters -> {
            seen[0] = parameters;
            return new FakeClientSession(1, 2);
        })) {
            wire.send(startup(Map.of("user", "alice", "application_name", "app", "options", "-c x=y")));
            assertThat(seen[0].user()).isEqualTo("alice");
            assertThat(seen[0].database()).isEqualTo("alice");
            assertThat(seen[0].applicationName()).contains("app");
            assertThat(seen[0].options()).contains("-c x=y");
        }
    }

    @Test
    void startupWithoutUserIsFatal() {
        try (EmbeddedWire wire = new EmbeddedWire()) {
            assertThat(wire.send(startup(Map.of("database", "x"))))
                    .containsExactly("E FATAL 28000 no PostgreSQL user name specified in startup packet");
            assertThat(wire.channel.isActive()).isFalse();
        }
    }

    @Test
    void refusedSessionIsFatalAndClosesTheConnection() {
        try (EmbeddedWire wire = new EmbeddedWire(parameters -> {
            throw new SqlException(SqlState.CANNOT_CONNECT_NOW, "the database system is starting up");
        })) {
            assertThat(wire.send(startup(EmbeddedWire.STARTUP)))
                    .containsExactly("E FATAL 57P03 the database system is starting up");
            assertThat(wire.channel.isActive()).isFalse();
        }
    }

    @Test
    void unsupportedProtocolVersionIsFatal() {
        try (EmbeddedWire wire = new EmbeddedWire()) {
            assertThat(wire.send(startup(2 << 16, EmbeddedWire.STARTUP)))
                    .containsExactly("E FATAL 0A000 unsupported frontend protocol 2.0: server supports 3.0 to 3.0");
        }
    }

    @Test
    void newerMinorVersionAndProtocolOptionsAreNegotiatedDown() {
        try (EmbeddedWire wire = new EmbeddedWire()) {
            List<String> answer = wire.send(startup((3 << 16) | 2,
                    Map.of("user", "u", "_pq_.compression", "on")));
            assertThat(answer.getFirst()).isEqualTo("v 0 _pq_.compression");
            assertThat(answer.get(1)).isEqualTo("R 0");
            assertThat(answer.getLast()).isEqualTo("Z I");
        }
    }

    @Test
    void simpleQueryRoundTrip() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(query("select 1")))
                    .containsExactly("T ?column?:23:0", "D 1", "C SELECT 1", "Z I");
        }
    }

    @Test
    void messagesSplitAcrossReadsAreReassembled() {
        try (EmbeddedWire wire = new EmbeddedWire()) {
            ByteBuf all = concat(startup(EmbeddedWire.STARTUP), query("select 1"));
            while (all.isReadable()) {
                wire.channel.writeInbound(all.readRetainedSlice(1));
            }
            all.release();
            assertThat(wire.output()).endsWith("T ?column?:23:0", "D 1", "C SELECT 1", "Z I");
        }
    }

    @Test
    void everyTypeInTextFormat() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(query("select typed"))).containsExactly(
                    "T b:16:0,i:23:0,l:20:0,d:701:0,n:1700:0,t:25:0,v:1043:0,day:1082:0",
                    "D t|42|1099511627776|2.5|-12345.67|héllo|abc|2024-02-29", "C SELECT 1", "Z I");
            assertThat(wire.send(query("select nulls")))
                    .contains("D NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL");
        }
    }

    @Test
    void severalStatementsStopAtTheFirstError() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(query("select 1; select 1/0; update t set x = 1"))).containsExactly(
                    "T ?column?:23:0", "D 1", "C SELECT 1", "T ?column?:23:0", "E ERROR 22012 division by zero", "Z I");
            assertThat(wire.session().executed).containsExactly("select 1", "select 1/0");
        }
    }

    @Test
    void errorCarriesStateAndPositionAndTheConnectionStaysUsable() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(query("select * from nope")))
                    .containsExactly("E ERROR 42P01 relation \"nope\" does not exist [P=15]", "Z I");
            assertThat(wire.send(query("select 1"))).containsExactly("T ?column?:23:0", "D 1", "C SELECT 1", "Z I");
        }
    }

    @Test
    void nonSqlExceptionIsInternalError() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(query("select boom"))).containsExactly("E ERROR XX000 boom", "Z I");
            assertThat(wire.send(query("select 1"))).endsWith("Z I").contains("D 1");
        }
    }

    @Test
    void emptyQuery() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(query("  "))).containsExactly("I", "Z I");
        }
    }

    @Test
    void noticesPrecedeCommandComplete() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(query("select warn")))
                    .containsExactly("T x:25:0", "D w", "N WARNING 01000 something odd", "C SELECT 1", "Z I");
        }
    }

    @Test
    void commandTagsAndTransactionStatus() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(query("begin"))).containsExactly("C BEGIN", "Z T");
            assertThat(wire.send(query("insert into t values (1)"))).containsExactly("C INSERT 0 2", "Z T");
            assertThat(wire.send(query("commit"))).containsExactly("C COMMIT", "Z I");
        }
    }

    @Test
    void manyRowsAreAllSent() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            List<String> answer = wire.send(query("select * from numbers"));
            assertThat(answer).hasSize(1 + FakeClientSession.NUMBERS + 2);
            assertThat(answer.get(1)).isEqualTo("D 1|row number 1");
            assertThat(answer.get(FakeClientSession.NUMBERS)).isEqualTo("D 10000|row number 10000");
            assertThat(answer.get(answer.size() - 2)).isEqualTo("C SELECT 10000");
        }
    }

    @Test
    void tooLongMessageIsFatal() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            ByteBuf huge = Unpooled.buffer().writeByte('Q').writeInt(EmbeddedWire.MAX_MESSAGE_LENGTH + 1);
            assertThat(wire.send(huge)).singleElement().asString().startsWith("E FATAL 08P01 invalid message length");
            assertThat(wire.channel.isActive()).isFalse();
            assertThat(wire.session().isClosed()).isTrue();
        }
    }

    @Test
    void malformedMessageIsFatal() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            ByteBuf noTerminator = Unpooled.buffer().writeByte('Q').writeInt(7).writeBytes(new byte[] {'a', 'b', 'c'});
            assertThat(wire.send(noTerminator)).containsExactly("E FATAL 08P01 invalid string in message");
        }
    }

    @Test
    void unknownMessageTypeIsFatal() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(FrontendBytes.typed('?', Unpooled.buffer())))
                    .containsExactly("E FATAL 08P01 invalid frontend message type 63");
            assertThat(wire.channel.isActive()).isFalse();
        }
    }

    @Test
    void terminateClosesSessionAndConnection() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(FrontendBytes.terminate())).isEmpty();
            assertThat(wire.session().isClosed()).isTrue();
            assertThat(wire.channel.isActive()).isFalse();
            assertThat(wire.registry.size()).isZero();
        }
    }

    @Test
    void channelCloseClosesSession() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            wire.channel.close();
            assertThat(wire.session().isClosed()).isTrue();
            assertThat(wire.registry.size()).isZero();
        }
    }

    @Test
    void cancelRequestNeedsTheRightSecret() {
        try (EmbeddedWire target = new EmbeddedWire().started()) {
            try (EmbeddedWire wrong = new EmbeddedWire(target.registry)) {
                assertThat(wrong.send(FrontendBytes.cancelRequest(7, 98))).isEmpty();
                assertThat(wrong.channel.isActive()).isFalse();
            }
            assertThat(target.session().cancels).hasValue(0);
            try (EmbeddedWire right = new EmbeddedWire(target.registry)) {
                assertThat(right.send(FrontendBytes.cancelRequest(7, 99))).isEmpty();
                assertThat(right.channel.isActive()).isFalse();
            }
            assertThat(target.session().cancels).hasValue(1);
        }
    }
}
