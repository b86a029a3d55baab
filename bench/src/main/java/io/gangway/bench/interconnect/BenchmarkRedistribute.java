package io.gangway.bench.interconnect;

import io.gangway.interconnect.tcp.TcpInterconnect;
import io.gangway.interconnect.tcp.TcpInterconnectConfig;
import io.gangway.interconnect.udp.UdpInterconnect;
import io.gangway.interconnect.udp.UdpInterconnectConfig;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.interconnect.Interconnect;
import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * N→M redistribute throughput of the interconnects, next to this machine's loopback limit measured
 * in the same run.
 *
 * <p>Each of max(N, M) interconnects stands for a segment process; N sending QE threads send 64 KB
 * chunks round-robin to all M receivers (as a redistribute motion does), M receiving QE threads take
 * them. After a warm-up, what receivers take during the measured interval counts. A chunk stands
 * for {@value #ROWS_PER_CHUNK} rows of 64 bytes. The loopback limit is a raw blocking NIO
 * SocketChannel blast over 127.0.0.1, 64 KB writes, with N writer/reader pairs, for as long.
 *
 * <p>Run it with {@code bench/run-interconnect.sh}; {@code -Dbench.seconds} and
 * {@code -Dbench.warmup} set the intervals (default 4 s and 2 s), {@code -Dbench.shapes} the
 * shapes (default {@code 2x2,4x4}).
 */
public final class BenchmarkRedistribute {
    static final int CHUNK_BYTES = 64 * 1024;
    static final int ROWS_PER_CHUNK = 1024;
    private static final AtomicLong COMMANDS = new AtomicLong();

    private BenchmarkRedistribute() {}

    record Result(String transport, String shape, long bytes, Duration elapsed) {
        double megabytesPerSecond() {
            return bytes / (1024.0 * 1024.0) / seconds();
        }

        double rowsPerSecond() {
            return (double) bytes / CHUNK_BYTES * ROWS_PER_CHUNK / seconds();
        }

        private double seconds() {
            return elapsed.toNanos() / 1e9;
        }
    }

    public static void main(String[] args) throws Exception {
        Duration measure = Duration.ofSeconds(Long.getLong("bench.seconds", 4));
        Duration warmup = Duration.ofSeconds(Long.getLong("bench.warmup", 2));
        String shapes = System.getProperty("bench.shapes", "2x2,4x4");
        System.out.println("# BenchmarkRedistribute: " + machine());
        System.out.printf(Locale.ROOT, "# 64 KB chunks (%d rows of 64 B each), warm-up %d s, measured %d s%n",
                ROWS_PER_CHUNK, warmup.toSeconds(), measure.toSeconds());
        List<Result> results = new ArrayList<>();
        for (String shape : shapes.split(",")) {
            String[] nm = shape.strip().split("x");
            int n = Integer.parseInt(nm[0]);
            int m = Integer.parseInt(nm[1]);
            String label = n + "→" + m;
            Result loopback = loopback(label, n, warmup, measure);
            results.add(loopback);
            print(loopback, loopback);
            List<Result> shapeResults = List.of(
                    redistribute("tcp", label, n, m, () -> new TcpInterconnect(TcpInterconnectConfig.DEFAULT), warmup, measure),
                    redistribute("udp", label, n, m, () -> new UdpInterconnect(UdpInterconnectConfig.DEFAULT), warmup, measure),
                    redistribute("udp (queue 32, snd 32)", label, n, m,
                            () -> new UdpInterconnect(UdpInterconnectConfig.DEFAULT.withQueueDepth(32).withSndQueueDepth(32)),
                            warmup, measure));
            for (Result r : shapeResults) {
                results.add(r);
                print(r, loopback);
            }
        }
        System.out.println();
        System.out.println("| shape | transport | rows/s | MB/s | vs loopback |");
        System.out.println("|---|---|---:|---:|---:|");
        Result loopback = null;
        for (Result r : results) {
            if (r.transport().startsWith("loopback")) {
                loopback = r;
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %,.1f | %.0f%% |%n", r.shape(), r.transport(),
                    r.rowsPerSecond(), r.megabytesPerSecond(), 100 * r.bytes() / (double) loopback.bytes()
                            * loopback.elapsed().toNanos() / r.elapsed().toNanos());
        }
    }

    private static void print(Result r, Result loopback) {
        System.out.printf(Locale.ROOT, "%-5s %-28s %,14.0f rows/s %,10.1f MB/s %5.0f%% of loopback%n", r.shape(), r.transport(),
                r.rowsPerSecond(), r.megabytesPerSecond(), 100 * r.megabytesPerSecond() / loopback.megabytesPerSecond());
    }

    /** N senders to M receivers over {@code factory}'s interconnects, one per simulated segment. */
    static Result redistribute(String transport, String shape, int n, int m, Supplier<Interconnect> factory,
            Duration warmup, Duration measure) throws Exception {
        List<Interconnect> processes = new ArrayList<>();
        try {
            for (int i = 0; i < Math.max(n, m); i++) {
                processes.add(factory.get());
            }
            MotionStreamKey key = new MotionStreamKey(1, COMMANDS.incrementAndGet(), 1);
            List<Endpoint> endpoints = processes.subList(0, m).stream().map(Interconnect::endpoint).toList();
            AtomicBoolean measuring = new AtomicBoolean();
            AtomicBoolean stop = new AtomicBoolean();
            LongAdder received = new LongAdder();
            List<Thread> qes = new ArrayList<>();
            for (int r = 0; r < m; r++) {
                MotionReceiver receiver = processes.get(r).openReceiver(key, r, n);
                qes.add(Thread.ofPlatform().name("receiver-" + r).start(() -> {
                    try (receiver) {
                        for (byte[] c = receiver.next(); c != null; c = receiver.next()) {
                            if (measuring.get()) {
                                received.add(c.length);
                            }
                        }
                    }
                }));
            }
            byte[] chunk = new byte[CHUNK_BYTES]; // never changed: senders may share it
            for (int s = 0; s < n; s++) {
                MotionSender sender = processes.get(s).openSender(key, s, endpoints);
                qes.add(Thread.ofPlatform().name("sender-" + s).start(() -> {
                    try (sender) {
                        while (!stop.get()) {
                            for (int route = 0; route < m; route++) {
                                sender.send(route, chunk);
                            }
                        }
                        sender.finish();
                    }
                }));
            }
            Result result = timed(transport, shape, warmup, measure, measuring, received);
            stop.set(true);
            for (Thread t : qes) {
                t.join(Duration.ofSeconds(60));
            }
            return result;
        } finally {
            processes.forEach(Interconnect::close);
        }
    }

    /** The raw loopback: {@code pairs} blocking TCP connections over 127.0.0.1, each blasted by one thread. */
    static Result loopback(String shape, int pairs, Duration warmup, Duration measure) throws Exception {
        List<SocketChannel> channels = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder received = new LongAdder();
        try (ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            for (int i = 0; i < pairs; i++) {
                SocketChannel out = SocketChannel.open(server.getLocalAddress());
                SocketChannel in = server.accept();
                channels.add(out);
                channels.add(in);
                threads.add(Thread.ofPlatform().name("blast-writer-" + i).start(() -> {
                    ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK_BYTES);
                    try (out) {
                        while (!stop.get()) {
                            buf.clear();
                            while (buf.hasRemaining()) {
                                out.write(buf);
                            }
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }));
                threads.add(Thread.ofPlatform().name("blast-reader-" + i).start(() -> {
                    ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK_BYTES);
                    try (in) {
                        for (int got = in.read(buf); got >= 0; got = in.read(buf)) {
                            if (measuring.get()) {
                                received.add(got);
                            }
                            buf.clear();
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            Result result = timed("loopback (raw NIO TCP, " + pairs + " conns)", shape, warmup, measure, measuring, received);
            stop.set(true);
            for (Thread t : threads) {
                t.join(Duration.ofSeconds(30));
            }
            return result;
        }
    }

    private static Result timed(String transport, String shape, Duration warmup, Duration measure,
            AtomicBoolean measuring, LongAdder received) throws InterruptedException {
        Thread.sleep(warmup);
        long start = System.nanoTime();
        measuring.set(true);
        Thread.sleep(measure);
        measuring.set(false);
        long elapsed = System.nanoTime() - start;
        return new Result(transport, shape, received.sum(), Duration.ofNanos(elapsed));
    }

    /** nproc, the CPU model and the JVM, so figures are read against the machine they came from. */
    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst()
                    .orElse(cpu);
        } catch (IOException e) {
            // not Linux: the CPU stays unknown
        }
        return "nproc " + Runtime.getRuntime().availableProcessors() + ", " + cpu + ", Java " + Runtime.version()
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version");
    }
}
