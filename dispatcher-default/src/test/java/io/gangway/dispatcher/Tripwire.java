package io.gangway.dispatcher;

/**
 * A class no dispatch frame may bring to life: its static initializer flips {@link TripwireFlag}.
 * Tests name it only as a string, so nothing but a decoder that loads classes by name could run it.
 */
final class Tripwire {
    static {
        TripwireFlag.TRIPPED.set(true);
    }

    private Tripwire() {
    }
}
