package io.gangway.server.pgwire;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message from the client, decoded from its frame by {@link PgMessageDecoder}. The first four are
 * the untyped packets of the startup phase; the others are typed messages of protocol 3.0.
 */
public sealed interface FrontendMessage {
    /** SSLRequest: the client asks for TLS before its StartupMessage. */
    record SslRequest() implements FrontendMessage {
    }

    /** GSSENCRequest: the client asks for GSSAPI encryption before its StartupMessage. */
    record GssEncRequest() implements FrontendMessage {
    }

    /** CancelRequest, sent on a new connection: cancel what the session {@code processId} runs. */
    record CancelRequest(int processId, int secret) implements FrontendMessage {
    }

    /** StartupMessage: the protocol version and the startup parameters. */
    record Startup(int protocolVersion, Map<String, String> parameters) implements FrontendMessage {
        public Startup {
            parameters = Map.copyOf(requireNonNull(parameters, "parameters is null"));
        }

        public int majorVersion() {
            return protocolVersion >>> 16;
        }

        public int minorVersion() {
            return protocolVersion & 0xFFFF;
        }
    }

    /** PasswordMessage (and the SASL and GSS responses that share its type byte): raw body. */
    record Password(byte[] body) implements FrontendMessage {
        public Password {
            requireNonNull(body, "body is null");
        }
    }

    /** Query: a simple-query text, possibly several statements. */
    record Query(String sql) implements FrontendMessage {
        public Query {
            requireNonNull(sql, "sql is null");
        }
    }

    /** Parse: prepare {@code sql} as statement {@code name}; type OIDs of parameters, 0 = infer. */
    record Parse(String name, String sql, List<Integer> parameterTypes) implements FrontendMessage {
        public Parse {
            requireNonNull(name, "name is null");
            requireNonNull(sql, "sql is null");
            parameterTypes = List.copyOf(requireNonNull(parameterTypes, "parameterTypes is null"));
        }
    }

    /**
     * Bind: make portal {@code portal} from statement {@code statement} with these values
     * ({@code null} for SQL NULL) in these formats, asking for results in {@code resultFormats}.
     */
    record Bind(String portal, String statement, List<Short> parameterFormats,
            List<byte @Nullable []> values, List<Short> resultFormats) implements FrontendMessage {
        public Bind {
            requireNonNull(portal, "portal is null");
            requireNonNull(statement, "statement is null");
            parameterFormats = List.copyOf(requireNonNull(parameterFormats, "parameterFormats is null"));
            // List.copyOf refuses nulls, and a null value is SQL NULL here
            values = Collections.unmodifiableList(new ArrayList<>(requireNonNull(values, "values is null")));
            resultFormats = List.copyOf(requireNonNull(resultFormats, "resultFormats is null"));
        }
    }

    /** Describe: {@code kind} 'S' for a statement, 'P' for a portal. */
    record Describe(byte kind, String name) implements FrontendMessage {
        public Describe {
            requireNonNull(name, "name is null");
        }
    }

    /** Execute: run portal {@code portal}, returning at most {@code maxRows} rows (0 = all). */
    record Execute(String portal, int maxRows) implements FrontendMessage {
        public Execute {
            requireNonNull(portal, "portal is null");
        }
    }

    /** Close: {@code kind} 'S' for a statement, 'P' for a portal. */
    record Close(byte kind, String name) implements FrontendMessage {
        public Close {
            requireNonNull(name, "name is null");
        }
    }

    /** Sync: end of an extended-query batch; answered with ReadyForQuery. */
    record Sync() implements FrontendMessage {
    }

    /** Flush: send what is buffered. */
    record Flush() implements FrontendMessage {
    }

    /** Terminate: the client is leaving. */
    record Terminate() implements FrontendMessage {
    }

    /** CopyData, CopyDone or CopyFail outside a COPY: PostgreSQL ignores them, and so do we. */
    record CopyMessage(byte type) implements FrontendMessage {
    }

    /** A message type the server does not support (FunctionCall) or does not know. */
    record Unsupported(byte type) implements FrontendMessage {
    }
}
