package io.gangway.interconnect.udp;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A transfer across a real lossy link: two network namespaces joined by a veth pair whose sending
 * side drops 5 % of packets ({@code tc qdisc … netem loss 5%}), a receiver JVM in one and a sender
 * JVM in the other ({@link NetnsPeer}). Needs root, iproute2 and the kernel's netem qdisc; skipped,
 * saying why, where the machine cannot make namespaces or netem. With
 * {@code -Dgangway.netns.withoutNetem=true} it runs without the loss where netem alone is missing,
 * to check the namespace plumbing.
 */
@Timeout(value = 60, unit = SECONDS)
class NetnsLossTest {
    private static final int CHUNKS = 300;
    /** Addresses inside namespaces this test makes itself, on a link only they share. */
    private static final String RECEIVER_ADDRESS = "10.213.77.1";
    private static final String SENDER_ADDRESS = "10.213.77.2";

    private final String suffix = Long.toString(ProcessHandle.current().pid() % 100_000);
    private final String receiverNs = "gwic" + suffix + "r";
    private final String senderNs = "gwic" + suffix + "s";
    private final String receiverDev = "gwv" + suffix + "r";
    private final String senderDev = "gwv" + suffix + "s";

    @Test
    void everyChunkCrossesALossyVethLink() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/tc")) || Files.isExecutable(Path.of("/sbin/tc"))
                || run("which", "tc").ok(), "skipped: tc (iproute2) is not installed");
        Result add = run("ip", "netns", "add", receiverNs);
        assumeTrue(add.ok(), () -> "skipped: cannot create a network namespace (needs root and iproute2): " + add.output());
        try {
            must(run("ip", "netns", "add", senderNs));
            must(run("ip", "link", "add", receiverDev, "type", "veth", "peer", "name", senderDev));
            must(run("ip", "link", "set", receiverDev, "netns", receiverNs));
            must(run("ip", "link", "set", senderDev, "netns", senderNs));
            must(run("ip", "-n", receiverNs, "addr", "add", RECEIVER_ADDRESS + "/30", "dev", receiverDev));
            must(run("ip", "-n", senderNs, "addr", "add", SENDER_ADDRESS + "/30", "dev", senderDev));
            must(run("ip", "-n", receiverNs, "link", "set", receiverDev, "up"));
            must(run("ip", "-n", senderNs, "link", "set", senderDev, "up"));
            Result netem = run("ip", "netns", "exec", senderNs, "tc", "qdisc", "add", "dev", senderDev, "root", "netem", "loss", "5%");
            boolean lossy = netem.ok();
            if (!lossy) {
                assumeTrue(Boolean.getBoolean("gangway.netns.withoutNetem"),
                        () -> "skipped: the kernel has no netem qdisc (tc said: " + netem.output().strip() + ")");
            } else {
                must(run("ip", "netns", "exec", receiverNs, "tc", "qdisc", "add", "dev", receiverDev, "root", "netem", "loss", "5%"));
            }
            transfer();
            if (lossy) {
                Result stats = run("ip", "netns", "exec", senderNs, "tc", "-s", "qdisc", "show", "dev", senderDev);
                assertThat(stats.output()).as("netem dropped packets").containsPattern("dropped [1-9]");
            }
        } finally {
            run("ip", "netns", "del", senderNs);
            run("ip", "netns", "del", receiverNs);
        }
    }

    private void transfer() throws Exception {
        Process receiver = peer(receiverNs, "receiver", RECEIVER_ADDRESS, Integer.toString(CHUNKS));
        Process sender = null;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertThat(first).as("the receiver's first line").startsWith("LISTENING ");
            String port = first.substring("LISTENING ".length()).strip();
            CompletableFuture<String> rest = CompletableFuture.supplyAsync(() -> out.lines().reduce("", (a, b) -> a + b + "\n"));
            sender = peer(senderNs, "sender", SENDER_ADDRESS, RECEIVER_ADDRESS + ":" + port, Integer.toString(CHUNKS));
            CompletableFuture<String> sent = CompletableFuture.supplyAsync(readAll(sender));
            assertThat(sender.waitFor(40, SECONDS)).as("the sender finished").isTrue();
            assertThat(receiver.waitFor(10, SECONDS)).as("the receiver finished").isTrue();
            assertThat(sent.get(5, SECONDS)).contains("SENT " + CHUNKS);
            assertThat(sender.exitValue()).isZero();
            assertThat(rest.get(5, SECONDS)).contains("RECEIVED " + CHUNKS);
            assertThat(receiver.exitValue()).isZero();
        } finally {
            receiver.destroyForcibly();
            if (sender != null) {
                sender.destroyForcibly();
            }
        }
    }

    private static java.util.function.Supplier<String> readAll(Process p) {
        return () -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "unreadable: " + e;
            }
        };
    }

    /** A child JVM with this test's class path, inside namespace {@code ns}; its errors go to ours. */
    private static Process peer(String ns, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", ns,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), NetnsPeer.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private record Result(int status, String output) {
        boolean ok() {
            return status == 0;
        }
    }

    private static Result run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, String.join(" ", command) + " timed out");
            }
            return new Result(p.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, String.join(" ", command) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    private static void must(Result result) {
        assertThat(result.ok()).as("command failed: %s", result.output()).isTrue();
    }
}
