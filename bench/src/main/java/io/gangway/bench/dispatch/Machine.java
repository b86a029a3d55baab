package io.gangway.bench.dispatch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine a benchmark ran on, as its report names it. */
record Machine(int processors, String cpuModel, String memory, String os, String jvm) {
    static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                procField(Path.of("/proc/cpuinfo"), "model name").orElse(System.getProperty("os.arch")),
                procField(Path.of("/proc/meminfo"), "MemTotal").map(Machine::gibibytes).orElse("unknown"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + Runtime.version());
    }

    private static java.util.Optional<String> procField(Path file, String name) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(name)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip());
        } catch (IOException notLinux) {
            return java.util.Optional.empty();
        }
    }

    /** {@code 24576000 kB} as {@code 23.4 GiB}. */
    private static String gibibytes(String memTotal) {
        String kilobytes = memTotal.replaceAll("[^0-9]", "");
        if (kilobytes.isEmpty()) {
            return memTotal;
        }
        return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(kilobytes) / 1024.0 / 1024.0);
    }

    @Override
    public String toString() {
        return "machine: " + processors + " CPUs (nproc), " + cpuModel + ", " + memory + " RAM, " + os + ", " + jvm;
    }
}
