package io.gangway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.gangway.server.config.GangwayConf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process whose {@code gangway.conf} names a setting no one declares does not start: it exits non-zero, saying where. */
class BadConfigurationIT {
    @TempDir
    Path directory;

    @Test
    void anUnknownNameInGangwayConfStopsTheProcessNamingTheFileAndLine() throws Exception {
        Files.write(directory.resolve(GangwayConf.FILE_NAME), List.of(
                "# a segment", "content = 0", "port = 0", "gp_interconect_type = udp"));
        Result result = run("segment", "-D", directory.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("FATAL:  unrecognized configuration parameter \"gp_interconect_type\" in file \""
                + directory.resolve(GangwayConf.FILE_NAME).toAbsolutePath() + "\" line 4");
    }

    @Test
    void aBadValueOnTheCommandLineStopsTheProcess() throws Exception {
        Files.write(directory.resolve(GangwayConf.FILE_NAME), List.of("content = 0", "port = 0"));
        Result result = run("segment", "-D", directory.toString(), "-c", "gp_interconnect_queue_depth=0");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains(
                "0 is outside the valid range for parameter \"gp_interconnect_queue_depth\" (1 .. 4096) on the command line");
    }

    private record Result(int exitCode, String output) {
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-Xmx128m",
                "-Dguice_bytecode_gen_option=DISABLED", "-cp", System.getProperty("java.class.path"),
                GangwayMain.class.getName()));
        command.addAll(List.of(args));
        Path log = directory.resolve("out.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the process did not stop within 60 s; it should have refused to start: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
