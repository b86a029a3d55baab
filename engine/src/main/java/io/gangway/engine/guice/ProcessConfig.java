package io.gangway.engine.guice;

import static java.util.Objects.requireNonNull;

import io.gangway.api.ClusterSecret;
import io.gangway.api.Settings;
import io.gangway.spi.ExtensionContext;
import java.nio.file.Path;

/** What a coordinator or segment process is: its role, content id, data directory and settings. */
public record ProcessConfig(ExtensionContext.Role role, int contentId, Path dataDirectory, Settings settings) {
    public ProcessConfig {
        requireNonNull(role, "role is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(settings, "settings is null");
    }

    /**
     * The context services are made with. The cluster secret is read from the data directory when
     * it holds one ({@value ClusterSecret#FILE_NAME}, made when the cluster is created); a process
     * started on a bare directory (tests, embedded use) gets the public test secret.
     */
    public ExtensionContext extensionContext() {
        ClusterSecret secret = ClusterSecret.existsIn(dataDirectory)
                ? ClusterSecret.readFrom(dataDirectory) : ClusterSecret.INSECURE_FOR_TESTS;
        return new ExtensionContext(role, contentId, dataDirectory, secret);
    }

    public String setting(String name, String defaultValue) {
        return settings.getString(name, defaultValue);
    }
}
