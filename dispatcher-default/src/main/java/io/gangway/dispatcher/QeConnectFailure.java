package io.gangway.dispatcher;

/**
 * Why a QE could not be started, in words for the DETAIL of a {@code 58M01} error, and whether the
 * segment may accept a retry (it refused the connection, or is starting up).
 */
final class QeConnectFailure extends RuntimeException {
    private final boolean retryable;

    QeConnectFailure(String reason, boolean retryable) {
        super(reason, null, false, false);
        this.retryable = retryable;
    }

    boolean retryable() {
        return retryable;
    }
}
