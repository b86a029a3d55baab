package io.gangway.engine.exec;

import io.gangway.api.SqlException;
import io.gangway.api.SqlState;
import io.gangway.spi.interconnect.Endpoint;
import io.gangway.spi.interconnect.Interconnect;
import io.gangway.spi.interconnect.MotionReceiver;
import io.gangway.spi.interconnect.MotionSender;
import io.gangway.spi.interconnect.MotionStreamKey;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An in-memory interconnect for tests: one bounded queue per (motion, receiver, sender), so a slow
 * receiver holds its senders back; {@code stop()} makes sends to that receiver return false; a
 * closed receiver or sender fails its blocked calls with 57014.
 */
final class FakeInterconnect implements Interconnect {
    private static final int QUEUE_DEPTH = 4;
    private static final long POLL_MILLIS = 5;

    private final Map<String, Route> routes = new ConcurrentHashMap<>();

    private record Message(byte[] chunk, boolean end, String error) {
    }

    /** The stream from one sender to one receiver, plus the receiver's shared state. */
    private static final class Route {
        final BlockingQueue<Message> queue = new LinkedBlockingQueue<>(QUEUE_DEPTH);
    }

    private static final class ReceiverState {
        final BlockingQueue<Integer> arrivals = new LinkedBlockingQueue<>();
        volatile boolean stopped;
        volatile boolean closed;
    }

    private final Map<String, ReceiverState> receivers = new ConcurrentHashMap<>();

    private Route route(MotionStreamKey key, int receiver, int sender) {
        return routes.computeIfAbsent(key + "/r" + receiver + "/s" + sender, k -> new Route());
    }

    private ReceiverState receiverState(MotionStreamKey key, int receiver) {
        return receivers.computeIfAbsent(key + "/r" + receiver, k -> new ReceiverState());
    }

    @Override
    public Endpoint endpoint() {
        return new Endpoint("localhost", 0);
    }

    @Override
    public MotionReceiver openReceiver(MotionStreamKey key, int receiverIndex, int senderCount) {
        ReceiverState state = receiverState(key, receiverIndex);
        return new MotionReceiver() {
            private final boolean[] ended = new boolean[senderCount];
            private int endedCount;
            private int last = -1;

            @Override
            public int lastSender() {
                return last;
            }

            @Override
            public byte[] next() {
                while (endedCount < senderCount && !state.stopped) {
                    Integer sender = take(state.arrivals);
                    byte[] chunk = consume(sender);
                    if (chunk != null) {
                        return chunk;
                    }
                }
                return null;
            }

            @Override
            public byte[] nextFrom(int sender) {
                if (ended[sender] || state.stopped) {
                    return null;
                }
                return consume(sender);
            }

            private byte[] consume(int sender) {
                Message m = take(route(key, receiverIndex, sender).queue);
                last = sender;
                if (m.error() != null) {
                    throw new SqlException(SqlState.GP_INTERCONNECTION_ERROR, m.error());
                }
                if (m.end()) {
                    ended[sender] = true;
                    endedCount++;
                    return null;
                }
                return m.chunk();
            }

            private <T> T take(BlockingQueue<T> queue) {
                while (true) {
                    if (state.closed) {
                        throw new SqlException(SqlState.QUERY_CANCELED, "receiver closed");
                    }
                    try {
                        T item = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                        if (item != null) {
                            return item;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new SqlException(SqlState.QUERY_CANCELED, "interrupted");
                    }
                }
            }

            @Override
            public void stop() {
                state.stopped = true;
            }

            @Override
            public void close() {
                state.closed = true;
            }
        };
    }

    @Override
    public MotionSender openSender(MotionStreamKey key, int senderIndex, List<Endpoint> receiverEndpoints) {
        int count = receiverEndpoints.size();
        return new MotionSender() {
            private volatile boolean closed;
            private boolean ended;

            @Override
            public int routeCount() {
                return count;
            }

            @Override
            public boolean send(int r, byte[] chunk) {
                return put(r, new Message(chunk, false, null));
            }

            private boolean put(int r, Message message) {
                ReceiverState state = receiverState(key, r);
                Route route = route(key, r, senderIndex);
                while (true) {
                    if (closed) {
                        throw new SqlException(SqlState.QUERY_CANCELED, "sender closed");
                    }
                    if (state.stopped || state.closed) {
                        return false;
                    }
                    try {
                        if (route.queue.offer(message, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                            state.arrivals.add(senderIndex);
                            return true;
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new SqlException(SqlState.QUERY_CANCELED, "interrupted");
                    }
                }
            }

            @Override
            public boolean allStopped() {
                for (int r = 0; r < count; r++) {
                    if (!receiverState(key, r).stopped) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public void finish() {
                ended = true;
                for (int r = 0; r < count; r++) {
                    put(r, new Message(null, true, null));
                }
            }

            @Override
            public void fail(String message) {
                ended = true;
                for (int r = 0; r < count; r++) {
                    // Never blocks for long: an error that does not fit a full queue is dropped.
                    if (route(key, r, senderIndex).queue.offer(new Message(null, false, message))) {
                        receiverState(key, r).arrivals.add(senderIndex);
                    }
                }
            }

            @Override
            public void close() {
                if (!ended) {
                    fail("sender closed before the end of its stream");
                }
                closed = true;
            }
        };
    }

    @Override
    public void close() {
    }
}
