package io.gangway.bench.interconnect;

import io.gangway.interconnect.tcp.TcpInterconnect;
import io.gangway.interconnect.tcp.TcpInterconnectConfig;
import io.gangway.interconnect.udp.UdpInterconnect;
import io.gangway.interconnect.udp.UdpInterconnectConfig;
import io.gangway.spi.interconnect.Interconnect;
import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The fixed cost of a motion stream: a sender and a receiver in two interconnects of one process
 * open a stream, send one small chunk, end it and close — what every slice of every statement pays
 * per route before its first row moves. A trivial distributed statement's latency is mostly such
 * fixed costs, so this is the figure to drive down (connection reuse, for TCP).
 */
public final class BenchmarkStreamSetup {
    private static final int WARMUP = 2_000;
    private static final int MEASURED = 5_000;

    private BenchmarkStreamSetup() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "# BenchmarkStreamSetup: %s%n", BenchmarkRedistribute.machine());
        System.out.println("| transport | streams | p50 µs | p95 µs | mean µs |");
        System.out.println("|---|---:|---:|---:|---:|");
        measure("tcp", () -> new TcpInterconnect(TcpInterconnectConfig.DEFAULT));
        measure("udp", () -> new UdpInterconnect(UdpInterconnectConfig.DEFAULT));
    }

    private static void measure(String name, Supplier<Interconnect> factory) throws Exception {
        try (Interconnect receiving = factory.get(); Interconnect sending = factory.get();
                ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            long[] nanos = new long[MEASURED];
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                MotionStreamKey key = new MotionStreamKey(1, i, 1);
                long start = System.nanoTime();
                Future<?> sent = senders.submit(() -> {
                    try (MotionSender sender = sending.openSender(key, 0, List.of(receiving.endpoint()))) {
                        sender.send(0, new byte[64]);
                        sender.finish();
                    }
                    return null;
                });
                try (MotionReceiver receiver = receiving.openReceiver(key, 0, 1)) {
                    while (receiver.next() != null) {
                        // drain the stream to its end
                    }
                }
                sent.get();
                if (i >= WARMUP) {
                    nanos[i - WARMUP] = System.nanoTime() - start;
                }
            }
            Arrays.sort(nanos);
            double mean = Arrays.stream(nanos).average().orElse(0);
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.0f |%n", name, MEASURED,
                    nanos[MEASURED / 2] / 1e3, nanos[MEASURED * 95 / 100] / 1e3, mean / 1e3);
        }
    }
}
