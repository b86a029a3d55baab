package io.gangway.server.pgwire;

import static java.util.Objects.requireNonNull;

import io.gangway.api.Column;
import io.gangway.api.SqlException;
import io.gangway.api.SqlType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * A message to the client, encoded by {@link PgMessageEncoder} (one method per message). DataRows
 * of a large result bypass these records: {@link BackendWriter} encodes them straight from the
 * batches.
 */
public sealed interface BackendMessage {
    /** The one-byte answer to SSLRequest or GSSENCRequest ({@code 'N'}: not supported). */
    record EncryptionResponse(byte answer) implements BackendMessage {
    }

    /** AuthenticationOk. */
    record AuthenticationOk() implements BackendMessage {
    }

    /** NegotiateProtocolVersion: the newest minor version we speak and the options we ignored. */
    record NegotiateProtocolVersion(int newestMinorVersion, List<String> unrecognizedOptions)
            implements BackendMessage {
        public NegotiateProtocolVersion {
            unrecognizedOptions = List.copyOf(requireNonNull(unrecognizedOptions, "unrecognizedOptions is null"));
        }
    }

    record ParameterStatus(String name, String value) implements BackendMessage {
        public ParameterStatus {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }
    }

    record BackendKeyData(int processId, int secret) implements BackendMessage {
    }

    /** ReadyForQuery with the transaction status: {@code I}, {@code T} or {@code E}. */
    record ReadyForQuery(char transactionStatus) implements BackendMessage {
    }

    record RowDescription(List<Column> columns, FormatCodes formats) implements BackendMessage {
        public RowDescription {
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
            requireNonNull(formats, "formats is null");
        }
    }

    /** One row; {@code null} values are SQL NULL. */
    record DataRow(List<@Nullable Object> values, List<SqlType> types, FormatCodes formats)
            implements BackendMessage {
        public DataRow {
            values = Collections.unmodifiableList(new ArrayList<>(requireNonNull(values, "values is null")));
            types = List.copyOf(requireNonNull(types, "types is null"));
            requireNonNull(formats, "formats is null");
            if (values.size() != types.size()) {
                throw new IllegalArgumentException(values.size() + " values for " + types.size() + " types");
            }
        }
    }

    record CommandComplete(String tag) implements BackendMessage {
        public CommandComplete {
            requireNonNull(tag, "tag is null");
        }
    }

    record EmptyQueryResponse() implements BackendMessage {
    }

    /** ErrorResponse: severity ({@code ERROR}, {@code FATAL}), SQLSTATE, message and optional fields. */
    record ErrorResponse(String severity, String code, String message, Optional<String> detail,
            Optional<String> hint, OptionalInt position) implements BackendMessage {
        public ErrorResponse {
            requireNonNull(severity, "severity is null");
            requireNonNull(code, "code is null");
            requireNonNull(message, "message is null");
            requireNonNull(detail, "detail is null");
            requireNonNull(hint, "hint is null");
            requireNonNull(position, "position is null");
        }

        public static ErrorResponse error(SqlException e) {
            return of("ERROR", e);
        }

        public static ErrorResponse fatal(SqlException e) {
            return of("FATAL", e);
        }

        private static ErrorResponse of(String severity, SqlException e) {
            return new ErrorResponse(severity, e.state().code(), e.getMessage(), e.detail(), e.hint(), e.position());
        }
    }

    /** NoticeResponse: severity ({@code WARNING}, {@code NOTICE}), SQLSTATE and message. */
    record NoticeResponse(String severity, String code, String message) implements BackendMessage {
        public NoticeResponse {
            requireNonNull(severity, "severity is null");
            requireNonNull(code, "code is null");
            requireNonNull(message, "message is null");
        }

        /** A notice as the engine raises it, {@code "WARNING:  text"} ({@code NOTICE} when not marked). */
        public static NoticeResponse of(String line) {
            for (String severity : List.of("WARNING", "NOTICE", "INFO", "LOG", "DEBUG")) {
                if (line.startsWith(severity + ":")) {
                    return new NoticeResponse(severity, severity.equals("WARNING") ? "01000" : "00000",
                            line.substring(severity.length() + 1).strip());
                }
            }
            return new NoticeResponse("NOTICE", "00000", line);
        }
    }

    record ParseComplete() implements BackendMessage {
    }

    record BindComplete() implements BackendMessage {
    }

    record CloseComplete() implements BackendMessage {
    }

    record NoData() implements BackendMessage {
    }

    record ParameterDescription(List<Integer> typeOids) implements BackendMessage {
        public ParameterDescription {
            typeOids = List.copyOf(requireNonNull(typeOids, "typeOids is null"));
        }
    }

    record PortalSuspended() implements BackendMessage {
    }
}
