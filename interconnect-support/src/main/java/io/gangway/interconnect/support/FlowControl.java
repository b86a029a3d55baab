package io.gangway.interconnect.support;

/**
 * What a transport does for one inbound stream when its {@link ChunkQueue} changes: the link between
 * the transport-independent queue and the transport's own way of holding a sender back and of
 * talking to it. TCP stops and resumes reading the stream's connection; UDP stops and resumes
 * granting window, and acknowledges.
 *
 * <p>{@link #pause()} and {@link #resume()} run under the queue's lock, so they alternate strictly and
 * match the queue's state; they must be quick and must take no lock a queue caller may hold. The
 * other methods run with no queue lock held, on the thread that caused them.
 */
public interface FlowControl {
    /** The queue reached its depth: hold the sender back. */
    void pause();

    /** The queue fell below its depth after a pause (a chunk was taken, or the queue was dropped): let the sender go on. */
    void resume();

    /** The consumer took a chunk (its thread, after the take): a transport that grants credit may grant it now. */
    default void taken() {}

    /** The receiver needs no more (called once): tell the sender to stop; what still comes is dropped. */
    void stop();

    /** The stream is refused (called once, instead of {@link #stop()}): tell the sender why. */
    void refuse(String reason);

    /**
     * The receiver is done with the stream (called once): release what the stream holds.
     * {@code finished} says whether the stream had ended, failed, been stopped or refused; a
     * transport tells the sender of an unfinished stream that its receiver is gone.
     */
    void release(boolean finished);

    /** Names the stream's sender for messages: "sender 2 of motion con7/cmd3/slice1 at 10.0.0.5:4711". */
    String describe();
}
