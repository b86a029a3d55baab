package io.gangway.spi.dispatch;

/**
 * How a plan is dispatched. {@code cursor}: the plan serves a cursor (a named portal kept open
 * across statements), so every gang it gets is made of reader QEs only, never the session's writer
 * (Greenplum's explicit reader gangs), and a cursor plan must not write.
 */
public record DispatchOptions(boolean cursor) {
    public static final DispatchOptions DEFAULT = new DispatchOptions(false);

    public DispatchOptions withCursor(boolean newCursor) {
        return new DispatchOptions(newCursor);
    }
}
