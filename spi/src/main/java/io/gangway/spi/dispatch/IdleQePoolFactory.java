package io.gangway.spi.dispatch;

/**
 * Makes the {@link IdleQePool} of each QD session. One per coordinator process, made by the
 * {@link io.gangway.spi.ServiceFactory} whose name {@value #SETTING} selects (default
 * {@value #DEFAULT_NAME}); the dispatcher calls {@link #open} when a session opens, on that
 * session's thread, and closes the pool when the session ends.
 */
public interface IdleQePoolFactory {
    /** The setting that names the pool: {@code gp_idle_qe_pool = commons | none}; read at start only. */
    String SETTING = "gp_idle_qe_pool";
    /** The pool a coordinator uses unless {@value #SETTING} names another. */
    String DEFAULT_NAME = "commons";

    /** A new, empty pool for one session; it starts QEs through {@code context.connector()}. */
    IdleQePool open(IdleQePoolContext context);
}
