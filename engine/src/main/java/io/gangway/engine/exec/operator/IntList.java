package io.gangway.engine.exec.operator;

import java.util.Arrays;

/** A growable list of ints (row positions), without boxing. */
final class IntList {
    private int[] values = new int[4];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int get(int index) {
        return values[index];
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    int[] array() {
        return values;
    }
}
