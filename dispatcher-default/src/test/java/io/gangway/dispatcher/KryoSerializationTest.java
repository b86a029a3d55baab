package io.gangway.dispatcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.dispatcher.protocol.DispatchMessage;
import io.gangway.dispatcher.protocol.DispatchProtocol;
import io.gangway.dispatcher.protocol.KryoSerialization;
import io.gangway.spi.catalog.DistributionPolicy;
import io.gangway.spi.catalog.TableDescriptor;
import io.gangway.spi.dispatch.DispatchRequest;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.dispatch.QeStartup;
import io.gangway.spi.dispatch.SliceTable;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.plan.PlannedStatement;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class KryoSerializationTest {
    private final KryoSerialization serialization = new KryoSerialization();

    private Object roundTrip(Object value) {
        return serialization.decode(serialization.encode(value));
    }

    @Test
    void planWithEveryNodeAndConstantRoundTrips() {
        PlannedStatement plan = TestPlans.everyNodePlan();
        Object copy = roundTrip(plan);
        assertThat(copy).isEqualTo(plan).isNotSameAs(plan);
        assertThat(((PlannedStatement) copy).slice(1).parent()).isEqualTo(OptionalInt.of(0));
    }

    @Test
    void everyDispatchRequestRoundTrips() {
        PlannedStatement plan = TestPlans.everyNodePlan();
        SliceTable table = new SliceTable(Map.of(
                0, List.of(new Endpoint("127.0.0.1", 5432)),
                1, List.of(new Endpoint("10.0.0.1", 40000), new Endpoint("10.0.0.2", 40001))));
        TableDescriptor replicated = new TableDescriptor(7, "s", "r", TestPlans.ORDERS.columns(), TestPlans.ORDERS.notNull(),
                new DistributionPolicy.Replicated(3), "ao_column", Map.of());
        TableDescriptor random = new TableDescriptor(8, "s", "x", TestPlans.ORDERS.columns(), TestPlans.ORDERS.notNull(),
                new DistributionPolicy.Random(2), "ao_row", Map.of("compresstype", "zstd", "compresslevel", "3"));
        List<DispatchRequest> requests = List.of(
                new DispatchRequest.ExecuteSlice(plan, 2, 1, table, 77L),
                new DispatchRequest.Utility(new DispatchRequest.UtilityCommand.CreateTable(TestPlans.ORDERS)),
                new DispatchRequest.Utility(new DispatchRequest.UtilityCommand.DropTables(List.of(replicated, random))),
                new DispatchRequest.SetSettings(Map.of("work_mem", "64MB", "statement_timeout", "0")),
                new DispatchRequest.SetSettings(Map.of()),
                new DispatchRequest.SqlText("VACUUM s.r"),
                new DispatchRequest.Dtx(DispatchRequest.DtxCommand.PREPARE, "1700000000-0000000042"),
                new DispatchRequest.Dtx(DispatchRequest.DtxCommand.COMMIT_PREPARED, "g"),
                new DispatchRequest.Dtx(DispatchRequest.DtxCommand.ABORT_PREPARED, "g"));
        for (DispatchRequest request : requests) {
            assertThat(roundTrip(request)).isEqualTo(request);
        }
        DispatchMessage.SharedPlan shared = new DispatchMessage.SharedPlan(plan, table);
        assertThat(roundTrip(shared)).isEqualTo(shared);
        DispatchMessage.DispatchSlice slice = new DispatchMessage.DispatchSlice(3, serialization.encode(shared), 2, 1, 77L);
        DispatchMessage.DispatchSlice copy = (DispatchMessage.DispatchSlice) roundTrip(slice);
        assertThat(copy.sharedPlan()).isEqualTo(slice.sharedPlan());
        assertThat(copy).usingRecursiveComparison().isEqualTo(slice);
        assertThat(serialization.decode(copy.sharedPlan())).isEqualTo(shared);
    }

    @Test
    void everyMessageRoundTrips() {
        List<DispatchMessage> messages = List.of(
                new DispatchMessage.Startup(new QeStartup(9, 1, true, 3, Map.of("datestyle", "ISO, MDY"))),
                new DispatchMessage.StartupOk(new Endpoint("127.0.0.1", 45_001), 10_001),
                new DispatchMessage.StartupFailed("57P03", "the database system is starting up"),
                new DispatchMessage.Dispatch(5, new DispatchRequest.SetSettings(Map.of("a", "b"))),
                new DispatchMessage.Result(5, QeResult.success(1, 1_000_000_000_000L)),
                new DispatchMessage.Result(8, QeResult.success(0, 3).withPeakMemory(600L << 20)),
                new DispatchMessage.Result(6, QeResult.failure(0, new SqlException(SqlState.DIVISION_BY_ZERO,
                        "division by zero").withDetail("in slice 2"))),
                new DispatchMessage.Result(7, new QeResult(1, 0, Optional.of(
                        new QeResult.QeError("XX000", "oops", Optional.empty())))),
                new DispatchMessage.Cancel(5, true),
                new DispatchMessage.Terminate());
        for (DispatchMessage message : messages) {
            assertThat(roundTrip(message)).isEqualTo(message);
        }
    }

    @Test
    void codecCarriesMessagesThroughSplitFrames() {
        EmbeddedChannel sender = new EmbeddedChannel();
        DispatchProtocol.addCodec(sender.pipeline(), serialization);
        List<DispatchMessage> messages = List.of(
                new DispatchMessage.Dispatch(1, new DispatchRequest.ExecuteSlice(TestPlans.everyNodePlan(), 1, 0,
                        new SliceTable(Map.of(0, List.of(new Endpoint("h", 1)))), 3)),
                new DispatchMessage.Cancel(1, false));
        for (DispatchMessage message : messages) {
            assertThat(sender.writeOutbound(message)).isTrue();
        }
        ByteBuf wire = Unpooled.buffer();
        for (ByteBuf frame; (frame = sender.readOutbound()) != null; ) {
            wire.writeBytes(frame);
            frame.release();
        }
        int first = serialization.encode(messages.get(0)).length;
        int second = serialization.encode(messages.get(1)).length;
        assertThat(wire.getInt(0)).isEqualTo(first);
        assertThat(wire.getInt(4 + first)).isEqualTo(second);
        assertThat(wire.readableBytes()).isEqualTo(4 + first + 4 + second);

        EmbeddedChannel receiver = new EmbeddedChannel();
        DispatchProtocol.addCodec(receiver.pipeline(), serialization);
        // Feed the bytes three at a time: the frame decoder must reassemble them.
        while (wire.isReadable()) {
            receiver.writeInbound(wire.readRetainedSlice(Math.min(3, wire.readableBytes())));
        }
        wire.release();
        List<Object> received = new ArrayList<>();
        for (Object m; (m = receiver.readInbound()) != null; ) {
            received.add(m);
        }
        assertThat(received).containsExactlyElementsOf(messages);
        assertThat(sender.finishAndReleaseAll()).isFalse();
        assertThat(receiver.finishAndReleaseAll()).isFalse();
    }

    @Test
    void garbageFrameIsAProtocolViolation() {
        EmbeddedChannel receiver = new EmbeddedChannel();
        DispatchProtocol.addCodec(receiver.pipeline(), serialization);
        ByteBuf frame = Unpooled.buffer().writeInt(3).writeBytes(new byte[] {(byte) 0xff, (byte) 0xfe, 0x01});
        assertThatThrownBy(() -> receiver.writeInbound(frame))
                .isInstanceOf(DecoderException.class)
                .cause().isInstanceOfSatisfying(SqlException.class,
                        e -> assertThat(e.state()).isEqualTo(SqlState.PROTOCOL_VIOLATION));
        receiver.finishAndReleaseAll();
    }

    @Test
    void oversizedFrameIsRefused() {
        EmbeddedChannel receiver = new EmbeddedChannel();
        DispatchProtocol.addCodec(receiver.pipeline(), serialization);
        ByteBuf header = Unpooled.buffer().writeInt(DispatchProtocol.MAX_FRAME_LENGTH + 1);
        assertThatThrownBy(() -> receiver.writeInbound(header)).hasMessageContaining("exceeds");
        receiver.finishAndReleaseAll();
    }

    @Test
    void theAllowListIsBuiltFromTheSealedTreesInOneOrderByName() {
        List<Class<?>> allowed = serialization.allowedClasses();
        assertThat(allowed).isSortedAccordingTo(java.util.Comparator.comparing(Class::getName));
        assertThat(new KryoSerialization().allowedClasses()).as("the same in every process").isEqualTo(allowed);
        assertThat(allowed).contains(DispatchMessage.Startup.class, DispatchMessage.SharedPlan.class,
                DispatchRequest.ExecuteSlice.class, DispatchRequest.UtilityCommand.CreateTable.class,
                DistributionPolicy.Random.class, QeResult.QeError.class, PlannedStatement.class,
                java.math.BigDecimal.class, java.time.LocalDate.class, byte[].class);
        assertThat(allowed).doesNotContain(java.util.concurrent.ConcurrentHashMap.class, Object.class, Tripwire.class);
        for (Class<?> sealed : List.of(io.gangway.spi.plan.PlanNode.class, io.gangway.spi.query.Expr.class,
                DispatchMessage.class, DispatchRequest.class)) {
            assertThat(allowed).as("every record of " + sealed.getSimpleName()).containsAll(records(sealed));
        }
    }

    private static List<Class<?>> records(Class<?> sealed) {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> permitted : sealed.getPermittedSubclasses()) {
            if (permitted.isSealed()) {
                out.addAll(records(permitted));
            } else if (permitted.isRecord()) {
                out.add(permitted);
            }
        }
        return out;
    }

    @Test
    void aClassOffTheListIsRefusedOnBothEnds() {
        assertThatThrownBy(() -> serialization.encode(new java.util.concurrent.ConcurrentHashMap<String, String>()))
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.INTERNAL_ERROR));
        for (byte[] stranger : List.of(StrangerFrames.namingClass("java.util.concurrent.ConcurrentHashMap"),
                StrangerFrames.namingClass("io.gangway.dispatcher.Tripwire"), StrangerFrames.unknownClassNumber())) {
            assertThatThrownBy(() -> serialization.decode(stranger))
                    .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.PROTOCOL_VIOLATION));
        }
        assertThat(TripwireFlag.TRIPPED).as("the named class was never initialized").isFalse();
    }

    /** A value an extension's plans could carry. */
    record ExtensionValue(String name, List<Long> values) {
    }

    @Test
    void anExtensionContributesItsClasses() {
        KryoSerialization extended = new KryoSerialization(List.of(ExtensionValue.class));
        ExtensionValue value = new ExtensionValue("x", List.of(1L, 2L));
        assertThat(extended.decode(extended.encode(value))).isEqualTo(value);
        List<Class<?>> protocol = serialization.allowedClasses();
        assertThat(extended.allowedClasses()).as("the protocol's numbers first, unchanged; the extension's after")
                .startsWith(protocol.toArray(Class<?>[]::new)).endsWith(ExtensionValue.class);
        assertThat(extended.fingerprint()).isNotEqualTo(serialization.fingerprint());
        assertThat(new KryoSerialization(List.of(ExtensionValue.class)).matchesFingerprint(extended.fingerprint())).isTrue();
        assertThatThrownBy(() -> serialization.encode(value)).isInstanceOf(SqlException.class);
        assertThatThrownBy(() -> serialization.decode(extended.encode(value))).as("a process without the extension")
                .isInstanceOfSatisfying(SqlException.class, e -> assertThat(e.state()).isEqualTo(SqlState.PROTOCOL_VIOLATION));
    }
}
