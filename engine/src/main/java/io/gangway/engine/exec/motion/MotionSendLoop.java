package io.gangway.engine.exec.motion;

import io.gangway.api.Batch;
import io.gangway.api.ColumnVector;
import io.gangway.api.DistributionHash;
import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.engine.exec.CancelState;
import io.gangway.engine.exec.Operator;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.plan.PlanNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The sending side of a motion: pulls the slice's rows and routes each to its receivers — GATHER to
 * route 0, REDISTRIBUTE by the hash of the hash columns (round robin without them), BROADCAST to
 * every route, EXPLICIT to the route its single hash column names. A route whose receiver stopped
 * is skipped; once every receiver stopped, the loop stops pulling. The stream ends with
 * {@link MotionSender#finish()}, or with {@link MotionSender#fail(String)} on error.
 */
public final class MotionSendLoop {
    private static final System.Logger LOG = System.getLogger(MotionSendLoop.class.getName());

    private final PlanNode.Motion motion;
    private final Operator input;
    private final MotionSender sender;
    private final CancelState cancel;
    private final int routeCount;
    private final boolean[] stopped;
    private int nextRoute;
    private long rowsSent;

    public MotionSendLoop(PlanNode.Motion motion, Operator input, MotionSender sender, int memberIndex,
            CancelState cancel) {
        this.motion = motion;
        this.input = input;
        this.sender = sender;
        this.cancel = cancel;
        this.routeCount = sender.routeCount();
        this.stopped = new boolean[routeCount];
        // Senders start their round robin at different routes so the first rows spread out.
        this.nextRoute = routeCount == 0 ? 0 : Math.floorMod(memberIndex, routeCount);
    }

    /**
     * Runs the slice to the end and returns the rows handed to the interconnect (a broadcast row
     * counts once per route). Closes the input and the sender in every case.
     */
    public long run() {
        try {
            while (!sender.allStopped() && !cancel.isFinished()) {
                cancel.check();
                Optional<Batch> batch = input.next();
                if (batch.isEmpty()) {
                    break;
                }
                route(batch.get());
            }
            // Close the input first: if we stopped early, the motions below us stop their senders too.
            input.close();
            sender.finish();
            return rowsSent;
        } catch (RuntimeException e) {
            SqlException error = cancel.isCancelled() ? cancel.canceledError(e) : SqlException.of(e);
            try {
                sender.fail(error.getMessage());
            } catch (RuntimeException failError) {
                // The sender may already be closed by a cancel; the original error is what matters.
                LOG.log(System.Logger.Level.DEBUG, "failing motion sender", failError);
            }
            throw error;
        } finally {
            try {
                input.close();
            } finally {
                cancel.unregister(sender);
                sender.close();
            }
        }
    }

    private void route(Batch batch) {
        int n = batch.rowCount();
        if (n == 0 || routeCount == 0) {
            return;
        }
        switch (motion.kind()) {
            case GATHER -> send(0, batch);
            case BROADCAST -> {
                byte[] chunk = BatchCodec.encode(batch);
                for (int r = 0; r < routeCount; r++) {
                    send(r, chunk, n);
                }
            }
            case REDISTRIBUTE -> split(batch, motion.hashColumns().isEmpty() ? roundRobin(n) : hashRoutes(batch));
            case EXPLICIT -> split(batch, explicitRoutes(batch));
        }
    }

    private int[] roundRobin(int n) {
        int[] routes = new int[n];
        for (int i = 0; i < n; i++) {
            routes[i] = nextRoute;
            nextRoute = (nextRoute + 1) % routeCount;
        }
        return routes;
    }

    private int[] hashRoutes(Batch batch) {
        List<Integer> hashColumns = motion.hashColumns();
        ColumnVector[] keys = new ColumnVector[hashColumns.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = batch.column(hashColumns.get(k));
        }
        int[] routes = new int[batch.rowCount()];
        Object[] values = new Object[keys.length];
        List<Object> keyValues = Arrays.asList(values);
        for (int i = 0; i < routes.length; i++) {
            for (int k = 0; k < keys.length; k++) {
                values[k] = keys[k].get(i);
            }
            routes[i] = DistributionHash.segmentFor(DistributionHash.hash(keyValues), routeCount);
        }
        return routes;
    }

    private int[] explicitRoutes(Batch batch) {
        if (motion.hashColumns().size() != 1) {
            throw new SqlException(SqlState.INTERNAL_ERROR, "an explicit motion needs exactly one target column");
        }
        ColumnVector targets = batch.column(motion.hashColumns().get(0));
        int[] routes = new int[batch.rowCount()];
        for (int i = 0; i < routes.length; i++) {
            Object target = targets.get(i);
            if (!(target instanceof Number number) || number.intValue() < 0 || number.intValue() >= routeCount) {
                throw new SqlException(SqlState.INTERNAL_ERROR,
                        "explicit motion target " + target + " is not a route of " + routeCount);
            }
            routes[i] = number.intValue();
        }
        return routes;
    }

    /** Sends each route its rows. */
    private void split(Batch batch, int[] routes) {
        int n = batch.rowCount();
        int[] counts = new int[routeCount];
        for (int route : routes) {
            counts[route]++;
        }
        List<int[]> positions = new ArrayList<>(routeCount);
        for (int r = 0; r < routeCount; r++) {
            positions.add(new int[counts[r]]);
        }
        int[] filled = new int[routeCount];
        for (int i = 0; i < n; i++) {
            int r = routes[i];
            positions.get(r)[filled[r]++] = i;
        }
        for (int r = 0; r < routeCount; r++) {
            if (counts[r] > 0 && !stopped[r]) {
                send(r, counts[r] == n ? batch : batch.select(positions.get(r), counts[r]));
            }
        }
    }

    private void send(int route, Batch batch) {
        if (!stopped[route]) {
            send(route, BatchCodec.encode(batch), batch.rowCount());
        }
    }

    private void send(int route, byte[] chunk, int rows) {
        if (stopped[route]) {
            return;
        }
        if (sender.send(route, chunk)) {
            rowsSent += rows;
        } else {
            stopped[route] = true;
        }
    }
}
