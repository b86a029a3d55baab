package io.gangway.server.cluster;

import io.gangway.api.ClusterSecret;
import io.gangway.server.config.GangwayConf;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where the processes of a cluster on one machine keep their data: {@code root/coordinator},
 * {@code root/seg0}, {@code root/seg1}, …, each with its {@code gangway.conf}. Ports: the
 * coordinator's, then one per segment after it.
 */
public record ClusterLayout(Path root, String host, int coordinatorPort, int segmentCount) {
    /**
     * A layout on loopback whose ports (the coordinator's and one per segment after it) are free
     * now, for tests and benchmarks that start throwaway clusters side by side.
     */
    public static ClusterLayout onFreePorts(Path root, int segmentCount) throws IOException {
        int count = segmentCount + 1;
        for (int attempt = 0; attempt < 100; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(20_000, 40_000);
            if (allFree(base, count)) {
                return new ClusterLayout(root, "127.0.0.1", base, segmentCount);
            }
        }
        throw new IOException("no run of " + count + " free ports found on loopback");
    }

    private static boolean allFree(int base, int count) {
        for (int port = base; port < base + count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

    public Path coordinatorDirectory() {
        return root.resolve("coordinator");
    }

    public Path segmentDirectory(int content) {
        return root.resolve("seg" + content);
    }

    public int segmentPort(int content) {
        return coordinatorPort + 1 + content;
    }

    public boolean isInitialized() {
        return Files.exists(coordinatorDirectory().resolve(GangwayConf.FILE_NAME));
    }

    /**
     * Writes every process's {@code gangway.conf}; {@code settings} go to all of them (e.g.
     * gp_interconnect_type). The cluster's secret is made the first time and copied into every
     * data directory that lacks it (a cluster made before secrets existed gets one here).
     */
    public void initialize(Map<String, String> settings) {
        ClusterSecret secret = ClusterSecret.existsIn(coordinatorDirectory())
                ? ClusterSecret.readFrom(coordinatorDirectory()) : ClusterSecret.generate();
        List<Path> directories = new ArrayList<>();
        directories.add(coordinatorDirectory());
        for (int content = 0; content < segmentCount; content++) {
            directories.add(segmentDirectory(content));
        }
        for (Path directory : directories) {
            if (!ClusterSecret.existsIn(directory) || !ClusterSecret.readFrom(directory).equals(secret)) {
                secret.writeTo(directory);
            }
        }
        Map<String, String> coordinator = new LinkedHashMap<>();
        coordinator.put("listen_address", host);
        coordinator.put("port", Integer.toString(coordinatorPort));
        for (int content = 0; content < segmentCount; content++) {
            coordinator.put("segment." + content,
                    host + ":" + segmentPort(content) + ":" + segmentDirectory(content).toAbsolutePath());
        }
        coordinator.putAll(settings);
        GangwayConf.write(coordinatorDirectory(), "Gangway coordinator", coordinator);
        for (int content = 0; content < segmentCount; content++) {
            Map<String, String> segment = new LinkedHashMap<>();
            segment.put("content", Integer.toString(content));
            segment.put("listen_address", host);
            segment.put("port", Integer.toString(segmentPort(content)));
            segment.putAll(settings);
            GangwayConf.write(segmentDirectory(content), "Gangway segment " + content, segment);
        }
    }

    /** Reads back the layout of an initialized cluster. */
    public static ClusterLayout read(Path root) {
        Map<String, String> conf = GangwayConf.read(root.resolve("coordinator"));
        List<String> segments = new ArrayList<>();
        conf.keySet().stream().filter(k -> k.startsWith("segment.")).forEach(segments::add);
        return new ClusterLayout(root, conf.getOrDefault("listen_address", "127.0.0.1"),
                Integer.parseInt(conf.getOrDefault("port", "15432")), segments.size());
    }
}
