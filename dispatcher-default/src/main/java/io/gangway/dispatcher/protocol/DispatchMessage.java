package io.gangway.dispatcher.protocol;

import static java.util.Objects.requireNonNull;

import io.gangway.spi.dispatch.DispatchRequest;
import io.gangway.spi.dispatch.QeResult;
import io.gangway.spi.dispatch.QeStartup;
import io.gangway.spi.dispatch.SliceTable;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.plan.PlannedStatement;

/**
 * The messages of the QD↔QE dispatch protocol. Each travels in one length-prefixed frame, its
 * payload serialized by {@link KryoSerialization}.
 *
 * <pre>
 *  QD (PooledQeConnection)                    QE (NettyDispatchServer)
 *  secret + Startup(QeStartup) ──────────────▶ check the secret, then QeService.open
 *                              ◀────────────── StartupOk(interconnect endpoint, pid) | StartupFailed
 *  Dispatch(id, request)       ──────────────▶ QeSession.execute (in order, on the QE's worker)
 *  DispatchSlice(id, plan bytes, slice, member)  ExecuteSlice, the plan serialized once for all QEs
 *  Cancel(id, finish)          ──────────────▶ QeSession.cancel (no reply: the Result says how it ended)
 *                              ◀────────────── Result(id, QeResult)
 *  Terminate | connection close ─────────────▶ QeSession.close
 * </pre>
 */
public sealed interface DispatchMessage {
    /** First message of a connection: start a QE for a QD session. */
    record Startup(QeStartup startup) implements DispatchMessage {
        public Startup {
            requireNonNull(startup, "startup is null");
        }
    }

    /** The QE is ready; {@code pid} is its number in the segment process (for error messages). */
    record StartupOk(Endpoint interconnectEndpoint, int pid) implements DispatchMessage {
        public StartupOk {
            requireNonNull(interconnectEndpoint, "interconnectEndpoint is null");
        }
    }

    /** The segment refused the QE (e.g. {@code 57P03} while it starts up); the connection closes after it. */
    record StartupFailed(String sqlState, String message) implements DispatchMessage {
        public StartupFailed {
            requireNonNull(sqlState, "sqlState is null");
            requireNonNull(message, "message is null");
        }
    }

    /** A request for the QE; answered by one {@link Result} with the same id. */
    record Dispatch(long requestId, DispatchRequest request) implements DispatchMessage {
        public Dispatch {
            requireNonNull(request, "request is null");
        }
    }

    /**
     * An {@link DispatchRequest.ExecuteSlice} whose plan and slice table ({@link SharedPlan}) were
     * serialized once on the QD for every QE of the statement; the QE deserializes them on its worker.
     */
    record DispatchSlice(long requestId, byte[] sharedPlan, int sliceId, int memberIndex, long commandId)
            implements DispatchMessage {
        public DispatchSlice {
            requireNonNull(sharedPlan, "sharedPlan is null");
        }
    }

    /** What every QE of a dispatched plan gets alike. */
    record SharedPlan(PlannedStatement plan, SliceTable sliceTable) {
        public SharedPlan {
            requireNonNull(plan, "plan is null");
            requireNonNull(sliceTable, "sliceTable is null");
        }
    }

    /** The outcome of request {@code requestId}. */
    record Result(long requestId, QeResult result) implements DispatchMessage {
        public Result {
            requireNonNull(result, "result is null");
        }
    }

    /** Cancel (or, with {@code finish}, end early and successfully) request {@code requestId}; no reply. */
    record Cancel(long requestId, boolean finish) implements DispatchMessage {
    }

    /** The QD is done with this QE; the server closes the session and the connection. */
    record Terminate() implements DispatchMessage {
    }
}
