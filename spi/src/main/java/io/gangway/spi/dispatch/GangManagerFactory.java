package io.gangway.spi.dispatch;

/**
 * Makes the {@link GangManager} of each QD session over that session's {@link IdleQePool}. One per
 * coordinator process, made by the {@link io.gangway.spi.ServiceFactory} whose name
 * {@value #SETTING} selects (default {@value #DEFAULT_NAME}); the dispatcher calls {@link #open}
 * when a session opens, on that session's thread.
 */
public interface GangManagerFactory {
    /** The setting that names the gang manager; read at start only. */
    String SETTING = "gp_gang_manager";
    /** The gang manager a coordinator uses unless {@value #SETTING} names another. */
    String DEFAULT_NAME = "default";

    /** A gang manager drawing on {@code pool}, the pool of the session being opened. */
    GangManager open(IdleQePool pool);
}
