package io.gangway.server.pgwire;

import static io.gangway.server.pgwire.FrontendBytes.bind;
import static io.gangway.server.pgwire.FrontendBytes.close;
import static io.gangway.server.pgwire.FrontendBytes.concat;
import static io.gangway.server.pgwire.FrontendBytes.describe;
import static io.gangway.server.pgwire.FrontendBytes.execute;
import static io.gangway.server.pgwire.FrontendBytes.parse;
import static io.gangway.server.pgwire.FrontendBytes.query;
import static io.gangway.server.pgwire.FrontendBytes.sync;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The extended query protocol with hand-built bytes. */
class PgWireProtocolTest {
    private static final int INT4 = 23;
    private static final int INT8 = 20;
    private static final int TEXT = 25;
    private static final int FLOAT8 = 701;
    private static final int DATE = 1082;

    @Test
    void parseDescribeBindExecuteSync() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            List<String> answer = wire.send(concat(
                    parse("s1", "select $1, $2", INT4, 0),
                    describe('S', "s1"),
                    bind("p1", "s1", List.of("5", "x")),
                    describe('P', "p1"),
                    execute("p1", 0),
                    sync()));
            assertThat(answer).containsExactly("1", "t 23,25", "T p1:23:0,p2:25:0", "2", "T p1:23:0,p2:25:0",
                    "D 5|x", "C SELECT 1", "Z I");
            assertThat(wire.session().boundParameters.getLast()).containsExactly(5, "x");
        }
    }

    @Test
    void nothingIsSentBeforeSyncOrFlush() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(concat(parse("", "select 1"), bind("", "", List.of()), execute("", 0)))).isEmpty();
            assertThat(wire.send(FrontendBytes.flush())).containsExactly("1", "2", "D 1", "C SELECT 1");
            assertThat(wire.send(sync())).containsExactly("Z I");
        }
    }

    @Test
    void afterAnErrorMessagesAreDiscardedUntilSync() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(concat(
                    parse("", "select * from nope"),
                    bind("", "", List.of()),
                    describe('P', ""),
                    execute("", 0),
                    query("select 1"),
                    sync())))
                    .containsExactly("E ERROR 42P01 relation \"nope\" does not exist [P=15]", "Z I");
            assertThat(wire.session().executed).isEmpty();
            assertThat(wire.send(concat(parse("", "select 1"), bind("", "", List.of()), execute("", 0), sync())))
                    .containsExactly("1", "2", "D 1", "C SELECT 1", "Z I");
        }
    }

    @Test
    void errorWhileExecutingSkipsToSync() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(concat(
                    parse("", "select 1/0"), bind("", "", List.of()), execute("", 0),
                    parse("", "select 1"), bind("", "", List.of()), execute("", 0),
                    sync())))
                    .containsExactly("1", "2", "E ERROR 22012 division by zero", "Z I");
        }
    }

    @Test
    void badParameterTextIsAnErrorAtBind() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(concat(parse("", "select $1", INT4), bind("", "", List.of("abc")), execute("", 0), sync())))
                    .containsExactly("1", "E ERROR 22P02 invalid input syntax for type integer: \"abc\"", "Z I");
        }
    }

    @Test
    void parameterCountMustMatch() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(concat(parse("s", "select $1, $2"), bind("", "s", List.of("1")), sync())))
                    .containsExactly("1", "E ERROR 08P01 bind message supplies 1 parameters, but prepared statement "
                            + "\"s\" requires 2", "Z I");
        }
    }

    @Test
    void unknownStatementAndPortal() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(concat(bind("", "nosuch", List.of()), sync())))
                    .containsExactly("E ERROR 26000 prepared statement \"nosuch\" does not exist", "Z I");
            assertThat(wire.send(concat(describe('S', ""), sync())))
                    .containsExactly("E ERROR 26000 unnamed prepared statement does not exist", "Z I");
            assertThat(wire.send(concat(execute("nosuch", 0), sync())))
                    .containsExactly("E ERROR 34000 portal \"nosuch\" does not exist", "Z I");
        }
    }

    @Test
    void closedStatementIsGone() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(concat(parse("s", "select 1"), close('S', "s"), bind("", "s", List.of()), sync())))
                    .containsExactly("1", "3", "E ERROR 26000 prepared statement \"s\" does not exist", "Z I");
        }
    }

    @Test
    void namedStatementIsReused() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            wire.send(concat(parse("s", "select $1", INT8), sync()));
            for (String value : List.of("1", "2")) {
                assertThat(wire.send(concat(bind("", "s", List.of(value)), execute("", 0), sync())))
                        .containsExactly("2", "D " + value, "C SELECT 1", "Z I");
            }
            assertThat(wire.session().boundParameters).containsExactly(List.of(1L), List.of(2L));
        }
    }

    @Test
    void statementWithoutRows() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(concat(parse("", "update t set x = 1"), describe('S', ""), bind("", "", List.of()),
                    describe('P', ""), execute("", 0), sync())))
                    .containsExactly("1", "t", "n", "2", "n", "C UPDATE 3", "Z I");
        }
    }

    @Test
    void emptyQueryInExtendedProtocol() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(concat(parse("", ""), bind("", "", List.of()), describe('P', ""), execute("", 0), sync())))
                    .containsExactly("1", "2", "n", "I", "Z I");
        }
    }

    @Test
    void maxRowsSuspendsThePortalAndTheNextExecuteResumes() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            wire.send(query("begin"));
            assertThat(wire.send(concat(parse("", "select * from numbers"), bind("c", "", List.of()),
                    execute("c", 3), sync())))
                    .containsExactly("1", "2", "D 1|row number 1", "D 2|row number 2", "D 3|row number 3", "s", "Z T");
            assertThat(wire.send(concat(execute("c", 2), sync())))
                    .containsExactly("D 4|row number 4", "D 5|row number 5", "s", "Z T");
            List<String> rest = wire.send(concat(execute("c", 0), sync()));
            assertThat(rest).hasSize(FakeClientSession.NUMBERS - 5 + 2);
            assertThat(rest.getFirst()).isEqualTo("D 6|row number 6");
            assertThat(rest.subList(rest.size() - 2, rest.size())).containsExactly("C SELECT 10000", "Z T");
            assertThat(wire.session().executed).containsExactly("begin", "select * from numbers");
        }
    }

    @Test
    void maxRowsEqualToTheRestCompletesThePortal() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(concat(parse("", "select 1"), bind("", "", List.of()), execute("", 1), sync())))
                    .containsExactly("1", "2", "D 1", "C SELECT 1", "Z I");
        }
    }

    @Test
    void portalsEndWithTheImplicitTransactionAtSync() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(concat(parse("", "select * from numbers"), bind("c", "", List.of()),
                    execute("c", 1), sync())))
                    .endsWith("D 1|row number 1", "s", "Z I");
            assertThat(wire.send(concat(execute("c", 1), sync())))
                    .containsExactly("E ERROR 34000 portal \"c\" does not exist", "Z I");
        }
    }

    @Test
    void closePortalEndsIt() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            wire.send(query("begin"));
            assertThat(wire.send(concat(parse("", "select * from numbers"), bind("c", "", List.of()),
                    execute("c", 1), close('P', "c"), execute("c", 1), sync())))
                    .containsExactly("1", "2", "D 1|row number 1", "s", "3",
                            "E ERROR 34000 portal \"c\" does not exist", "Z T");
        }
    }

    @Test
    void binaryResults() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            List<String> answer = wire.send(concat(parse("", "select typed"), bind("", "", List.of(), 1),
                    describe('P', ""), execute("", 0), sync()));
            assertThat(answer.get(2)).isEqualTo(
                    "T b:16:1,i:23:1,l:20:1,d:701:1,n:1700:1,t:25:1,v:1043:1,day:1082:1");
            int days = (int) (LocalDate.of(2024, 2, 29).toEpochDay() - LocalDate.of(2000, 1, 1).toEpochDay());
            assertThat(answer.get(3)).isEqualTo("D \\x01|\\x0000002a|\\x0000010000000000|\\x4004000000000000|"
                    + "\\x0003000140000002000109291a2c|héllo|abc|\\x" + String.format("%08x", days));
        }
    }

    @Test
    void perColumnResultFormats() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(concat(parse("", "select $1, $2", INT4, INT4), bind("", "", List.of("1", "2"), 0, 1),
                    execute("", 0), sync())))
                    .contains("D 1|\\x00000002");
            assertThat(wire.send(concat(parse("", "select $1, $2", INT4, INT4), bind("", "", List.of("1", "2"), 0, 1, 0),
                    sync())))
                    .containsExactly("1", "E ERROR 08P01 bind message has 3 result formats but query has 2 columns", "Z I");
        }
    }

    @Test
    void binaryParameters() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            byte[][] values = {
                    bytes(Unpooled.buffer().writeInt(7)),
                    bytes(Unpooled.buffer().writeLong(8)),
                    bytes(Unpooled.buffer().writeDouble(2.5)),
                    bytes(Unpooled.buffer().writeInt(-1)),
                    "t".getBytes(),
                    null};
            assertThat(wire.send(concat(parse("", "select $1, $2, $3, $4, $5, $6", INT4, INT8, FLOAT8, DATE, TEXT, INT4),
                    bind("", "", new int[] {1}, values), execute("", 0), sync())))
                    .contains("D 7|8|2.5|1999-12-31|t|NULL");
            assertThat(wire.session().boundParameters.getLast())
                    .isEqualTo(Arrays.asList(7, 8L, 2.5, LocalDate.of(1999, 12, 31), "t", null));
        }
    }

    @Test
    void binaryIntegerOfAnotherWidthIsConverted() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            // an int4 sent for a parameter the session typed bigint
            byte[][] values = {bytes(Unpooled.buffer().writeInt(9))};
            assertThat(wire.send(concat(parse("", "select $1::bigint"), bind("", "", new int[] {1}, values),
                    execute("", 0), sync())))
                    .contains("D 9");
            assertThat(wire.session().boundParameters.getLast()).containsExactly(9L);
        }
    }

    @Test
    void binaryNumericParameter() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            ByteBuf numeric = Unpooled.buffer();
            PgNumeric.write(numeric, new BigDecimal("-1234.5"));
            byte[][] values = {bytes(numeric)};
            assertThat(wire.send(concat(parse("", "select $1::numeric"), bind("", "", new int[] {1}, values),
                    execute("", 0), sync())))
                    .contains("D -1234.5");
        }
    }

    @Test
    void textDateParameterAcceptsATrailingZoneAsPgjdbcSendsIt() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(concat(parse("", "select $1::date"), bind("", "", List.of("2024-03-01 +02")),
                    execute("", 0), sync())))
                    .contains("D 2024-03-01");
        }
    }

    @Test
    void unsupportedDeclaredTypeIsRefused() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            assertThat(wire.send(concat(parse("", "select $1", 1114), sync())))
                    .containsExactly("E ERROR 0A000 parameters of type with OID 1114 are not supported", "Z I");
        }
    }

    @Test
    void simpleQueryDropsTheUnnamedStatement() {
        try (EmbeddedWire wire = new EmbeddedWire().started()) {
            wire.send(concat(parse("", "select 1"), sync()));
            wire.send(query("select 1"));
            assertThat(wire.send(concat(bind("", "", List.of()), sync())))
                    .containsExactly("E ERROR 26000 unnamed prepared statement does not exist", "Z I");
        }
    }

    private static byte[] bytes(ByteBuf buf) {
        return FrontendBytes.bytes(buf);
    }
}
