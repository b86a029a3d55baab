package io.gangway.server.pgwire;

import static java.util.Objects.requireNonNull;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import java.util.Map;
import java.util.Optional;

/**
 * What a client's StartupMessage asked for: the user, the database (the user's name when not
 * given, as PostgreSQL does), the application name, and every parameter as sent (run-time
 * settings such as {@code client_encoding}, {@code DateStyle}, {@code options}).
 */
public record StartupParameters(String user, String database, Optional<String> applicationName,
        Map<String, String> parameters) {
    public StartupParameters {
        requireNonNull(user, "user is null");
        requireNonNull(database, "database is null");
        requireNonNull(applicationName, "applicationName is null");
        parameters = Map.copyOf(requireNonNull(parameters, "parameters is null"));
    }

    /** The parameters of a StartupMessage; refuses one without a user as PostgreSQL does (28000). */
    public static StartupParameters of(Map<String, String> parameters) {
        String user = parameters.get("user");
        if (user == null || user.isEmpty()) {
            throw new SqlException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
                    "no PostgreSQL user name specified in startup packet");
        }
        String database = parameters.get("database");
        return new StartupParameters(user, database == null || database.isEmpty() ? user : database,
                Optional.ofNullable(parameters.get("application_name")), parameters);
    }

    /** The {@code options} parameter (command-line style {@code -c name=value} settings), if sent. */
    public Optional<String> options() {
        return Optional.ofNullable(parameters.get("options"));
    }
}
